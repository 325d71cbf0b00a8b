//! Evaluates a profile against its rule set: every check of SPEC §3, then the verdict.
//!
//! Checks first produce `Outcome`s (status plus the numbers behind it); messages are
//! written from those at the end, so the projections behind `earliest_eligible_year`
//! cost no text.

use crate::ce::{self, CeOutcome, CeQuery, YearHours};
use crate::date::{Date, MAX_YEAR};
use crate::error::{InputError, InputErrorKind};
use crate::messages;
use crate::profile::Profile;
use crate::rules::{
    self, AmbiguousYear, Citation, FraudConsequence, MountainList, PathStep, RuleSet,
    SanctionPeriod,
};
use crate::verdict::{Check, Service, Verdict, VERDICT_FORMAT};
use crate::vocab::{CheckId, CheckStatus, Employment, SanctionKind, Status, Title};
use std::collections::BTreeMap;

/// How far past the rule set's year `evaluation_year` may go (SPEC §2).
pub const MAX_PROJECTION_YEARS: i32 = 5;
/// How far past `Y` the earliest eligible year is searched (SPEC §3).
pub const EARLIEST_SEARCH_YEARS: i32 = 10;

/// Evaluates a profile (SPEC §2–§7).
pub fn evaluate(profile: &Profile) -> Result<Verdict, InputError> {
    evaluate_with(profile, Texts::All)
}

/// Which checks of a verdict get their words (messages, hints, citations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Texts {
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

/// Evaluates a profile, writing the texts `texts` asks for. With `Texts::All` this is
/// [`evaluate`]; with `Texts::Problems` the same verdict with the texts of passing,
/// `info` and `not_applicable` checks left empty.
pub fn evaluate_with(profile: &Profile, texts: Texts) -> Result<Verdict, InputError> {
    let ctx = Ctx::new(profile)?;
    let rs = ctx.rs;
    if !rs.covers(profile.target.title, profile.target.specialty.as_deref()) {
        let outcome = Outcome::new(CheckId::Coverage, CheckStatus::Info, Detail::NotCovered);
        return Ok(Verdict {
            format: VERDICT_FORMAT,
            rule_set: rs.id,
            rules_version: rules::RULES_VERSION,
            evaluation_year: ctx.y,
            reference_date: ctx.r,
            status: Status::NotCovered,
            checks: vec![render(&ctx, &outcome)],
            service: None,
            ce_years: Vec::new(),
            earliest_eligible_year: None,
        });
    }
    ctx.require_work_start()?;
    let base = assess(&ctx, None);
    // SPEC §3: each `Z` of `Y..=Y+10` is judged with `R` moved to `Z` (its month and
    // day in year `Z`). For `Z = Y` that is the verdict itself, unless the profile
    // gave a reference date outside `Y`.
    let earliest = (0..=EARLIEST_SEARCH_YEARS).map(|k| ctx.y + k).find(|&z| {
        if z == ctx.y && ctx.r.year() == ctx.y {
            !base.has_fail()
        } else {
            !assess(&ctx.at_year(z), Some(ctx.y)).has_fail()
        }
    });
    let checks: Vec<Check> = base
        .outcomes
        .iter()
        .map(|o| match texts {
            Texts::Problems if !matches!(o.status, CheckStatus::Fail | CheckStatus::Review) => {
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
            _ => render(&ctx, o),
        })
        .collect();
    let status = if checks.iter().any(|c| c.status == CheckStatus::Fail) {
        Status::NotEligible
    } else if checks.iter().any(|c| c.status == CheckStatus::Review) {
        Status::NeedsReview
    } else {
        Status::Eligible
    };
    Ok(Verdict {
        format: VERDICT_FORMAT,
        rule_set: rs.id,
        rules_version: rules::RULES_VERSION,
        evaluation_year: ctx.y,
        reference_date: ctx.r,
        status,
        checks,
        service: base.service,
        ce_years: base.ce.years,
        earliest_eligible_year: earliest,
    })
}

/// A profile resolved against its rule set: `Y`, `R`, the path, the counted hours.
pub(crate) struct Ctx<'p> {
    pub p: &'p Profile,
    pub rs: &'static RuleSet,
    /// `Y`.
    pub y: i32,
    /// `R`.
    pub r: Date,
    pub step: Option<PathStep>,
    pub ce_counts: std::rc::Rc<BTreeMap<i32, YearHours>>,
}

