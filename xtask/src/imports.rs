//! wasm-bindgen's import and export names made short. wasm-bindgen names each import of
//! the wasm `__wbg_<what>_<16 hex digits>` (`__wbg_setAttribute_3c2f…`), and the glue's
//! import object repeats every name: 226 names, whose hashes are random to a compressor
//! and whose words are there only for a person reading the glue, which is minified
//! anyway (crate::minify); its exports are read by the glue as `wasm.<name>`
//! (`wasm.__wbindgen_malloc`, closures' `…invoke__h<hash>`). Trunk's post-build hook
//! ([`shorten_in`], before the minifier and the prerender) names each import of
//! wasm-bindgen's (`__wbg…`, `__wbindgen…`) and each export the glue reads with the
//! shortest name no word of the glue uses (`a`, `b`, … `Z`, `aa`, …), in both files:
//! ≈ 3.6 KB of the wasm and the glue once compressed (docs/performance.md). A glue that
//! does not name every renamed import, or a wasm that also exports one of those names
//! (the glue's `wasm.<name>` would be renamed with it), fails the build rather than ship
//! an app that cannot start (were wasm-bindgen to write its glue otherwise one day).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use crate::cmd::Result;
use crate::offline::{attribute, element};
use crate::wasm::{self, Export, Import, ReadError};

/// The prefixes of the names wasm-bindgen gives the imports it writes glue for.
const PREFIXES: [&str; 2] = ["__wbg", "__wbindgen"];
/// The letters short names are made of.
const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The wasm and the glue with the shorter names.
#[derive(Debug, PartialEq)]
pub struct Shortened {
    pub wasm: Vec<u8>,
    pub glue: String,
    /// How many imports were renamed.
    pub imports: usize,
    /// How many exports were renamed.
    pub exports: usize,
}

/// Why the names could not be shortened.
#[derive(Debug, PartialEq)]
pub enum ShortenError {
    /// The wasm could not be read.
    Wasm(ReadError),
    /// The wasm imports this name, which the glue never writes.
    NotInGlue(String),
    /// The wasm imports and exports this name.
    AlsoExported(String),
    /// The module has more than one section of this id.
    TwoSections(u8),
}

impl fmt::Display for ShortenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShortenError::Wasm(e) => write!(f, "{e}"),
            ShortenError::NotInGlue(name) => write!(
                f,
                "the wasm imports {name}, which the glue does not name: wasm-bindgen's \
                 output is not what xtask/src/imports.rs expects"
            ),
            ShortenError::AlsoExported(name) => write!(
                f,
                "the wasm imports and exports {name}: renaming the import would rename the \
                 glue's use of the export too"
            ),
            ShortenError::TwoSections(id) => write!(f, "the wasm has two sections of id {id}"),
        }
    }
}

impl From<ReadError> for ShortenError {
    fn from(e: ReadError) -> Self {
        ShortenError::Wasm(e)
    }
}

/// Whether `name` is one wasm-bindgen gives an import it writes glue for.
fn is_wasm_bindgens(name: &str) -> bool {
    PREFIXES.iter().any(|p| name.starts_with(p))
}

/// The `n`th short name: `a` … `Z`, then `aa`, `ab`, … (one letter more each time the
/// shorter ones are used up).
fn short_name(mut n: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// Short names in order, skipping those already taken.
struct Fresh<'a> {
    next: usize,
    taken: BTreeSet<&'a str>,
}

impl Fresh<'_> {
    fn name(&mut self) -> String {
        loop {
            let candidate = short_name(self.next);
            self.next += 1;
            if !self.taken.contains(candidate.as_str()) {
                return candidate;
            }
        }
    }
}

/// The JavaScript identifiers (and keywords, and words in strings and comments) of
/// `glue`, with where each starts.
fn words(glue: &str) -> Vec<(usize, &str)> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
    let bytes = glue.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !is_word(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && is_word(bytes[at]) {
            at += 1;
        }
        if !bytes[start].is_ascii_digit() {
            out.push((start, &glue[start..at]));
        }
    }
    out
}

/// How the glue reads an export of the wasm: `wasm.<name>`.
const EXPORT_READ: &str = "wasm.";

/// Whether the word at `start` of `glue` is read as an export (`wasm.<word>`).
fn read_as_export(glue: &str, start: usize) -> bool {
    glue[..start].ends_with(EXPORT_READ)
        && !glue[..start - EXPORT_READ.len()]
            .ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.')
}

