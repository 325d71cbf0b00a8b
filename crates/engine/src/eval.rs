//! The verdict of a profile (SPEC §3): the checks assessed for `Y`, projected to later
//! years for `earliest_eligible_year`, and put into words — all of them, or only the
//! problems ([`TextScope`]).

use crate::assess::assess;
use crate::case::Case;
use crate::error::InputError;
use crate::findings::{Assessed, Detail, Outcome};
use crate::messages;
use crate::profile::Profile;
use crate::rules;
use crate::verdict::{Check, Verdict, VERDICT_FORMAT};
use crate::vocab::{CheckId, CheckStatus, Status};

/// How far past `Y` the earliest eligible year is searched (SPEC §3).
pub const EARLIEST_SEARCH_YEARS: i32 = 10;

/// Which checks of a verdict get their words (messages, hints, citations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextScope {
    /// Every check: the verdict of SPEC §3.
    #[default]
    All,
    /// Only the checks that say what is wrong: `fail` and `review`, and the `coverage`
    /// check of a `not_covered` verdict. The other checks keep their id and status but
    /// have empty messages, no hints and no citations. Everything else is as with
    /// `All`. For batch mode, where writing every passing check's text in two
    /// languages is most of the work and none of it is shown.
    Problems,
}

/// Evaluates a profile (SPEC §2–§7).
pub fn evaluate(profile: &Profile) -> Result<Verdict, InputError> {
    evaluate_with(profile, TextScope::All)
}

/// Evaluates a profile, writing the texts `scope` asks for. With `TextScope::All` this
/// is [`evaluate`]; with `TextScope::Problems` the same verdict with the texts of
/// passing, `info` and `not_applicable` checks left empty.
pub fn evaluate_with(profile: &Profile, scope: TextScope) -> Result<Verdict, InputError> {
    let case = Case::resolve(profile)?;
    let rs = case.rs;
    let verdict = |status, checks, service, ce_years, earliest| Verdict {
        format: VERDICT_FORMAT,
        rule_set: rs.id,
        rules_version: rules::RULES_VERSION,
        evaluation_year: case.y,
        reference_date: case.r,
        status,
        checks,
        service,
        ce_years,
        earliest_eligible_year: earliest,
    };
    if !rs.covers(profile.target.title, profile.target.specialty.as_deref()) {
        let outcome = Outcome::new(CheckId::Coverage, CheckStatus::Info, Detail::NotCovered);
        let checks = vec![messages::check(&case, &outcome)];
        return Ok(verdict(Status::NotCovered, checks, None, Vec::new(), None));
    }
    case.require_work_start()?;
    let base = assess(&case, None);
    let earliest = earliest(&case, &base);
    let checks: Vec<Check> = base
        .outcomes
        .iter()
        .map(|o| match scope {
            TextScope::Problems if !matches!(o.status, CheckStatus::Fail | CheckStatus::Review) => {
                Check {
                    id: o.id,
                    status: o.status,
                    message: String::new(),
                    message_en: String::new(),
                    hint: None,
                    hint_en: None,
                    citations: Vec::new(),
                }
            }
            _ => messages::check(&case, o),
        })
        .collect();
    Ok(verdict(
        base.status(),
        checks,
        base.service,
        base.ce.years,
        earliest,
    ))
}

/// `earliest_eligible_year` (SPEC §3) of a case whose own year assessed as `base`:
/// each `Z` of `Y..=Y+10` is judged with `R` moved to `Z` (its month and day in year
/// `Z`) and the CE years after `Y` assumed compliant. For `Z = Y` that is `base`
/// itself, unless the profile gave a reference date outside `Y`.
pub(crate) fn earliest(case: &Case, base: &Assessed) -> Option<i32> {
    (0..=EARLIEST_SEARCH_YEARS).map(|k| case.y + k).find(|&z| {
        if z == case.y && case.r.year() == case.y {
            !base.has_fail()
        } else {
            !assess(&case.at_year(z), Some(case.y)).has_fail()
        }
    })
}
