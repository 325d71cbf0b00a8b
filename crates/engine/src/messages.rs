//! Every check's message and hint, in Chinese and English, with the numbers.

use crate::ce::{CeOutcome, Judgement};
use crate::date::Date;
use crate::eval::{BlockReason, Ctx, Detail, Outcome, RetirementWhen, Round, SanctionSpan, Start};
use crate::hours::Hours;
use crate::rules::{self, AmbiguousYear, FraudConsequence, MountainList, RuleSet};
use crate::verdict::{CeShortfall, CeYear};
use crate::vocab::{CePolicy, CheckStatus, Employment, Title};
use crate::Lang;

/// A message and an optional hint, in both languages.
pub(crate) struct Texts {
    pub zh: String,
    pub en: String,
    pub hint_zh: Option<String>,
    pub hint_en: Option<String>,
}

impl Texts {
    fn new(zh: String, en: String) -> Texts {
        Texts {
            zh,
            en,
            hint_zh: None,
            hint_en: None,
        }
    }

    fn hint(mut self, zh: String, en: String) -> Texts {
        self.hint_zh = Some(zh);
        self.hint_en = Some(en);
        self
    }
}

fn age_zh(months: u32) -> String {
    match months % 12 {
        0 => format!("{} 周岁", months / 12),
        m => format!("{} 周岁 {m} 个月", months / 12),
    }
}

fn age_en(months: u32) -> String {
    match months % 12 {
        0 => format!("{} years", months / 12),
        1 => format!("{} years 1 month", months / 12),
        m => format!("{} years {m} months", months / 12),
    }
}

/// The first letter in upper case, for an English sentence that starts with a label.
fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn target_zh(ctx: &Ctx) -> String {
    let t = &ctx.p.target;
    match &t.specialty {
        Some(s) => format!(
            "{}（{}）",
            t.title.label_zh(),
            rules::specialty_label(s, Lang::Zh)
        ),
        None => t.title.label_zh().to_string(),
    }
}

fn target_en(ctx: &Ctx) -> String {
    let t = &ctx.p.target;
    match &t.specialty {
        Some(s) => format!(
            "{} ({})",
            t.title.label_en(),
            rules::specialty_label(s, Lang::En)
        ),
        None => t.title.label_en().to_string(),
    }
}

fn requirement_zh(rs: &RuleSet) -> String {
    let ce = &rs.ce;
    let mut s = format!(
        "每年不少于 {} 学时，其中专业科目不少于 {} 学时",
        ce.min_total, ce.min_professional
    );
    if let Some(p) = ce.min_public {
        s += &format!("、公需科目不少于 {p} 学时");
        if let Some(g) = ce.min_general {
            s += &format!("（其中一般公需科目不少于 {g} 学时）");
        }
    } else if let Some(g) = ce.min_general {
        s += &format!("、一般公需科目不少于 {g} 学时");
    }
    if let Some(cap) = ce.online_cap {
        s += &format!("；网络课件每年最多计 {cap} 学时");
        if !ce.online_cap_exempt_years.is_empty() {
            let years: Vec<String> = ce
                .online_cap_exempt_years
                .iter()
                .map(i32::to_string)
                .collect();
            s += &format!(
                "（{} 年主管部门提供或认可的课件不受此限）",
                years.join("、")
            );
        }
    }
    s
}

fn requirement_en(rs: &RuleSet) -> String {
    let ce = &rs.ce;
    let mut s = format!(
        "at least {} hours a year, of which at least {} professional",
        ce.min_total, ce.min_professional
    );
    if let Some(p) = ce.min_public {
        s += &format!(" and at least {p} public");
        if let Some(g) = ce.min_general {
            s += &format!(" (at least {g} of them general public)");
        }
    } else if let Some(g) = ce.min_general {
        s += &format!(" and at least {g} general public");
    }
    if let Some(cap) = ce.online_cap {
        s += &format!("; online courseware counts for at most {cap} hours a year");
        if !ce.online_cap_exempt_years.is_empty() {
            let years: Vec<String> = ce
                .online_cap_exempt_years
                .iter()
                .map(i32::to_string)
                .collect();
            s += &format!(
                " (except courseware the department provided or recognised in {})",
                years.join(", ")
            );
        }
    }
    s
}

