//! The architecture invariants of ARCHITECTURE.md ("Invariants") that the web app's
//! source can be checked for, read from src/ as text: which file uses which (every
//! `crate::` and `super::` path, resolved to the file that defines it), and which
//! names a file may not use. Tests (`#[cfg(test)]` modules and files) are left out:
//! they may reach anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A source file of src/: its path from the crate root ("src/store/reducer.rs"), its
/// module path (["store", "reducer"]) and its code without comments or tests.
struct Source {
    path: String,
    module: Vec<String>,
    code: String,
}

/// Files that are tests (declared under `#[cfg(test)]`).
const TEST_FILES: &[&str] = &["src/store/tests.rs", "src/form/examples.rs"];

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if TEST_FILES.contains(&rel.as_str()) {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            out.push(Source {
                module: module_of(&rel),
                code: code_of(&text),
                path: rel,
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// "src/store/reducer.rs" → ["store", "reducer"]; "src/store/mod.rs" → ["store"];
/// "src/main.rs" → [].
fn module_of(path: &str) -> Vec<String> {
    let inner = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "main")) {
        parts.pop();
    }
    parts
}

/// The code without line comments and without the tests at the end of the file.
fn code_of(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path the code names from the crate: `use crate::a::{b, c::d}` gives `a::b` and
/// `a::c::d`; `super::x` is made absolute; a path in the code (`crate::a::b(…)`) too.
fn paths(source: &Source) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let code = &source.code;
    let mut offset = 0;
    for line in code.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start();
        let Some(stmt) = ["use ", "pub use ", "pub(crate) use "]
            .iter()
            .find_map(|k| trimmed.strip_prefix(k))
        else {
            continue;
        };
        let stmt_at = start + (line.len() - trimmed.len()) + (trimmed.len() - stmt.len());
        let Some(end) = code[stmt_at..].find(';') else {
            break;
        };
        let tree: String = code[stmt_at..stmt_at + end]
            .replace(" as ", "@")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        expand(&tree, &mut Vec::new(), &mut out);
    }
    for (at, _) in code.match_indices("crate::") {
        let path: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        out.push(path.split("::").map(str::to_string).collect());
    }
    out.into_iter()
        .filter_map(|p| absolute(&source.module, p))
        .collect()
}

/// Expands a `use` tree (without spaces) into its paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree.find('{') {
        None => {
            let mut path = prefix.clone();
            path.extend(
                tree.split("::")
                    .filter(|s| !s.is_empty())
                    .map(|s| s.split('@').next().unwrap_or(s).to_string()),
            );
            out.push(path);
        }
        Some(open) => {
            let head: Vec<String> = tree[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let n = prefix.len();
            prefix.extend(head);
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&inner[start..i], prefix, out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if start < inner.len() {
                expand(&inner[start..], prefix, out);
            }
            prefix.truncate(n);
        }
    }
}

/// A path from the crate's root, without `crate`; `None` for other crates.
fn absolute(module: &[String], path: Vec<String>) -> Option<Vec<String>> {
    let first = path.first()?.as_str();
    match first {
        "crate" => Some(path[1..].to_vec()),
        "super" => {
            let mut base = module[..module.len().saturating_sub(1)].to_vec();
            base.extend(path[1..].iter().filter(|s| *s != "self").cloned());
            Some(base)
        }
        "self" => {
            let mut base = module.to_vec();
            base.extend(path[1..].iter().cloned());
            Some(base)
        }
        _ => None,
    }
}

/// The file that defines the longest prefix of `path` that is a module.
fn file_of(path: &[String], files: &BTreeSet<String>) -> Option<String> {
    (1..=path.len()).rev().find_map(|n| {
        let inner = path[..n].join("/");
        [format!("src/{inner}.rs"), format!("src/{inner}/mod.rs")]
            .into_iter()
            .find(|f| files.contains(f))
    })
}

/// Which files each file uses.
fn graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<String> = sources.iter().map(|s| s.path.clone()).collect();
    sources
        .iter()
        .map(|s| {
            let uses = paths(s)
                .iter()
                .filter_map(|p| file_of(p, &files))
                .filter(|f| *f != s.path)
                .collect();
            (s.path.clone(), uses)
        })
        .collect()
}

