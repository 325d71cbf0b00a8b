//! wasm-bindgen's import names without their hashes. wasm-bindgen names each import
//! of the wasm `__wbg_<what>_<16 hex digits>` (`__wbg_setAttribute_3c2f…`), and the
//! glue's import object repeats every name: 217 hashes, random to a compressor, cost
//! ≈ 2 KB of the wasm and ≈ 2 KB of the glue once compressed (docs/performance.md).
//! Trunk's post-build hook ([`shorten_in`], before the prerender) renames each to
//! `__wbg_<what>`, adding `_2`, `_3`… where two would meet, in both files. A glue that
//! does not name every renamed import fails the build rather than ship an app that
//! cannot start (were wasm-bindgen to write its glue otherwise one day).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use crate::cmd::Result;
use crate::offline::{attribute, element};
use crate::wasm::{self, Import, ReadError};

/// The prefix of the names wasm-bindgen gives the imports it writes glue for.
const PREFIX: &str = "__wbg_";
/// The digits of the hash wasm-bindgen appends.
const HASH_DIGITS: usize = 16;

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
            ShortenError::TwoImportSections => write!(f, "the wasm has two import sections"),
        }
    }
}

impl From<ReadError> for ShortenError {
    fn from(e: ReadError) -> Self {
        ShortenError::Wasm(e)
    }
}

/// `what` of a name `__wbg_<what>_<16 hex digits>`.
fn stem(name: &str) -> Option<&str> {
    let rest = name.strip_prefix(PREFIX)?;
    let (what, hash) = rest.split_at_checked(rest.len().checked_sub(HASH_DIGITS + 1)?)?;
    let hash = hash.strip_prefix('_')?;
    let hex = hash
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (!what.is_empty() && hex).then_some(what)
}

/// The JavaScript identifiers of `glue` that start with [`PREFIX`], with where each
/// starts.
fn identifiers(glue: &str) -> Vec<(usize, &str)> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = glue[from..].find(PREFIX) {
        let start = from + found;
        let starts_word = glue[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident(c));
        let len = glue[start..]
            .find(|c| !is_ident(c))
            .unwrap_or(glue.len() - start);
        if starts_word {
            out.push((start, &glue[start..start + len]));
        }
        from = start + len;
    }
    out
}

/// The wasm and its glue with every `__wbg_<what>_<hash>` import named `__wbg_<what>`
/// (or `__wbg_<what>_2`… where that name is taken, by another import or by the glue).
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

    // Taken: every name the glue writes or the wasm imports that is not renamed.
    let mut taken: BTreeSet<String> = identifiers(glue)
        .into_iter()
        .map(|(_, id)| id.to_string())
        .chain(names.iter().cloned())
        .filter(|n| stem(n).is_none())
        .collect();
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for name in &names {
        let Some(what) = stem(name) else { continue };
        if renames.contains_key(name) {
            continue;
        }
        let base = format!("{PREFIX}{what}");
        let short = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}_{n}")
                }
            })
            .find(|candidate| !taken.contains(candidate))
            .expect("an unused name exists");
        taken.insert(short.clone());
        renames.insert(name.clone(), short);
    }

    let mut new_glue = String::with_capacity(glue.len());
    let mut written = 0;
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (start, id) in identifiers(glue) {
        if let Some(short) = renames.get(id) {
            new_glue.push_str(&glue[written..start]);
            new_glue.push_str(short);
            written = start + id.len();
            seen.insert(id);
        }
    }
    new_glue.push_str(&glue[written..]);
    if let Some(missing) = renames.keys().find(|old| !seen.contains(old.as_str())) {
        return Err(ShortenError::NotInGlue(missing.clone()));
    }

    let renamed_imports: Vec<Import> = imports
        .iter()
        .zip(&names)
        .map(|(i, name)| Import {
            name: renames.get(name).map_or(i.name, |s| s.as_bytes()),
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

/// Shortens the import names of the app Trunk built into `dist` (its wasm and glue as
/// the boot tag of `dist`/index.html names them), in place.
pub fn shorten_in(dist: &Path) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let tag = element(&html, crate::prerender::BOOT_TAG)
        .ok_or("dist/index.html has no boot tag (Trunk.toml pattern_script)")?;
    let file = |attr: &str| {
        attribute(tag, attr)
            .map(|name| dist.join(name.trim_start_matches('/')))
            .ok_or(format!("the boot tag has no {attr}"))
    };
    let (glue_path, wasm_path) = (file("data-zc-js")?, file("data-zc-wasm")?);
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
    fn hashes_are_dropped_in_both_files_and_nothing_else_changes() {
        let (log, new_a, new_b) = (
            format!("__wbg_log_{H1}"),
            format!("__wbg_new_{H1}"),
            format!("__wbg_new_{H2}"),
        );
        let names = [log.as_str(), &new_a, &new_b, "__wbindgen_throw"];
        let glue = format!(
            "function __wbg_init() {{}}\nimports.wbg.{log} = function(a) {{ console.log(a) }};\n\
             imports.wbg.{new_a} = () => new A();\nimports.wbg.{new_b} = () => new B();\n\
             imports.wbg.__wbindgen_throw = t;\nconst x{log} = 1; // not an identifier of ours\n"
        );
        let original = module(&names);
        let out = shorten(&original, &glue).unwrap();
        assert_eq!(out.renamed, 3);
        assert_eq!(
            imported(&out.wasm),
            ["__wbg_log", "__wbg_new", "__wbg_new_2", "__wbindgen_throw"]
        );
        assert_eq!(
            out.glue,
            format!(
                "function __wbg_init() {{}}\nimports.wbg.__wbg_log = function(a) {{ console.log(a) }};\n\
                 imports.wbg.__wbg_new = () => new A();\nimports.wbg.__wbg_new_2 = () => new B();\n\
                 imports.wbg.__wbindgen_throw = t;\nconst x{log} = 1; // not an identifier of ours\n"
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
    fn a_name_the_glue_already_uses_is_not_taken() {
        let init = format!("__wbg_init_{H1}");
        let glue = format!("async function __wbg_init() {{}}\nimports.wbg.{init} = f;\n");
        let out = shorten(&module(&[&init]), &glue).unwrap();
        assert_eq!(imported(&out.wasm), ["__wbg_init_2"]);
        assert!(out.glue.contains("imports.wbg.__wbg_init_2 = f;"));
        assert!(out.glue.contains("async function __wbg_init()"));
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_is_refused() {
        let log = format!("__wbg_log_{H1}");
        assert_eq!(
            shorten(&module(&[&log]), "imports.wbg.something = f;"),
            Err(ShortenError::NotInGlue(log))
        );
        assert!(matches!(
            shorten(b"not wasm", ""),
            Err(ShortenError::Wasm(ReadError::NotWasm))
        ));
    }

    #[test]
    fn only_names_ending_in_a_16_digit_hash_are_renamed() {
        assert_eq!(
            stem(&format!("__wbg_setAttribute_{H1}")),
            Some("setAttribute")
        );
        assert_eq!(
            stem(&format!("__wbg_new_with_str_{H2}")),
            Some("new_with_str")
        );
        assert_eq!(stem(&format!("__wbg__{H1}")), None);
        assert_eq!(stem("__wbg_log_0123456789ABCDEF"), None);
        assert_eq!(stem("__wbg_log_0123"), None);
        assert_eq!(stem(&format!("__wbindgen_x_{H1}")), None);
        assert_eq!(stem("__wbg_"), None);
    }
}
