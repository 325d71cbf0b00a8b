//! The words of coverage, the exam and the notes the notices add: foreign language,
//! the mountain counties, projections.

use super::parts::{cap, target, Message};
use crate::bi;
use crate::case::Case;
use crate::findings::Round;
use crate::rules::{self, MountainList};
use crate::text::Bi;

pub fn not_covered(case: &Case) -> Message {
    let (rs, t) = (case.rs, target(case));
    Message::from(bi!(
        "{}（{}）只适用于：{}所选申报目标“{}”不在其内，本工具无法判断。", rs.name, rs.notice, rs.coverage.summary, t.zh;
        "{} ({}) covers only: {} The chosen target \"{}\" is outside it, so this tool cannot judge it.", rs.name_en, rs.notice, rs.coverage.summary_en, t.en
    ))
    .hint(bi!(
        "请选择适用于你的规则集，或向评委会办公室咨询。",
        "Choose a rule set that covers your target, or ask the committee office."
    ))
}

pub fn exam_not_needed(case: &Case) -> Message {
    let target = case.p.target.title;
    bi!(
        "申报{}无需参加资格考试。", target.label_zh();
        "{} needs no qualification exam.", cap(target.label_en())
    )
    .into()
}

pub fn exam_passed(year: Option<i32>) -> Message {
    match year {
        Some(year) => bi!(
            "已通过全国高级经济专业技术资格考试（{year} 年）。",
            "Passed the national senior economist examination ({year})."
        ),
        None => bi!(
            "已通过全国高级经济专业技术资格考试。",
            "Passed the national senior economist examination."
        ),
    }
    .into()
}

pub fn exam_missing(case: &Case) -> Message {
    let y = case.y;
    Message::from(bi!(
        "高级经济师实行考试与评审相结合：须先参加全国高级经济专业技术资格考试并达到合格标准，资料中没有 {y} 年及以前通过的记录。",
        "Senior economist combines an exam with evaluation: the national senior economist exam must be passed first, and the profile shows no pass in or before {y}."
    ))
    .hint(bi!(
        "考试合格后再申报评审；如已合格，请在“考试”中填写。",
        "Pass the exam first; if you have, add it under exams."
    ))
}

pub fn foreign_language(required: bool) -> Message {
    if required {
        bi!(
            "外语能力为申报必备条件。",
            "Foreign-language ability is required."
        )
    } else {
        bi!(
            "外语和计算机能力不作为申报的必备条件。",
            "Foreign-language and computer skills are not required to apply."
        )
    }
    .into()
}

pub fn projection(case: &Case) -> Message {
    let (rs, y) = (case.rs, case.y);
    let notice_date = rules::document(rs.notice)
        .and_then(|d| d.date)
        .map_or(String::new(), |d| d.to_string());
    let (notice, year) = (rs.notice, rs.year);
    bi!(
        "{y} 年的通知尚未纳入：按 {notice}（{year} 年，{notice_date}）的规定推算，仅供参考，以当年通知为准。",
        "No notice for {y} is bundled: this projects the rules of {notice} ({year}, {notice_date}); the year's own notice decides."
    )
    .into()
}

/// The mountain-county preference: in the notice's own round the list the notice
/// names, with when the provincial list changed; in a projection the list on `R`.
pub fn mountain(
    case: &Case,
    county: &str,
    list: Option<&MountainList>,
    round: Round,
    changed: Option<&MountainList>,
) -> Message {
    let (r, rs) = (case.r, case.rs);
    let notice = rs.notice;
    let Bi { zh: favour_zh, en: favour_en } = Bi::new(
        "各中（高）评委会对山区26县申报人同等条件下给予适当倾斜，并加大在山区26县从事专业技术工作年限的赋分权重",
        "committees favour applicants from these counties when otherwise equal and weigh their years of work there more",
    );
    let mut text = match (round, list) {
        (Round::Own, Some(l)) if l.counties.contains(&county) => bi!(
            "{county}属于{}（本通知 {notice} 所指的名单）：{favour_zh}。", l.name;
            "{county} is one of {} (the list {notice} refers to): {favour_en}.", l.name_en
        ),
        (Round::Projection, Some(l)) if l.counties.contains(&county) => bi!(
            "{county}属于{}（按 {r} 有效的名单）：{favour_zh}。", l.name;
            "{county} is one of {} (list in force on {r}): {favour_en}.", l.name_en
        ),
        (_, Some(l)) => bi!(
            "按 {r} 有效的名单（{}），{county}已不在其中；通知中的山区26县倾斜政策是否仍适用，请向评委会确认。", l.name;
            "On {r} the list in force ({}) no longer includes {county}; ask the committee whether the notice's preference for mountain counties still applies.", l.name_en
        ),
        (_, None) => bi!(
            "{r} 没有有效的山区县名单，请向评委会确认倾斜政策。",
            "No mountain-county list is in force on {r}; ask the committee about the preference."
        ),
    };
    if let (Some(c), Some(from)) = (changed, changed.and_then(|c| c.from)) {
        let now_in = c.counties.contains(&county);
        let (year, month, round_year) = (from.year(), from.month(), rs.year);
        text += bi!(
            "省里的名单自 {year} 年 {month} 月起调整为{}，{county}{}其中；本通知 {round_year} 年度的评审仍按通知所指的名单。", c.name, if now_in { "在" } else { "不在" };
            " The provincial list changed in {} {year} to {}, which {} {county}; the notice's {round_year} round still follows the list it refers to.", month_name(month), c.name_en, if now_in { "includes" } else { "leaves out" }
        );
    }
    text.into()
}

fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m.clamp(1, 12) - 1) as usize]
}