/// "2024 年专业科目还差 12 学时" for each failing year.
fn shortfalls_zh(failing: &[(i32, CeShortfall)], years: &[CeYear]) -> String {
    failing
        .iter()
        .map(|(year, s)| {
            let mut parts = Vec::new();
            if s.total > Hours::ZERO {
                parts.push(format!("总学时还差 {} 学时", s.total));
            }
            if s.professional > Hours::ZERO {
                parts.push(format!("专业科目还差 {} 学时", s.professional));
            }
            if s.public > Hours::ZERO {
                parts.push(format!("公需科目还差 {} 学时", s.public));
            }
            if s.general_public > Hours::ZERO {
                parts.push(format!("一般公需科目还差 {} 学时", s.general_public));
            }
            let mut line = format!("{year} 年{}", parts.join("，"));
            if let Some(cy) = years.iter().find(|c| c.year == *year) {
                line += &format!("（已计 {} 学时", cy.counted.total);
                if cy.online_not_counted > Hours::ZERO {
                    line += &format!("，另有网络课件 {} 学时超出上限不计", cy.online_not_counted);
                }
                line += "）";
            }
            line
        })
        .collect::<Vec<_>>()
        .join("；")
}

fn shortfalls_en(failing: &[(i32, CeShortfall)], years: &[CeYear]) -> String {
    failing
        .iter()
        .map(|(year, s)| {
            let mut parts = Vec::new();
            if s.total > Hours::ZERO {
                parts.push(format!("{} hours short in total", s.total));
            }
            if s.professional > Hours::ZERO {
                parts.push(format!("{} professional hours short", s.professional));
            }
            if s.public > Hours::ZERO {
                parts.push(format!("{} public hours short", s.public));
            }
            if s.general_public > Hours::ZERO {
                parts.push(format!("{} general public hours short", s.general_public));
            }
            let mut line = format!("{year}: {}", parts.join(", "));
            if let Some(cy) = years.iter().find(|c| c.year == *year) {
                line += &format!(" ({} hours counted", cy.counted.total);
                if cy.online_not_counted > Hours::ZERO {
                    line += &format!(
                        "; {} online hours over the cap do not count",
                        cy.online_not_counted
                    );
                }
                line += ")";
            }
            line
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn range_zh(a: i32, b: i32) -> String {
    if a == b {
        format!("{a} 年")
    } else {
        format!("{a}—{b} 年")
    }
}

fn range_en(a: i32, b: i32) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}–{b}")
    }
}

fn ce_texts(ctx: &Ctx, ce: &CeOutcome, status: CheckStatus) -> Texts {
    let rs = ctx.rs;
    let Some(j) = &ce.judgement else {
        return Texts::new(String::new(), String::new());
    };
    let y = ctx.y;
    let (rule_zh, rule_en) = (requirement_zh(rs), requirement_en(rs));
    let (policy_zh, policy_en) = policy_sentence(ctx, j);
    let mut zh = format!("继续教育要求{rule_zh}。{policy_zh}");
    let mut en = format!("Continuing education: {rule_en}. {policy_en}");
    if j.met {
        zh += "——已满足。";
        en += " — met.";
        return Texts::new(zh, en);
    }
    if let Some(w) = j.window_count.filter(|w| w.compliant < w.needed) {
        zh += &format!(
            "。{}中达标 {} 年，还差 {} 年",
            range_zh(w.first, w.last),
            w.compliant,
            w.needed - w.compliant
        );
        en += &format!(
            ". {} has {} compliant, {} short",
            range_en(w.first, w.last),
            plural(w.compliant, "year", "years"),
            w.needed - w.compliant
        );
    }
    if !j.failing.is_empty() {
        zh += &format!("。{}", shortfalls_zh(&j.failing, &ce.years));
        en += &format!(". {}", shortfalls_en(&j.failing, &ce.years));
    }
    zh += "。";
    en += ".";
    let last_failing = j.failing.iter().map(|(year, _)| *year).max().unwrap_or(y);
    let mut t = Texts::new(zh, en);
    if status == CheckStatus::Review {
        t = t.hint(
            "本通知未规定继续教育条件，以上按国家规定（人社部令第25号）提示；请向评委会确认是否要求。".to_string(),
            "The notice sets no CE condition; this applies the national rule (MOHRSS Order 25) as advice. Ask the committee whether it is required.".to_string(),
        );
    } else {
        t = t.hint(
            format!("补足上述学时并在学时登记系统登记、经主管部门认定后再申报{}。", if last_failing < y { "" } else { "；当年学时可在申报截止前补登" }),
            format!("Make up the hours above and register them in the hours registration system before applying{}.", if last_failing < y { "" } else { "; this year's hours can still be added before the deadline" }),
        );
    }
    t
}

