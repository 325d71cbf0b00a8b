//! The words of the calendar (`crate::calendar`): each event's summary and its
//! description citing the clause, and why something is not in the calendar. Each
//! written once, both languages side by side.

use crate::bi;
use crate::ce::Need;
use crate::date::Date;
use crate::rules::{Citation, Committee, CommitteeTable, RuleSet, Schedule, TimeColumn};
use crate::text::Bi;
use crate::vocab::{CheckId, Title};

/// An event's words.
pub struct EventWords {
    pub summary: Bi,
    pub description: Bi,
}

/// Something left out of the calendar, and why.
pub struct Omission {
    pub what: Bi,
    pub why: Bi,
}

/// `浙经信人事〔2020〕84号 一`.
fn cite(c: &Citation) -> String {
    format!("{} {}", c.doc, c.clause)
}

/// The calendar's name.
pub fn name(rs: &RuleSet, title: Title) -> Bi {
    let notice = rs.notice;
    bi!(
        "职称自测：{}（{notice}）", title.label_zh();
        "Zhicheng: {} ({notice})", title.label_en()
    )
}

/// A time column as the notices name it.
pub fn column(c: TimeColumn) -> Bi<&'static str> {
    match c {
        TimeColumn::Deadline => Bi::new("接收材料截止时间", "materials deadline"),
        TimeColumn::Start => Bi::new("启动时间", "start"),
        TimeColumn::Finish => Bi::new("完成时间", "completion"),
    }
}

/// "推算：…" for a date carried from the notice of year `n` to year `a`.
fn projected(projected_from: Option<i32>, a: i32) -> Bi {
    match projected_from {
        Some(n) => bi!(
            "推算：按 {n} 年通知的时间推到 {a} 年，{a} 年的实际时间以当年的通知为准。",
            " Projected: the {n} notice's date carried to {a}; the {a} notice sets the real one."
        ),
        None => Bi::default(),
    }
}

/// The notice's own materials deadline, in year `day.year()`.
pub fn notice_deadline(s: &Schedule, day: Date, projected_from: Option<i32>) -> EventWords {
    let (a, text, source) = (day.year(), s.text, cite(&s.source));
    let summary = match projected_from {
        None => bi!("职称申报材料报送截止（{a} 年）", "Materials deadline ({a})"),
        Some(n) => bi!(
            "职称申报材料报送截止（{a} 年，按 {n} 年通知推算）",
            "Materials deadline ({a}, projected from the {n} notice)"
        ),
    };
    let mut description = bi!(
        "通知原文：“{text}”（{source}）。",
        "The notice: “{text}” ({source})."
    );
    description += projected(projected_from, a);
    EventWords {
        summary,
        description,
    }
}

/// A likely committee's time cell, given as one month: shown on its first day.
pub fn committee_date(
    table: &CommitteeTable,
    c: &Committee,
    col: TimeColumn,
    day: Date,
    projected_from: Option<i32>,
) -> EventWords {
    let (label, name, no, cell) = (column(col), c.name, c.no, c.time(col).unwrap_or(""));
    let (a, m, source) = (day.year(), day.month(), cite(&c.source));
    let summary = match projected_from {
        None => bi!(
            "{}：{name}（{cell}，仅到月份）", label.zh;
            "{}: {name} ({cell}, month only)", label.en
        ),
        Some(n) => bi!(
            "{}：{name}（{a} 年{cell}，仅到月份，按 {n} 年通知推算）", label.zh;
            "{}: {name} ({cell} {a}, month only, projected from the {n} notice)", label.en
        ),
    };
    let (caption, caption_en) = (table.caption, table.caption_en);
    let mut description = bi!(
        "{caption} 第 {no} 项，{name}：{}“{cell}”（{source}）。通知只写到月份，日历标在 {m} 月 1 日，具体日期以评委会的通知为准。", label.zh;
        "{caption_en}, row {no}, {name}: {} “{cell}” ({source}). The notice gives only the month, so the calendar shows it on {day}, the month's first day; the committee's own notice sets the day.", label.en
    );
    for o in c.contacts {
        let phones: Vec<&str> = o.phones.iter().map(|p| p.text).collect();
        let (office, phones) = (o.office, phones.join("、"));
        description += bi!("联系：{office} {phones}。", " Contact: {office} {phones}.");
    }
    description += projected(projected_from, a);
    EventWords {
        summary,
        description,
    }
}

