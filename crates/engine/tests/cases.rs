//! Data-driven cases: every `NAME.profile.json` in tests/examples and tests/cases is
//! evaluated and compared with `NAME.expected.json`.
//!
//! Expected keys (all but `status` optional in tests/cases; tests/examples carry the
//! five of their README):
//! - `status`, `fail`, `review` (sorted check ids), `ce` (year → compliant),
//!   `service_months` (or null) — as in ../shared/spec/examples;
//! - `earliest_eligible_year`, `reference_date`, `evaluation_year`;
//! - `checks`: check id → status (a check absent from the verdict is `"absent"`);
//! - `required`: year → whether `ce_years` marks it required;
//! - `deemed`: year → deemed;
//! - `counted`: year → { professional, industry_public, general_public, total };
//! - `shortfall`: year → { total, professional, public, general_public };
//! - `excluded_years`, `required_months`, `service_start`;
//! - `messages`: check id → substrings its Chinese message must contain;
//! - `messages_en`: check id → substrings its English message must contain;
//! - `error`: { "path": …, "contains": … } when the input must be refused.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhicheng_engine::{check_json, CheckStatus, Verdict};

const KNOWN_KEYS: &[&str] = &[
    "description",
    "status",
    "fail",
    "review",
    "ce",
    "service_months",
    "earliest_eligible_year",
    "reference_date",
    "evaluation_year",
    "checks",
    "required",
    "deemed",
    "counted",
    "shortfall",
    "excluded_years",
    "required_months",
    "service_start",
    "messages",
    "messages_en",
    "error",
];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cases(dir: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".profile.json") {
            let expected = dir.join(format!("{stem}.expected.json"));
            assert!(expected.exists(), "{} has no expected file", path.display());
            out.push((stem.to_string(), path, expected));
        }
    }
    out.sort();
    out
}

fn ids(v: &Verdict, status: CheckStatus) -> Value {
    Value::from(v.ids_with(status))
}