/// The strict reading fails, the inclusive one passes (SPEC §7): both readings, the
/// clause, and what fails on the strict one.
fn ce_only_inclusive_texts(ctx: &Ctx, strict: &CeOutcome, a: &AmbiguousYear) -> Texts {
    let failing = ce_texts(ctx, strict, CheckStatus::Fail);
    let (y, q) = (a.year, a.quote);
    let (doc, clause) = (a.source.doc, a.source.clause);
    let zh = format!(
        "{doc} {clause}“{q}”有两种读法：严格读（“以前”不含 {y} 年），{y} 年按实际学时核查，按此不满足；宽松读（含 {y} 年），{y} 年视同合格，按此满足。本工具不替你选择，须由评委会认定。严格读下的核算：{}",
        failing.zh
    );
    let en = format!(
        "{doc} {clause} (\"{q}\", hours before {y} count as met) can be read two ways: strictly (\"before {y}\" leaves {y} out), {y} is judged by its hours and the requirement is not met; inclusively ({y} included), {y} counts as met and the requirement is met. This tool does not choose for you: the committee decides. On the strict reading: {}",
        failing.en
    );
    Texts::new(zh, en).hint(
        format!("请向评委会确认 {y} 年的学时是否视同合格；如能补足上述学时，则两种读法下都满足。"),
        format!("Ask the committee whether {y} counts as met; making up the hours above meets the requirement on both readings."),
    )
}

fn policy_sentence(ctx: &Ctx, j: &Judgement) -> (String, String) {
    let y = ctx.y;
    match j.policy {
        CePolicy::WindowCountAndLastTwo => {
            let w = j.window_count.expect("window_count_and_last_two has a window count");
            let window_zh = if w.first <= w.last { range_zh(w.first, w.last) } else { "任职以来".to_string() };
            let window_en = if w.first <= w.last { range_en(w.first, w.last) } else { "the window".to_string() };
            let mut zh = format!("{window_zh}中须有 {} 年达标，且 {}、{y} 年均须达标", w.needed, y - 1);
            let mut en = format!("{window_en} needs {} compliant, and both {} and {y} compliant", plural(w.needed, "year", "years"), y - 1);
            if let Some(d) = ctx.rs.ce.deemed_through_year {
                zh += &format!("（{d} 年及以前视同合格）");
                en += &format!(" ({d} and earlier count as compliant)");
            }
            (zh, en)
        }
        CePolicy::LastTwoYears => (
            format!("{}、{y} 年均须达标（更早年份按原规定认定，仅作显示）", y - 1),
            format!("{} and {y} must both be compliant (earlier years fall under older rules and are only shown)", y - 1),
        ),
        CePolicy::EveryYearOfWindow => {
            let first = ctx.start().map_or(y, |s| s.date.year() + 1);
            let mut zh = if first <= y { format!("{}每年均须达标", range_zh(first, y)) } else { "任职以来尚无须核查的年份".to_string() };
            let mut en = if first <= y { format!("every year of {} must be compliant", range_en(first, y)) } else { "no year to check yet".to_string() };
            if let Some(d) = ctx.rs.ce.deemed_through_year {
                zh += &format!("（{d} 年及以前视同合格）");
                en += &format!(" ({d} and earlier count as compliant)");
            }
            (zh, en)
        }
        CePolicy::LastNYears => match j.span {
            Some((a, b)) if a <= b => (
                format!("{}每年均须达标（本通知未作规定，按国家规定提示）", range_zh(a, b)),
                format!("every year of {} must be compliant (advice: the notice sets no condition, the national rule applies)", range_en(a, b)),
            ),
            _ => ("任职年限内没有须核查的年份".to_string(), "no year of the required service to check".to_string()),
        },
    }
}

