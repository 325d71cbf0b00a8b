//! The shipped wasm by part: where the brotli bytes of a first visit's wasm go.
//!
//! twiggy reads the wasm as wasm-bindgen wrote it, before wasm-opt, in raw bytes; what
//! a first visit downloads is wasm-opt's output, compressed, and wasm-opt may inline
//! the app's views into Yew's generic `CompStateInner::view`, so a table by crate of
//! the unoptimised file shows neither what ships nor who wrote it. Here wasm-opt is run
//! again on the same input with the page's level and options plus `-g` (its names
//! kept), each function body is given to a part by its name ([`part`]), the data
//! section is split into text (UTF-8 runs) and tables (pointers, numbers, padding), and
//! each part is compressed alone with brotli 11 (tests/browser/bench/brotli.mjs).
//! Compressed alone, a part loses the context the others give it, so the parts add up
//! to more than the whole; the whole is reported beside them.

use std::fmt::Write as _;
use std::path::Path;

use super::{kb, Bench, Figure};
use crate::cmd::{self, Result};
use crate::wasm::{self, Bytes, ReadError};

/// A UTF-8 run at least this many bytes long counts as text in the data section.
const MIN_TEXT_RUN: usize = 8;

/// What a wasm module holds, as far as this report needs.
#[derive(Debug, Default)]
pub struct Module {
    /// Each defined function's body, with its name from the name section (empty if
    /// none).
    pub functions: Vec<(String, Vec<u8>)>,
    /// The data segments' bytes, concatenated.
    pub data: Vec<u8>,
}

/// Reads the functions (bodies and names) and the data of a wasm module.
pub fn read(bytes: &[u8]) -> std::result::Result<Module, ReadError> {
    let mut imported_functions = 0u64;
    let mut bodies: Vec<Vec<u8>> = Vec::new();
    let mut names: Vec<(u64, String)> = Vec::new();
    let mut data = Vec::new();
    for section in wasm::sections(bytes)? {
        let mut s = Bytes {
            bytes: section.body,
            at: 0,
        };
        match section.id {
            wasm::IMPORT_SECTION => {
                let imports = wasm::imports(section.body, section.offset)?;
                imported_functions = imports.iter().filter(|i| i.kind == 0).count() as u64;
            }
            10 => {
                for _ in 0..s.uleb()? {
                    bodies.push(s.name()?.to_vec());
                }
            }
            11 => {
                for _ in 0..s.uleb()? {
                    match s.uleb()? {
                        0 => s.const_expr()?,
                        1 => {}
                        2 => {
                            s.uleb()?;
                            s.const_expr()?;
                        }
                        _ => {
                            return Err(ReadError::Unsupported(
                                "data segment",
                                section.offset + s.at,
                            ))
                        }
                    }
                    data.extend_from_slice(s.name()?);
                }
            }
            0 if s.name()? == b"name" => {
                while s.at < section.body.len() {
                    let sub = s.byte()?;
                    let body = s.name()?;
                    if sub != 1 {
                        continue;
                    }
                    let mut n = Bytes { bytes: body, at: 0 };
                    for _ in 0..n.uleb()? {
                        let index = n.uleb()?;
                        let name = String::from_utf8_lossy(n.name()?).into_owned();
                        names.push((index, name));
                    }
                }
            }
            _ => {}
        }
    }
    let mut functions: Vec<(String, Vec<u8>)> =
        bodies.into_iter().map(|b| (String::new(), b)).collect();
    for (index, name) in names {
        let defined = index
            .checked_sub(imported_functions)
            .and_then(|i| usize::try_from(i).ok());
        if let Some(f) = defined.and_then(|i| functions.get_mut(i)) {
            f.0 = name;
        }
    }
    Ok(Module { functions, data })
}

