//! Reads, validates and compiles the rule data of rules/ (TOML) for zhicheng-engine.
//!
//! Used at build time by the engine's build.rs (so the wasm bundle carries compiled
//! Rust data, never a TOML parser) and by `cargo xtask rules`, which prints the same
//! diagnostics for a person editing the files.

pub mod codegen;
pub mod ir;
pub mod model;
pub mod scaffold;
pub mod validate;
pub mod vocab;

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One rule file, read into memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFile {
    /// The name shown in messages, e.g. `rules/zj-liandu-2024.toml`.
    pub name: String,
    pub text: String,
}

impl RuleFile {
    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1
    }
}

/// Every input of a compilation.
#[derive(Debug, Clone)]
pub struct RuleFiles {
    pub documents: RuleFile,
    pub national: RuleFile,
    pub rule_sets: Vec<RuleFile>,
    /// rules/plans/*.toml: where and when to apply, one per rule set.
    pub plans: Vec<RuleFile>,
    /// rules/specialties.toml, the specialty vocabulary (optional: none is no link).
    pub specialties: Option<RuleFile>,
    /// The bundled notice texts of rules/sources/, by file name.
    pub source_texts: BTreeMap<String, String>,
}

impl RuleFiles {
    /// Reads `dir` (the rules/ folder): documents.toml, national.toml, specialties.toml, every
    /// other `*.toml` as a rule set, the plans in `dir/plans/` and the texts in `dir/sources/`.
    pub fn load(dir: &Path) -> Result<RuleFiles, LoadError> {
        let parts = RuleFiles::load_parts(dir)?;
        let missing = |name: &str| LoadError {
            path: dir.join(name),
            reason: "missing".to_string(),
        };
        Ok(RuleFiles {
            documents: parts.documents.ok_or_else(|| missing("documents.toml"))?,
            national: parts.national.ok_or_else(|| missing("national.toml"))?,
            rule_sets: parts.rule_sets,
            plans: parts.plans,
            specialties: parts.specialties,
            source_texts: parts.source_texts,
        })
    }

    /// Whatever of the layout of rules/ `dir` holds.
    fn load_parts(dir: &Path) -> Result<Parts, LoadError> {
        let label = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "rules".into());
        let read_in = |folder: &str, path: PathBuf| -> Result<RuleFile, LoadError> {
            let text = std::fs::read_to_string(&path).map_err(|e| LoadError {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let name = format!(
                "{label}/{folder}{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            Ok(RuleFile { name, text })
        };
        let mut parts = Parts::default();
        for path in list(dir, "toml")? {
            let file = read_in("", path.clone())?;
            match path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .as_ref()
            {
                "documents.toml" => parts.documents = Some(file),
                "national.toml" => parts.national = Some(file),
                "specialties.toml" => parts.specialties = Some(file),
                _ => parts.rule_sets.push(file),
            }
        }
        let plan_dir = dir.join("plans");
        if plan_dir.is_dir() {
            for path in list(&plan_dir, "toml")? {
                parts.plans.push(read_in("plans/", path)?);
            }
        }
        let sources = dir.join("sources");
        if sources.is_dir() {
            for path in list(&sources, "txt")? {
                let text = std::fs::read_to_string(&path).map_err(|e| LoadError {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
                parts.source_texts.insert(
                    path.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    text,
                );
            }
        }
        Ok(parts)
    }

    /// Adds the rule files of another folder laid out like rules/ (its documents.toml
    /// appended to ours, its rule sets, plans and notice texts added). Used for test
    /// data that must never ship, such as the worked example of docs/rules.md.
    pub fn add_extra(&mut self, dir: &Path) -> Result<(), LoadError> {
        let extra = RuleFiles::load_parts(dir)?;
        if let Some(docs) = extra.documents {
            self.documents.text.push('\n');
            self.documents.text.push_str(&docs.text);
        }
        self.rule_sets.extend(extra.rule_sets);
        self.plans.extend(extra.plans);
        self.source_texts.extend(extra.source_texts);
        Ok(())
    }

    /// The paths build.rs must watch.
    pub fn watched(dir: &Path) -> Vec<PathBuf> {
        let mut out = vec![dir.to_path_buf(), dir.join("sources"), dir.join("plans")];
        out.extend(list(dir, "toml").unwrap_or_default());
        out.extend(list(&dir.join("plans"), "toml").unwrap_or_default());
        out.extend(list(&dir.join("sources"), "txt").unwrap_or_default());
        out
    }

    /// SHA-256 over the rule files (names within rules/ and contents, in name order),
    /// 12 hex digits.
    pub fn version(&self) -> String {
        let mut files: Vec<&RuleFile> = vec![&self.documents, &self.national];
        files.extend(self.rule_sets.iter());
        files.extend(self.plans.iter());
        files.extend(self.specialties.iter());
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let mut h = Sha256::new();
        for f in files {
            let within = f
                .name
                .split_once('/')
                .map_or(f.name.as_str(), |(_, rest)| rest);
            h.update(within.as_bytes());
            h.update([0]);
            h.update(f.text.as_bytes());
            h.update([0]);
        }
        h.finalize()
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    Ok(out)
}

/// The files found in one folder laid out like rules/.
#[derive(Default)]
struct Parts {
    documents: Option<RuleFile>,
    national: Option<RuleFile>,
    rule_sets: Vec<RuleFile>,
    plans: Vec<RuleFile>,
    specialties: Option<RuleFile>,
    source_texts: BTreeMap<String, String>,
}

/// A rule file that could not be read at all.
#[derive(Debug, Clone)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: cannot read: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for LoadError {}

/// One mistake in a rule file: where, what, and how to put it right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
    pub fix: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)?;
        if let Some(fix) = &self.fix {
            write!(f, "; {fix}")?;
        }
        Ok(())
    }
}

/// Validates the files and merges the national layer into every rule set.
pub fn compile(files: &RuleFiles) -> Result<ir::Bundle, Vec<Diagnostic>> {
    validate::validate(files)
}
