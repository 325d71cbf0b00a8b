//! 继续教育计划 — from the verdict to what to do: for the year judged (`Y`) and each
//! later year up to the earliest eligible year, the CE hours still needed per
//! category, how many of them may be online, and by when, as steps a person can follow.
//!
//! The numbers are the verdict's own. For `Y` and earlier: the years the `ce_hours`
//! check finds short (those its message names), with `ce_years`' shortfalls. After
//! `Y`: the years that the evaluation of the earliest eligible year requires and that
//! its projection assumed compliant, each needing the yearly minimums less the hours
//! already entered for it. A year's hours are due by the notice's own deadline where
//! its plan gives a date (for `Y`, when `Y` is the rule set's year), else by the end
//! of that year (hours count in the year they are earned). A year whose due date lies
//! before `R` cannot be made up: its step says so, and what may still help.
//!
//! ```
//! use zhicheng_engine::{plan, Profile};
//! let p = Profile::from_json(include_str!(
//!     "../../../tests/examples/liandu_2024_professional_hours_short.profile.json"
//! ))
//! .unwrap();
//! let plan = plan::ce_plan(&p).unwrap();
//! assert_eq!(plan.steps[0].need.year, 2024);
//! assert_eq!(plan.steps[0].need.hours.to_string(), "12");
//! assert!(plan.steps[0].text.zh.starts_with("2024 年还需 12 学时：专业科目至少 2 学时"));
//! ```

use crate::assess::assess;
use crate::case::Case;
use crate::ce::{self, Due, DueBasis, Judgement, Need, WindowCount, YearHours};
use crate::date::Date;
use crate::error::InputError;
use crate::eval;
use crate::hours::Hours;
use crate::messages::plan as words;
use crate::profile::Profile;
use crate::rules::{self, Citation};
use crate::text::Bi;
use crate::verdict::CeShortfall;
use crate::vocab::{CheckId, CheckStatus, Status};
use serde::Serialize;

/// The value of `format` in the plan's JSON (`zhicheng plan`).
pub const PLAN_FORMAT: &str = "zhicheng-plan/1";

/// What kind of plan it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// The rule set does not cover the target: no plan (and no steps).
    NotCovered,
    /// `ce_hours` is not evaluated (no qualification path, or no prerequisite title):
    /// no steps; the summary names the check that stops it.
    NotJudged,
    /// No hours to make up: zero steps, and the summary says whether anything else
    /// stands in the way.
    NothingNeeded,
    /// Steps to follow.
    Steps,
}

/// Which part of the verdict a step comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// `Y` or an earlier year the `ce_hours` check finds short: its shortfall is the
    /// verdict's (`ce_years`).
    Judged,
    /// A year after `Y` that the projection behind `earliest_eligible_year` assumed
    /// compliant.
    Projected,
}

/// One year's step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanStep {
    pub kind: StepKind,
    /// The year, what it needs, how much may be online, by when.
    pub need: Need,
    /// The due date lies before the reference date `R`: hours can no longer be earned
    /// for this year (only hours earned then and not yet registered can help).
    pub over: bool,
    /// The step in words.
    pub text: Bi,
    /// The CE clause, the deadline's clause, and where hours are registered.
    pub citations: Vec<Citation>,
}

/// The CE plan of a profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CePlan {
    pub format: &'static str,
    pub rule_set: &'static str,
    pub rules_version: &'static str,
    pub evaluation_year: i32,
    pub reference_date: Date,
    /// The verdict's status and earliest eligible year.
    pub status: Status,
    pub earliest_eligible_year: Option<i32>,
    /// `Y` itself can be applied for: it is the earliest eligible year, or the only
    /// thing failing is CE and the steps still open meet it.
    pub within_reach: bool,
    pub outlook: Outlook,
    /// The rule set's CE condition is advice only (sx-2020).
    pub advisory: bool,
    /// The checks of `Y` that fail besides `ce_hours`: what hours cannot settle.
    pub blocking: Vec<CheckId>,
    /// The years after `Y` that the earliest eligible year's projection assumed
    /// compliant (a step each, unless the hours entered already meet it).
    pub projected_years: Vec<i32>,
    /// `Y` and earlier first, then the later years; ascending within each.
    pub steps: Vec<PlanStep>,
    pub summary: Bi,
}