/// The one section of `id` in `sections`, if any.
fn one<'a, 'b>(
    sections: &'b [wasm::Section<'a>],
    id: u8,
) -> std::result::Result<Option<&'b wasm::Section<'a>>, ShortenError> {
    let mut of_id = sections.iter().filter(|s| s.id == id);
    let first = of_id.next();
    match of_id.next() {
        Some(_) => Err(ShortenError::TwoSections(id)),
        None => Ok(first),
    }
}

/// The wasm and its glue with every import wasm-bindgen named (`__wbg…`, `__wbindgen…`),
/// and every export the glue reads (`wasm.<name>`), given the shortest name that no word
/// of the glue, no other import and no export uses, in the order they are imported and
/// exported. The glue's own exports (`evaluate`, `BatchJob`…) keep their names: only a
/// word read as `wasm.<name>` is an export's.
pub fn shorten(wasm_bytes: &[u8], glue: &str) -> std::result::Result<Shortened, ShortenError> {
    let sections = wasm::sections(wasm_bytes)?;
    let imports = match one(&sections, wasm::IMPORT_SECTION)? {
        Some(s) => wasm::imports(s.body, s.offset)?,
        None => Vec::new(),
    };
    let exports = match one(&sections, wasm::EXPORT_SECTION)? {
        Some(s) => wasm::exports(s.body, s.offset)?,
        None => Vec::new(),
    };
    let text = |name: &[u8]| String::from_utf8_lossy(name).into_owned();
    let import_names: Vec<String> = imports.iter().map(|i| text(i.name)).collect();
    let export_names: Vec<String> = exports.iter().map(|e| text(e.name)).collect();
    if let Some(both) = import_names
        .iter()
        .find(|n| is_wasm_bindgens(n) && export_names.contains(*n))
    {
        return Err(ShortenError::AlsoExported(both.clone()));
    }

    // Taken: every word of the glue, every import name and every export name.
    let glue_words = words(glue);
    let mut fresh = Fresh {
        next: 0,
        taken: glue_words.iter().map(|(_, w)| *w).collect(),
    };
    fresh.taken.extend(import_names.iter().map(String::as_str));
    fresh.taken.extend(export_names.iter().map(String::as_str));
    let mut import_renames: BTreeMap<&str, String> = BTreeMap::new();
    for name in import_names.iter().filter(|n| is_wasm_bindgens(n)) {
        if !import_renames.contains_key(name.as_str()) {
            import_renames.insert(name, fresh.name());
        }
    }
    let read: BTreeSet<&str> = glue_words
        .iter()
        .filter(|(start, _)| read_as_export(glue, *start))
        .map(|(_, w)| *w)
        .collect();
    let mut export_renames: BTreeMap<&str, String> = BTreeMap::new();
    for name in export_names.iter().filter(|n| read.contains(n.as_str())) {
        export_renames.insert(name, fresh.name());
    }

    let mut new_glue = String::with_capacity(glue.len());
    let mut written = 0;
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for &(start, word) in &glue_words {
        let short = match import_renames.get(word) {
            Some(short) => {
                seen.insert(word);
                short
            }
            None => match export_renames.get(word) {
                Some(short) if read_as_export(glue, start) => short,
                _ => continue,
            },
        };
        new_glue.push_str(&glue[written..start]);
        new_glue.push_str(short);
        written = start + word.len();
    }
    new_glue.push_str(&glue[written..]);
    if let Some(missing) = import_renames.keys().find(|old| !seen.contains(*old)) {
        return Err(ShortenError::NotInGlue(missing.to_string()));
    }

    let renamed_imports: Vec<Import> = imports
        .iter()
        .zip(&import_names)
        .map(|(i, name)| Import {
            name: import_renames
                .get(name.as_str())
                .map_or(i.name, |s| s.as_bytes()),
            ..*i
        })
        .collect();
    let renamed_exports: Vec<Export> = exports
        .iter()
        .zip(&export_names)
        .map(|(e, name)| Export {
            name: export_renames
                .get(name.as_str())
                .map_or(e.name, |s| s.as_bytes()),
            ..*e
        })
        .collect();
    let import_body = wasm::import_section(&renamed_imports);
    let export_body = wasm::export_section(&renamed_exports);
    let parts: Vec<(u8, &[u8])> = sections
        .iter()
        .map(|s| match s.id {
            wasm::IMPORT_SECTION => (s.id, import_body.as_slice()),
            wasm::EXPORT_SECTION => (s.id, export_body.as_slice()),
            _ => (s.id, s.body),
        })
        .collect();
    Ok(Shortened {
        wasm: wasm::module(&parts),
        glue: new_glue,
        imports: import_renames.len(),
        exports: export_renames.len(),
    })
}

