//! Data-driven cases: the shared examples (tests/examples: `NAME.profile.json` beside
//! `NAME.expected.json`, byte for byte as ../shared/spec/examples has them) and our own
//! cases (tests/cases: `TOPIC.cases.json` files of patches on the complete profiles of
//! `bases/`, tests/cases/README.md), each evaluated and compared with its expectation.
//! Reading them (and the JSON Merge Patch) is tests/support/mod.rs.
//!
//! Expected keys (all optional; tests/examples carry the five of their README):
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
//!
//! An unknown key is an error. A case's `description` stands beside `expected` (in a
//! pair, inside the expected file).

mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use support::{or_panic, Case};
use zhicheng_engine::json::{self, Json};
use zhicheng_engine::verdict::CeYear;
use zhicheng_engine::{check_json, CheckStatus, InputError, Status, Verdict};

const KNOWN_KEYS: &[&str] = &[
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

/// How many cases tests/cases holds: fewer means one was lost (a topic file not read).
const OWN_CASES: usize = 140;

fn ids(v: &Verdict, status: CheckStatus) -> Value {
    Value::from(v.ids_with(status))
}

/// Compares one case; returns the differences, each naming the file and the case.
fn compare(case: &Case) -> Vec<String> {
    let name = &case.label();
    let want = &case.expected;
    for key in want.as_object().expect("`expected` is an object").keys() {
        assert!(
            KNOWN_KEYS.contains(&key.as_str()),
            "{name}: unknown expected key `{key}`; the keys are listed at the top of crates/engine/tests/cases.rs"
        );
    }
    let result = check_json(&case.profile);
    if let Some(err) = want.get("error") {
        return compare_error(name, result, err);
    }
    let v = match result {
        Ok(v) => v,
        Err(e) => return vec![format!("{name}: refused: {e}")],
    };
    let json = serde_json::to_value(&v).unwrap();
    let mut diffs = Vec::new();
    for (key, want) in want.as_object().unwrap() {
        match key.as_str() {
            "checks" => compare_checks(name, &v, want, &mut diffs),
            "messages" | "messages_en" => compare_messages(name, &v, key, want, &mut diffs),
            _ => {
                let got = summary_value(&v, &json, key, want);
                if got != *want {
                    diffs.push(format!("{name}: {key}: got {got}, want {want}"));
                }
            }
        }
    }
    diffs
}

/// An expected refusal: its path, and a part of its one line.
fn compare_error(name: &str, result: Result<Verdict, InputError>, err: &Value) -> Vec<String> {
    let e = match result {
        Ok(v) => {
            return vec![format!(
                "{name}: want an error, got status {}",
                v.status.as_str()
            )]
        }
        Err(e) => e,
    };
    let mut diffs = Vec::new();
    let path = Value::from(e.path.clone());
    if path != err["path"] {
        diffs.push(format!(
            "{name}: error.path: got {path}, want {}",
            err["path"]
        ));
    }
    let line = e.one_line();
    if let Some(part) = err.get("contains").and_then(Value::as_str) {
        if !line.contains(part) {
            diffs.push(format!("{name}: error `{line}` does not contain `{part}`"));
        }
    }
    diffs
}

/// The verdict's value for a key of the expected summary (not `checks` or messages).
fn summary_value(v: &Verdict, json: &Value, key: &str, want: &Value) -> Value {
    let year_map = |f: &dyn Fn(&CeYear) -> Value| -> Value {
        let m: BTreeMap<String, Value> = v
            .ce_years
            .iter()
            .map(|y| (y.year.to_string(), f(y)))
            .collect();
        serde_json::to_value(m).unwrap()
    };
    // Only the years the expectation names.
    let subset = |all: Value| -> Value {
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
    let service = |field: &str| json["service"].get(field).cloned().unwrap_or(Value::Null);
    match key {
        "status" => Value::from(v.status.as_str()),
        "fail" => ids(v, CheckStatus::Fail),
        "review" => ids(v, CheckStatus::Review),
        "ce" => year_map(&|y| Value::from(y.compliant)),
        "required" => subset(year_map(&|y| Value::from(y.required))),
        "deemed" => subset(year_map(&|y| Value::from(y.deemed))),
        "counted" => subset(year_map(&|y| serde_json::to_value(y.counted).unwrap())),
        "shortfall" => subset(year_map(&|y| serde_json::to_value(y.shortfall).unwrap())),
        "service_months" => service("counted_months"),
        "required_months" => service("required_months"),
        "excluded_years" => service("excluded_years"),
        "service_start" => service("start"),
        "earliest_eligible_year" | "reference_date" | "evaluation_year" => json[key].clone(),
        other => unreachable!("{other} is checked against KNOWN_KEYS"),
    }
}

/// `checks`: the status of each check named.
fn compare_checks(name: &str, v: &Verdict, want: &Value, diffs: &mut Vec<String>) {
    for (id, status) in want.as_object().unwrap() {
        let got = v
            .checks
            .iter()
            .find(|c| c.id.as_str() == id)
            .map_or("absent", |c| c.status.as_str());
        if status.as_str() != Some(got) {
            diffs.push(format!("{name}: checks.{id}: got \"{got}\", want {status}"));
        }
    }
}

/// `messages`, `messages_en`: parts each named check's message must contain.
fn compare_messages(name: &str, v: &Verdict, key: &str, want: &Value, diffs: &mut Vec<String>) {
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

fn run(what: &str, cases: Vec<Case>, at_least: usize) {
    assert!(
        cases.len() >= at_least,
        "{what}: {} cases, expected at least {at_least}",
        cases.len()
    );
    println!("{what}: {} cases", cases.len());
    let diffs: Vec<String> = cases.iter().flat_map(compare).collect();
    assert!(
        diffs.is_empty(),
        "{} of {} cases differ:\n{}",
        diffs.len(),
        cases.len(),
        diffs.join("\n")
    );
}

#[test]
fn shared_examples() {
    run(
        "tests/examples",
        or_panic(support::pairs("tests/examples")),
        5,
    );
}

#[test]
fn own_cases() {
    run(
        "tests/cases",
        or_panic(support::topics("tests/cases")),
        OWN_CASES,
    );
}

/// The worked example of docs/rules.md: the fictional zj-liandu-2025 (tests/rules/),
/// in the data only when the engine is built with the `worked-example` feature.
#[cfg(feature = "worked-example")]
#[test]
fn worked_example_cases() {
    run(
        "tests/rules/cases",
        or_panic(support::topics("tests/rules/cases")),
        3,
    );
    bases_are_complete_eligible_and_used("tests/rules/cases");
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
    let shared = support::repo().join("../shared/spec/examples");
    if !shared.is_dir() {
        return;
    }
    for entry in std::fs::read_dir(&shared).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let ours = support::repo().join("tests/examples").join(name);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&ours).unwrap_or_default(),
            "tests/examples/{} differs from ../shared/spec/examples",
            name.to_string_lossy()
        );
    }
}