fn find_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        file: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|f| f == file) {
            let mut circle = path[at..].to_vec();
            circle.push(file.to_string());
            return Some(circle);
        }
        if done.contains(file) {
            return None;
        }
        path.push(file.to_string());
        for next in graph.get(file).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(file.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|f| visit(f, graph, &mut Vec::new(), &mut done))
}

/// The files of `sources` under `dir` that use a file under one of `forbidden`.
fn uses_of(
    graph: &BTreeMap<String, BTreeSet<String>>,
    dir: &str,
    forbidden: &[&str],
) -> Vec<String> {
    graph
        .iter()
        .filter(|(f, _)| f.starts_with(dir))
        .flat_map(|(f, uses)| {
            uses.iter()
                .filter(|u| forbidden.iter().any(|x| u.starts_with(x)))
                .map(move |u| format!("{f} uses {u}"))
        })
        .collect()
}

#[test]
fn the_module_graph_is_read() {
    let sources = sources();
    let graph = graph(&sources);
    let uses = |f: &str| graph.get(f).cloned().unwrap_or_default();
    assert!(uses("src/store/reducer.rs").contains("src/store/action.rs"));
    assert!(uses("src/app.rs").contains("src/views/pages.rs"));
    assert!(uses("src/views/ctx.rs").contains("src/store/state.rs"));
    assert!(uses("src/form/check.rs").contains("src/form/table.rs"));
}

/// Architecture Invariant: no circle in src/.
#[test]
fn no_circle_in_src() {
    let graph = graph(&sources());
    assert_eq!(
        find_circle(&graph),
        None,
        "files of src/ that use each other"
    );
}

/// Architecture Invariant: views never import the app or the store's internals.
#[test]
fn views_use_only_the_stores_vocabulary() {
    let graph = graph(&sources());
    let internals = [
        "src/app.rs",
        "src/effects.rs",
        "src/store/reducer.rs",
        "src/store/effect.rs",
        "src/store/saved.rs",
    ];
    assert_eq!(
        uses_of(&graph, "src/views/", &internals),
        Vec::<String>::new()
    );
    assert_eq!(
        uses_of(&graph, "src/batch/", &internals),
        Vec::<String>::new()
    );
}

/// Architecture Invariant: the reducer is pure: the store calls nothing of the
/// browser and names no element.
#[test]
fn the_store_is_pure() {
    let sources = sources();
    let graph = graph(&sources);
    let above = [
        "src/web/",
        "src/views/",
        "src/app.rs",
        "src/effects.rs",
        "src/batch/",
        "src/api.rs",
    ];
    assert_eq!(uses_of(&graph, "src/store/", &above), Vec::<String>::new());
    for s in sources.iter().filter(|s| s.path.starts_with("src/store/")) {
        for word in [
            "web_sys",
            "js_sys",
            "gloo",
            "wasm_bindgen",
            "dom_id",
            "_ID",
            "\"f-",
        ] {
            assert!(!s.code.contains(word), "{} names {word}", s.path);
        }
    }
}

/// Architecture Invariant: one descriptor per field: no field's DOM id, and no
/// table keyed by field names, outside the table.
#[test]
fn fields_are_described_once() {
    for s in sources() {
        if s.path == "src/form/table.rs" {
            continue;
        }
        assert!(
            !s.code.contains("\"f-"),
            "{} writes a field's DOM id",
            s.path
        );
        let arms: Vec<&str> = s
            .code
            .lines()
            .filter(|l| l.contains("Name::") && l.contains("=>"))
            .collect();
        assert!(
            arms.is_empty(),
            "{} matches on field names: {arms:?}",
            s.path
        );
    }
}

/// Architecture Invariant: the web layer is the only place that calls browser APIs.
#[test]
fn browser_apis_only_in_the_web_layer() {
    for s in sources() {
        if s.path.starts_with("src/web/") || s.path == "src/api.rs" {
            continue;
        }
        for word in ["js_sys", "gloo", "wasm_bindgen_futures", "JsCast"] {
            assert!(!s.code.contains(word), "{} uses {word}", s.path);
        }
        // A handle of the element the app renders into may pass through.
        let calls = s.code.matches("web_sys::").count();
        let handles = s.code.matches("web_sys::Element").count();
        assert_eq!(
            calls, handles,
            "{} uses web_sys beyond an Element handle",
            s.path
        );
    }
}

