//! The verdict (`zhicheng-verdict/1`, SPEC §3): what the engine answers.

use crate::date::Date;
use crate::hours::Hours;
use crate::rules::Citation;
use crate::vocab::{CheckId, CheckStatus, Status};
use serde::Serialize;

/// The value of `format`.
pub const VERDICT_FORMAT: &str = "zhicheng-verdict/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub format: &'static str,
    pub rule_set: &'static str,
    pub rules_version: &'static str,
    /// `Y`: the year of the evaluation checked (a projection when later than the rule set's).
    pub evaluation_year: i32,
    /// `R`: the date the check is made as of.
    pub reference_date: Date,
    pub status: Status,
    pub checks: Vec<Check>,
    pub service: Option<Service>,
    pub ce_years: Vec<CeYear>,
    /// A projection (SPEC §3): the first year from `Y` with no failing check.
    pub earliest_eligible_year: Option<i32>,
}

impl Verdict {
    /// The check with this id, if the verdict has it.
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Ids of the checks with this status, sorted by name.
    pub fn ids_with(&self, status: CheckStatus) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self
            .checks
            .iter()
            .filter(|c| c.status == status)
            .map(|c| c.id.as_str())
            .collect();
        ids.sort_unstable();
        ids
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub status: CheckStatus,
    /// What was found, with the numbers, in Chinese.
    pub message: String,
    /// The same in English.
    pub message_en: String,
    /// How to put it right (for `fail` and `review`), in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint_en: Option<String>,
    pub citations: Vec<Citation>,
}

impl Check {
    pub fn message(&self, lang: crate::Lang) -> &str {
        lang.pick(&self.message, &self.message_en)
    }

    pub fn hint(&self, lang: crate::Lang) -> Option<&str> {
        match lang {
            crate::Lang::Zh => self.hint.as_deref(),
            crate::Lang::En => self.hint_en.as_deref(),
        }
    }
}

/// Years of service, counted from `start` to the end of the evaluation year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub start: Date,
    pub counted_months: u32,
    pub required_months: u32,
    /// Years whose annual assessment was 不合格 and which do not count (sx-2020).
    pub excluded_years: Vec<i32>,
}

/// Hours per category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CeCounted {
    pub professional: Hours,
    pub industry_public: Hours,
    pub general_public: Hours,
    pub total: Hours,
}

/// What a year lacks (0 where it lacks nothing or sets no minimum).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct CeShortfall {
    pub total: Hours,
    pub professional: Hours,
    pub public: Hours,
    pub general_public: Hours,
}

impl CeShortfall {
    pub fn is_zero(&self) -> bool {
        *self == CeShortfall::default()
    }
}

/// One year of continuing education.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CeYear {
    pub year: i32,
    /// Compliant by rule whatever was entered (e.g. years before 2019 in zj-liandu-2024).
    pub deemed: bool,
    /// Evaluated by the rule set's CE policy.
    pub required: bool,
    pub counted: CeCounted,
    pub compliant: bool,
    pub shortfall: CeShortfall,
    /// Online hours entered beyond the yearly cap, which do not count.
    pub online_not_counted: Hours,
}