/// Every base of `dir/bases/` is a complete profile of an eligible applicant (so that a
/// case's patch is what changes the verdict), and some case starts from it.
fn bases_are_complete_eligible_and_used(dir: &str) {
    let bases = or_panic(support::bases(dir));
    let cases = or_panic(support::topics(dir));
    for (name, (file, profile)) in &bases {
        match check_json(&profile.to_text()) {
            Ok(v) if v.status == Status::Eligible => {}
            Ok(v) => panic!(
                "{file}: {} (fail: {:?}, review: {:?}); a base is a complete, eligible applicant",
                v.status.as_str(),
                v.ids_with(CheckStatus::Fail),
                v.ids_with(CheckStatus::Review)
            ),
            Err(e) => panic!("{file}: refused: {e}; a base is a complete profile"),
        }
        assert!(
            cases
                .iter()
                .any(|c| c.base.as_deref() == Some(name.as_str())),
            "{file}: no case starts from it; remove it or add the cases"
        );
    }
}

#[test]
fn own_bases_are_complete_eligible_and_used() {
    bases_are_complete_eligible_and_used("tests/cases");
}

/// Each merged case is a complete profile the engine evaluates, or input it must refuse
/// (and says so with `error`).
#[test]
fn every_case_is_a_profile_or_an_expected_error() {
    for case in support::all() {
        match (check_json(&case.profile), case.expected.get("error")) {
            (Ok(_), None) | (Err(_), Some(_)) => {}
            (Ok(v), Some(_)) => panic!(
                "{}: expects an error, but the profile is evaluated ({})",
                case.label(),
                v.status.as_str()
            ),
            (Err(e), None) => panic!("{}: refused: {e}", case.label()),
        }
    }
}

// The reading of topic files itself: what it refuses, and the merge.

