//! The `zhicheng` binary: verdicts on stdout with exit 0, bad input as one located
//! line on stderr with exit 2 (SPEC §8).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhicheng"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check_stdin(input: &[u8]) -> Output {
    let mut child = bin()
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn field<'a>(json: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    &json[key]
}

#[test]
fn shared_examples_give_their_expected_verdicts() {
    let dir = repo().join("tests/examples");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .strip_suffix(".profile.json")
        else {
            continue;
        };
        n += 1;
        let out = bin().arg("check").arg(&path).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{stem}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{stem}.expected.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(field(&v, "status"), field(&want, "status"), "{stem}");
        assert_eq!(field(&v, "format"), "zhicheng-verdict/1");
        let ids = |status: &str| {
            let mut ids: Vec<&str> = v["checks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["status"] == status)
                .map(|c| c["id"].as_str().unwrap())
                .collect();
            ids.sort();
            serde_json::json!(ids)
        };
        assert_eq!(ids("fail"), want["fail"], "{stem}");
        assert_eq!(ids("review"), want["review"], "{stem}");
        let ce: serde_json::Map<String, serde_json::Value> = v["ce_years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| (y["year"].to_string(), y["compliant"].clone()))
            .collect();
        assert_eq!(serde_json::Value::Object(ce), want["ce"], "{stem}");
        assert_eq!(
            v["service"]["counted_months"], want["service_months"],
            "{stem}"
        );
        assert_eq!(v["rules_version"].as_str().unwrap().len(), 12);
        for c in v["checks"].as_array().unwrap() {
            assert!(
                !c["citations"].as_array().unwrap().is_empty(),
                "{stem}: {} cites nothing",
                c["id"]
            );
        }
    }
    assert_eq!(n, 5);
}

#[test]
fn standard_input_works() {
    let text =
        std::fs::read(repo().join("tests/examples/liandu_senior_engineer_eligible.profile.json"))
            .unwrap();
    let out = check_stdin(&text);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "eligible");
}

/// Bad input: exit 2, nothing on stdout, one line on stderr that starts with the path.
#[test]
fn bad_input_is_one_located_line() {
    let good = std::fs::read_to_string(
        repo().join("tests/examples/liandu_senior_engineer_eligible.profile.json"),
    )
    .unwrap();
    let table: &[(&str, String, &str)] = &[
        (
            "truncated JSON",
            good[..good.len() / 2].to_string(),
            "ce_records[",
        ),
        ("not JSON at all", "hello".to_string(), "$: not valid JSON"),
        ("empty input", String::new(), "$: not valid JSON"),
        (
            "unknown field",
            good.replacen("\"education\"", "\"educaton\"", 1),
            "educaton: unknown field",
        ),
        (
            "bad date",
            good.replace("1980-05-10", "1980-02-30"),
            "person.birth_date: \"1980-02-30\" is not a date that exists",
        ),
        (
            "negative hours",
            good.replacen("\"hours\": 70", "\"hours\": -70", 1),
            "ce_records[0].hours: must be greater than 0",
        ),
        (
            "two decimals",
            good.replacen("\"hours\": 70", "\"hours\": 70.25", 1),
            "ce_records[0].hours: must have at most one decimal",
        ),
        (
            "unknown rule set",
            good.replace("zj-liandu-2024", "zj-liandu-2099"),
            "rule_set: unknown value \"zj-liandu-2099\"",
        ),
        (
            "unknown title",
            good.replace("\"senior_engineer\"", "\"chief_engineer\""),
            "target.title: unknown value \"chief_engineer\"",
        ),
        (
            "unknown category",
            good.replacen("\"professional\"", "\"pro\"", 1),
            "ce_records[0].category: unknown value \"pro\"",
        ),
        (
            "not an object",
            "[1, 2]".to_string(),
            "$: must be an object",
        ),
    ];
    for (what, input, want) in table {
        let out = check_stdin(input.as_bytes());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}: {err}");
        assert!(out.stdout.is_empty(), "{what}: printed a verdict");
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(
            err.starts_with(want),
            "{what}: `{err}` should start with `{want}`"
        );
    }
}

#[test]
fn unreadable_and_non_utf8_input() {
    let out = bin()
        .args(["check", "/no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/file.json: cannot read"));
    let out = check_stdin(&[0x7b, 0xff, 0xfe, 0x7d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("$: the file is not UTF-8"));
}

#[test]
fn usage_errors_exit_2() {
    let out = bin().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    let out = bin().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}
