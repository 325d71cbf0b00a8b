//! The words of the CE plan (`crate::plan`): each year's step — what it still needs
//! per category, how much of it may be online, by when, or why it can no longer be
//! earned — and the plan's one-paragraph summary. Each written once, both languages
//! side by side.

use super::parts::{cap, range, years};
use crate::bi;
use crate::case::Case;
use crate::ce::{Due, DueBasis, Need, OnlineRoom, WindowCount};
use crate::hours::Hours;
use crate::rules::CeRegistration;
use crate::text::Bi;
use crate::vocab::CheckId;

/// "专业科目至少 2 学时，其余 10 学时科目不限": the need per category.
fn categories(need: &Need) -> Bi {
    let s = &need.shortfall;
    let (p, q, g) = (s.professional, s.public, s.general_public);
    let mut parts = Vec::new();
    if p > Hours::ZERO {
        parts.push(bi!("专业科目至少 {p} 学时", "at least {p} professional"));
    }
    if g > Hours::ZERO && q > g {
        parts.push(bi!(
            "公需科目至少 {q} 学时（其中一般公需科目至少 {g} 学时）",
            "at least {q} public (at least {g} of them general public)"
        ));
    } else if g > Hours::ZERO {
        parts.push(bi!(
            "一般公需科目至少 {g} 学时",
            "at least {g} general public"
        ));
    } else if q > Hours::ZERO {
        parts.push(bi!(
            "公需科目（行业公需或一般公需）至少 {q} 学时",
            "at least {q} public (industry or general)"
        ));
    }
    let rest = need.any_category();
    if rest > Hours::ZERO {
        parts.push(if parts.is_empty() {
            bi!("科目不限", "in any category")
        } else {
            bi!(
                "其余 {rest} 学时科目不限",
                "the other {rest} in any category"
            )
        });
    }
    Bi::join(parts, Bi::new("，", ", "))
}

/// "须在 2020-10-10 前学完并登记（…）": the due date and why.
fn due(due: &Due) -> Bi {
    let date = due.date;
    match due.basis {
        DueBasis::NoticeDeadline(c) => {
            let (doc, clause) = (c.doc, c.clause);
            bi!(
                "须在 {date} 前学完并登记（{doc} {clause} 的材料报送截止日）",
                "to be completed and registered by {date} (the materials deadline of {doc} {clause})"
            )
        }
        DueBasis::YearEnd => bi!(
            "须在 {date} 前学完并登记（学时按年度计算，当年的学时须在当年取得）",
            "to be completed and registered by {date} (hours count in the year they are earned)"
        ),
    }
}

/// How much of the need may be online courseware.
fn online(need: &Need) -> Bi {
    let (year, hours) = (need.year, need.hours);
    let OnlineRoom::Capped { left, cap, exempt } = need.online else {
        return bi!(
            "本通知未规定网络课件学时上限：网络课程按全额计入。",
            "The notice sets no cap on online courseware: online courses count in full."
        );
    };
    let mut s = if left == Hours::ZERO && exempt {
        bi!(
            "本年网络课件已计满每年 {cap} 学时的上限，再学其他网络课件不再计入",
            "This year's online courseware already reaches the cap of {cap} hours a year: other online courses no longer count"
        )
    } else if left == Hours::ZERO {
        bi!(
            "本年网络课件已计满每年 {cap} 学时的上限，再学网络课件不再计入，须通过其他途径取得",
            "This year's online courseware already reaches the cap of {cap} hours a year: more online courses do not count, so these hours must come another way"
        )
    } else if left >= hours {
        bi!(
            "这些学时可以都是网络课件（每年最多计 {cap} 学时，本年还可计 {left} 学时）",
            "All of them may be online courseware (at most {cap} hours a year count; {left} more this year)"
        )
    } else {
        bi!(
            "其中网络课件最多还能计 {left} 学时（每年最多计 {cap} 学时），其余须通过其他途径取得",
            "Of these, at most {left} may be online courseware (at most {cap} hours a year count); the rest must come another way"
        )
    };
    if exempt {
        s += bi!(
            "；{year} 年主管部门提供或认可的网络课件不受此限，也不占用上限",
            "; in {year}, courseware the department provided or recognised is not capped and does not use up the cap"
        );
    }
    s += Bi::new("。", ".");
    s
}

/// "（参考）" before a step of an advisory rule set.
fn advice(case: &Case) -> Bi {
    if case.rs.ce.advisory {
        bi!("（参考）", "(Advice) ")
    } else {
        Bi::default()
    }
}

