//! The words of the person checks: retirement, civil service, sanctions, fraud, the
//! technical post, the profession.

use super::parts::{age, plural, Message};
use crate::bi;
use crate::case::Case;
use crate::date::Date;
use crate::findings::{BlockReason, RetirementWhen, SanctionSpan};
use crate::rules::FraudConsequence;
use crate::text::Bi;
use crate::vocab::Employment;

pub fn already_retired() -> Message {
    Message::from(bi!(
        "已办理退休手续的人员不得申报参加职称评审。",
        "People who have retired may not apply for title evaluation."
    ))
    .hint(bi!(
        "如果尚未退休，请取消“已退休”选项。",
        "If you have not retired, untick \"retired\"."
    ))
}

pub fn retirement(case: &Case, date: Date, age_months: u32, when: RetirementWhen) -> Message {
    let (y, r) = (case.y, case.r);
    let Bi { zh: az, en: ae } = age(age_months);
    match when {
        RetirementWhen::Reached => Message::from(bi!(
            "法定退休年龄为 {az}，已于 {date} 达到（核查日期 {r}），达到法定退休年龄的人员不得申报。",
            "The statutory retirement age is {ae}, reached on {date} (checked as of {r}); people past it may not apply."
        ))
        .hint(bi!(
            "如出生日期或退休类别填写有误，请更正。",
            "If the birth date or retirement group is wrong, correct it."
        )),
        RetirementWhen::DuringYear => Message::from(bi!(
            "法定退休年龄为 {az}，将于 {date} 达到：晚于核查日期 {r}，但在 {y} 年内。",
            "The statutory retirement age is {ae}, reached on {date}: after the check date {r} but within {y}."
        ))
        .hint(bi!(
            "请向评委会办公室确认以哪一天为界（通常为开始收受申报材料之日）。",
            "Ask the committee office which day counts (usually the day it starts receiving applications)."
        )),
        RetirementWhen::Later => Message::from(bi!(
            "法定退休年龄为 {az}，{date} 达到，不影响 {y} 年申报。",
            "The statutory retirement age is {ae}, reached on {date}: no obstacle in {y}."
        )),
    }
}

pub fn employment(e: Employment) -> Message {
    let (zh, en) = (e.label_zh(), e.label_en());
    match e {
        Employment::CivilServant | Employment::CivilServantManaged => Message::from(bi!(
            "单位性质为“{zh}”：公务员（含参照公务员法管理的单位工作人员）不得申报参加职称评审。",
            "Employment is \"{en}\": civil servants, and staff managed as civil service, may not apply."
        ))
        .hint(bi!(
            "如单位性质填写有误，请更正。",
            "If the employment type is wrong, correct it."
        )),
        _ => bi!(
            "单位性质为“{zh}”，不属于公务员。",
            "Employment is \"{en}\", not civil service."
        )
        .into(),
    }
}

/// `处分期至 …`, `in force until …`.
fn until(s: &SanctionSpan) -> Bi {
    match s.last_day {
        Some(d) => bi!("处分期至 {d}", "in force until {d}"),
        None => bi!("处分没有期限", "without end"),
    }
}

pub fn sanction_blocks(case: &Case, s: &SanctionSpan, reason: BlockReason) -> Message {
    let r = case.r;
    let who = match reason {
        BlockReason::PublicInstitution => Bi::new(
            "事业单位工作人员受记过以上处分的，处分期间不得申报",
            "staff of public institutions under a demerit or heavier may not apply while it is in force",
        ),
        BlockReason::PublicOfficial => Bi::new(
            "公职人员受到政务处分的，处分期间不得申报",
            "public officials under administrative discipline may not apply while it is in force",
        ),
    };
    let (until, effective) = (until(s), s.effective);
    let m = Message::from(bi!(
        "{}处分自 {effective} 起生效，{}，核查日期 {r} 仍在处分期内；{}。", s.kind.label_zh(), until.zh, who.zh;
        "A {} effective {effective} is {} and still in force on {r}; {}.", s.kind.label_en(), until.en, who.en
    ));
    match s.last_day {
        Some(d) => {
            let from = d.next_day();
            m.hint(bi!(
                "处分期满后（{from} 起）方可申报。",
                "You may apply once it ends (from {from})."
            ))
        }
        None => m,
    }
}

pub fn sanction_not_blocking(case: &Case, s: &SanctionSpan) -> Message {
    let (r, until, effective) = (case.r, until(s), s.effective);
    bi!(
        "{}处分（自 {effective} 起，{}）在核查日期 {r} 仍在处分期内，但按本规则不影响申报。", s.kind.label_zh(), until.zh;
        "A {} (effective {effective}, {}) is in force on {r} but does not bar this application under these rules.", s.kind.label_en(), until.en
    )
    .into()
}