impl CePlan {
    /// The steps that can still be followed (not over).
    pub fn open_steps(&self) -> impl Iterator<Item = &PlanStep> {
        self.steps.iter().filter(|s| !s.over)
    }
}

/// The CE plan of a profile: the same refusals as [`crate::evaluate`], then the
/// verdict's CE numbers turned into steps.
pub fn ce_plan(profile: &Profile) -> Result<CePlan, InputError> {
    let case = Case::resolve(profile)?;
    let rs = case.rs;
    let mut plan = CePlan {
        format: PLAN_FORMAT,
        rule_set: rs.id,
        rules_version: rules::RULES_VERSION,
        evaluation_year: case.y,
        reference_date: case.r,
        status: Status::NotCovered,
        earliest_eligible_year: None,
        within_reach: false,
        outlook: Outlook::NotCovered,
        advisory: rs.ce.advisory,
        blocking: Vec::new(),
        projected_years: Vec::new(),
        steps: Vec::new(),
        summary: words::not_covered(&case),
    };
    if !rs.covers(profile.target.title, profile.target.specialty.as_deref()) {
        return Ok(plan);
    }
    case.require_work_start()?;
    let base = assess(&case, None);
    let earliest = eval::earliest(&case, &base);
    plan.status = base.status();
    plan.earliest_eligible_year = earliest;
    plan.within_reach = earliest == Some(case.y);
    plan.blocking = base
        .outcomes
        .iter()
        .filter(|o| o.status == CheckStatus::Fail && o.id != CheckId::CeHours)
        .map(|o| o.id)
        .collect();
    let Some(judgement) = &base.ce.judgement else {
        plan.outlook = Outlook::NotJudged;
        plan.summary = words::summary(
            &case,
            &words::Outline {
                open: &[],
                over: &[],
                projected: &[],
                open_suffices: false,
                earliest,
                blocking: &plan.blocking,
                not_judged: true,
                short_window: None,
            },
        );
        return Ok(plan);
    };
    plan.steps = judged(&case, judgement);
    if let Some(z) = earliest.filter(|&z| z > case.y) {
        plan.projected_years = projected_years(&case, z);
        let later = plan
            .projected_years
            .iter()
            .filter_map(|&y| later(&case, y, z));
        plan.steps.extend(later);
    }
    plan.outlook = if plan.steps.is_empty() {
        Outlook::NothingNeeded
    } else {
        Outlook::Steps
    };
    let (open, over) = (judged_years(&plan, false), judged_years(&plan, true));
    let projected: Vec<i32> = plan
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Projected)
        .map(|s| s.need.year)
        .collect();
    let suffices = open_suffices(judgement, &open, case.y);
    plan.within_reach = earliest == Some(case.y) || (plan.blocking.is_empty() && suffices);
    plan.summary = words::summary(
        &case,
        &words::Outline {
            open: &open,
            over: &over,
            projected: &projected,
            open_suffices: suffices,
            earliest,
            blocking: &plan.blocking,
            not_judged: false,
            short_window: short_window(judgement),
        },
    );
    Ok(plan)
}

/// The years of `Y` and before the `ce_hours` check finds short, as steps.
fn judged(case: &Case, j: &Judgement) -> Vec<PlanStep> {
    let registration = rules::plan(case.rs.id).map_or(&[][..], |p| p.ce_registration);
    j.failing
        .iter()
        .map(|&(year, shortfall)| {
            let need = need(case, year, shortfall);
            let over = need.due.date < case.r;
            PlanStep {
                kind: StepKind::Judged,
                need,
                over,
                text: if over {
                    words::over(case, &need, registration)
                } else {
                    words::open(case, &need)
                },
                citations: citations(case, &need),
            }
        })
        .collect()
}

/// The years after `Y` that the evaluation of `z` requires: those its projection
/// assumed compliant.
fn projected_years(case: &Case, z: i32) -> Vec<i32> {
    let at_z = assess(&case.at_year(z), Some(case.y));
    at_z.ce
        .years
        .iter()
        .filter(|cy| cy.year > case.y && cy.required)
        .map(|cy| cy.year)
        .collect()
}