/// The part a function belongs to, by its (demangled) name.
pub fn part(name: &str) -> String {
    let path = name
        .trim_start_matches('<')
        .trim_start_matches('&')
        .trim_start_matches("mut ");
    // wasm-opt may inline a component's view into Yew's generic method.
    if name.contains("CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view")
        || path.starts_with("zhicheng_app::views::")
        || path.starts_with("zhicheng_app::app::")
    {
        return "app: the views (the form, the result, where to apply, about)".into();
    }
    if path.starts_with("zhicheng_app::batch") {
        return "app: the batch page and its job".into();
    }
    if path.starts_with("zhicheng_app") {
        return "app: state, form reading, effects, web".into();
    }
    if path.starts_with("zhicheng_engine::messages") {
        return "engine: messages".into();
    }
    if path.starts_with("zhicheng_engine::profile") || path.starts_with("zhicheng_engine::json") {
        return "engine: reading profiles (JSON)".into();
    }
    if path.starts_with("zhicheng_engine") {
        return "engine: rules, evaluation, plan, where to apply".into();
    }
    if path.starts_with("zhicheng_formats") {
        return "formats: rosters, CE files, QR code".into();
    }
    let Some((first, _)) = path.split_once("::") else {
        return "exports and their shims (wasm-bindgen)".into();
    };
    // `<u32 as core::fmt::Display>::fmt`, `<[T] as alloc::…>`: a trait's impl for a
    // type of no crate goes with the trait's crate.
    let krate = match first.split_once(" as ") {
        Some((_, trait_path)) => trait_path,
        None if first.starts_with('[') || first.contains(['<', '>', ' ']) => "core",
        None => first,
    };
    let krate = krate.split('[').next().unwrap_or(krate);
    match krate {
        "core" | "alloc" | "std" => {
            "core, alloc, std (with their generic code for every type)".into()
        }
        "yew" | "implicit_clone" => "Yew's runtime".into(),
        "wasm_bindgen"
        | "js_sys"
        | "web_sys"
        | "wasm_bindgen_futures"
        | "serde_wasm_bindgen"
        | "gloo_events"
        | "gloo_file"
        | "gloo_storage"
        | "gloo_timers"
        | "gloo_utils" => "bindings to the browser (wasm-bindgen, web-sys, gloo)".into(),
        other => format!("other crates: {other}"),
    }
}

/// The data section's text (runs of UTF-8 at least [`MIN_TEXT_RUN`] bytes long) and
/// the rest (tables of pointers and lengths, numbers, padding).
pub fn split_data(data: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let (mut text, mut tables) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < data.len() {
        let run = text_run(&data[at..]);
        if run >= MIN_TEXT_RUN {
            text.extend_from_slice(&data[at..at + run]);
            at += run;
        } else {
            tables.extend_from_slice(&data[at..at + run.max(1)]);
            at += run.max(1);
        }
    }
    (text, tables)
}

/// How many bytes at the start of `bytes` are printable UTF-8 (or newlines and tabs).
fn text_run(bytes: &[u8]) -> usize {
    let valid = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        // What precedes `valid_up_to` is valid UTF-8 ending on a character boundary.
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
    };
    valid
        .char_indices()
        .find(|(_, c)| c.is_control() && *c != '\n' && *c != '\t')
        .map_or(valid.len(), |(i, _)| i)
}

/// One row of the report: a part, its raw bytes and its brotli bytes (alone).
#[derive(Debug, PartialEq)]
pub struct PartSize {
    pub part: String,
    pub raw: u64,
    pub brotli: u64,
}

/// One `SIZE` line of brotli.mjs: a file, its raw bytes and its brotli bytes.
#[derive(Debug, PartialEq)]
pub struct Compressed {
    pub path: String,
    pub raw: u64,
    pub brotli: u64,
}