pub fn no_sanction_in_force(case: &Case, count: usize) -> Message {
    let r = case.r;
    if count == 0 {
        bi!(
            "核查日期 {r} 没有处于处分期内的处分。",
            "No sanction is in force on {r}."
        )
    } else {
        bi!(
            "已录入 {count} 项处分，核查日期 {r} 均不在处分期内。";
            "{} entered, none in force on {r}.", plural(count as u32, "sanction", "sanctions")
        )
    }
    .into()
}

pub fn fraud_ban(
    case: &Case,
    finding: i32,
    last_year: i32,
    consequence: FraudConsequence,
) -> Message {
    let (y, first, fraud_years) = (case.y, finding + 1, case.rs.fraud_years);
    match consequence {
        FraudConsequence::Ban => Message::from(bi!(
            "{finding} 年度评审中被认定弄虚作假，{first}—{last_year} 年不得申报，{y} 年在此期间。",
            "Fraud was found in the {finding} evaluation: no application from {first} to {last_year}, and {y} is within it."
        ))
        .hint(bi!(
            "{} 年起可再次申报。", last_year + 1;
            "You may apply again from {}.", last_year + 1
        )),
        FraudConsequence::Record => Message::from(bi!(
            "{finding} 年度评审中被认定弄虚作假。本通知和所附文件都没有规定此后不得申报：人社部令第40号只规定记入职称评审诚信档案库，记录期限 {fraud_years} 年（本工具按 {first}—{last_year} 年计），{y} 年在记录期内。能否申报须由评委会认定。",
            "Fraud was found in the {finding} evaluation. Neither the notice nor the documents in hand bar applying afterwards: MOHRSS Order 40 keeps it in the evaluation integrity record for {fraud_years} years (counted here as {first} to {last_year}), and {y} is within them. The committee decides whether you may apply."
        ))
        .hint(bi!(
            "请向评委会确认诚信档案记录期内能否申报。",
            "Ask the committee whether you may apply while the record stands."
        )),
    }
}

pub fn no_fraud_ban(case: &Case, findings: usize) -> Message {
    let (y, fraud_years) = (case.y, case.rs.fraud_years);
    let Bi {
        zh: what_zh,
        en: what_en,
    } = match case.rs.fraud_consequence {
        FraudConsequence::Ban => Bi::new("禁止申报期", "ban"),
        FraudConsequence::Record => Bi::new("诚信档案记录期", "record"),
    };
    if findings == 0 {
        bi!("没有弄虚作假记录。", "No fraud finding.")
    } else {
        bi!(
            "已录入的弄虚作假记录不影响 {y} 年申报（{what_zh} {fraud_years} 年已过）。",
            "The fraud findings entered do not bear on {y} (their {fraud_years}-year {what_en} has ended)."
        )
    }
    .into()
}

pub fn not_in_technical_post() -> Message {
    Message::from(bi!(
        "申报人须在本单位专业技术岗位上从事专业技术工作。",
        "Applicants must work in a professional-technical post of their organisation."
    ))
    .hint(bi!(
        "如已在专业技术岗位，请勾选“在专业技术岗位工作”。",
        "If you work in a technical post, tick \"works in a technical post\"."
    ))
}

pub fn post_wage_not_paid() -> Message {
    Message::from(bi!(
        "事业单位人员须在本单位专业技术岗位上聘用并兑现相应岗位工资（从机关流动到事业单位的人员除外）。",
        "Public-institution staff must be employed in the technical post and paid its wage (unless they moved from a government organ)."
    ))
    .hint(bi!(
        "请与单位人事部门确认岗位聘用与工资兑现情况。",
        "Check your post appointment and wage with your HR department."
    ))
}

pub fn in_technical_post() -> Message {
    bi!(
        "在专业技术岗位上从事专业技术工作。",
        "Works in a professional-technical post."
    )
    .into()
}

pub fn profession_mismatch() -> Message {
    Message::from(bi!(
        "从事专业与申报专业须一致。",
        "The specialty of your work must match the specialty you apply for."
    ))
    .hint(bi!(
        "请申报与所从事工作一致的专业，或向评委会确认专业对应关系。",
        "Apply in the specialty of your work, or ask the committee how specialties correspond."
    ))
}

pub fn profession_matches() -> Message {
    bi!(
        "从事专业与申报专业一致。",
        "Work specialty matches the specialty applied for."
    )
    .into()
}