fn topic(cases: &str) -> Vec<(String, String)> {
    vec![(
        "tests/cases/t.cases.json".to_string(),
        format!("{{\"cases\": [{cases}]}}"),
    )]
}

fn base() -> BTreeMap<String, Json> {
    let text = r#"{"format": "zhicheng-profile/1", "rule_set": "zj-liandu-2024", "person": {"birth_date": "1980-05-10", "retired": false}}"#;
    BTreeMap::from([("b".to_string(), json::parse(text).unwrap())])
}

fn refused(cases: &str) -> String {
    match support::read_topics(&base(), &topic(cases)) {
        Ok(_) => panic!("read: {cases}"),
        Err(problems) => problems.join("\n"),
    }
}

const EXPECT: &str = r#""expected": {"status": "eligible"}"#;

#[test]
fn a_case_is_read_from_its_base_and_patch() {
    let cases = support::read_topics(
        &base(),
        &topic(&format!(
            r#"{{"name": "x", "description": "d", "base": "b", "profile": {{"person": {{"retired": true, "birth_date": null}}, "exceptional": true}}, {EXPECT}}}"#
        )),
    )
    .unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].label(), "tests/cases/t.cases.json: x");
    assert_eq!(
        json::parse(&cases[0].profile).unwrap().to_text(),
        r#"{"format":"zhicheng-profile/1","rule_set":"zj-liandu-2024","person":{"retired":true},"exceptional":true}"#
    );
}

#[test]
fn a_missing_base_is_refused() {
    let p = refused(&format!(
        r#"{{"name": "x", "description": "d", "base": "nope", "profile": {{"exceptional": true}}, {EXPECT}}}"#
    ));
    assert!(p.contains("t.cases.json: x: no base `nope`"), "{p}");
}

#[test]
fn two_cases_of_one_name_are_refused() {
    let one = format!(
        r#"{{"name": "x", "description": "d", "base": "b", "profile": {{"exceptional": true}}, {EXPECT}}}"#
    );
    let p = refused(&format!("{one}, {one}"));
    assert!(p.contains("x: the name is taken already"), "{p}");
}

#[test]
fn an_empty_patch_is_refused_unless_the_case_is_about_the_base() {
    let p = refused(&format!(
        r#"{{"name": "x", "description": "d", "base": "b", "profile": {{}}, {EXPECT}}}"#
    ));
    assert!(p.contains("x: empty `profile`"), "{p}");
    let as_is = format!(
        r#"{{"name": "x", "description": "d", "base": "b", "base_itself": true, "profile": {{}}, {EXPECT}}}"#
    );
    assert!(support::read_topics(&base(), &topic(&as_is)).is_ok());
    let p = refused(&format!(
        r#"{{"name": "x", "description": "d", "base": "b", "base_itself": true, "profile": {{"exceptional": true}}, {EXPECT}}}"#
    ));
    assert!(p.contains("`profile` changes the base"), "{p}");
}

#[test]
fn a_patch_entry_that_changes_nothing_is_refused() {
    let p = refused(&format!(
        r#"{{"name": "x", "description": "d", "base": "b", "profile": {{"rule_set": "zj-liandu-2024", "titles": null, "person": {{"retired": true, "birth_date": "1980-05-10"}}}}, {EXPECT}}}"#
    ));
    assert!(
        p.contains("rule_set, titles (null, and the base has none), person.birth_date"),
        "{p}"
    );
}

#[test]
fn unknown_keys_and_misplaced_descriptions_are_refused() {
    let p = refused(
        r#"{"name": "x", "description": "d", "base": "b", "profile": {"exceptional": true}, "expect": {}}"#,
    );
    assert!(p.contains("x: unknown key `expect`"), "{p}");
    let p = refused(
        r#"{"name": "x", "base": "b", "profile": {"exceptional": true}, "expected": {"description": "d"}}"#,
    );
    assert!(p.contains("x: no `description`"), "{p}");
    let p = refused(
        r#"{"name": "x", "description": "d", "base": "b", "profile": {"exceptional": true}, "expected": {"description": "d"}}"#,
    );
    assert!(p.contains("`description` belongs to the case"), "{p}");
    let p = support::read_topics(
        &base(),
        &[("tests/cases/t.cases.json".into(), "{\"cases\": [,]}".into())],
    )
    .unwrap_err()
    .join("\n");
    assert!(p.starts_with("tests/cases/t.cases.json: "), "{p}");
}