fn sanction_until_zh(s: &SanctionSpan) -> String {
    match s.last_day {
        Some(d) => format!("处分期至 {d}"),
        None => "处分没有期限".to_string(),
    }
}

fn sanction_until_en(s: &SanctionSpan) -> String {
    match s.last_day {
        Some(d) => format!("in force until {d}"),
        None => "without end".to_string(),
    }
}

fn start_zh(s: &Start, ctx: &Ctx) -> String {
    if s.from_work_start {
        format!("参加专业技术工作（{}）", s.date)
    } else {
        let title = ctx
            .step
            .and_then(|st| st.requires)
            .map_or("", Title::label_zh);
        format!("取得{title}（{}）", s.date)
    }
}

fn start_en(s: &Start, ctx: &Ctx) -> String {
    if s.from_work_start {
        format!("starting professional work ({})", s.date)
    } else {
        let title = ctx
            .step
            .and_then(|st| st.requires)
            .map_or("", Title::label_en);
        format!("obtaining {title} ({})", s.date)
    }
}

/// The texts of one outcome.
pub(crate) fn texts(ctx: &Ctx, o: &Outcome) -> Texts {
    let rs = ctx.rs;
    let p = ctx.p;
    let (y, r) = (ctx.y, ctx.r);
    let edu = p.education;
    let target = p.target.title;
    match &o.detail {
        Detail::NotCovered => Texts::new(
            format!(
                "{}（{}）只适用于：{}所选申报目标“{}”不在其内，本工具无法判断。",
                rs.name, rs.notice, rs.coverage.summary, target_zh(ctx)
            ),
            format!(
                "{} ({}) covers only: {} The chosen target \"{}\" is outside it, so this tool cannot judge it.",
                rs.name_en, rs.notice, rs.coverage.summary_en, target_en(ctx)
            ),
        )
        .hint(
            "请选择适用于你的规则集，或向评委会办公室咨询。".to_string(),
            "Choose a rule set that covers your target, or ask the committee office.".to_string(),
        ),
        Detail::AlreadyRetired => Texts::new(
            "已办理退休手续的人员不得申报参加职称评审。".to_string(),
            "People who have retired may not apply for title evaluation.".to_string(),
        )
        .hint("如果尚未退休，请取消“已退休”选项。".to_string(), "If you have not retired, untick \"retired\".".to_string()),
        Detail::Retirement { date, age_months, when } => {
            let (az, ae) = (age_zh(*age_months), age_en(*age_months));
            match when {
                RetirementWhen::Reached => Texts::new(
                    format!("法定退休年龄为 {az}，已于 {date} 达到（核查日期 {r}），达到法定退休年龄的人员不得申报。"),
                    format!("The statutory retirement age is {ae}, reached on {date} (checked as of {r}); people past it may not apply."),
                )
                .hint(
                    "如出生日期或退休类别填写有误，请更正。".to_string(),
                    "If the birth date or retirement group is wrong, correct it.".to_string(),
                ),
                RetirementWhen::DuringYear => Texts::new(
                    format!("法定退休年龄为 {az}，将于 {date} 达到：晚于核查日期 {r}，但在 {y} 年内。"),
                    format!("The statutory retirement age is {ae}, reached on {date}: after the check date {r} but within {y}."),
                )
                .hint(
                    "请向评委会办公室确认以哪一天为界（通常为开始收受申报材料之日）。".to_string(),
                    "Ask the committee office which day counts (usually the day it starts receiving applications).".to_string(),
                ),
                RetirementWhen::Later => Texts::new(
                    format!("法定退休年龄为 {az}，{date} 达到，不影响 {y} 年申报。"),
                    format!("The statutory retirement age is {ae}, reached on {date}: no obstacle in {y}."),
                ),
            }
        }
        Detail::Employment(e) => match e {
            Employment::CivilServant | Employment::CivilServantManaged => Texts::new(
                format!("单位性质为“{}”：公务员（含参照公务员法管理的单位工作人员）不得申报参加职称评审。", e.label_zh()),
                format!("Employment is \"{}\": civil servants, and staff managed as civil service, may not apply.", e.label_en()),
            )
            .hint(
                "如单位性质填写有误，请更正。".to_string(),
                "If the employment type is wrong, correct it.".to_string(),
            ),
            _ => Texts::new(format!("单位性质为“{}”，不属于公务员。", e.label_zh()), format!("Employment is \"{}\", not civil service.", e.label_en())),
        },
        Detail::SanctionBlocks { s, reason } => {
            let who_zh = match reason {
                BlockReason::PublicInstitution => "事业单位工作人员受记过以上处分的，处分期间不得申报",
                BlockReason::PublicOfficial => "公职人员受到政务处分的，处分期间不得申报",
            };
            let who_en = match reason {
                BlockReason::PublicInstitution => "staff of public institutions under a demerit or heavier may not apply while it is in force",
                BlockReason::PublicOfficial => "public officials under administrative discipline may not apply while it is in force",
            };
            let t = Texts::new(
                format!("{}处分自 {} 起生效，{}，核查日期 {r} 仍在处分期内；{who_zh}。", s.kind.label_zh(), s.effective, sanction_until_zh(s)),
                format!("A {} effective {} is {} and still in force on {r}; {who_en}.", s.kind.label_en(), s.effective, sanction_until_en(s)),
            );
            match s.last_day {
                Some(d) => t.hint(
                    format!("处分期满后（{} 起）方可申报。", d.next_day()),
                    format!("You may apply once it ends (from {}).", d.next_day()),
                ),
                None => t,
            }
        }
        Detail::SanctionNotBlocking { s } => Texts::new(
            format!("{}处分（自 {} 起，{}）在核查日期 {r} 仍在处分期内，但按本规则不影响申报。", s.kind.label_zh(), s.effective, sanction_until_zh(s)),
            format!("A {} (effective {}, {}) is in force on {r} but does not bar this application under these rules.", s.kind.label_en(), s.effective, sanction_until_en(s)),
        ),
        Detail::NoSanctionInForce { count } => {
            if *count == 0 {
                Texts::new(format!("核查日期 {r} 没有处于处分期内的处分。"), format!("No sanction is in force on {r}."))
            } else {
                Texts::new(
                    format!("已录入 {count} 项处分，核查日期 {r} 均不在处分期内。"),
                    format!("{} entered, none in force on {r}.", plural(*count as u32, "sanction", "sanctions")),
                )
            }
        }
        Detail::FraudBan { finding, last_year, consequence: FraudConsequence::Ban } => Texts::new(
            format!("{finding} 年度评审中被认定弄虚作假，{}—{last_year} 年不得申报，{y} 年在此期间。", finding + 1),
            format!("Fraud was found in the {finding} evaluation: no application from {} to {last_year}, and {y} is within it.", finding + 1),
        )
        .hint(format!("{} 年起可再次申报。", last_year + 1), format!("You may apply again from {}.", last_year + 1)),
        Detail::FraudBan { finding, last_year, consequence: FraudConsequence::Record } => Texts::new(
            format!(
                "{finding} 年度评审中被认定弄虚作假。本通知和所附文件都没有规定此后不得申报：人社部令第40号只规定记入职称评审诚信档案库，记录期限 {} 年（本工具按 {}—{last_year} 年计），{y} 年在记录期内。能否申报须由评委会认定。",
                rs.fraud_years,
                finding + 1
            ),
            format!(
                "Fraud was found in the {finding} evaluation. Neither the notice nor the documents in hand bar applying afterwards: MOHRSS Order 40 keeps it in the evaluation integrity record for {} years (counted here as {} to {last_year}), and {y} is within them. The committee decides whether you may apply.",
                rs.fraud_years,
                finding + 1
            ),
        )
        .hint(
            "请向评委会确认诚信档案记录期内能否申报。".to_string(),
            "Ask the committee whether you may apply while the record stands.".to_string(),
        ),
        Detail::NoFraudBan { findings } => {
            let (what_zh, what_en) = match rs.fraud_consequence {
                FraudConsequence::Ban => ("禁止申报期", "ban"),
                FraudConsequence::Record => ("诚信档案记录期", "record"),
            };
            if *findings == 0 {
                Texts::new("没有弄虚作假记录。".to_string(), "No fraud finding.".to_string())
            } else {
                Texts::new(
                    format!("已录入的弄虚作假记录不影响 {y} 年申报（{what_zh} {} 年已过）。", rs.fraud_years),
                    format!("The fraud findings entered do not bear on {y} (their {}-year {what_en} has ended).", rs.fraud_years),
                )
            }
        }
        Detail::NotInTechnicalPost => Texts::new(
            "申报人须在本单位专业技术岗位上从事专业技术工作。".to_string(),
            "Applicants must work in a professional-technical post of their organisation.".to_string(),
        )
        .hint(
            "如已在专业技术岗位，请勾选“在专业技术岗位工作”。".to_string(),
            "If you work in a technical post, tick \"works in a technical post\".".to_string(),
        ),
        Detail::PostWageNotPaid => Texts::new(
            "事业单位人员须在本单位专业技术岗位上聘用并兑现相应岗位工资（从机关流动到事业单位的人员除外）。".to_string(),
            "Public-institution staff must be employed in the technical post and paid its wage (unless they moved from a government organ).".to_string(),
        )
        .hint(
            "请与单位人事部门确认岗位聘用与工资兑现情况。".to_string(),
            "Check your post appointment and wage with your HR department.".to_string(),
        ),
        Detail::InTechnicalPost => Texts::new(
            "在专业技术岗位上从事专业技术工作。".to_string(),
            "Works in a professional-technical post.".to_string(),
        ),
        Detail::ProfessionMismatch => Texts::new(
            "从事专业与申报专业须一致。".to_string(),
            "The specialty of your work must match the specialty you apply for.".to_string(),
        )
        .hint(
            "请申报与所从事工作一致的专业，或向评委会确认专业对应关系。".to_string(),
            "Apply in the specialty of your work, or ask the committee how specialties correspond.".to_string(),
        ),
        Detail::ProfessionMatches => Texts::new("从事专业与申报专业一致。".to_string(), "Work specialty matches the specialty applied for.".to_string()),
        Detail::NoPath => {
            let t = Texts::new(
                format!("{}学历没有申报{}的途径。", edu.label_zh(), target.label_zh()),
                format!("A {} has no path to {}.", edu.label_en(), target.label_en()),
            );
            if o.status == CheckStatus::Review {
                Texts::new(
                    format!("{}学历没有申报{}的常规途径；按破格申报，须评委会审核。", edu.label_zh(), target.label_zh()),
                    format!("A {} has no regular path to {}; as an exceptional application it needs the committee's review.", edu.label_en(), target.label_en()),
                )
                .hint(
                    "准备破格推荐材料（如《破格推荐高级专业技术职务任职资格审批表》）。".to_string(),
                    "Prepare the exceptional-promotion documents the committee asks for.".to_string(),
                )
            } else {
                t.hint(
                    "可先申报较低一级职称，或核实是否符合破格申报条件。".to_string(),
                    "Apply for a lower title first, or check whether you qualify for exceptional promotion.".to_string(),
                )
            }
        }
        Detail::Path(step) => match step.requires {
            Some(t) => Texts::new(
                format!("{}学历申报{}：须取得{}后满 {} 年。", edu.label_zh(), target.label_zh(), t.label_zh(), step.years),
                format!("With a {}, {} requires {} and {} after it.", edu.label_en(), target.label_en(), t.label_en(), plural(step.years, "year", "years")),
            ),
            None => Texts::new(
                format!("{}学历申报{}：无需前置职称，从事专业技术工作满 {} 年。", edu.label_zh(), target.label_zh(), step.years),
                format!("With a {}, {} requires no lower title, and {} of professional work.", edu.label_en(), target.label_en(), plural(step.years, "year", "years")),
            ),
        },
        Detail::NoPrerequisiteNeeded => Texts::new(
            format!("申报{}无需前置职称，年限从参加专业技术工作之日起算。", target.label_zh()),
            format!("{} needs no lower title; years count from the start of professional work.", cap(target.label_en())),
        ),
        Detail::PrerequisiteHeld { title, obtained } => Texts::new(
            format!("已取得{}（{obtained}）。", title.label_zh()),
            format!("Holds {} (since {obtained}).", title.label_en()),
        ),
        Detail::PrerequisiteMissing { title } => Texts::new(
            format!("申报{}须先取得{}，资料中没有该职称。", target.label_zh(), title.label_zh()),
            format!("{} requires {}, which the profile does not hold.", cap(target.label_en()), title.label_en()),
        )
        .hint(
            format!("如已取得{}，请在“已有职称”中填写取得日期；否则须先申报{}。", title.label_zh(), title.label_zh()),
            format!("If you hold {0}, add it with its date under titles held; otherwise apply for {0} first.", title.label_en()),
        ),
        Detail::AfterNoPath => Texts::new(
            "没有可用的资历路径，无法核算。".to_string(),
            "Not evaluated: there is no qualification path.".to_string(),
        ),
        Detail::AfterMissingPrerequisite => Texts::new(
            "缺少前置职称，无法确定起算日期，未核算。".to_string(),
            "Not evaluated: without the prerequisite title there is no start date.".to_string(),
        ),
        Detail::Service { start, service, years } => {
            let end = rs.service_end.in_year(y);
            let months = start.date.whole_months_until(end);
            let mut zh = format!("自{}至 {end} 共 {months} 个月", start_zh(start, ctx));
            let mut en = format!("From {} to {end}: {months} months", start_en(start, ctx));
            if !service.excluded_years.is_empty() {
                let ys: Vec<String> = service.excluded_years.iter().map(i32::to_string).collect();
                zh += &format!("，其中 {} 年度考核不合格，当年不计（减 {} 个月）", ys.join("、"), 12 * ys.len());
                en += &format!("; {} had an unqualified assessment and do not count (−{} months)", ys.join(", "), 12 * ys.len());
            }
            zh += &format!("，计 {} 个月；须满 {} 年（{} 个月）", service.counted_months, years, service.required_months);
            en += &format!(", {} counted; {} ({} months) are required", service.counted_months, plural(*years, "year", "years"), service.required_months);
            let short = service.required_months.saturating_sub(service.counted_months);
            if short > 0 {
                zh += &format!("，还差 {short} 个月。");
                en += &format!(": {short} months short.");
                let t = Texts::new(zh, en);
                if o.status == CheckStatus::Review {
                    t.hint(
                        "年限不足，按破格申报须评委会审核。".to_string(),
                        "Short of the years: as an exceptional application it needs the committee's review.".to_string(),
                    )
                } else {
                    t.hint(
                        "年限计算至评审年度 12 月 31 日；可待年限满足后的年度再申报。".to_string(),
                        "Service counts to 31 December of the evaluation year; apply in a later year once it is enough.".to_string(),
                    )
                }
            } else {
                zh += "，已满足。";
                en += ": met.";
                Texts::new(zh, en)
            }
        }
        Detail::Ce(ce) => ce_texts(ctx, ce, o.status),
        Detail::CeOnlyInclusive { strict, year } => ce_only_inclusive_texts(ctx, strict, year),
        Detail::ExamNotNeeded => Texts::new(
            format!("申报{}无需参加资格考试。", target.label_zh()),
            format!("{} needs no qualification exam.", cap(target.label_en())),
        ),
        Detail::ExamPassed { year } => match year {
            Some(year) => Texts::new(
                format!("已通过全国高级经济专业技术资格考试（{year} 年）。"),
                format!("Passed the national senior economist examination ({year})."),
            ),
            None => Texts::new(
                "已通过全国高级经济专业技术资格考试。".to_string(),
                "Passed the national senior economist examination.".to_string(),
            ),
        },
        Detail::ExamMissing => Texts::new(
            format!("高级经济师实行考试与评审相结合：须先参加全国高级经济专业技术资格考试并达到合格标准，资料中没有 {y} 年及以前通过的记录。"),
            format!("Senior economist combines an exam with evaluation: the national senior economist exam must be passed first, and the profile shows no pass in or before {y}."),
        )
        .hint(
            "考试合格后再申报评审；如已合格，请在“考试”中填写。".to_string(),
            "Pass the exam first; if you have, add it under exams.".to_string(),
        ),
        Detail::ForeignLanguage { required } => {
            if *required {
                Texts::new("外语能力为申报必备条件。".to_string(), "Foreign-language ability is required.".to_string())
            } else {
                Texts::new(
                    "外语和计算机能力不作为申报的必备条件。".to_string(),
                    "Foreign-language and computer skills are not required to apply.".to_string(),
                )
            }
        }
        Detail::Mountain { county, list, round, changed } => mountain_texts(ctx, county, *list, *round, *changed),
        Detail::Projection => {
            let notice_date = crate::rules::document(rs.notice).and_then(|d| d.date).map_or(String::new(), |d: Date| d.to_string());
            Texts::new(
                format!("{y} 年的通知尚未纳入：按 {}（{} 年，{notice_date}）的规定推算，仅供参考，以当年通知为准。", rs.notice, rs.year),
                format!("No notice for {y} is bundled: this projects the rules of {} ({}, {notice_date}); the year's own notice decides.", rs.notice, rs.year),
            )
        }
    }
}

