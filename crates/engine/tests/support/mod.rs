//! The data-driven cases, read for every test that runs them (cases.rs, texts.rs,
//! verdict_json.rs, vocabulary.rs).
//!
//! Two layouts:
//! - **pairs** (tests/examples, the shared examples byte for byte): `NAME.profile.json`
//!   beside `NAME.expected.json`;
//! - **topics** (tests/cases, tests/rules/cases; tests/cases/README.md): complete
//!   profiles in `bases/NAME.profile.json`, and `TOPIC.cases.json` files holding
//!   `{"cases": [...]}`. A case is `name`, `description`, `expected`, and either `base`
//!   plus `profile`, a JSON Merge Patch (RFC 7396) on that base, or `profile_text`, the
//!   profile's raw text (for input no patch can write: broken JSON, a duplicated key).
//!
//! Reading is strict, and every problem names the file and the case: an unknown base,
//! two cases of one name, an empty patch (unless `"base_itself": true`), a patch entry
//! that changes nothing, an unknown key, a stray file beside the topic files.

// Each test crate uses a part of this module.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhicheng_engine::json::{self, Json};

/// One case, ready to run.
#[derive(Debug, Clone)]
pub struct Case {
    /// The file that holds it, from the repository root: `tests/cases/sanctions.cases.json`
    /// (for a pair, its expected file).
    pub file: String,
    pub name: String,
    pub description: String,
    /// The base it patches (none for a pair or a `profile_text`).
    pub base: Option<String>,
    /// The profile text the engine is given: the merged profile, or the raw text.
    pub profile: String,
    /// The expected verdict summary (its keys: crates/engine/tests/cases.rs).
    pub expected: Value,
}

impl Case {
    /// `file: name`, for messages.
    pub fn label(&self) -> String {
        format!("{}: {}", self.file, self.name)
    }
}

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared examples, then our own cases; panics with every problem found.
pub fn all() -> Vec<Case> {
    let mut out = or_panic(pairs("tests/examples"));
    out.extend(or_panic(topics("tests/cases")));
    out
}

/// The cases of `result`, or a panic listing its problems.
pub fn or_panic<T>(result: Result<T, Vec<String>>) -> T {
    result.unwrap_or_else(|problems| {
        panic!(
            "{} problem(s) reading the cases:\n{}",
            problems.len(),
            problems.join("\n")
        )
    })
}

fn read(rel: &str) -> Result<String, String> {
    std::fs::read_to_string(repo().join(rel)).map_err(|e| format!("{rel}: {e}"))
}

/// Sorted file names of a folder.
fn names(rel: &str) -> Result<Vec<String>, String> {
    let dir = repo().join(rel);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{rel}: {e}"))? {
        let entry = entry.map_err(|e| format!("{rel}: {e}"))?;
        out.push(entry.file_name().to_string_lossy().into_owned());
    }
    out.sort();
    Ok(out)
}