/// Input a patch cannot write (here a trailing comma and a duplicated key) is given as
/// the profile's raw text, and reaches the engine as it is.
#[test]
fn profile_text_reaches_the_engine_as_it_is() {
    let raw = r#"{\"format\": \"zhicheng-profile/1\", \"format\": \"zhicheng-profile/1\",}"#;
    let cases = support::read_topics(
        &base(),
        &topic(&format!(
            r#"{{"name": "x", "description": "d", "profile_text": "{raw}", "expected": {{"error": {{"path": "format"}}}}}}"#
        )),
    )
    .unwrap();
    assert_eq!(
        cases[0].profile,
        r#"{"format": "zhicheng-profile/1", "format": "zhicheng-profile/1",}"#
    );
    let e = check_json(&cases[0].profile).unwrap_err();
    assert_eq!(e.path, "format");
    assert!(e.one_line().contains("appears twice"), "{e}");
    let p = refused(&format!(
        r#"{{"name": "x", "description": "d", "base": "b", "profile_text": "{{}}", {EXPECT}}}"#
    ));
    assert!(p.contains("`profile_text` is the whole profile"), "{p}");
}

/// RFC 7396 Appendix A, the examples that apply to objects.
#[test]
fn merge_patch_is_rfc_7396() {
    for (target, patch, result) in [
        (r#"{"a":"b"}"#, r#"{"a":"c"}"#, r#"{"a":"c"}"#),
        (r#"{"a":"b"}"#, r#"{"b":"c"}"#, r#"{"a":"b","b":"c"}"#),
        (r#"{"a":"b"}"#, r#"{"a":null}"#, r#"{}"#),
        (r#"{"a":"b","b":"c"}"#, r#"{"a":null}"#, r#"{"b":"c"}"#),
        (r#"{"a":["b"]}"#, r#"{"a":"c"}"#, r#"{"a":"c"}"#),
        (r#"{"a":"c"}"#, r#"{"a":["b"]}"#, r#"{"a":["b"]}"#),
        (
            r#"{"a":{"b":"c"}}"#,
            r#"{"a":{"b":"d","c":null}}"#,
            r#"{"a":{"b":"d"}}"#,
        ),
        (r#"{"a":[{"b":"c"}]}"#, r#"{"a":[1]}"#, r#"{"a":[1]}"#),
        (r#"["a","b"]"#, r#"["c","d"]"#, r#"["c","d"]"#),
        (r#"{"a":"b"}"#, r#"["c"]"#, r#"["c"]"#),
        (r#"{"a":"foo"}"#, "null", "null"),
        (r#"{"a":"foo"}"#, r#""bar""#, r#""bar""#),
        (r#"{"e":null}"#, r#"{"a":1}"#, r#"{"e":null,"a":1}"#),
        (r#"[1,2]"#, r#"{"a":"b","c":null}"#, r#"{"a":"b"}"#),
        (
            r#"{}"#,
            r#"{"a":{"bb":{"ccc":null}}}"#,
            r#"{"a":{"bb":{}}}"#,
        ),
    ] {
        let merged =
            support::merge_patch(json::parse(target).unwrap(), &json::parse(patch).unwrap());
        assert_eq!(merged.to_text(), result, "{target} + {patch}");
    }
}

/// What `cargo xtask rules new` writes for a new notice's test case (a base and a topic
/// file, crates/rules/src/scaffold.rs) is read by this runner as it is written.
#[test]
fn the_scaffolded_case_is_in_this_format() {
    let files = zhicheng_rules::RuleFiles::load(&support::repo().join("rules")).unwrap();
    let s =
        zhicheng_rules::scaffold::new_rule_set(&files, "zj-liandu-2025", "zj-liandu-2024").unwrap();
    assert_eq!(
        s.case_base.name,
        "tests/cases/bases/zj-liandu-2025.profile.json"
    );
    assert_eq!(s.cases.name, "tests/cases/zj-liandu-2025.cases.json");
    let bases = BTreeMap::from([(
        "zj-liandu-2025".to_string(),
        json::parse(&s.case_base.text).unwrap(),
    )]);
    let cases = or_panic(support::read_topics(
        &bases,
        &[(s.cases.name.clone(), s.cases.text.clone())],
    ));
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].base.as_deref(), Some("zj-liandu-2025"));
}