/// The mountain-county preference: in the notice's own round the list the notice
/// names, with when the provincial list changed; in a projection the list on `R`.
fn mountain_texts(
    ctx: &Ctx,
    county: &str,
    list: Option<&MountainList>,
    round: Round,
    changed: Option<&MountainList>,
) -> Texts {
    let (r, rs) = (ctx.r, ctx.rs);
    let favour_zh = "各中（高）评委会对山区26县申报人同等条件下给予适当倾斜，并加大在山区26县从事专业技术工作年限的赋分权重";
    let favour_en = "committees favour applicants from these counties when otherwise equal and weigh their years of work there more";
    let mut t = match (round, list) {
        (Round::Own, Some(l)) if l.counties.contains(&county) => Texts::new(
            format!("{county}属于{}（本通知 {} 所指的名单）：{favour_zh}。", l.name, rs.notice),
            format!("{county} is one of {} (the list {} refers to): {favour_en}.", l.name_en, rs.notice),
        ),
        (Round::Projection, Some(l)) if l.counties.contains(&county) => Texts::new(
            format!("{county}属于{}（按 {r} 有效的名单）：{favour_zh}。", l.name),
            format!("{county} is one of {} (list in force on {r}): {favour_en}.", l.name_en),
        ),
        (_, Some(l)) => Texts::new(
            format!("按 {r} 有效的名单（{}），{county}已不在其中；通知中的山区26县倾斜政策是否仍适用，请向评委会确认。", l.name),
            format!("On {r} the list in force ({}) no longer includes {county}; ask the committee whether the notice's preference for mountain counties still applies.", l.name_en),
        ),
        (_, None) => Texts::new(
            format!("{r} 没有有效的山区县名单，请向评委会确认倾斜政策。"),
            format!("No mountain-county list is in force on {r}; ask the committee about the preference."),
        ),
    };
    if let (Some(c), Some(from)) = (changed, changed.and_then(|c| c.from)) {
        let now_in = c.counties.contains(&county);
        t.zh += &format!(
            "省里的名单自 {} 年 {} 月起调整为{}，{county}{}其中；本通知 {} 年度的评审仍按通知所指的名单。",
            from.year(),
            from.month(),
            c.name,
            if now_in { "在" } else { "不在" },
            rs.year
        );
        t.en += &format!(
            " The provincial list changed in {} {} to {}, which {} {county}; the notice's {} round still follows the list it refers to.",
            month_name(from.month()),
            from.year(),
            c.name_en,
            if now_in { "includes" } else { "leaves out" },
            rs.year
        );
    }
    t
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