/// A year of `Y` or before that is short and can still be made up by its due date.
pub fn open(case: &Case, need: &Need) -> Bi {
    let (year, hours) = (need.year, need.hours);
    let (cats, due, online) = (categories(need), due(&need.due), online(need));
    let mut s = advice(case);
    s += bi!(
        "{year} 年还需 {hours} 学时：{}；{}。{}", cats.zh, due.zh, online.zh;
        "{year}: {hours} more hours — {}; {}. {}", cats.en, due.en, online.en
    );
    if year == case.y && need.due.basis == DueBasis::YearEnd {
        s += bi!(
            "如评委会接收材料的截止时间早于年底，须在截止前学完并登记。",
            " If the committee's materials deadline comes before the year ends, complete and register them before it."
        );
    }
    s += ambiguous(case, year);
    s
}

/// A year of `Y` or before that is short and whose time is over as of `R`: hours can
/// no longer be earned for it; only hours already earned and not yet registered help.
pub fn over(case: &Case, need: &Need, registration: &[CeRegistration]) -> Bi {
    let (year, hours, r) = (need.year, need.hours, case.r);
    let cats = categories(need);
    let mut s = advice(case);
    s += bi!(
        "{year} 年还差 {hours} 学时（{}）。", cats.zh;
        "{year} is {hours} hours short ({}). ", cats.en
    );
    let date = need.due.date;
    s += if date.year() < r.year() {
        bi!(
            "这一年已经过去，学时无法再补学：",
            "That year is over: hours can no longer be earned for it. "
        )
    } else {
        bi!(
            "截至 {r}，{date} 的截止日已过，学时无法再为本次申报补学：",
            "As of {r}, its due date {date} has passed: hours can no longer be earned for this application. "
        )
    };
    s += match registration.first() {
        Some(reg) => {
            let system = reg.system;
            bi!(
                "如当年实际参加过继续教育而未登记，请在“{system}”等学时登记系统登记并经认定；否则这一年无法补足。",
                "If you did take courses that year and did not register them, register them in the hours registration system (“{system}”) to have them recognised; otherwise that year cannot be made up."
            )
        }
        None => bi!(
            "本通知未写明学时登记途径，请向评委会确认当年实际已学的学时能否认定；否则这一年无法补足。",
            "The notice does not say how hours are registered: ask the committee whether hours you did earn that year can be recognised; otherwise that year cannot be made up."
        ),
    };
    s += ambiguous(case, year);
    s
}

/// A year after `Y` that the earliest eligible year's projection assumed compliant.
pub fn projected(case: &Case, need: &Need, earliest: i32, entered: Hours) -> Bi {
    let (year, hours) = (need.year, need.hours);
    let (cats, due, online) = (categories(need), due(&need.due), online(need));
    let mut s = advice(case);
    s += bi!(
        "为在 {earliest} 年申报（推算），{year} 年须达标：还需 {hours} 学时：{}；{}。", cats.zh, due.zh;
        "To apply in {earliest} (projection), {year} must be compliant: {hours} more hours — {}; {}. ", cats.en, due.en
    );
    if entered > Hours::ZERO {
        s += bi!(
            "（已录入该年 {entered} 学时。）",
            "({entered} hours already entered for that year.) "
        );
    }
    s += online;
    if year == earliest {
        s += bi!(
            "{year} 年的申报截止日以当年的通知为准，可能早于年底。",
            " The deadline of the {year} round is set by that year's notice and may come before the year ends."
        );
    }
    s
}

/// The two readings of an ambiguous deemed-compliant clause, for its year.
fn ambiguous(case: &Case, year: i32) -> Bi {
    match case.rs.ce.ambiguous_year {
        Some(a) if a.year == year => {
            let (doc, clause, q) = (a.source.doc, a.source.clause, a.quote);
            bi!(
                "按 {doc} {clause}“{q}”的宽松读法，{year} 年视同合格，不必补足；严格读法下须补足。由评委会认定。",
                " On the inclusive reading of {doc} {clause} (\"{q}\"), {year} counts as met and needs nothing; on the strict reading it must be made up. The committee decides."
            )
        }
        _ => Bi::default(),
    }
}

/// What the summary of a plan says, from its steps and the verdict.
pub struct Outline<'a> {
    /// Years of `Y` or before still open, and over.
    pub open: &'a [i32],
    pub over: &'a [i32],
    /// Later years that need hours for the earliest eligible year.
    pub projected: &'a [i32],
    /// Making up the open years alone meets the CE policy for `Y`.
    pub open_suffices: bool,
    pub earliest: Option<i32>,
    /// Failing checks other than `ce_hours`.
    pub blocking: &'a [CheckId],
    /// `ce_hours` could not be evaluated (no path, or no prerequisite title).
    pub not_judged: bool,
    /// The window has fewer years than the count needs, even with every short year
    /// made up: only time helps.
    pub short_window: Option<WindowCount>,
}

