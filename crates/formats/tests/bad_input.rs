//! The bad-input suite (tests/bad-input/cases.json): every hostile or mistaken input
//! is refused with a message that names its place (JSON path or CSV line), in English
//! and Chinese, without a panic; good lines around a bad one are still taken.

use serde_json::Value;
use std::path::Path;
use zhicheng_formats::batch::Batch;
use zhicheng_formats::roster::Roster;
use zhicheng_formats::{ce_csv, csv, results};

fn cases() -> Vec<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-input/cases.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn good_profile() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/examples/liandu_senior_engineer_eligible.profile.json");
    std::fs::read_to_string(path).unwrap()
}

/// Inputs too large to keep in the file.
fn generate(spec: &Value) -> String {
    let good = good_profile();
    if let Some(depth) = spec.get("deep").and_then(Value::as_u64) {
        let depth = depth as usize;
        let nest = "[".repeat(depth) + &"]".repeat(depth);
        return good.replacen(
            "\"target\": {",
            &format!("\"target\": {nest}, \"x\": {{"),
            1,
        );
    }
    if let Some(mb) = spec.get("pad_mb").and_then(Value::as_u64) {
        let pad = " ".repeat(mb as usize * 1_000_000);
        return format!("{pad}{good}");
    }
    if let Some(n) = spec.get("records").and_then(Value::as_u64) {
        let record = r#"{"year": 2024, "category": "professional", "hours": 1}"#;
        let list = vec![record; n as usize].join(",");
        return good.replacen("\"ce_records\": [", &format!("\"ce_records\": [{list},"), 1);
    }
    panic!("unknown generator {spec}");
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn check(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().unwrap();
    let expect = &case["expect"];
    let input = match case.get("generate") {
        Some(spec) => generate(spec),
        None => case["input"].as_str().unwrap().to_string(),
    };
    match case["kind"].as_str().unwrap() {
        "profile" => {
            let e = match zhicheng_engine::check_json(&input) {
                Ok(v) => return Err(format!("{name}: accepted (status {})", v.status.as_str())),
                Err(e) => e,
            };
            let line = e.one_line();
            if let Some(path) = expect["path"].as_str() {
                if e.path != path {
                    return Err(format!("{name}: path `{}`, want `{path}` ({line})", e.path));
                }
            }
            let part = expect["contains"].as_str().unwrap();
            if !line.contains(part) || !has_chinese(&e.message_zh()) || line.lines().count() != 1 {
                return Err(format!("{name}: `{line}` lacks `{part}` or its Chinese"));
            }
        }
        "ce_csv" => {
            let imp = ce_csv::import(&input);
            let line = expect["line"].as_u64().unwrap() as usize;
            let part = expect["contains"].as_str().unwrap();
            let hit = imp
                .errors
                .iter()
                .find(|e| e.line == line && e.message_en().contains(part));
            match hit {
                None => {
                    let got: Vec<String> = imp.errors.iter().map(|e| e.message_en()).collect();
                    return Err(format!(
                        "{name}: no error on line {line} saying `{part}`; got {got:?}"
                    ));
                }
                Some(e) if !e.message_zh().contains(&format!("第 {line} 行")) => {
                    return Err(format!(
                        "{name}: the Chinese message does not name line {line}: {}",
                        e.message_zh()
                    ));
                }
                Some(_) => {}
            }
            let imported = expect["imported"].as_u64().unwrap() as usize;
            if imp.records.len() != imported {
                return Err(format!(
                    "{name}: imported {} records, want {imported}",
                    imp.records.len()
                ));
            }
        }
        "roster" => {
            let roster = match Roster::read(&input) {
                Err(e) => {
                    let Some(part) = expect["file_error"].as_str() else {
                        return Err(format!("{name}: refused the file: {}", e.message_en()));
                    };
                    let text = e.one_line();
                    if !text.contains(part) || !has_chinese(&e.message_zh()) {
                        return Err(format!("{name}: `{text}` lacks `{part}` or its Chinese"));
                    }
                    return Ok(());
                }
                Ok(r) => r,
            };
            if expect["file_error"].is_string() {
                return Err(format!("{name}: the file was accepted"));
            }
            let line = expect["line"].as_u64().unwrap() as usize;
            let part = expect["contains"].as_str().unwrap();
            let checked: Vec<_> = Batch::new(roster).collect();
            let bad: Vec<_> = checked.iter().filter(|c| c.result.is_err()).collect();
            match bad.as_slice() {
                [one] if one.line == line => {
                    let e = one.result.as_ref().unwrap_err();
                    if !e.one_line().contains(part) || !has_chinese(&e.message_zh()) {
                        return Err(format!(
                            "{name}: `{}` lacks `{part}` or its Chinese",
                            e.one_line()
                        ));
                    }
                }
                other => {
                    return Err(format!(
                        "{name}: bad rows at lines {:?}, want only {line}",
                        other.iter().map(|c| c.line).collect::<Vec<_>>()
                    ))
                }
            }
            if checked.len() < 2 && line > 2 {
                return Err(format!("{name}: the other rows were not checked"));
            }
        }
        "roster_results" => {
            let roster = Roster::read(&input).map_err(|e| format!("{name}: {}", e.message_en()))?;
            let out = results::to_csv(&Batch::new(roster).collect::<Vec<_>>());
            let rows = csv::parse(&out).map_err(|e| format!("{name}: results are not CSV: {e}"))?;
            let ids: Vec<&str> = rows.iter().skip(1).map(|r| r.fields[0].as_str()).collect();
            let want: Vec<&str> = expect["guarded"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            if ids != want {
                return Err(format!("{name}: person_id cells {ids:?}, want {want:?}"));
            }
        }
        other => return Err(format!("{name}: unknown kind {other}")),
    }
    Ok(())
}

#[test]
fn every_bad_input_is_refused_with_its_place_named() {
    let all = cases();
    assert!(
        all.len() >= 50,
        "the suite has {} cases; it must have at least 50",
        all.len()
    );
    let failures: Vec<String> = all.iter().filter_map(|c| check(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
