//! wasm-bindgen's import names made short. wasm-bindgen names each import of the wasm
//! `__wbg_<what>_<16 hex digits>` (`__wbg_setAttribute_3c2f…`), and the glue's import
//! object repeats every name: 226 names, whose hashes are random to a compressor and
//! whose words are there only for a person reading the glue, which is minified anyway
//! (crate::minify). Trunk's post-build hook ([`shorten_in`], before the minifier and the
//! prerender) names each import of wasm-bindgen's (`__wbg…`, `__wbindgen…`) with the
//! shortest name no word of the glue uses (`a`, `b`, … `Z`, `aa`, …), in both files:
//! ≈ 3.3 KB of the wasm and the glue once compressed (docs/performance.md). A glue that
//! does not name every renamed import, or a wasm that also exports one of those names
//! (the glue's `wasm.<name>` would be renamed with it), fails the build rather than ship
//! an app that cannot start (were wasm-bindgen to write its glue otherwise one day).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use crate::cmd::Result;
use crate::offline::{attribute, element};
use crate::wasm::{self, Import, ReadError};

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
    pub renamed: usize,
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
    /// The module has more than one import section.
    TwoImportSections,
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
            ShortenError::TwoImportSections => write!(f, "the wasm has two import sections"),
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

/// The wasm and its glue with every import wasm-bindgen named (`__wbg…`, `__wbindgen…`)
/// given the shortest name that no word of the glue, no other import and no export
/// uses, in the order they are imported.
pub fn shorten(wasm_bytes: &[u8], glue: &str) -> std::result::Result<Shortened, ShortenError> {
    let sections = wasm::sections(wasm_bytes)?;
    let mut import_sections = sections.iter().filter(|s| s.id == wasm::IMPORT_SECTION);
    let Some(section) = import_sections.next() else {
        return Ok(Shortened {
            wasm: wasm_bytes.to_vec(),
            glue: glue.to_string(),
            renamed: 0,
        });
    };
    if import_sections.next().is_some() {
        return Err(ShortenError::TwoImportSections);
    }
    let imports = wasm::imports(section.body, section.offset)?;
    let names: Vec<String> = imports
        .iter()
        .map(|i| String::from_utf8_lossy(i.name).into_owned())
        .collect();
    let mut exported: BTreeSet<String> = BTreeSet::new();
    for s in sections.iter().filter(|s| s.id == wasm::EXPORT_SECTION) {
        for name in wasm::export_names(s.body, s.offset)? {
            exported.insert(String::from_utf8_lossy(name).into_owned());
        }
    }
    if let Some(both) = names
        .iter()
        .find(|n| is_wasm_bindgens(n) && exported.contains(*n))
    {
        return Err(ShortenError::AlsoExported(both.clone()));
    }

    // Taken: every word of the glue, every import name and every export name.
    let glue_words = words(glue);
    let mut taken: BTreeSet<&str> = glue_words.iter().map(|(_, w)| *w).collect();
    taken.extend(names.iter().map(String::as_str));
    taken.extend(exported.iter().map(String::as_str));
    let mut renames: BTreeMap<&str, String> = BTreeMap::new();
    let mut next = 0;
    for name in names.iter().filter(|n| is_wasm_bindgens(n)) {
        if renames.contains_key(name.as_str()) {
            continue;
        }
        let short = loop {
            let candidate = short_name(next);
            next += 1;
            if !taken.contains(candidate.as_str()) {
                break candidate;
            }
        };
        renames.insert(name, short);
    }

    let mut new_glue = String::with_capacity(glue.len());
    let mut written = 0;
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for &(start, word) in &glue_words {
        if let Some(short) = renames.get(word) {
            new_glue.push_str(&glue[written..start]);
            new_glue.push_str(short);
            written = start + word.len();
            seen.insert(word);
        }
    }
    new_glue.push_str(&glue[written..]);
    if let Some(missing) = renames.keys().find(|old| !seen.contains(*old)) {
        return Err(ShortenError::NotInGlue(missing.to_string()));
    }

    let renamed_imports: Vec<Import> = imports
        .iter()
        .zip(&names)
        .map(|(i, name)| Import {
            name: renames.get(name.as_str()).map_or(i.name, |s| s.as_bytes()),
            ..*i
        })
        .collect();
    let body = wasm::import_section(&renamed_imports);
    let parts: Vec<(u8, &[u8])> = sections
        .iter()
        .map(|s| {
            if s.id == wasm::IMPORT_SECTION {
                (s.id, body.as_slice())
            } else {
                (s.id, s.body)
            }
        })
        .collect();
    Ok(Shortened {
        wasm: wasm::module(&parts),
        glue: new_glue,
        renamed: renames.len(),
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
        "shortened {} of wasm-bindgen's import names in {} and {}",
        out.renamed,
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
        assert_eq!(out.renamed, 4);
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