impl<'p> Ctx<'p> {
    fn new(p: &'p Profile) -> Result<Ctx<'p>, InputError> {
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
        Ok(Ctx {
            p,
            rs,
            y,
            r,
            step: rs.path_step(p.target.title, p.education),
            ce_counts: std::rc::Rc::new(ce::count_years(&p.ce_records, &rs.ce)),
        })
    }

    /// `work_start` is required when the path has no prerequisite title (SPEC §2).
    fn require_work_start(&self) -> Result<(), InputError> {
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
    fn at_year(&self, z: i32) -> Ctx<'p> {
        let r = self.r.with_year(z);
        Ctx {
            p: self.p,
            rs: self.rs,
            y: z,
            r,
            step: self.step,
            ce_counts: self.ce_counts.clone(),
        }
    }

    pub fn year_end(&self) -> Date {
        Date::from_ymd_unchecked(self.y, 12, 31)
    }

    /// The start `P` of the service count and whether it is `work_start`.
    pub(crate) fn start(&self) -> Option<Start> {
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

#[derive(Debug, Clone, Copy)]
pub(crate) struct Start {
    pub date: Date,
    pub from_work_start: bool,
}

/// One check's finding, before it is put into words.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub id: CheckId,
    pub status: CheckStatus,
    pub detail: Detail,
}

impl Outcome {
    fn new(id: CheckId, status: CheckStatus, detail: Detail) -> Outcome {
        Outcome { id, status, detail }
    }
}

/// Why a sanction blocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum BlockReason {
    PublicInstitution,
    PublicOfficial,
}

/// A sanction with its period worked out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SanctionSpan {
    pub kind: SanctionKind,
    pub effective: Date,
    /// The last day in force; `None` = never ends.
    pub last_day: Option<Date>,
}

/// The numbers behind each finding.
#[derive(Debug, Clone)]
pub(crate) enum Detail {
    NotCovered,
    AlreadyRetired,
    Retirement {
        date: Date,
        age_months: u32,
        when: RetirementWhen,
    },
    Employment(Employment),
    SanctionBlocks {
        s: SanctionSpan,
        reason: BlockReason,
    },
    SanctionNotBlocking {
        s: SanctionSpan,
    },
    NoSanctionInForce {
        count: usize,
    },
    FraudBan {
        finding: i32,
        last_year: i32,
        consequence: FraudConsequence,
    },
    NoFraudBan {
        findings: usize,
    },
    NotInTechnicalPost,
    PostWageNotPaid,
    InTechnicalPost,
    ProfessionMismatch,
    ProfessionMatches,
    NoPath,
    Path(PathStep),
    NoPrerequisiteNeeded,
    PrerequisiteHeld {
        title: Title,
        obtained: Date,
    },
    PrerequisiteMissing {
        title: Title,
    },
    AfterNoPath,
    AfterMissingPrerequisite,
    Service {
        start: Start,
        service: Service,
        years: u32,
    },
    Ce(CeOutcome),
    /// The CE policy fails on the strict reading of an ambiguous clause and passes on
    /// the inclusive one (SPEC §7): `review`, naming both readings.
    CeOnlyInclusive {
        strict: CeOutcome,
        year: AmbiguousYear,
    },
    ExamNotNeeded,
    ExamPassed {
        year: Option<i32>,
    },
    ExamMissing,
    ForeignLanguage {
        required: bool,
    },
    Mountain {
        county: &'static str,
        list: Option<&'static MountainList>,
        round: Round,
        /// In the notice's own round, the provincial list that replaced the notice's
        /// later on (said, but not applied).
        changed: Option<&'static MountainList>,
    },
    Projection,
}

/// Whether `Y` is the notice's own round or a projection past it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Round {
    /// `Y` is the rule set's year: what the notice names applies, whatever `R`.
    Own,
    /// A later `Y`: what is in force on `R` applies.
    Projection,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum RetirementWhen {
    /// On or before `R`.
    Reached,
    /// After `R`, within the evaluation year.
    DuringYear,
    Later,
}

/// All findings of one evaluation.
pub(crate) struct Assessed {
    pub outcomes: Vec<Outcome>,
    pub service: Option<Service>,
    pub ce: CeOutcome,
}

impl Assessed {
    fn has_fail(&self) -> bool {
        self.outcomes.iter().any(|o| o.status == CheckStatus::Fail)
    }
}