/// The glue and the wasm of the app Trunk built into `dist`, as the boot tag of
/// `dist`/index.html names them.
pub fn app_files(dist: &Path) -> Result<(std::path::PathBuf, std::path::PathBuf)> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let tag = element(&html, crate::prerender::BOOT_TAG)
        .ok_or("dist/index.html has no boot tag (Trunk.toml pattern_script)")?;
    let file = |attr: &str| {
        attribute(tag, attr)
            .map(|name| dist.join(name.trim_start_matches('/')))
            .ok_or(format!("the boot tag has no {attr}"))
    };
    Ok((file("data-zc-js")?, file("data-zc-wasm")?))
}

/// Shortens the import names of the app Trunk built into `dist`, in place.
pub fn shorten_in(dist: &Path) -> Result {
    let (glue_path, wasm_path) = app_files(dist)?;
    let read_err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let glue = std::fs::read_to_string(&glue_path).map_err(|e| read_err(&glue_path, e))?;
    let wasm_bytes = std::fs::read(&wasm_path).map_err(|e| read_err(&wasm_path, e))?;
    let out = shorten(&wasm_bytes, &glue).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
    std::fs::write(&wasm_path, &out.wasm).map_err(|e| read_err(&wasm_path, e))?;
    std::fs::write(&glue_path, &out.glue).map_err(|e| read_err(&glue_path, e))?;
    println!(
        "shortened {} of wasm-bindgen's import names and {} export names in {} and {}",
        out.imports,
        out.exports,
        wasm_path.display(),
        glue_path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const H1: &str = "0123456789abcdef";
    const H2: &str = "fedcba9876543210";

    fn module(names: &[&str]) -> Vec<u8> {
        let func = [0u8];
        let imports: Vec<Import> = names
            .iter()
            .map(|n| Import {
                module: b"wbg",
                name: n.as_bytes(),
                kind: 0,
                desc: &func,
            })
            .collect();
        let body = wasm::import_section(&imports);
        wasm::module(&[(1, b"types"), (wasm::IMPORT_SECTION, &body), (10, b"code")])
    }

    fn imported(wasm_bytes: &[u8]) -> Vec<String> {
        let sections = wasm::sections(wasm_bytes).unwrap();
        let s = sections
            .iter()
            .find(|s| s.id == wasm::IMPORT_SECTION)
            .unwrap();
        wasm::imports(s.body, s.offset)
            .unwrap()
            .iter()
            .map(|i| String::from_utf8(i.name.to_vec()).unwrap())
            .collect()
    }

    #[test]
    fn imports_get_the_shortest_names_no_word_of_the_glue_uses() {
        let (log, new_a, new_b) = (
            format!("__wbg_log_{H1}"),
            format!("__wbg_new_{H1}"),
            format!("__wbg_new_{H2}"),
        );
        let names = [log.as_str(), &new_a, &new_b, "__wbindgen_throw", "envThing"];
        let glue = format!(
            "function __wbg_init() {{ const a = 1; }}\nconst import0 = {{ __proto__: null,\n\
             {log}: function(b) {{ console.log(b) }}, {new_a}: () => new A(),\n\
             {new_b}: () => new B(), __wbindgen_throw: t, envThing: e }};\n\
             const x{log} = 1; // not a word of ours\n"
        );
        let original = module(&names);
        let out = shorten(&original, &glue).unwrap();
        assert_eq!((out.imports, out.exports), (4, 0));
        // a, b, e and t are words of the glue; envThing is not wasm-bindgen's.
        assert_eq!(imported(&out.wasm), ["c", "d", "f", "g", "envThing"]);
        assert_eq!(
            out.glue,
            format!(
                "function __wbg_init() {{ const a = 1; }}\nconst import0 = {{ __proto__: null,\n\
                 c: function(b) {{ console.log(b) }}, d: () => new A(),\n\
                 f: () => new B(), g: t, envThing: e }};\n\
                 const x{log} = 1; // not a word of ours\n"
            )
        );
        let before = wasm::sections(&original).unwrap();
        let after = wasm::sections(&out.wasm).unwrap();
        assert_eq!(
            (before[0].body, before[2].body),
            (after[0].body, after[2].body),
            "other sections as they were"
        );
    }

    #[test]
    fn exports_the_glue_reads_get_short_names_and_the_glues_own_keep_theirs() {
        let imports = [Import {
            module: b"wbg",
            name: b"__wbg_log_0123456789abcdef",
            kind: 0,
            desc: &[0],
        }];
        let exports = [
            Export {
                name: b"memory",
                kind: 2,
                index: 0,
            },
            Export {
                name: b"evaluate",
                kind: 0,
                index: 1,
            },
            Export {
                name: b"__wbindgen_start",
                kind: 0,
                index: 2,
            },
            Export {
                name: b"unread",
                kind: 0,
                index: 3,
            },
        ];
        let (import_body, export_body) = (
            wasm::import_section(&imports),
            wasm::export_section(&exports),
        );
        let module = wasm::module(&[
            (wasm::IMPORT_SECTION, &import_body),
            (wasm::EXPORT_SECTION, &export_body),
        ]);
        let glue = "const import0 = { __wbg_log_0123456789abcdef: f };\n\
                    export function evaluate(p) { return wasm.evaluate(p); }\n\
                    function finish() { wasm.__wbindgen_start(); new DataView(wasm.memory.buffer); }\n\
                    const other = { wasm: 1 }.wasm.evaluate; // not the module's exports\n";
        let out = shorten(&module, glue).unwrap();
        assert_eq!((out.imports, out.exports), (1, 3));
        assert_eq!(
            out.glue,
            "const import0 = { a: f };\n\
             export function evaluate(p) { return wasm.c(p); }\n\
             function finish() { wasm.d(); new DataView(wasm.b.buffer); }\n\
             const other = { wasm: 1 }.wasm.evaluate; // not the module's exports\n"
        );
        let sections = wasm::sections(&out.wasm).unwrap();
        let names: Vec<String> = wasm::exports(sections[1].body, 0)
            .unwrap()
            .iter()
            .map(|e| String::from_utf8(e.name.to_vec()).unwrap())
            .collect();
        assert_eq!(
            names,
            ["b", "c", "d", "unread"],
            "in order, the unread one as it was"
        );
        let indices: Vec<u64> = wasm::exports(sections[1].body, 0)
            .unwrap()
            .iter()
            .map(|e| e.index)
            .collect();
        assert_eq!(indices, [0, 1, 2, 3]);
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_is_refused() {
        let log = format!("__wbg_log_{H1}");
        assert_eq!(
            shorten(&module(&[&log]), "const import0 = { something: f };"),
            Err(ShortenError::NotInGlue(log))
        );
        assert!(matches!(
            shorten(b"not wasm", ""),
            Err(ShortenError::Wasm(ReadError::NotWasm))
        ));
    }

    #[test]
    fn an_import_also_exported_is_refused() {
        let imports = [Import {
            module: b"wbg",
            name: b"__wbindgen_start",
            kind: 0,
            desc: &[0],
        }];
        let mut exports = Vec::new();
        wasm::write_uleb(&mut exports, 1);
        wasm::write_name(&mut exports, b"__wbindgen_start");
        exports.extend_from_slice(&[0, 0]);
        let body = wasm::import_section(&imports);
        let both = wasm::module(&[
            (wasm::IMPORT_SECTION, &body),
            (wasm::EXPORT_SECTION, &exports),
        ]);
        assert_eq!(
            shorten(
                &both,
                "import0 = { __wbindgen_start: f }; wasm.__wbindgen_start();"
            ),
            Err(ShortenError::AlsoExported("__wbindgen_start".into()))
        );
    }

    #[test]
    fn short_names_are_one_letter_then_two_then_three() {
        let names: Vec<String> = [0, 25, 26, 51, 52, 53, 104, 52 + 52 * 52 - 1, 52 + 52 * 52]
            .into_iter()
            .map(short_name)
            .collect();
        assert_eq!(names, ["a", "z", "A", "Z", "aa", "ab", "ba", "ZZ", "aaa"]);
    }
}
