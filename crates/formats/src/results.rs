//! The results CSV of a batch (docs/batch.md): UTF-8 with a BOM so Excel opens it
//! right, CRLF line ends, one row per person, every cell through [`csv::write_cell`]
//! (so `=`, `+`, `-`, `@`, tab and CR at the start of a cell are escaped).
//!
//! Columns: `person_id`, `name`, `line`, `status`, `status_zh`,
//! `earliest_eligible_year`, one column per check id of SPEC §3 (in `CheckId::ALL`
//! order) with that check's status (empty when the verdict has no such check),
//! `summary_zh` (the failing and review checks' messages, in Chinese) and `error`
//! (for a row that gives no verdict: why, in English and Chinese).

use crate::batch::{Checked, ERROR_STATUS, ERROR_STATUS_ZH};
use crate::csv;
use std::fmt::Write;
use zhicheng_engine::{CheckId, CheckStatus, Status, Verdict};

/// The columns before the checks.
pub const LEADING_COLUMNS: [&str; 6] = [
    "person_id",
    "name",
    "line",
    "status",
    "status_zh",
    "earliest_eligible_year",
];

/// The columns after the checks.
pub const TRAILING_COLUMNS: [&str; 2] = ["summary_zh", "error"];

/// Every column name, in order.
pub fn columns() -> Vec<&'static str> {
    LEADING_COLUMNS
        .iter()
        .copied()
        .chain(CheckId::ALL.iter().map(|c| c.as_str()))
        .chain(TRAILING_COLUMNS)
        .collect()
}

/// The start of a results file: the BOM and the header row.
pub fn header() -> String {
    let mut out = String::from("\u{feff}");
    csv::write_row(&mut out, &columns());
    out
}

/// The Chinese summary of a verdict's problems: each `fail` and `review` check as
/// `标签：消息`, joined by `；` (review checks marked 需人工核实); for a `not_covered`
/// verdict, its `coverage` check (what the rule set covers).
pub fn summary_zh(v: &Verdict) -> String {
    let mut out = String::new();
    for c in &v.checks {
        let problem = matches!(c.status, CheckStatus::Fail | CheckStatus::Review)
            || (v.status == Status::NotCovered && c.id == CheckId::Coverage);
        if !problem {
            continue;
        }
        if !out.is_empty() {
            out.push('；');
        }
        out.push_str(c.id.label_zh());
        if c.status == CheckStatus::Review {
            out.push_str("（需人工核实）");
        }
        out.push('：');
        out.push_str(&c.message);
    }
    out
}

/// Appends one person's row (CRLF-terminated) to `out`.
pub fn write_row(out: &mut String, c: &Checked) {
    csv::write_cell(out, &c.person_id);
    out.push(',');
    csv::write_cell(out, &c.name);
    let _ = write!(out, ",{},", c.line);
    match &c.result {
        Ok(v) => {
            out.push_str(v.status.as_str());
            out.push(',');
            csv::write_cell(out, v.status.label_zh());
            out.push(',');
            if let Some(y) = v.earliest_eligible_year {
                let _ = write!(out, "{y}");
            }
            let mut statuses: [Option<CheckStatus>; CHECKS] = [None; CHECKS];
            for check in &v.checks {
                statuses[check.id.index()] = Some(check.status);
            }
            for s in statuses {
                out.push(',');
                if let Some(s) = s {
                    out.push_str(s.as_str());
                }
            }
            out.push(',');
            csv::write_cell(out, &summary_zh(v));
            out.push(',');
        }
        Err(e) => {
            out.push_str(ERROR_STATUS);
            out.push(',');
            out.push_str(ERROR_STATUS_ZH);
            out.push(',');
            for _ in 0..CHECKS {
                out.push(',');
            }
            out.push(',');
            out.push(',');
            csv::write_cell(out, &e.reason());
        }
    }
    out.push_str("\r\n");
}

const CHECKS: usize = CheckId::ALL.len();

/// One person's row as a string.
pub fn row(c: &Checked) -> String {
    let mut out = String::new();
    write_row(&mut out, c);
    out
}

/// A whole results file: the BOM, the header and a row per person.
pub fn to_csv<'a>(checked: impl IntoIterator<Item = &'a Checked>) -> String {
    let mut out = header();
    for c in checked {
        write_row(&mut out, c);
    }
    out
}