/// `NAME.profile.json` + `NAME.expected.json` in `dir` (tests/examples).
pub fn pairs(dir: &str) -> Result<Vec<Case>, Vec<String>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for name in names(dir).map_err(|e| vec![e])? {
        let Some(stem) = name.strip_suffix(".profile.json") else {
            continue;
        };
        let file = format!("{dir}/{stem}.expected.json");
        let pair = read(&format!("{dir}/{name}")).and_then(|profile| {
            let mut expected: Value =
                serde_json::from_str(&read(&file)?).map_err(|e| format!("{file}: {e}"))?;
            let description = match expected.as_object_mut() {
                Some(o) => match o.remove("description") {
                    Some(Value::String(d)) => d,
                    None => String::new(),
                    Some(_) => return Err(format!("{file}: `description` is not a string")),
                },
                None => return Err(format!("{file}: not a JSON object")),
            };
            Ok(Case {
                file: file.clone(),
                name: stem.to_string(),
                description,
                base: None,
                profile,
                expected,
            })
        });
        match pair {
            Ok(case) => out.push(case),
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The complete profiles of `dir/bases/`: name → (file, profile).
pub fn bases(dir: &str) -> Result<BTreeMap<String, (String, Json)>, Vec<String>> {
    let rel = format!("{dir}/bases");
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for name in names(&rel).map_err(|e| vec![e])? {
        let file = format!("{rel}/{name}");
        let Some(stem) = name.strip_suffix(".profile.json") else {
            problems.push(format!(
                "{file}: not a base; bases/ holds complete profiles named NAME.profile.json"
            ));
            continue;
        };
        match read(&file).and_then(|t| json::parse(&t).map_err(|e| format!("{file}: {e}"))) {
            Ok(profile @ Json::Object(_)) => {
                out.insert(stem.to_string(), (file, profile));
            }
            Ok(_) => problems.push(format!("{file}: a profile is a JSON object")),
            Err(e) => problems.push(e),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The cases of `dir` (tests/cases): `bases/` and every `TOPIC.cases.json`. Nothing else
/// may sit there but README.md, so that a case in another form is not silently skipped.
pub fn topics(dir: &str) -> Result<Vec<Case>, Vec<String>> {
    let bases = bases(dir)?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for name in names(dir).map_err(|e| vec![e])? {
        let file = format!("{dir}/{name}");
        if name == "bases" || name == "README.md" {
            continue;
        }
        if name.strip_suffix(".cases.json").is_some_and(is_name) {
            match read(&file) {
                Ok(text) => files.push((file, text)),
                Err(e) => problems.push(e),
            }
        } else {
            problems.push(format!(
                "{file}: not a topic file; cases live in TOPIC.cases.json (TOPIC in a-z, 0-9, _ and -), \
                 complete profiles in bases/ (tests/cases/README.md)"
            ));
        }
    }
    let bases: BTreeMap<String, Json> = bases.into_iter().map(|(k, (_, v))| (k, v)).collect();
    match read_topics(&bases, &files) {
        Ok(cases) if problems.is_empty() => Ok(cases),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// Lowercase letters, digits, `_` and `-`: a case, base or topic name.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

const CASE_KEYS: &[&str] = &[
    "name",
    "description",
    "base",
    "base_itself",
    "profile",
    "profile_text",
    "expected",
];

/// The cases of topic files given as (file, text), against `bases`.
pub fn read_topics(
    bases: &BTreeMap<String, Json>,
    files: &[(String, String)],
) -> Result<Vec<Case>, Vec<String>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (file, text) in files {
        let items = match json::parse(text) {
            Ok(Json::Object(top)) => match top.as_slice() {
                [(key, Json::Array(items))] if key == "cases" => items.clone(),
                _ => {
                    problems.push(format!(
                        "{file}: a topic file is {{\"cases\": [...]}} and nothing else"
                    ));
                    continue;
                }
            },
            Ok(_) => {
                problems.push(format!("{file}: a topic file is {{\"cases\": [...]}}"));
                continue;
            }
            Err(e) => {
                problems.push(format!("{file}: {e}"));
                continue;
            }
        };
        for (i, item) in items.iter().enumerate() {
            match read_case(bases, file, item) {
                Ok(case) => {
                    if let Some(other) = seen.insert(case.name.clone(), file.clone()) {
                        problems.push(format!(
                            "{}: the name is taken already (in {other}); each case has its own name",
                            case.label()
                        ));
                    }
                    out.push(case);
                }
                Err(e) => {
                    let name = match item {
                        Json::Object(f) => f.iter().find_map(|(k, v)| match (k.as_str(), v) {
                            ("name", Json::String(n)) => Some(n.clone()),
                            _ => None,
                        }),
                        _ => None,
                    }
                    .unwrap_or_else(|| format!("cases[{i}]"));
                    problems.push(format!("{file}: {name}: {e}"));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn read_case(bases: &BTreeMap<String, Json>, file: &str, item: &Json) -> Result<Case, String> {
    let Json::Object(fields) = item else {
        return Err("a case is a JSON object".into());
    };
    for (key, _) in fields {
        if !CASE_KEYS.contains(&key.as_str()) {
            return Err(format!(
                "unknown key `{key}`; a case has {}",
                CASE_KEYS.join(", ")
            ));
        }
    }
    let get = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let string = |key: &str| match get(key) {
        Some(Json::String(s)) => Ok(Some(s.clone())),
        None => Ok(None),
        Some(_) => Err(format!("`{key}` is not a string")),
    };
    let name = string("name")?.ok_or("no `name`")?;
    if !is_name(&name) {
        return Err(format!(
            "name `{name}`: use lowercase letters, digits, `_` and `-`"
        ));
    }
    let description = string("description")?.ok_or("no `description`: say what it shows")?;
    let expected = match get("expected") {
        Some(e @ Json::Object(f)) => {
            if f.iter().any(|(k, _)| k == "description") {
                return Err("`description` belongs to the case, beside `expected`".into());
            }
            serde_json::from_str::<Value>(&e.to_text()).map_err(|e| e.to_string())?
        }
        Some(_) => return Err("`expected` is not an object".into()),
        None => return Err("no `expected`".into()),
    };
    let base_itself = match get("base_itself") {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(_) => return Err("`base_itself` is true or false".into()),
    };
    let (base, profile) = match (string("profile_text")?, string("base")?, get("profile")) {
        (Some(text), None, None) if !base_itself => (None, text),
        (Some(_), ..) => {
            return Err("`profile_text` is the whole profile: no `base`, `profile` or `base_itself` beside it".into())
        }
        (None, Some(base), Some(patch)) => {
            let Some(start) = bases.get(&base) else {
                return Err(format!(
                    "no base `{base}` (bases/{base}.profile.json); the bases are: {}",
                    bases.keys().cloned().collect::<Vec<_>>().join(", ")
                ));
            };
            let Json::Object(entries) = patch else {
                return Err("`profile` is a JSON Merge Patch: an object of the fields that differ from the base".into());
            };
            match (entries.is_empty(), base_itself) {
                (true, false) => {
                    return Err(format!(
                        "empty `profile`: a case changes its base; if it is about the base `{base}` as it is, say \"base_itself\": true"
                    ))
                }
                (false, true) => {
                    return Err(
                        "\"base_itself\": true, but `profile` changes the base".into()
                    )
                }
                _ => {}
            }
            let idle = changes_nothing(start, patch, "");
            if !idle.is_empty() {
                return Err(format!(
                    "the patch sets what the base `{base}` already has: {}; leave those out",
                    idle.join(", ")
                ));
            }
            (Some(base), merge_patch(start.clone(), patch).to_pretty_text())
        }
        (None, None, _) => return Err("no `base` (with `profile`) and no `profile_text`".into()),
        (None, Some(_), None) => return Err("`base` without `profile` (the patch; `{}` with \"base_itself\": true for the base as it is)".into()),
    };
    Ok(Case {
        file: file.to_string(),
        name,
        description,
        base,
        profile,
        expected,
    })
}

/// JSON Merge Patch (RFC 7396): objects merge key by key, `null` removes a key, any
/// other value (arrays included) replaces. Kept keys keep their place; new ones follow.
pub fn merge_patch(target: Json, patch: &Json) -> Json {
    let Json::Object(entries) = patch else {
        return patch.clone();
    };
    let mut out = match target {
        Json::Object(fields) => fields,
        _ => Vec::new(),
    };
    for (key, value) in entries {
        let at = out.iter().position(|(k, _)| k == key);
        match (value, at) {
            (Json::Null, Some(i)) => {
                out.remove(i);
            }
            (Json::Null, None) => {}
            (value, Some(i)) => {
                let old = std::mem::replace(&mut out[i].1, Json::Null);
                out[i].1 = merge_patch(old, value);
            }
            (value, None) => out.push((key.clone(), merge_patch(Json::Null, value))),
        }
    }
    Json::Object(out)
}

/// The places where `patch` leaves `target` as it is: `null` for a key it lacks, the
/// value it already has, an empty object merged into an object.
fn changes_nothing(target: &Json, patch: &Json, at: &str) -> Vec<String> {
    let Json::Object(entries) = patch else {
        return Vec::new();
    };
    let fields: &[(String, Json)] = match target {
        Json::Object(f) => f,
        _ => &[],
    };
    let mut out = Vec::new();
    if entries.is_empty() && !at.is_empty() && matches!(target, Json::Object(_)) {
        out.push(format!("{at} (an empty object)"));
    }
    for (key, value) in entries {
        let path = if at.is_empty() {
            key.clone()
        } else {
            format!("{at}.{key}")
        };
        let old = fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        match (value, old) {
            (Json::Null, None) => out.push(format!("{path} (null, and the base has none)")),
            (Json::Object(_), Some(old @ Json::Object(_))) => {
                out.extend(changes_nothing(old, value, &path));
            }
            // A new object: a `null` inside it removes nothing.
            (Json::Object(_), _) => out.extend(changes_nothing(&Json::Null, value, &path)),
            (value, Some(old)) if value == old => out.push(path),
            _ => {}
        }
    }
    out
}