/// Architecture Invariant: storage errors are values.
#[test]
fn storage_errors_are_values() {
    let sources = sources();
    for path in ["src/web/storage.rs", "src/store/saved.rs", "src/effects.rs"] {
        let s = sources.iter().find(|s| s.path == path).unwrap();
        for word in [
            ".unwrap()",
            ".expect(",
            "panic!",
            "unwrap_throw",
            "expect_throw",
        ] {
            assert!(!s.code.contains(word), "{path} may panic: {word}");
        }
    }
    let web = sources
        .iter()
        .find(|s| s.path == "src/web/storage.rs")
        .unwrap();
    let asked = web.code.find(".local_storage()").unwrap();
    let raw = web.code.find("LocalStorage::raw()").unwrap();
    assert!(
        asked < raw,
        "gloo's LocalStorage::raw() throws where there is no storage: ask the window first"
    );
}

/// Every Rust file of the repository (its own folders, not `target/`, `node_modules/`
/// or the benchmarks' reference app), from the root.
fn rust_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.to_string_lossy().replace('\\', "/");
                out.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["src", "crates", "xtask", "fuzz/fuzz_targets", "tests"] {
        walk(Path::new(dir), &mut out);
    }
    out.sort();
    out
}

/// The functions of a rustfmt-formatted file longer than `limit` lines: a `fn` line
/// to the `}` at its own indentation.
fn long_functions(text: &str, limit: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let rest = ["pub(crate) ", "pub(super) ", "pub ", "async ", "const "]
            .iter()
            .fold(code, |c, p| c.strip_prefix(p).unwrap_or(c));
        let Some(name) = rest.strip_prefix("fn ") else {
            continue;
        };
        let close = format!("{indent}}}");
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            if end + 2 > limit {
                let name = name.split(['(', '<']).next().unwrap_or(name).to_string();
                out.push((name, end + 2));
            }
        }
    }
    out
}

/// Issue 14's measure of a readable codebase: no function over 150 lines, no source
/// file over 800 (a long table of data is a `const`, not a function).
#[test]
fn no_function_over_150_lines_no_file_over_800() {
    let files = rust_files();
    assert!(files.len() > 100, "the repository's files are found");
    let mut long = Vec::new();
    for (file, text) in files {
        for (name, lines) in long_functions(&text, 150) {
            long.push(format!("{file}: fn {name} has {lines} lines"));
        }
        let lines = text.lines().count();
        if lines > 800 {
            long.push(format!("{file} has {lines} lines"));
        }
    }
    assert!(long.is_empty(), "split these:\n{}", long.join("\n"));
    let sample = "fn a() {\n    let x = 1;\n}\n\n    pub fn b() {\n    }\n";
    assert_eq!(long_functions(sample, 2), [("a".to_string(), 3)]);
}

/// The product's ordered maps and sets are `zhicheng_engine::sorted`'s: `BTreeMap` and
/// `BTreeSet` compile their node code once per key and value type: replacing their
/// eleven copies made the wasm 11.6 KB smaller once compressed (docs/performance.md). The code the
/// wasm is built from (the app, the engine, the formats) names neither outside tests.
#[test]
fn the_wasm_code_keeps_ordered_maps_in_sorted_vectors() {
    let mut found = Vec::new();
    for (file, text) in rust_files() {
        let in_wasm = ["src/", "crates/engine/src/", "crates/formats/src/"]
            .iter()
            .any(|dir| file.starts_with(dir));
        if !in_wasm {
            continue;
        }
        let code = code_of(&text);
        for word in ["BTreeMap", "BTreeSet"] {
            if code.contains(word) {
                found.push(format!("{file}: {word}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use zhicheng_engine::sorted::{{SortedMap, SortedSet}}:\n{}",
        found.join("\n")
    );
    assert_eq!(
        code_of("use x::BTreeMap;\n#[cfg(test)]\nmod tests { BTreeSet }"),
        "use x::BTreeMap;"
    );
}