/// Adds the section and the figure: runs wasm-opt with names on `bindgen_wasm` (the
/// file wasm-bindgen wrote), into the bench directory, and measures its parts beside
/// `shipped` (the wasm of dist/); returns the named file.
pub fn run(b: &mut Bench, bindgen_wasm: &Path, shipped: &Path) -> Result<std::path::PathBuf> {
    let shipped_bytes =
        std::fs::read(shipped).map_err(|e| format!("{}: {e}", shipped.display()))?;
    let index = cmd::repo_root().join("www/index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (level, params) = super::reference::wasm_opt(&html)
        .ok_or("www/index.html has no <link data-trunk rel=\"rust\">")?;
    let named = b.dir.join("zhicheng-app-named.wasm");
    let level = level.ok_or("www/index.html's rust link sets no data-wasm-opt level")?;
    let mut opt = cmd::command("wasm-opt");
    opt.arg(format!("-O{level}"));
    opt.args(params.as_deref().unwrap_or("").split_whitespace());
    opt.arg("-g").arg(bindgen_wasm).arg("-o").arg(&named);
    cmd::run(&mut opt)?;
    let bytes = std::fs::read(&named).map_err(|e| format!("{}: {e}", named.display()))?;
    let module = read(&bytes).map_err(|e| format!("{}: {e}", named.display()))?;

    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, body) in &module.functions {
        let p = part(name);
        match parts.iter_mut().find(|(q, _)| *q == p) {
            Some((_, bytes)) => bytes.extend_from_slice(body),
            None => parts.push((p, body.clone())),
        }
    }
    let code: Vec<u8> = module.functions.iter().flat_map(|f| f.1.clone()).collect();
    let (text, tables) = split_data(&module.data);
    let dir = b.dir.join("wasm-parts");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    let mut write = |label: String, bytes: &[u8]| -> Result {
        let file = dir.join(format!("{}.bin", files.len()));
        std::fs::write(&file, bytes).map_err(|e| format!("{}: {e}", file.display()))?;
        files.push((label, file));
        Ok(())
    };
    for (p, bytes) in &parts {
        write(p.clone(), bytes)?;
    }
    write(
        "data: text (messages in two languages, rule data, clause texts)".into(),
        &text,
    )?;
    write(
        "data: tables (pointers and lengths, numbers, padding)".into(),
        &tables,
    )?;
    write("all the code, compressed together".into(), &code)?;
    write("all the data, compressed together".into(), &module.data)?;
    write("the wasm as shipped (dist/)".into(), &shipped_bytes)?;
    let out = super::node(
        "tests/browser/bench/brotli.mjs",
        &files
            .iter()
            .map(|(_, f)| f.clone().into_os_string())
            .collect::<Vec<_>>(),
    )?;
    let sizes = parse_sizes(&out);
    let mut rows: Vec<PartSize> = Vec::new();
    for (label, file) in &files {
        let found = sizes
            .iter()
            .find(|c| Path::new(&c.path) == file)
            .ok_or_else(|| format!("brotli.mjs did not report {}", file.display()))?;
        rows.push(PartSize {
            part: label.clone(),
            raw: found.raw,
            brotli: found.brotli,
        });
    }
    let totals = rows.split_off(rows.len() - 3);
    rows.sort_by_key(|r| std::cmp::Reverse(r.brotli));
    b.sections.push(section(&rows, &totals));
    let summary: Vec<String> = rows
        .iter()
        .take(6)
        .map(|r| format!("{} {}", r.part, kb(r.brotli)))
        .collect();
    b.figures.push(Figure {
        name: "The wasm by part (brotli, each part alone)".into(),
        value: summary.join("; "),
        note: "wasm-opt's output with its names kept (`-g`, otherwise as the page builds it), \
               each function given to a part by its name, a view wasm-opt inlined into \
               Yew's `view` to the app's views, the data split into text and tables; each \
               part compressed alone with brotli 11 (so they add up to more than the whole); \
               the whole table is in results.md"
            .into(),
        ..Figure::default()
    });
    Ok(named)
}

/// The `SIZE PATH RAW BROTLI` lines of brotli.mjs (a path may hold spaces).
pub fn parse_sizes(out: &str) -> Vec<Compressed> {
    out.lines()
        .filter_map(|l| {
            let mut w = l.strip_prefix("SIZE ")?.rsplitn(3, ' ');
            let brotli = w.next()?.parse().ok()?;
            let raw = w.next()?.parse().ok()?;
            Some(Compressed {
                path: w.next()?.to_string(),
                raw,
                brotli,
            })
        })
        .collect()
}

