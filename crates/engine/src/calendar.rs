//! 日历 — the dates a person acts on, as all-day events for a calendar app: the CE
//! plan's due dates and the application dates of the notice, for `Y` when it is
//! within reach and for the earliest eligible year when that is later. The file is
//! written by `zhicheng_formats::ics`; this module decides what goes in, in words.
//!
//! - The notice's own materials deadline where its plan gives a date
//!   (`Schedule.deadline`), carried to a later year by month and day.
//! - Each *likely* committee's time cells (materials deadline, start, completion) that
//!   name one month ("6月", "8月底", "9月上旬"): on that month's first day, saying so.
//!   Cells with no month or several periods ("4-6月、7-9月…", "10月(市直学校9月)") are
//!   left out, with why.
//! - The due date of each year whose hours the plan still needs and can still be earned.
//!
//! A date carried from the notice of year `N` to a later year is labelled as
//! projected. What is left out, and why, is listed for the caller to show
//! ([`Calendar::left_out`]). UIDs are stable: the same event gets the same UID in
//! every export, so importing a newer file updates it instead of doubling it.

use crate::apply::{self, Applicant, MatchClass, WhereToApply};
use crate::date::Date;
use crate::error::InputError;
use crate::messages::calendar::{self as words, EventWords, Omission};
use crate::plan::{self, CePlan, Outlook};
use crate::profile::Profile;
use crate::rules::{self, Citation, CommitteeTable, Plan, RuleSet, TimeColumn};
use crate::sort;
use crate::text::Bi;
use crate::vocab::Title;

/// What an event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKind {
    /// The notice's own materials deadline (its schedule's date).
    NoticeDeadline,
    /// A likely committee's time cell.
    Committee(TimeColumn),
    /// The due date of a year's CE hours (the plan's step).
    HoursDue,
}

/// One all-day event.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    /// Stable across exports, e.g. `zj-huzhou-2021.2021.t1.r9.deadline@zhicheng`.
    pub uid: String,
    pub day: Date,
    pub kind: EventKind,
    /// The notice gives only the month: `day` is its first day (the words say so).
    pub month_only: bool,
    /// The year of the notice whose date is carried to a later year (a projection).
    pub projected_from: Option<i32>,
    pub summary: Bi,
    /// Says what and why, citing the clause (文号 and clause).
    pub description: Bi,
    /// The clause the date comes from.
    pub source: Citation,
}

/// Something the calendar leaves out, and why (for the caller to show).
#[derive(Debug, Clone, PartialEq)]
pub struct NotInCalendar {
    pub what: Bi,
    pub why: Bi,
}

impl From<Omission> for NotInCalendar {
    fn from(o: Omission) -> NotInCalendar {
        NotInCalendar {
            what: o.what,
            why: o.why,
        }
    }
}

/// The events of a profile, in date order, and what is left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub name: Bi,
    pub events: Vec<CalendarEvent>,
    pub left_out: Vec<NotInCalendar>,
}

/// The calendar of a profile: its CE plan (the same refusals as `evaluate`) and where
/// to apply for what the person says of themselves.
pub fn calendar(profile: &Profile, who: &Applicant) -> Result<Calendar, InputError> {
    let plan = plan::ce_plan(profile)?;
    let answer = apply::for_profile(profile, who);
    Ok(from_plan(&plan, answer.as_ref(), profile.target.title))
}

/// The calendar of a plan and a where-to-apply answer already computed (the app has
/// both on the result step).
pub fn from_plan(plan: &CePlan, answer: Option<&WhereToApply>, title: Title) -> Calendar {
    let rs = rules::rule_set(plan.rule_set).expect("a plan names a bundled rule set");
    let mut cal = Calendar {
        name: words::name(rs, title),
        events: Vec::new(),
        left_out: Vec::new(),
    };
    if plan.outlook == Outlook::NotCovered {
        cal.left_out.push(words::not_covered(rs).into());
        return cal;
    }
    for step in &plan.steps {
        let need = &step.need;
        if step.over {
            cal.left_out.push(words::hours_over(need).into());
            continue;
        }
        let EventWords {
            summary,
            description,
        } = words::hours_due(need, &step.text, &step.citations);
        cal.events.push(CalendarEvent {
            uid: uid(rs, &format!("ce-hours.{}", need.year)),
            day: need.due.date,
            kind: EventKind::HoursDue,
            month_only: false,
            projected_from: None,
            summary,
            description,
            source: step.citations[0],
        });
    }
    let y = plan.evaluation_year;
    let mut years = Vec::new();
    if plan.within_reach {
        years.push(y);
    } else {
        let omission = words::not_this_year(y, plan.earliest_eligible_year, &plan.blocking);
        cal.left_out.push(omission.into());
    }
    years.extend(plan.earliest_eligible_year.filter(|&z| z > y));
    if let Some(w) = answer.filter(|_| !years.is_empty()) {
        application_dates(&mut cal, rs, w, &years);
    }
    sort::stable_by_key(&mut cal.events, |e| (e.day, e.kind));
    cal
}