/// Runs every check for `ctx.y`. `assume_compliant_after`: in a projection, CE years
/// after this year count as compliant.
fn assess(ctx: &Ctx, assume_compliant_after: Option<i32>) -> Assessed {
    use CheckStatus::*;
    let p = ctx.p;
    let rs = ctx.rs;
    let mut out = Vec::with_capacity(14);

    // retirement
    out.push(if p.person.retired {
        Outcome::new(CheckId::Retirement, Fail, Detail::AlreadyRetired)
    } else {
        let (date, age_months) = retirement_date(rs, p);
        let when = if date <= ctx.r {
            RetirementWhen::Reached
        } else if date <= ctx.year_end() {
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
    });

    // civil_servant
    let civil = matches!(
        p.person.employment,
        Employment::CivilServant | Employment::CivilServantManaged
    );
    out.push(Outcome::new(
        CheckId::CivilServant,
        if civil { Fail } else { Pass },
        Detail::Employment(p.person.employment),
    ));

    // sanction
    out.push(sanction_check(ctx));

    // fraud_ban: a ban fails; a record kept without a ban is `review` (SPEC §3).
    let span = i64::from(rs.fraud_years);
    let counted = p
        .fraud_findings
        .iter()
        .map(|f| f.evaluation_year)
        .filter(|&f| (i64::from(f) + 1..=i64::from(f) + span).contains(&i64::from(ctx.y)))
        .max();
    out.push(match counted {
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
    });

    // technical_post
    out.push(if !p.person.in_technical_post {
        Outcome::new(CheckId::TechnicalPost, Fail, Detail::NotInTechnicalPost)
    } else if rs.requires_post_wage
        && p.person.employment == Employment::PublicInstitution
        && !p.person.post_wage_paid
        && !p.person.moved_from_government_organ
    {
        Outcome::new(CheckId::TechnicalPost, Fail, Detail::PostWageNotPaid)
    } else {
        Outcome::new(CheckId::TechnicalPost, Pass, Detail::InTechnicalPost)
    });

    // profession_match
    out.push(if p.person.profession_matches {
        Outcome::new(CheckId::ProfessionMatch, Pass, Detail::ProfessionMatches)
    } else {
        Outcome::new(CheckId::ProfessionMatch, Fail, Detail::ProfessionMismatch)
    });

    // qualification_path, prerequisite_title
    let start = ctx.start();
    match ctx.step {
        None => {
            out.push(Outcome::new(
                CheckId::QualificationPath,
                if p.exceptional { Review } else { Fail },
                Detail::NoPath,
            ));
            out.push(Outcome::new(
                CheckId::PrerequisiteTitle,
                NotApplicable,
                Detail::AfterNoPath,
            ));
        }
        Some(step) => {
            out.push(Outcome::new(
                CheckId::QualificationPath,
                Pass,
                Detail::Path(step),
            ));
            out.push(match (step.requires, start) {
                (None, _) => Outcome::new(
                    CheckId::PrerequisiteTitle,
                    Pass,
                    Detail::NoPrerequisiteNeeded,
                ),
                (Some(title), Some(s)) => Outcome::new(
                    CheckId::PrerequisiteTitle,
                    Pass,
                    Detail::PrerequisiteHeld {
                        title,
                        obtained: s.date,
                    },
                ),
                (Some(title), None) => Outcome::new(
                    CheckId::PrerequisiteTitle,
                    Fail,
                    Detail::PrerequisiteMissing { title },
                ),
            });
        }
    }
    let blocked = if ctx.step.is_none() {
        Detail::AfterNoPath
    } else {
        Detail::AfterMissingPrerequisite
    };

    // service_years
    let years = ctx.step.map_or(0, |s| s.years);
    let service = start.map(|s| service_count(ctx, s, years));
    out.push(match (start, &service) {
        (Some(s), Some(sv)) => {
            let status = if sv.counted_months >= sv.required_months {
                Pass
            } else if p.exceptional {
                Review
            } else {
                Fail
            };
            Outcome::new(
                CheckId::ServiceYears,
                status,
                Detail::Service {
                    start: s,
                    service: sv.clone(),
                    years,
                },
            )
        }
        _ => Outcome::new(CheckId::ServiceYears, NotApplicable, blocked.clone()),
    });

    // ce_hours
    let query = CeQuery {
        rule: &rs.ce,
        counts: &ctx.ce_counts,
        year: ctx.y,
        start_year: start.map(|s| s.date.year()),
        years_required: years,
        exceptional: p.exceptional,
        first_owed: p.work_start.map(Date::year),
        deemed_through_year: rs.ce.deemed_through_year,
        assume_compliant_after,
    };
    let ce = ce::evaluate(&query);
    out.push(match (&ce.judgement, start) {
        (Some(j), Some(_)) if j.met => Outcome::new(CheckId::CeHours, Pass, Detail::Ce(ce.clone())),
        (Some(_), Some(_)) if rs.ce.advisory => {
            Outcome::new(CheckId::CeHours, Review, Detail::Ce(ce.clone()))
        }
        (Some(_), Some(_)) => match inclusive_reading(&query) {
            Some(year) => Outcome::new(
                CheckId::CeHours,
                Review,
                Detail::CeOnlyInclusive {
                    strict: ce.clone(),
                    year,
                },
            ),
            None => Outcome::new(CheckId::CeHours, Fail, Detail::Ce(ce.clone())),
        },
        _ => Outcome::new(CheckId::CeHours, NotApplicable, blocked),
    });

    // exam
    out.push(if p.target.title != Title::SeniorEconomist {
        Outcome::new(CheckId::Exam, NotApplicable, Detail::ExamNotNeeded)
    } else {
        let passed = p
            .exams
            .iter()
            .filter(|e| e.exam == rs.senior_economist_exam && e.year.is_none_or(|y| y <= ctx.y))
            .map(|e| e.year)
            .min_by_key(|y| y.unwrap_or(i32::MIN));
        match passed {
            Some(year) => Outcome::new(CheckId::Exam, Pass, Detail::ExamPassed { year }),
            None => Outcome::new(CheckId::Exam, Fail, Detail::ExamMissing),
        }
    });

    // foreign_language, mountain_counties, projection
    if let Some(required) = rs.foreign_language_required {
        out.push(Outcome::new(
            CheckId::ForeignLanguage,
            Info,
            Detail::ForeignLanguage { required },
        ));
    }
    if let Some(county) = rs.mountain_county {
        out.push(Outcome::new(
            CheckId::MountainCounties,
            Info,
            mountain(ctx, county),
        ));
    }
    if ctx.y > rs.year {
        out.push(Outcome::new(CheckId::Projection, Info, Detail::Projection));
    }

    Assessed {
        outcomes: out,
        service,
        ce,
    }
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

/// The mountain-county list that applies: in the notice's own round the one in force
/// on the notice's date (the list it names), whatever `R`, with the list that replaced
/// it said; in a projection the one in force on `R`.
fn mountain(ctx: &Ctx, county: &'static str) -> Detail {
    let lists = rules::national().mountain_lists;
    let notice_date = rules::document(ctx.rs.notice).and_then(|d| d.date);
    let (round, on) = match notice_date {
        Some(d) if ctx.y == ctx.rs.year => (Round::Own, d),
        _ => (Round::Projection, ctx.r),
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

fn sanction_check(ctx: &Ctx) -> Outcome {
    let p = ctx.p;
    let rs = ctx.rs;
    let mut not_blocking: Option<SanctionSpan> = None;
    for s in &p.sanctions {
        let end = match rs.sanction_period(s.kind) {
            SanctionPeriod::Months(m) => Some(s.effective.add_months(m as i32)),
            SanctionPeriod::Permanent => None,
        };
        let in_force = s.effective <= ctx.r && end.is_none_or(|e| ctx.r < e);
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
                    CheckStatus::Fail,
                    Detail::SanctionBlocks { s: span, reason },
                )
            }
            None => not_blocking = not_blocking.or(Some(span)),
        }
    }
    match not_blocking {
        Some(s) => Outcome::new(
            CheckId::Sanction,
            CheckStatus::Pass,
            Detail::SanctionNotBlocking { s },
        ),
        None => Outcome::new(
            CheckId::Sanction,
            CheckStatus::Pass,
            Detail::NoSanctionInForce {
                count: p.sanctions.len(),
            },
        ),
    }
}

fn service_count(ctx: &Ctx, start: Start, years: u32) -> Service {
    let end = ctx.rs.service_end.in_year(ctx.y);
    let months = start.date.whole_months_until(end);
    let excluded_years: Vec<i32> = if ctx.rs.exclude_unqualified_years {
        ctx.p
            .assessments
            .iter()
            .filter(|(y, a)| {
                (start.date.year()..=ctx.y).contains(y)
                    && **a == crate::vocab::Assessment::Unqualified
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

/// Puts an outcome into words and attaches its citations.
fn render(ctx: &Ctx, o: &Outcome) -> Check {
    let mut texts = messages::texts(ctx, o);
    let notes: Vec<&rules::CheckNote> = ctx
        .rs
        .check_notes
        .iter()
        .filter(|n| n.checks.contains(&o.id))
        .collect();
    for n in &notes {
        texts.zh.push_str(n.zh);
        texts.en.push(' ');
        texts.en.push_str(n.en);
    }
    let mut citations: Vec<Citation> = Vec::new();
    let c = &ctx.rs.citations[o.id.index()];
    let path_source = match o.id {
        CheckId::QualificationPath | CheckId::PrerequisiteTitle | CheckId::ServiceYears => {
            ctx.rs.path(ctx.p.target.title).map(|p| p.source)
        }
        _ => None,
    };
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
    Check {
        id: o.id,
        status: o.status,
        message: texts.zh,
        message_en: texts.en,
        hint: texts.hint_zh,
        hint_en: texts.hint_en,
        citations,
    }
}
