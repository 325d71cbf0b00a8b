//! A roster checked person by person: each [`Entry`] evaluated by the engine, a row
//! the engine refuses kept with its line, column and reason. Pure, lazy (an iterator),
//! shared by the CLI's `zhicheng batch` and the app's batch page.
//!
//! ```
//! use zhicheng_formats::{batch::Batch, results, roster::Roster};
//! let text = "person_id,rule_set,title,birth_date,retirement_group,employment,education\n\
//!             A1,sx-2020,高级工程师,1980-05-10,男,企业,大专\n";
//! let mut csv = results::header();
//! let mut batch = Batch::new(Roster::read(text).unwrap());
//! for checked in &mut batch {
//!     results::write_row(&mut csv, &checked);
//! }
//! assert_eq!(batch.tally().not_eligible, 1); // 大专 has no path to 高级工程师
//! ```

use crate::roster::{Entry, Field, Header, Problem, Roster, RowError};
use zhicheng_engine::{InputError, Profile, Status, TextScope, Verdict};

/// One person checked: their verdict, or why their row gives none.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub line: usize,
    pub person_id: String,
    pub name: String,
    pub result: Result<Verdict, RowError>,
}

impl Checked {
    /// The status id for the results: the verdict's, or `error`.
    pub fn status_id(&self) -> &'static str {
        match &self.result {
            Ok(v) => v.status.as_str(),
            Err(_) => ERROR_STATUS,
        }
    }
}

/// The status of a row that gives no verdict.
pub const ERROR_STATUS: &str = "error";
/// Its Chinese label.
pub const ERROR_STATUS_ZH: &str = "数据有误";

/// Evaluates one entry; an input error of the engine is put back on its column.
pub fn check(header: &Header, entry: Entry) -> Checked {
    let result = entry.profile.and_then(|p| {
        zhicheng_engine::evaluate_with(&p, TextScope::Problems)
            .map_err(|e| located(header, &p, entry.line, e))
    });
    Checked {
        line: entry.line,
        person_id: entry.person_id,
        name: entry.name,
        result,
    }
}

/// The column an engine error points at. `evaluate` refuses only these paths (the
/// per-field checks were made while reading the row): `rule_set`, `evaluation_year`,
/// `titles[i].obtained`, `work_start`.
fn located(header: &Header, p: &Profile, line: usize, e: InputError) -> RowError {
    let field = match e.path.as_str() {
        "rule_set" => Some(Field::RuleSet),
        "evaluation_year" => Some(Field::EvaluationYear),
        "work_start" => Some(Field::WorkStart),
        path => path
            .strip_prefix("titles[")
            .and_then(|rest| rest.split(']').next())
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| p.titles.get(i))
            .map(|t| Field::obtained(t.title)),
    };
    RowError {
        line,
        column: Some(match field {
            Some(f) => header.column_name(f).to_string(),
            None => e.path.clone(),
        }),
        problem: Problem::Input(e.kind),
    }
}

/// How many people got each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub eligible: usize,
    pub needs_review: usize,
    pub not_eligible: usize,
    pub not_covered: usize,
    /// Rows that gave no verdict.
    pub errors: usize,
}

impl Tally {
    pub fn add(&mut self, c: &Checked) {
        match &c.result {
            Ok(v) => match v.status {
                Status::Eligible => self.eligible += 1,
                Status::NeedsReview => self.needs_review += 1,
                Status::NotEligible => self.not_eligible += 1,
                Status::NotCovered => self.not_covered += 1,
            },
            Err(_) => self.errors += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.eligible + self.needs_review + self.not_eligible + self.not_covered + self.errors
    }

    /// `12 people: 5 eligible, … — 共 12 人：可以申报 5 人，…`
    pub fn one_line(&self) -> String {
        format!(
            "{} people: {} eligible, {} needs review, {} not eligible, {} not covered, {} bad rows \
             — 共 {} 人：可以申报 {}，需人工核实 {}，暂不符合 {}，不在适用范围 {}，数据有误 {}",
            self.total(),
            self.eligible,
            self.needs_review,
            self.not_eligible,
            self.not_covered,
            self.errors,
            self.total(),
            self.eligible,
            self.needs_review,
            self.not_eligible,
            self.not_covered,
            self.errors
        )
    }
}

/// A roster being checked: an iterator of [`Checked`], one per person, in file order.
pub struct Batch<'a> {
    roster: Roster<'a>,
    tally: Tally,
}

impl<'a> Batch<'a> {
    pub fn new(roster: Roster<'a>) -> Batch<'a> {
        Batch {
            roster,
            tally: Tally::default(),
        }
    }

    /// The roster (its header, position and warnings).
    pub fn roster(&self) -> &Roster<'a> {
        &self.roster
    }

    /// The statuses so far.
    pub fn tally(&self) -> Tally {
        self.tally
    }
}

impl Iterator for Batch<'_> {
    type Item = Checked;

    fn next(&mut self) -> Option<Checked> {
        let entry = self.roster.next()?;
        let checked = check(self.roster.header(), entry);
        self.tally.add(&checked);
        Some(checked)
    }
}