/// The day a year's CE hours are due, with the plan's step.
pub fn hours_due(need: &Need, step: &Bi, citations: &[Citation]) -> EventWords {
    let (year, hours) = (need.year, need.hours);
    let sources: Vec<String> = citations.iter().map(cite).collect();
    let sources = sources.join("；");
    EventWords {
        summary: bi!(
            "{year} 年继续教育学时截止：还需 {hours} 学时",
            "CE hours for {year} due: {hours} more hours"
        ),
        description: bi!(
            "{}（{sources}）", step.zh;
            "{} ({sources})", step.en
        ),
    }
}

/// A likely committee's time cell that is not one month.
pub fn not_one_month(c: &Committee, col: TimeColumn) -> Omission {
    let (label, name, no, cell) = (column(col), c.name, c.no, c.time(col).unwrap_or(""));
    Omission {
        what: bi!(
            "第 {no} 项 {name}：{}“{cell}”", label.zh;
            "Row {no}, {name}: {} “{cell}”", label.en
        ),
        why: bi!(
            "不是单一的月份（没有月份，或有几个时段），无法放进日历；请按通知原文安排。",
            "not a single month (no month, or several periods): it cannot be put in a calendar; plan by the notice's words."
        ),
    }
}

/// A likely committee that gives no time, under a notice with no deadline date.
pub fn no_dates(c: &Committee) -> Omission {
    let (name, no) = (c.name, c.no);
    Omission {
        what: bi!("第 {no} 项 {name}", "Row {no}, {name}"),
        why: bi!(
            "通知没有给出该评委会的时间。",
            "the notice gives no dates for this committee."
        ),
    }
}

/// No committee is the likely one: what where-to-apply says instead.
pub fn no_likely(where_summary: Bi) -> Omission {
    Omission {
        what: bi!("评委会的申报时间", "The committee's dates"),
        why: where_summary,
    }
}

/// The notice's schedule gives no date.
pub fn schedule_without_date(s: &Schedule) -> Omission {
    let (text, source) = (s.text, cite(&s.source));
    Omission {
        what: bi!("通知的时间安排", "The notice's schedule"),
        why: bi!(
            "通知只写明“{text}”（{source}），没有申报截止日期。",
            "the notice says only “{text}” ({source}), with no date for applications."
        ),
    }
}

/// A year whose hours can no longer be earned.
pub fn hours_over(need: &Need) -> Omission {
    let (year, date) = (need.year, need.due.date);
    Omission {
        what: bi!("{year} 年继续教育学时", "CE hours for {year}"),
        why: bi!(
            "截止日 {date} 已过，学时无法再补学（见继续教育计划）。",
            "its due date {date} has passed: hours can no longer be earned (see the CE plan)."
        ),
    }
}

/// `Y`'s application dates, when `Y` cannot be reached.
pub fn not_this_year(y: i32, earliest: Option<i32>, blocking: &[CheckId]) -> Omission {
    let mut why = if blocking.is_empty() {
        bi!(
            "按现有记录，{y} 年的继续教育无法达标。",
            "on the hours entered, continuing education for {y} cannot be met."
        )
    } else {
        let zh: Vec<&str> = blocking.iter().map(|c| c.label_zh()).collect();
        let en: Vec<&str> = blocking.iter().map(|c| c.label_en()).collect();
        bi!(
            "{y} 年暂不能申报：{}不符合。", zh.join("、");
            "{y} is not open to you: {} fails.", en.join(", ")
        )
    };
    why += match earliest {
        Some(z) => bi!(
            "日历只列推算的最早申报年度 {z} 年的时间。",
            " The calendar shows the dates of {z}, the projected earliest year, instead."
        ),
        None => bi!(
            "推算十年内没有可申报的年度，日历不列申报时间。",
            " No year within ten is projected to be eligible, so the calendar has no application dates."
        ),
    };
    Omission {
        what: bi!("{y} 年的申报时间", "The application dates of {y}"),
        why,
    }
}

/// A target the rule set does not cover.
pub fn not_covered(rs: &RuleSet) -> Omission {
    let notice = rs.notice;
    Omission {
        what: bi!("全部日程", "Every date"),
        why: bi!(
            "{notice} 不适用于所选申报目标，没有计划，也没有日程。",
            "{notice} does not cover the chosen target: there is no plan and no dates."
        ),
    }
}
