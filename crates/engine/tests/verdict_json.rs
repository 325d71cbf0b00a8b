//! `Verdict::to_json` (the engine's own writer, used by the app's JavaScript API)
//! writes the same document as serde (the CLI's `zhicheng check`) for every case of
//! tests/examples and tests/cases: the same keys and the same values (numbers
//! compared as numbers: serde writes hours as `90.0`, the engine as `90`).

mod support;

use serde_json::Value;

/// Numbers as f64, so that `90` and `90.0` are the same value.
fn numbers_as_f64(v: Value) -> Value {
    match v {
        Value::Number(n) => Value::from(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.into_iter().map(numbers_as_f64).collect()),
        Value::Object(o) => {
            Value::Object(o.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect())
        }
        other => other,
    }
}

fn keys(v: &Value, out: &mut Vec<String>, at: &str) {
    match v {
        Value::Object(o) => {
            for (k, v) in o {
                out.push(format!("{at}.{k}"));
                keys(v, out, &format!("{at}.{k}"));
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                keys(v, out, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn the_engines_verdict_json_is_serdes() {
    let mut checked = 0;
    for case in support::all() {
        let Ok(verdict) = zhicheng_engine::check_json(&case.profile) else {
            continue;
        };
        let ours: Value = serde_json::from_str(&verdict.to_json().to_text()).unwrap();
        let serde = serde_json::to_value(&verdict).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        keys(&ours, &mut a, "");
        keys(&serde, &mut b, "");
        assert_eq!(a, b, "{}: keys", case.label());
        assert_eq!(
            numbers_as_f64(ours),
            numbers_as_f64(serde),
            "{}",
            case.label()
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} verdicts compared");
}
