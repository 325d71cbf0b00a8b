//! A profile resolved against its rule set — `Y`, `R`, the qualification path, the CE
//! hours counted once — and what the profile lacks for it to be evaluated at all.

use crate::ce::{self, YearHours};
use crate::date::{Date, MAX_YEAR};
use crate::error::{InputError, InputErrorKind};
use crate::profile::Profile;
use crate::rules::{self, PathStep, RuleSet};
use crate::sorted::SortedMap;
use std::rc::Rc;

/// How far past the rule set's year `evaluation_year` may go (SPEC §2).
pub const MAX_PROJECTION_YEARS: i32 = 5;

/// A profile resolved against its rule set: `Y`, `R`, the path, the counted hours.
/// The checks (`assess`) read it; so do their words (`messages`).
pub(crate) struct Case<'p> {
    pub p: &'p Profile,
    pub rs: &'static RuleSet,
    /// `Y`.
    pub y: i32,
    /// `R`.
    pub r: Date,
    pub step: Option<PathStep>,
    /// Shared by the projections of one evaluation: counted once.
    pub ce_counts: Rc<SortedMap<i32, YearHours>>,
}

/// The start `P` of the service count and whether it is `work_start`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Start {
    pub date: Date,
    pub from_work_start: bool,
}

impl<'p> Case<'p> {
    /// Resolves `p` against its rule set, refusing what needs the rule set to be
    /// judged: an unknown rule set, `Y` out of range, a title obtained after `Y`.
    pub fn resolve(p: &'p Profile) -> Result<Case<'p>, InputError> {
        let rs = rules::rule_set(&p.rule_set).ok_or_else(|| {
            let allowed = rules::rule_sets()
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>()
                .join(", ");
            InputError::new(
                "rule_set",
                InputErrorKind::UnknownValue {
                    value: p.rule_set.clone(),
                    allowed,
                },
            )
        })?;
        let (min, max) = (rs.year, (rs.year + MAX_PROJECTION_YEARS).min(MAX_YEAR));
        let y = p.evaluation_year.unwrap_or(rs.year);
        if !(min..=max).contains(&y) {
            return Err(InputError::new(
                "evaluation_year",
                InputErrorKind::EvaluationYearOutOfRange { min, max },
            ));
        }
        let year_end = Date::from_ymd_unchecked(y, 12, 31);
        if let Some(i) = p.titles.iter().position(|t| t.obtained > year_end) {
            return Err(InputError::new(
                format!("titles[{i}].obtained"),
                InputErrorKind::ObtainedAfterEvaluationYear {
                    end: year_end.to_string(),
                },
            ));
        }
        let r = p
            .reference_date
            .unwrap_or_else(|| rs.default_reference_date.with_year(y));
        Ok(Case {
            p,
            rs,
            y,
            r,
            step: rs.path_step(p.target.title, p.education),
            ce_counts: Rc::new(ce::count_years(&p.ce_records, &rs.ce)),
        })
    }

    /// `work_start` is required when the path has no prerequisite title (SPEC §2).
    pub fn require_work_start(&self) -> Result<(), InputError> {
        match self.step {
            Some(PathStep { requires: None, .. }) if self.p.work_start.is_none() => {
                Err(InputError::new(
                    "work_start",
                    InputErrorKind::WorkStartRequired {
                        target: self.p.target.title,
                    },
                ))
            }
            _ => Ok(()),
        }
    }

    /// The same profile evaluated for year `z`: `R` moved to `z` (the same month and
    /// day in year `z`, 29 February becoming the 28th in a common year).
    pub fn at_year(&self, z: i32) -> Case<'p> {
        Case {
            p: self.p,
            rs: self.rs,
            y: z,
            r: self.r.with_year(z),
            step: self.step,
            ce_counts: self.ce_counts.clone(),
        }
    }

    /// `Y-12-31`, the end of the evaluation year.
    pub fn year_end(&self) -> Date {
        Date::from_ymd_unchecked(self.y, 12, 31)
    }

    /// The start `P` of the service count and whether it is `work_start`.
    pub fn start(&self) -> Option<Start> {
        let step = self.step?;
        match step.requires {
            None => self.p.work_start.map(|date| Start {
                date,
                from_work_start: true,
            }),
            Some(title) => self.p.title_obtained(title).map(|date| Start {
                date,
                from_work_start: false,
            }),
        }
    }
}