/// The step of a year after `Y` that the evaluation of `z` assumed compliant, unless
/// the hours entered for it already meet the minimums.
fn later(case: &Case, year: i32, z: i32) -> Option<PlanStep> {
    let need = need(case, year, later_shortfall(case, year));
    let entered = counted(case, year)
        .counted
        .iter()
        .copied()
        .fold(Hours::ZERO, |a, h| a + h);
    (need.hours > Hours::ZERO).then(|| PlanStep {
        kind: StepKind::Projected,
        over: need.due.date < case.r,
        text: words::projected(case, &need, z, entered),
        citations: citations(case, &need),
        need,
    })
}

/// What a later year lacks on the hours entered for it (nothing when the rule set
/// deems it compliant).
fn later_shortfall(case: &Case, year: i32) -> CeShortfall {
    let rule = &case.rs.ce;
    if rule.deemed_through_year.is_some_and(|d| year <= d) {
        return CeShortfall::default();
    }
    ce::shortfall(&counted(case, year).counted, rule)
}

fn counted(case: &Case, year: i32) -> YearHours {
    case.ce_counts.get(&year).copied().unwrap_or_default()
}

fn need(case: &Case, year: i32, shortfall: CeShortfall) -> Need {
    Need::new(
        &case.rs.ce,
        year,
        shortfall,
        &counted(case, year),
        due(case, year),
    )
}

/// The notice's deadline for `Y` when `Y` is its year and its plan gives a date, else
/// the end of the year.
fn due(case: &Case, year: i32) -> Due {
    let schedule = rules::plan(case.rs.id).and_then(|p| p.schedule.as_ref());
    let deadline = schedule
        .filter(|_| year == case.y && year == case.rs.year)
        .and_then(|s| s.deadline.map(|d| (d, s.source)));
    match deadline {
        Some((date, source)) => Due {
            date,
            basis: DueBasis::NoticeDeadline(source),
        },
        None => Due {
            date: Date::from_ymd_unchecked(year, 12, 31),
            basis: DueBasis::YearEnd,
        },
    }
}

/// A step's citations: the rule set's CE clauses, the deadline's, where hours are
/// registered.
fn citations(case: &Case, need: &Need) -> Vec<Citation> {
    let mut out: Vec<Citation> = case.rs.citations(CheckId::CeHours).collect();
    if let DueBasis::NoticeDeadline(c) = need.due.basis {
        out.push(c);
    }
    if let Some(p) = rules::plan(case.rs.id) {
        out.extend(p.ce_registration.iter().map(|r| r.source));
    }
    let mut unique: Vec<Citation> = Vec::with_capacity(out.len());
    for c in out {
        if !unique.contains(&c) {
            unique.push(c);
        }
    }
    unique
}

/// The judged years, open or over.
fn judged_years(plan: &CePlan, over: bool) -> Vec<i32> {
    plan.steps
        .iter()
        .filter(|s| s.kind == StepKind::Judged && s.over == over)
        .map(|s| s.need.year)
        .collect()
}

/// Whether making up the open years alone meets the policy for `Y`: for the window
/// count, the last two years and enough of the window; else every failing year.
/// The window count when it falls short even with every short year of the window made
/// up: too few years since the start, which only time mends.
fn short_window(j: &Judgement) -> Option<WindowCount> {
    let w = j.window_count?;
    let short = j
        .failing
        .iter()
        .filter(|(year, _)| (w.first..=w.last).contains(year))
        .count() as u32;
    (w.compliant + short < w.needed).then_some(w)
}

fn open_suffices(j: &Judgement, open: &[i32], y: i32) -> bool {
    let fixed = |year: &i32| open.contains(year);
    match j.window_count {
        Some(w) => {
            let last_two = j
                .failing
                .iter()
                .filter(|(year, _)| *year >= y - 1)
                .all(|(year, _)| fixed(year));
            let made_up = open
                .iter()
                .filter(|year| (w.first..=w.last).contains(*year))
                .count() as u32;
            last_two && w.compliant + made_up >= w.needed
        }
        None => j.failing.iter().all(|(year, _)| fixed(year)),
    }
}
