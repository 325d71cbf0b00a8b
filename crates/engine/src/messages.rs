//! Every check's message and hint, written once from its finding, each message's
//! Chinese and English side by side (`bi!`), and the check's citations.
//!
//! By topic: `person` (retirement … profession), `path` (path, prerequisite,
//! service), `ce`, `notes` (coverage, exam, foreign language, mountain counties,
//! projection); `parts` holds what they share. Beside the checks: `plan` (the CE
//! plan's steps and summary, for `crate::plan`) and `calendar` (its events, for
//! `crate::calendar`).

pub(crate) mod calendar;
mod ce;
mod notes;
mod parts;
mod path;
mod person;
pub(crate) mod plan;

use crate::bi;
use crate::case::Case;
use crate::findings::{Detail, Outcome};
use crate::rules::{CheckNote, Citation};
use crate::verdict::Check;
use crate::vocab::CheckId;
use parts::Message;

/// The check of an outcome: its words, the rule set's notes on it, its citations
/// (the rule set's own first, then the sources of the values used, then national).
pub(crate) fn check(case: &Case, o: &Outcome) -> Check {
    let Message { mut text, hint } = message(case, o);
    let notes: Vec<&CheckNote> = case
        .rs
        .check_notes
        .iter()
        .filter(|n| n.checks.contains(&o.id))
        .collect();
    for n in &notes {
        text += bi!("{}", n.zh; " {}", n.en);
    }
    let c = &case.rs.citations[o.id.index()];
    let path_source = match o.id {
        CheckId::QualificationPath | CheckId::PrerequisiteTitle | CheckId::ServiceYears => {
            case.rs.path(case.p.target.title).map(|p| p.source)
        }
        _ => None,
    };
    let mut citations: Vec<Citation> = Vec::new();
    for cite in c
        .local
        .iter()
        .copied()
        .chain(path_source)
        .chain(c.general.iter().copied())
        .chain(notes.iter().map(|n| n.source))
    {
        if !citations.contains(&cite) {
            citations.push(cite);
        }
    }
    let (hint, hint_en) = match hint {
        Some(h) => (Some(h.zh), Some(h.en)),
        None => (None, None),
    };
    Check {
        id: o.id,
        status: o.status,
        message: text.zh,
        message_en: text.en,
        hint,
        hint_en,
        citations,
    }
}

/// The words of one outcome.
fn message(case: &Case, o: &Outcome) -> Message {
    match &o.detail {
        Detail::NotCovered => notes::not_covered(case),
        Detail::AlreadyRetired => person::already_retired(),
        Detail::Retirement {
            date,
            age_months,
            when,
        } => person::retirement(case, *date, *age_months, *when),
        Detail::Employment(e) => person::employment(*e),
        Detail::SanctionBlocks { s, reason } => person::sanction_blocks(case, s, *reason),
        Detail::SanctionNotBlocking { s } => person::sanction_not_blocking(case, s),
        Detail::NoSanctionInForce { count } => person::no_sanction_in_force(case, *count),
        Detail::FraudBan {
            finding,
            last_year,
            consequence,
        } => person::fraud_ban(case, *finding, *last_year, *consequence),
        Detail::NoFraudBan { findings } => person::no_fraud_ban(case, *findings),
        Detail::NotInTechnicalPost => person::not_in_technical_post(),
        Detail::PostWageNotPaid => person::post_wage_not_paid(),
        Detail::InTechnicalPost => person::in_technical_post(),
        Detail::ProfessionMismatch => person::profession_mismatch(),
        Detail::ProfessionMatches => person::profession_matches(),
        Detail::NoPath => path::no_path(case, o.status),
        Detail::Path(step) => path::path(case, *step),
        Detail::NoPrerequisiteNeeded => path::no_prerequisite_needed(case),
        Detail::PrerequisiteHeld { title, obtained } => path::prerequisite_held(*title, *obtained),
        Detail::PrerequisiteMissing { title } => path::prerequisite_missing(case, *title),
        Detail::AfterNoPath => path::after_no_path(),
        Detail::AfterMissingPrerequisite => path::after_missing_prerequisite(),
        Detail::Service {
            start,
            service,
            years,
        } => path::service(case, start, service, *years, o.status),
        Detail::Ce(ce) => ce::ce(case, ce, o.status),
        Detail::CeOnlyInclusive { strict, year } => ce::only_inclusive(case, strict, year),
        Detail::ExamNotNeeded => notes::exam_not_needed(case),
        Detail::ExamPassed { year } => notes::exam_passed(*year),
        Detail::ExamMissing => notes::exam_missing(case),
        Detail::ForeignLanguage { required } => notes::foreign_language(*required),
        Detail::Mountain {
            county,
            list,
            round,
            changed,
        } => notes::mountain(case, county, *list, *round, *changed),
        Detail::Projection => notes::projection(case),
    }
}