/// The notice's deadline and the likely committees' months, in each of `years`.
fn application_dates(cal: &mut Calendar, rs: &RuleSet, w: &WhereToApply, years: &[i32]) {
    let plan = w.plan;
    let deadline = plan
        .schedule
        .as_ref()
        .and_then(|s| s.deadline.map(|d| (s, d)));
    match (&plan.schedule, deadline) {
        (Some(s), None) => cal.left_out.push(words::schedule_without_date(s).into()),
        (_, Some((s, d))) => {
            for &a in years {
                let projected_from = (a > rs.year).then_some(rs.year);
                let EventWords {
                    summary,
                    description,
                } = words::notice_deadline(s, d.with_year(a), projected_from);
                cal.events.push(CalendarEvent {
                    uid: uid(rs, &format!("{a}.notice-deadline")),
                    day: d.with_year(a),
                    kind: EventKind::NoticeDeadline,
                    month_only: false,
                    projected_from,
                    summary,
                    description,
                    source: s.source,
                });
            }
        }
        (None, None) => {}
    }
    let likely: Vec<_> = w
        .committees
        .ranked()
        .iter()
        .filter(|m| m.class == MatchClass::Likely)
        .collect();
    if likely.is_empty() {
        cal.left_out
            .push(words::no_likely(apply::report::summary(w)).into());
    }
    for m in likely {
        let c = m.committee;
        let cells: Vec<(TimeColumn, &str)> = TimeColumn::ALL
            .iter()
            .filter_map(|&col| c.time(col).map(|cell| (col, cell)))
            .collect();
        if cells.is_empty() && deadline.is_none() {
            cal.left_out.push(words::no_dates(c).into());
        }
        for (col, cell) in cells {
            let Some(month) = single_month(cell) else {
                cal.left_out.push(words::not_one_month(c, col).into());
                continue;
            };
            for &a in years {
                let day = Date::from_ymd_unchecked(a, month, 1);
                let projected_from = (a > rs.year).then_some(rs.year);
                let EventWords {
                    summary,
                    description,
                } = words::committee_date(m.table, c, col, day, projected_from);
                let table = table_index(plan, m.table);
                cal.events.push(CalendarEvent {
                    uid: uid(rs, &format!("{a}.t{table}.r{}.{}", c.no, col.as_str())),
                    day,
                    kind: EventKind::Committee(col),
                    month_only: true,
                    projected_from,
                    summary,
                    description,
                    source: c.source,
                });
            }
        }
    }
}

/// `RULE_SET.WHAT@zhicheng`.
fn uid(rs: &RuleSet, what: &str) -> String {
    format!("{}.{what}@zhicheng", rs.id)
}

/// The table's place in its plan (1-based), for UIDs.
fn table_index(plan: &Plan, table: &CommitteeTable) -> usize {
    plan.committees
        .iter()
        .position(|t| std::ptr::eq(t, table))
        .map_or(0, |i| i + 1)
}

/// The month of a cell that names exactly one: "6月", "6 月", "8月底", "9月上旬",
/// "6月下旬", "10月初". `None` for no month or several ("4-6月、7-9月…",
/// "10月(市直学校9月)", "3月、6月、9月、12月、").
pub fn single_month(cell: &str) -> Option<u8> {
    let s: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, rest) = s.split_once('月')?;
    if !matches!(rest, "" | "底" | "初" | "上旬" | "中旬" | "下旬") {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|m| (1..=12).contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_one_month() {
        for (cell, month) in [
            ("6月", 6),
            ("6 月", 6),
            ("10 月", 10),
            ("8月底", 8),
            ("9月上旬", 9),
            ("6月下旬", 6),
        ] {
            assert_eq!(single_month(cell), Some(month), "{cell}");
        }
        for cell in [
            "4-6月、7-9月、10月-12月各1批次",
            "10月(市直学校9月)",
            "3月、6月、9月、12月、",
            "13月",
            "0月",
            "月",
            "年底",
            "",
            "６月",
        ] {
            assert_eq!(single_month(cell), None, "{cell}");
        }
    }
}
