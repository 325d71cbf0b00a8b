//! The words of the path checks: the qualification path, the prerequisite title, the
//! years of service.

use super::parts::{cap, plural, years as year_list, Message};
use crate::bi;
use crate::case::{Case, Start};
use crate::date::Date;
use crate::rules::PathStep;
use crate::text::Bi;
use crate::verdict::Service;
use crate::vocab::{CheckStatus, Title};

/// No path from the education to the target; `review` when exceptional.
pub fn no_path(case: &Case, status: CheckStatus) -> Message {
    let (edu, target) = (case.p.education, case.p.target.title);
    if status == CheckStatus::Review {
        Message::from(bi!(
            "{}学历没有申报{}的常规途径；按破格申报，须评委会审核。", edu.label_zh(), target.label_zh();
            "A {} has no regular path to {}; as an exceptional application it needs the committee's review.", edu.label_en(), target.label_en()
        ))
        .hint(bi!(
            "准备破格推荐材料（如《破格推荐高级专业技术职务任职资格审批表》）。",
            "Prepare the exceptional-promotion documents the committee asks for."
        ))
    } else {
        Message::from(bi!(
            "{}学历没有申报{}的途径。", edu.label_zh(), target.label_zh();
            "A {} has no path to {}.", edu.label_en(), target.label_en()
        ))
        .hint(bi!(
            "可先申报较低一级职称，或核实是否符合破格申报条件。",
            "Apply for a lower title first, or check whether you qualify for exceptional promotion."
        ))
    }
}

pub fn path(case: &Case, step: PathStep) -> Message {
    let (edu, target, years) = (case.p.education, case.p.target.title, step.years);
    let en_years = plural(years, "year", "years");
    match step.requires {
        Some(t) => bi!(
            "{}学历申报{}：须取得{}后满 {years} 年。", edu.label_zh(), target.label_zh(), t.label_zh();
            "With a {}, {} requires {} and {en_years} after it.", edu.label_en(), target.label_en(), t.label_en()
        ),
        None => bi!(
            "{}学历申报{}：无需前置职称，从事专业技术工作满 {years} 年。", edu.label_zh(), target.label_zh();
            "With a {}, {} requires no lower title, and {en_years} of professional work.", edu.label_en(), target.label_en()
        ),
    }
    .into()
}

pub fn no_prerequisite_needed(case: &Case) -> Message {
    let target = case.p.target.title;
    bi!(
        "申报{}无需前置职称，年限从参加专业技术工作之日起算。", target.label_zh();
        "{} needs no lower title; years count from the start of professional work.", cap(target.label_en())
    )
    .into()
}

pub fn prerequisite_held(title: Title, obtained: Date) -> Message {
    bi!(
        "已取得{}（{obtained}）。", title.label_zh();
        "Holds {} (since {obtained}).", title.label_en()
    )
    .into()
}

pub fn prerequisite_missing(case: &Case, title: Title) -> Message {
    let target = case.p.target.title;
    Message::from(bi!(
        "申报{}须先取得{}，资料中没有该职称。", target.label_zh(), title.label_zh();
        "{} requires {}, which the profile does not hold.", cap(target.label_en()), title.label_en()
    ))
    .hint(bi!(
        "如已取得{0}，请在“已有职称”中填写取得日期；否则须先申报{0}。", title.label_zh();
        "If you hold {0}, add it with its date under titles held; otherwise apply for {0} first.", title.label_en()
    ))
}

pub fn after_no_path() -> Message {
    bi!(
        "没有可用的资历路径，无法核算。",
        "Not evaluated: there is no qualification path."
    )
    .into()
}

pub fn after_missing_prerequisite() -> Message {
    bi!(
        "缺少前置职称，无法确定起算日期，未核算。",
        "Not evaluated: without the prerequisite title there is no start date."
    )
    .into()
}

/// Where the service count starts: the prerequisite title or the start of work.
fn start_words(case: &Case, s: &Start) -> Bi {
    let date = s.date;
    if s.from_work_start {
        bi!(
            "参加专业技术工作（{date}）",
            "starting professional work ({date})"
        )
    } else {
        let title = case.step.and_then(|st| st.requires);
        bi!(
            "取得{}（{date}）", title.map_or("", Title::label_zh);
            "obtaining {} ({date})", title.map_or("", Title::label_en)
        )
    }
}

pub fn service(
    case: &Case,
    start: &Start,
    service: &Service,
    years: u32,
    status: CheckStatus,
) -> Message {
    let end = case.rs.service_end.in_year(case.y);
    let months = start.date.whole_months_until(end);
    let from = start_words(case, start);
    let mut text = bi!(
        "自{}至 {end} 共 {months} 个月", from.zh;
        "From {} to {end}: {months} months", from.en
    );
    if !service.excluded_years.is_empty() {
        let (ys, less) = (
            year_list(&service.excluded_years),
            12 * service.excluded_years.len(),
        );
        text += bi!(
            "，其中 {} 年度考核不合格，当年不计（减 {less} 个月）", ys.zh;
            "; {} had an unqualified assessment and do not count (−{less} months)", ys.en
        );
    }
    let (counted, required) = (service.counted_months, service.required_months);
    text += bi!(
        "，计 {counted} 个月；须满 {years} 年（{required} 个月）";
        ", {counted} counted; {} ({required} months) are required", plural(years, "year", "years")
    );
    let short = required.saturating_sub(counted);
    if short == 0 {
        text += Bi::new("，已满足。", ": met.");
        return text.into();
    }
    text += bi!("，还差 {short} 个月。", ": {short} months short.");
    Message::from(text).hint(if status == CheckStatus::Review {
        bi!(
            "年限不足，按破格申报须评委会审核。",
            "Short of the years: as an exceptional application it needs the committee's review."
        )
    } else {
        bi!(
            "年限计算至评审年度 12 月 31 日；可待年限满足后的年度再申报。",
            "Service counts to 31 December of the evaluation year; apply in a later year once it is enough."
        )
    })
}