/// The results.md section: each part, then the totals.
fn section(rows: &[PartSize], totals: &[PartSize]) -> String {
    let mut s = String::from(
        "## The shipped wasm by part\n\n\
         wasm-opt's output with its names kept (`-g`; otherwise the page's level and \
         options, so within a few bytes of the shipped file), each function body given \
         to a part by its name (xtask/src/bench/parts.rs), each part compressed alone \
         with brotli 11. A part compressed alone loses the context the others give it, \
         so the parts add up to more than the whole (the last rows).\n\n\
         | part | raw | brotli, alone |\n|---|---|---|\n",
    );
    for r in rows.iter().chain(totals) {
        let _ = writeln!(s, "| {} | {} | {} |", r.part, kb(r.raw), kb(r.brotli));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module: one imported function, two defined ones with names, one data segment.
    fn module() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        // type section: one type () -> ()
        m.extend([1, 4, 1, 0x60, 0, 0]);
        // import section: "m" "f" func type 0
        m.extend([2, 7, 1, 1, b'm', 1, b'f', 0, 0]);
        // function section: two functions of type 0
        m.extend([3, 3, 2, 0, 0]);
        // code section: two bodies, 2 and 3 bytes
        m.extend([10, 8, 2, 2, 0, 0x0b, 3, 0, 0x01, 0x0b]);
        // data section: one active segment at i32.const 1024 ("hello, world\0\0")
        let data = b"hello, world\0\0";
        let mut d = vec![1, 0, 0x41, 0x80, 0x08, 0x0b, data.len() as u8];
        d.extend(data);
        m.push(11);
        m.push(d.len() as u8);
        m.extend(d);
        // name section: function names 1 (the first defined) and 2
        let names = [
            2, 1, 10, b'z', b'h', b'i', b'c', b'h', b'e', b'n', b'g', b'_', b'a', 2, 1, b'x',
        ];
        let mut sub = vec![1, names.len() as u8];
        sub.extend(names);
        let mut custom = vec![4, b'n', b'a', b'm', b'e'];
        custom.extend(sub);
        m.push(0);
        m.push(custom.len() as u8);
        m.extend(custom);
        m
    }

    #[test]
    fn a_module_is_read_with_its_names_and_data() {
        let m = read(&module()).unwrap();
        assert_eq!(
            m.functions,
            vec![
                ("zhicheng_a".to_string(), vec![0, 0x0b]),
                ("x".to_string(), vec![0, 0x01, 0x0b])
            ]
        );
        assert_eq!(m.data, b"hello, world\0\0");
    }

    #[test]
    fn a_truncated_or_foreign_file_is_an_error() {
        let mut bytes = module();
        bytes.truncate(bytes.len() - 3);
        assert_eq!(read(&bytes).unwrap_err(), ReadError::Truncated);
        assert_eq!(read(b"\0asm\x02\0\0\0").unwrap_err(), ReadError::NotWasm);
        assert_eq!(
            read(&[b"\0asm\x01\0\0\0".as_slice(), &[11, 3, 1, 7, 0]].concat()).unwrap_err(),
            ReadError::Unsupported("data segment", 12)
        );
    }

    #[test]
    fn functions_go_to_their_parts() {
        let view = "<yew::html::component::lifecycle::CompStateInner<COMP> as \
                    yew::html::component::lifecycle::Stateful>::view::h6109123f28937aa0";
        assert_eq!(part(view), part("zhicheng_app::views::apply::view::h98c5"));
        assert!(part(view).starts_with("app: the views"));
        assert!(part("zhicheng_app::batch::table::results::h1").starts_with("app: the batch"));
        assert!(part("zhicheng_app::store::state::Ticked::set::h2").starts_with("app: state"));
        assert_eq!(
            part("zhicheng_engine::messages::check::h1"),
            "engine: messages"
        );
        assert!(part("zhicheng_engine::profile::Profile::from_json::h1").contains("JSON"));
        assert!(
            part("<zhicheng_formats::roster::Roster as core::iter::Iterator>::next")
                .starts_with("formats")
        );
        assert!(part("core::ptr::drop_in_place<yew::virtual_dom::VNode>::h3").starts_with("core"));
        assert!(
            part("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<X>>::malloc")
                .ends_with("dlmalloc")
        );
        assert_eq!(part("yew::dom_bundle::bnode::hydrate::h1"), "Yew's runtime");
        assert!(part("batchjob_step").starts_with("exports"));
        assert!(part("<&mut web_sys::features::Element as x>::y").starts_with("bindings"));
        assert!(part("<u32 as core::fmt::Display>::fmt::h1").starts_with("core"));
        assert!(part("<[T] as alloc::slice::Concat<str>>::concat::h1").starts_with("core"));
        assert!(part("<T as wasm_bindgen::convert::FromWasmAbi>::x").starts_with("bindings"));
        assert!(part("<char>::to_lowercase::h1").starts_with("core"));
    }

    #[test]
    fn data_is_split_into_text_and_tables() {
        let data = [
            b"\x10\0\0\0\x05\0\0\0".as_slice(),
            "评审通知 rules".as_bytes(),
            b"\0ab\0",
        ]
        .concat();
        let (text, tables) = split_data(&data);
        assert_eq!(text, "评审通知 rules".as_bytes());
        // A run shorter than MIN_TEXT_RUN ("ab") is not text.
        assert_eq!(tables, b"\x10\0\0\0\x05\0\0\0\0ab\0");
        assert_eq!(split_data(b"").0, b"");
    }

    #[test]
    fn size_lines_are_read() {
        let out = "$ node\nSIZE /t/a b/0.bin 100 40\nSIZE bad\nSIZE /t/1.bin 7 9\n";
        assert_eq!(
            parse_sizes(out),
            vec![
                Compressed {
                    path: "/t/a b/0.bin".into(),
                    raw: 100,
                    brotli: 40
                },
                Compressed {
                    path: "/t/1.bin".into(),
                    raw: 7,
                    brotli: 9
                }
            ]
        );
    }
}