/// The failing checks' names: `任职年限、考试`.
fn checks(ids: &[CheckId]) -> Bi {
    let zh: Vec<&str> = ids.iter().map(|c| c.label_zh()).collect();
    let en: Vec<&str> = ids.iter().map(|c| c.label_en()).collect();
    Bi::new(zh.join("、"), en.join(", "))
}

/// The plan in a paragraph: what making up the hours achieves, what it cannot.
pub fn summary(case: &Case, o: &Outline) -> Bi {
    let y = case.y;
    let blocking = checks(o.blocking);
    if o.not_judged {
        return bi!(
            "继续教育学时无法核算：{}不符合，见各项检查。", blocking.zh;
            "Continuing education cannot be judged: {} fails; see the checks.", blocking.en
        );
    }
    let mut s = Bi::default();
    let any_steps = !(o.open.is_empty() && o.over.is_empty() && o.projected.is_empty());
    if case.rs.ce.advisory && any_steps {
        s += bi!(
            "本通知未规定继续教育条件，以下按国家规定（人社部令第25号）提示，请向评委会确认是否要求。",
            "The notice sets no CE condition: what follows applies the national rule (MOHRSS Order 25) as advice; ask the committee whether it is required. "
        );
    }
    if !o.open.is_empty() && o.open_suffices {
        let ys = years(o.open);
        s += bi!(
            "补足 {} 年还差的学时，{y} 年的继续教育即可达标。", ys.zh;
            "Make up the hours {} still lacks and continuing education for {y} is met. ", ys.en
        );
    }
    if !o.over.is_empty() {
        let ys = years(o.over);
        s += bi!(
            "{} 年的学时已无法补学（只能登记当年实际已学而未登记的学时）", ys.zh;
            "Hours can no longer be earned for {} (only hours earned then and not yet registered can still be registered)", ys.en
        );
        s += if o.open_suffices {
            bi!("，但不影响达标。", ", but they are not needed. ")
        } else {
            bi!(
                "，按现有记录 {y} 年的继续教育不能达标。",
                ": on the hours entered, continuing education for {y} cannot be met. "
            )
        };
    }
    let then = match o.earliest {
        Some(z) if z > y && !o.projected.is_empty() => {
            let ys = years(o.projected);
            bi!(
                "推算最早 {z} 年可以申报，前提是 {} 年每年达标。", ys.zh;
                "the earliest year to apply is projected to be {z}, provided {} each meet the yearly requirement. ", ys.en
            )
        }
        Some(z) if z > y => bi!(
            "推算最早 {z} 年可以申报。",
            "the earliest year to apply is projected to be {z}. "
        ),
        None => {
            let span = range(y, y + crate::EARLIEST_SEARCH_YEARS);
            bi!(
                "按现有记录推算，{}都不能申报。", span.zh;
                "on the data entered, no year of {} is projected to be eligible. ", span.en
            )
        }
        Some(_) => Bi::default(),
    };
    // When making up this year's hours is enough, the projection is what happens if not.
    if !then.zh.is_empty() {
        if o.open_suffices && !o.open.is_empty() && o.blocking.is_empty() {
            s += bi!("若不补足，", "If not, ");
            s += then;
        } else {
            s += Bi::new(then.zh, cap(&then.en));
        }
    }
    if let Some(w) = o.short_window {
        let (span, needed) = (range(w.first, w.last), w.needed);
        s += bi!(
            "继续教育要求{}中有 {needed} 年达标，这段时间的年数还不够：补学时不能解决，要等任职年限满足。", span.zh;
            "Continuing education needs {needed} compliant years in {}, and that span has too few years yet: hours cannot settle it, only time. ", span.en
        );
    }
    if !o.blocking.is_empty() {
        s += if any_steps || o.short_window.is_some() {
            bi!(
                "此外，{}不符合：补足学时并不能单独解决。", blocking.zh;
                "Besides, {} fails: making up hours alone does not settle it.", blocking.en
            )
        } else {
            bi!(
                "继续教育学时已满足要求；暂不能申报的原因不是继续教育，而是：{}。", blocking.zh;
                "Continuing education is met; what stands in the way is another check: {}.", blocking.en
            )
        };
    } else if !any_steps && o.short_window.is_none() {
        s += bi!(
            "继续教育学时已满足要求，无需补学。",
            "Continuing education is met: no hours to make up."
        );
    }
    s.en = s.en.trim_end().to_string();
    s
}

/// A target the rule set does not cover: no plan.
pub fn not_covered(case: &Case) -> Bi {
    let (zh, en) = (case.rs.notice, case.rs.name_en);
    bi!(
        "{zh} 不适用于所选申报目标，没有继续教育计划。",
        "{en} does not cover the chosen target: there is no CE plan."
    )
}
