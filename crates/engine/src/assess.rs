//! The checks of SPEC §3, in its order: each gives an [`Outcome`] with the numbers
//! behind it, and no words (the projections behind `earliest_eligible_year` run them
//! again and again).

use crate::case::{Case, Start};
use crate::ce::{self, CeOutcome, CeQuery};
use crate::date::Date;
use crate::findings::{
    Assessed, BlockReason, Detail, Outcome, RetirementWhen, Round, SanctionSpan,
};
use crate::profile::Profile;
use crate::rules::{self, AmbiguousYear, FraudConsequence, PathStep, RuleSet, SanctionPeriod};
use crate::verdict::Service;
use crate::vocab::{Assessment, CheckId, CheckStatus, Employment, Title};
use CheckStatus::*;

/// Runs every check for `case.y`. `assume_compliant_after`: in a projection, CE years
/// after this year count as compliant.
pub(crate) fn assess(case: &Case, assume_compliant_after: Option<i32>) -> Assessed {
    let mut out = Vec::with_capacity(14);
    out.push(retirement(case));
    out.push(civil_servant(case));
    out.push(sanction(case));
    out.push(fraud_ban(case));
    out.push(technical_post(case));
    out.push(profession_match(case));
    let start = case.start();
    out.extend(path(case, start));
    let years = case.step.map_or(0, |s| s.years);
    let service = start.map(|s| service_count(case, s, years));
    out.push(service_years(case, start, service.as_ref(), years));
    let (ce, ce_hours) = ce_hours(case, start, years, assume_compliant_after);
    out.push(ce_hours);
    out.push(exam(case));
    out.extend(infos(case));
    Assessed {
        outcomes: out,
        service,
        ce,
    }
}

fn retirement(case: &Case) -> Outcome {
    if case.p.person.retired {
        return Outcome::new(CheckId::Retirement, Fail, Detail::AlreadyRetired);
    }
    let (date, age_months) = retirement_date(case.rs, case.p);
    let when = if date <= case.r {
        RetirementWhen::Reached
    } else if date <= case.year_end() {
        RetirementWhen::DuringYear
    } else {
        RetirementWhen::Later
    };
    let status = match when {
        RetirementWhen::Reached => Fail,
        RetirementWhen::DuringYear => Review,
        RetirementWhen::Later => Pass,
    };
    Outcome::new(
        CheckId::Retirement,
        status,
        Detail::Retirement {
            date,
            age_months,
            when,
        },
    )
}

/// The statutory retirement date and age in months (SPEC §6).
pub(crate) fn retirement_date(rs: &RuleSet, p: &Profile) -> (Date, u32) {
    let rule = rs.retirement_group(p.person.retirement_group);
    let start = rules::national().retirement.reform_start;
    let birth = p.person.birth_date;
    let base = rule.original_age_years as i32 * 12;
    // n: the months from the reform's first month to the month of reaching the
    // original age, counting both (SPEC: (birth_year + age − 2025) × 12 + birth_month).
    let n = (birth.year() + rule.original_age_years as i32 - start.year()) * 12
        + birth.month() as i32
        - start.month() as i32
        + 1;
    let raise = if n <= 0 {
        0
    } else {
        ((n as u32).div_ceil(rule.months_per_step)).min(rule.max_raise_months) as i32
    };
    let age = base + raise;
    (birth.add_months(age), age as u32)
}

fn civil_servant(case: &Case) -> Outcome {
    let employment = case.p.person.employment;
    let civil = matches!(
        employment,
        Employment::CivilServant | Employment::CivilServantManaged
    );
    Outcome::new(
        CheckId::CivilServant,
        if civil { Fail } else { Pass },
        Detail::Employment(employment),
    )
}

/// The first blocking sanction in force on `R`, else the first in force, else none.
fn sanction(case: &Case) -> Outcome {
    let (p, rs) = (case.p, case.rs);
    let mut not_blocking: Option<SanctionSpan> = None;
    for s in &p.sanctions {
        let end = match rs.sanction_period(s.kind) {
            SanctionPeriod::Months(m) => Some(s.effective.add_months(m as i32)),
            SanctionPeriod::Permanent => None,
        };
        let in_force = s.effective <= case.r && end.is_none_or(|e| case.r < e);
        if !in_force {
            continue;
        }
        let span = SanctionSpan {
            kind: s.kind,
            effective: s.effective,
            last_day: end.map(Date::previous_day),
        };
        let reason = if p.person.employment == Employment::PublicInstitution
            && rs.blocking_for_public_institution.contains(&s.kind)
        {
            Some(BlockReason::PublicInstitution)
        } else if rs.public_official_blocks && s.as_public_official {
            Some(BlockReason::PublicOfficial)
        } else {
            None
        };
        match reason {
            Some(reason) => {
                return Outcome::new(
                    CheckId::Sanction,
                    Fail,
                    Detail::SanctionBlocks { s: span, reason },
                )
            }
            None => not_blocking = not_blocking.or(Some(span)),
        }
    }
    let detail = match not_blocking {
        Some(s) => Detail::SanctionNotBlocking { s },
        None => Detail::NoSanctionInForce {
            count: p.sanctions.len(),
        },
    };
    Outcome::new(CheckId::Sanction, Pass, detail)
}