/// Compares one case; returns the differences.
fn compare(name: &str, profile: &Path, expected: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(profile).unwrap();
    let want: Value = serde_json::from_str(&std::fs::read_to_string(expected).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
    let mut diffs = Vec::new();
    let differ = |diffs: &mut Vec<String>, what: &str, got: Value, want: &Value| {
        if got != *want {
            diffs.push(format!("{name}: {what}: got {got}, want {want}"));
        }
    };
    for key in want.as_object().expect("expected file is an object").keys() {
        assert!(
            KNOWN_KEYS.contains(&key.as_str()),
            "{}: unknown key `{key}`",
            expected.display()
        );
    }
    let result = check_json(&text);
    if let Some(err) = want.get("error") {
        match result {
            Ok(v) => diffs.push(format!(
                "{name}: want an error, got status {}",
                v.status.as_str()
            )),
            Err(e) => {
                differ(
                    &mut diffs,
                    "error.path",
                    Value::from(e.path.clone()),
                    &err["path"],
                );
                let line = e.one_line();
                if let Some(part) = err.get("contains").and_then(Value::as_str) {
                    if !line.contains(part) {
                        diffs.push(format!("{name}: error `{line}` does not contain `{part}`"));
                    }
                }
            }
        }
        return diffs;
    }
    let v = match result {
        Ok(v) => v,
        Err(e) => return vec![format!("{name}: refused: {e}")],
    };
    let year_map = |f: &dyn Fn(&zhicheng_engine::verdict::CeYear) -> Value| -> Value {
        let m: BTreeMap<String, Value> = v
            .ce_years
            .iter()
            .map(|y| (y.year.to_string(), f(y)))
            .collect();
        serde_json::to_value(m).unwrap()
    };
    let subset = |all: Value, want: &Value| -> Value {
        // Only the years the expectation names.
        let all = all.as_object().unwrap().clone();
        let keys: Vec<&String> = want
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        Value::Object(
            keys.into_iter()
                .map(|k| (k.clone(), all.get(k).cloned().unwrap_or(Value::Null)))
                .collect(),
        )
    };
    let json = serde_json::to_value(&v).unwrap();
    for (key, want) in want.as_object().unwrap() {
        match key.as_str() {
            "description" => {}
            "status" => differ(&mut diffs, key, Value::from(v.status.as_str()), want),
            "fail" => differ(&mut diffs, key, ids(&v, CheckStatus::Fail), want),
            "review" => differ(&mut diffs, key, ids(&v, CheckStatus::Review), want),
            "ce" => differ(
                &mut diffs,
                key,
                year_map(&|y| Value::from(y.compliant)),
                want,
            ),
            "required" => differ(
                &mut diffs,
                key,
                subset(year_map(&|y| Value::from(y.required)), want),
                want,
            ),
            "deemed" => differ(
                &mut diffs,
                key,
                subset(year_map(&|y| Value::from(y.deemed)), want),
                want,
            ),
            "counted" => differ(
                &mut diffs,
                key,
                subset(
                    year_map(&|y| serde_json::to_value(y.counted).unwrap()),
                    want,
                ),
                want,
            ),
            "shortfall" => differ(
                &mut diffs,
                key,
                subset(
                    year_map(&|y| serde_json::to_value(y.shortfall).unwrap()),
                    want,
                ),
                want,
            ),
            "service_months" => differ(
                &mut diffs,
                key,
                json["service"]
                    .get("counted_months")
                    .cloned()
                    .unwrap_or(Value::Null),
                want,
            ),
            "required_months" => differ(
                &mut diffs,
                key,
                json["service"]
                    .get("required_months")
                    .cloned()
                    .unwrap_or(Value::Null),
                want,
            ),
            "excluded_years" => differ(
                &mut diffs,
                key,
                json["service"]
                    .get("excluded_years")
                    .cloned()
                    .unwrap_or(Value::Null),
                want,
            ),
            "service_start" => differ(
                &mut diffs,
                key,
                json["service"].get("start").cloned().unwrap_or(Value::Null),
                want,
            ),
            "earliest_eligible_year" => differ(
                &mut diffs,
                key,
                json["earliest_eligible_year"].clone(),
                want,
            ),
            "reference_date" => differ(&mut diffs, key, json["reference_date"].clone(), want),
            "evaluation_year" => differ(&mut diffs, key, json["evaluation_year"].clone(), want),
            "checks" => {
                for (id, status) in want.as_object().unwrap() {
                    let got = v
                        .checks
                        .iter()
                        .find(|c| c.id.as_str() == id)
                        .map_or("absent", |c| c.status.as_str());
                    differ(
                        &mut diffs,
                        &format!("checks.{id}"),
                        Value::from(got),
                        status,
                    );
                }
            }
            "messages" | "messages_en" => {
                for (id, parts) in want.as_object().unwrap() {
                    let Some(check) = v.checks.iter().find(|c| c.id.as_str() == id) else {
                        diffs.push(format!("{name}: no check `{id}`"));
                        continue;
                    };
                    let msg = if key == "messages" {
                        &check.message
                    } else {
                        &check.message_en
                    };
                    for part in parts.as_array().unwrap() {
                        let part = part.as_str().unwrap();
                        if !msg.contains(part) {
                            diffs.push(format!("{name}: {id} message `{msg}` lacks `{part}`"));
                        }
                    }
                }
            }
            other => unreachable!("{other} is checked against KNOWN_KEYS"),
        }
    }
    diffs
}

fn run(dir: &str, at_least: usize) {
    let dir = repo().join(dir);
    let all = cases(&dir);
    assert!(
        all.len() >= at_least,
        "{}: {} cases, expected at least {at_least}",
        dir.display(),
        all.len()
    );
    let diffs: Vec<String> = all.iter().flat_map(|(n, p, e)| compare(n, p, e)).collect();
    assert!(
        diffs.is_empty(),
        "{} of {} cases differ:\n{}",
        diffs.len(),
        all.len(),
        diffs.join("\n")
    );
}

#[test]
fn shared_examples() {
    run("tests/examples", 5);
}

#[test]
fn own_cases() {
    run("tests/cases", 60);
}

/// The worked example of docs/rules.md: the fictional zj-liandu-2025 (tests/rules/),
/// in the data only when the engine is built with the `worked-example` feature.
#[cfg(feature = "worked-example")]
#[test]
fn worked_example_cases() {
    run("tests/rules/cases", 3);
}

/// Without the feature the fictional rule set is not there: the app never shows it.
#[cfg(not(feature = "worked-example"))]
#[test]
fn the_fictional_rule_set_is_not_bundled() {
    assert!(zhicheng_engine::rules::rule_set("zj-liandu-2025").is_none());
    assert!(zhicheng_engine::rules::document("虚构示例〔2025〕1号").is_none());
}

/// tests/examples is a copy of ../shared/spec/examples; where that folder exists, the
/// copy must be identical.
#[test]
fn examples_match_the_shared_spec() {
    let shared = repo().join("../shared/spec/examples");
    if !shared.is_dir() {
        return;
    }
    for entry in std::fs::read_dir(&shared).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let ours = repo().join("tests/examples").join(name);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&ours).unwrap_or_default(),
            "tests/examples/{} differs from ../shared/spec/examples",
            name.to_string_lossy()
        );
    }
}
