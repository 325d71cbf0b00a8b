//! `cargo xtask bench engine`: one evaluation natively, with criterion
//! (crates/engine/benches/evaluate.rs: four shared examples, the batch's texts-for-
//! problems-only evaluation, and reading JSON plus evaluating). The figure is the
//! slowest example's median time per evaluation, against the budget of 20 µs; every
//! benchmark's median is in the note. Criterion's own estimates are read from
//! target/criterion/evaluate/*/new/ (`estimates.json`, `benchmark.json`).

use std::path::Path;
use std::time::SystemTime;

use super::{Bench, Figure};
use crate::cmd::{self, Result};

/// The budget of one evaluation, in microseconds.
pub const BUDGET_US: f64 = 20.0;

/// One benchmark's result: its id (`evaluate/NAME`) and median in nanoseconds.
#[derive(Debug, PartialEq)]
pub struct Estimate {
    pub id: String,
    pub median_ns: f64,
}

pub fn run(b: &mut Bench) -> Result {
    let started = SystemTime::now();
    cmd::run(cmd::cargo().current_dir(cmd::repo_root()).args([
        "bench",
        "-p",
        "zhicheng-engine",
        "--bench",
        "evaluate",
        "--",
        "--warm-up-time",
        "1",
        "--measurement-time",
        "3",
    ]))?;
    let dir = super::target_dir().join("criterion").join("evaluate");
    let mut estimates = read_estimates(&dir, started)?;
    if estimates.is_empty() {
        return Err(format!(
            "criterion wrote no estimates into {}",
            dir.display()
        ));
    }
    estimates.sort_by(|a, b| a.id.cmp(&b.id));
    // One evaluation of an example, texts in both languages: the budget's case.
    let slowest = estimates
        .iter()
        .filter(|e| !e.id.contains("problems_only") && !e.id.contains("read_and_evaluate"))
        .max_by(|a, b| a.median_ns.total_cmp(&b.median_ns))
        .ok_or("no example's estimate")?;
    let us = slowest.median_ns / 1000.0;
    let all: Vec<String> = estimates
        .iter()
        .map(|e| format!("{} {:.2} µs", e.id, e.median_ns / 1000.0))
        .collect();
    b.figures.push(Figure {
        name: "Engine: one evaluation (native, criterion)".into(),
        value: format!("{us:.1} µs"),
        budget: format!("≤ {BUDGET_US} µs"),
        ok: Some(us <= BUDGET_US),
        note: format!(
            "criterion's median time per evaluation of the slowest of the shared examples \
             (`{}`), release build; every benchmark of crates/engine/benches/evaluate.rs \
             (1 s warm-up, 3 s measured each): {}",
            slowest.id,
            all.join("; ")
        ),
        ..Figure::default()
    });
    Ok(())
}

/// The estimates criterion wrote under `dir` since `since`.
fn read_estimates(dir: &Path, since: SystemTime) -> Result<Vec<Estimate>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let new = entry.path().join("new");
        let (Ok(estimates), Ok(benchmark)) = (
            std::fs::read_to_string(new.join("estimates.json")),
            std::fs::read_to_string(new.join("benchmark.json")),
        ) else {
            continue;
        };
        let fresh = std::fs::metadata(new.join("estimates.json"))
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= since);
        if let (true, Some(id), Some(median_ns)) = (
            fresh,
            json_string(&benchmark, "full_id"),
            median_point_estimate(&estimates),
        ) {
            out.push(Estimate { id, median_ns });
        }
    }
    Ok(out)
}

/// The string value of `"key":"…"` in a flat JSON object (criterion's ids hold no
/// escapes).
pub fn json_string(json: &str, key: &str) -> Option<String> {
    let at = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let len = json[at..].find('"')?;
    Some(json[at..at + len].to_string())
}

/// `median.point_estimate` of criterion's estimates.json, in nanoseconds.
pub fn median_point_estimate(json: &str) -> Option<f64> {
    let median = &json[json.find("\"median\":")?..];
    let at = median.find("\"point_estimate\":")? + "\"point_estimate\":".len();
    let end = median[at..].find([',', '}'])? + at;
    median[at..end].trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_files_are_read() {
        let estimates = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":6667.7,"standard_error":1.0},"median":{"confidence_interval":{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0},"point_estimate":6362.68,"standard_error":2.0},"median_abs_dev":{"point_estimate":1.0}}"#;
        assert_eq!(median_point_estimate(estimates), Some(6362.68));
        let benchmark = r#"{"group_id":"evaluate","function_id":"x/y","value_str":null,"full_id":"evaluate/x/y","directory_name":"evaluate/x_y"}"#;
        assert_eq!(
            json_string(benchmark, "full_id").as_deref(),
            Some("evaluate/x/y")
        );
        assert_eq!(json_string(benchmark, "nothing"), None);
    }
}