/// A ban fails; a record kept without a ban is `review` (SPEC §3).
fn fraud_ban(case: &Case) -> Outcome {
    let (p, rs) = (case.p, case.rs);
    let span = i64::from(rs.fraud_years);
    let counted = p
        .fraud_findings
        .iter()
        .map(|f| f.evaluation_year)
        .filter(|&f| (i64::from(f) + 1..=i64::from(f) + span).contains(&i64::from(case.y)))
        .max();
    match counted {
        Some(f) => Outcome::new(
            CheckId::FraudBan,
            match rs.fraud_consequence {
                FraudConsequence::Ban => Fail,
                FraudConsequence::Record => Review,
            },
            Detail::FraudBan {
                finding: f,
                last_year: f + rs.fraud_years as i32,
                consequence: rs.fraud_consequence,
            },
        ),
        None => Outcome::new(
            CheckId::FraudBan,
            Pass,
            Detail::NoFraudBan {
                findings: p.fraud_findings.len(),
            },
        ),
    }
}

fn technical_post(case: &Case) -> Outcome {
    let person = &case.p.person;
    let (status, detail) = if !person.in_technical_post {
        (Fail, Detail::NotInTechnicalPost)
    } else if case.rs.requires_post_wage
        && person.employment == Employment::PublicInstitution
        && !person.post_wage_paid
        && !person.moved_from_government_organ
    {
        (Fail, Detail::PostWageNotPaid)
    } else {
        (Pass, Detail::InTechnicalPost)
    };
    Outcome::new(CheckId::TechnicalPost, status, detail)
}

fn profession_match(case: &Case) -> Outcome {
    if case.p.person.profession_matches {
        Outcome::new(CheckId::ProfessionMatch, Pass, Detail::ProfessionMatches)
    } else {
        Outcome::new(CheckId::ProfessionMatch, Fail, Detail::ProfessionMismatch)
    }
}

/// `qualification_path` and `prerequisite_title`.
fn path(case: &Case, start: Option<Start>) -> [Outcome; 2] {
    let Some(step) = case.step else {
        return [
            Outcome::new(
                CheckId::QualificationPath,
                if case.p.exceptional { Review } else { Fail },
                Detail::NoPath,
            ),
            Outcome::new(
                CheckId::PrerequisiteTitle,
                NotApplicable,
                Detail::AfterNoPath,
            ),
        ];
    };
    let prerequisite = match (step.requires, start) {
        (None, _) => (Pass, Detail::NoPrerequisiteNeeded),
        (Some(title), Some(s)) => (
            Pass,
            Detail::PrerequisiteHeld {
                title,
                obtained: s.date,
            },
        ),
        (Some(title), None) => (Fail, Detail::PrerequisiteMissing { title }),
    };
    [
        Outcome::new(CheckId::QualificationPath, Pass, Detail::Path(step)),
        Outcome::new(CheckId::PrerequisiteTitle, prerequisite.0, prerequisite.1),
    ]
}

/// Why a check that needs the start `P` was not evaluated.
fn not_evaluated(step: Option<PathStep>) -> Detail {
    match step {
        None => Detail::AfterNoPath,
        Some(_) => Detail::AfterMissingPrerequisite,
    }
}

fn service_years(
    case: &Case,
    start: Option<Start>,
    service: Option<&Service>,
    years: u32,
) -> Outcome {
    let (Some(start), Some(service)) = (start, service) else {
        return Outcome::new(
            CheckId::ServiceYears,
            NotApplicable,
            not_evaluated(case.step),
        );
    };
    let status = if service.counted_months >= service.required_months {
        Pass
    } else if case.p.exceptional {
        Review
    } else {
        Fail
    };
    Outcome::new(
        CheckId::ServiceYears,
        status,
        Detail::Service {
            start,
            service: service.clone(),
            years,
        },
    )
}

fn service_count(case: &Case, start: Start, years: u32) -> Service {
    let end = case.rs.service_end.in_year(case.y);
    let months = start.date.whole_months_until(end);
    let excluded_years: Vec<i32> = if case.rs.exclude_unqualified_years {
        case.p
            .assessments
            .iter()
            .filter(|(y, a)| {
                (start.date.year()..=case.y).contains(y) && **a == Assessment::Unqualified
            })
            .map(|(y, _)| *y)
            .collect()
    } else {
        Vec::new()
    };
    let counted = months.saturating_sub(12 * excluded_years.len() as u32);
    Service {
        start: start.date,
        counted_months: counted,
        required_months: 12 * years,
        excluded_years,
    }
}

/// The CE years and the `ce_hours` check.
fn ce_hours(
    case: &Case,
    start: Option<Start>,
    years: u32,
    assume_compliant_after: Option<i32>,
) -> (CeOutcome, Outcome) {
    let rs = case.rs;
    let query = CeQuery {
        rule: &rs.ce,
        counts: &case.ce_counts,
        year: case.y,
        start_year: start.map(|s| s.date.year()),
        years_required: years,
        exceptional: case.p.exceptional,
        first_owed: case.p.work_start.map(Date::year),
        deemed_through_year: rs.ce.deemed_through_year,
        assume_compliant_after,
    };
    let ce = ce::evaluate(&query);
    let (status, detail) = match (&ce.judgement, start) {
        (Some(j), Some(_)) if j.met => (Pass, Detail::Ce(ce.clone())),
        (Some(_), Some(_)) if rs.ce.advisory => (Review, Detail::Ce(ce.clone())),
        (Some(_), Some(_)) => match inclusive_reading(&query) {
            Some(year) => (
                Review,
                Detail::CeOnlyInclusive {
                    strict: ce.clone(),
                    year,
                },
            ),
            None => (Fail, Detail::Ce(ce.clone())),
        },
        _ => (NotApplicable, not_evaluated(case.step)),
    };
    (ce, Outcome::new(CheckId::CeHours, status, detail))
}

/// The year of an ambiguous deemed-compliant clause when the policy, failing on its
/// strict reading, passes with that year deemed too (SPEC §7).
fn inclusive_reading(q: &CeQuery) -> Option<AmbiguousYear> {
    let year = q.rule.ambiguous_year?;
    let inclusive = ce::evaluate(&CeQuery {
        deemed_through_year: Some(year.year),
        ..*q
    });
    inclusive.judgement.is_some_and(|j| j.met).then_some(year)
}

fn exam(case: &Case) -> Outcome {
    let p = case.p;
    if p.target.title != Title::SeniorEconomist {
        return Outcome::new(CheckId::Exam, NotApplicable, Detail::ExamNotNeeded);
    }
    let passed = p
        .exams
        .iter()
        .filter(|e| e.exam == case.rs.senior_economist_exam && e.year.is_none_or(|y| y <= case.y))
        .map(|e| e.year)
        .min_by_key(|y| y.unwrap_or(i32::MIN));
    match passed {
        Some(year) => Outcome::new(CheckId::Exam, Pass, Detail::ExamPassed { year }),
        None => Outcome::new(CheckId::Exam, Fail, Detail::ExamMissing),
    }
}

/// `foreign_language`, `mountain_counties` and `projection`, where they apply.
fn infos(case: &Case) -> impl Iterator<Item = Outcome> {
    let rs = case.rs;
    let foreign = rs.foreign_language_required.map(|required| {
        Outcome::new(
            CheckId::ForeignLanguage,
            Info,
            Detail::ForeignLanguage { required },
        )
    });
    let mountain = rs
        .mountain_county
        .map(|county| Outcome::new(CheckId::MountainCounties, Info, mountain(case, county)));
    let projection =
        (case.y > rs.year).then(|| Outcome::new(CheckId::Projection, Info, Detail::Projection));
    foreign.into_iter().chain(mountain).chain(projection)
}

/// The mountain-county list that applies: in the notice's own round the one in force
/// on the notice's date (the list it names), whatever `R`, with the list that replaced
/// it said; in a projection the one in force on `R`.
fn mountain(case: &Case, county: &'static str) -> Detail {
    let lists = rules::national().mountain_lists;
    let notice_date = rules::document(case.rs.notice).and_then(|d| d.date);
    let (round, on) = match notice_date {
        Some(d) if case.y == case.rs.year => (Round::Own, d),
        _ => (Round::Projection, case.r),
    };
    let list = lists.iter().find(|l| l.in_force_on(on));
    let changed = match round {
        Round::Own => lists
            .iter()
            .filter(|l| l.from.is_some_and(|f| f > on))
            .min_by_key(|l| l.from),
        Round::Projection => None,
    };
    Detail::Mountain {
        county,
        list,
        round,
        changed,
    }
}
