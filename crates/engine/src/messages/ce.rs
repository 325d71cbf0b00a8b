//! The words of the CE check: the rule set's requirement, its policy, the years that
//! fall short and by how much, and the two readings of an ambiguous clause.

use super::parts::{plural, range, Message};
use crate::bi;
use crate::case::Case;
use crate::ce::{CeOutcome, Judgement};
use crate::hours::Hours;
use crate::rules::{AmbiguousYear, RuleSet};
use crate::text::Bi;
use crate::verdict::{CeShortfall, CeYear};
use crate::vocab::{CePolicy, CheckStatus};

/// The yearly minimums and the online cap of the rule set.
fn requirement(rs: &RuleSet) -> Bi {
    let ce = &rs.ce;
    let (total, professional) = (ce.min_total, ce.min_professional);
    let mut s = bi!(
        "每年不少于 {total} 学时，其中专业科目不少于 {professional} 学时",
        "at least {total} hours a year, of which at least {professional} professional"
    );
    match (ce.min_public, ce.min_general) {
        (Some(p), general) => {
            s += bi!("、公需科目不少于 {p} 学时", " and at least {p} public");
            if let Some(g) = general {
                s += bi!(
                    "（其中一般公需科目不少于 {g} 学时）",
                    " (at least {g} of them general public)"
                );
            }
        }
        (None, Some(g)) => {
            s += bi!(
                "、一般公需科目不少于 {g} 学时",
                " and at least {g} general public"
            )
        }
        (None, None) => {}
    }
    if let Some(cap) = ce.online_cap {
        s += bi!(
            "；网络课件每年最多计 {cap} 学时",
            "; online courseware counts for at most {cap} hours a year"
        );
        if !ce.online_cap_exempt_years.is_empty() {
            let ys = super::parts::years(ce.online_cap_exempt_years);
            s += bi!(
                "（{} 年主管部门提供或认可的课件不受此限）", ys.zh;
                " (except courseware the department provided or recognised in {})", ys.en
            );
        }
    }
    s
}

/// "2024 年专业科目还差 12 学时（已计 …）" for each failing year.
///
/// Written into one text as it goes, and only the minimums a year falls short of
/// are worded: in a batch of people almost all short of hours, this message is most
/// of the engine's work.
fn shortfalls(failing: &[(i32, CeShortfall)], years: &[CeYear]) -> Bi {
    type Words = fn(Hours) -> Bi;
    let mut out = Bi::default();
    for (i, (year, s)) in failing.iter().enumerate() {
        if i > 0 {
            out += Bi::new("；", "; ");
        }
        out += bi!("{year} 年", "{year}: ");
        let parts: [(Hours, Words); 4] = [
            (s.total, |h| {
                bi!("总学时还差 {h} 学时", "{h} hours short in total")
            }),
            (s.professional, |h| {
                bi!("专业科目还差 {h} 学时", "{h} professional hours short")
            }),
            (s.public, |h| {
                bi!("公需科目还差 {h} 学时", "{h} public hours short")
            }),
            (s.general_public, |h| {
                bi!(
                    "一般公需科目还差 {h} 学时",
                    "{h} general public hours short"
                )
            }),
        ];
        let short = parts.into_iter().filter(|(h, _)| *h > Hours::ZERO);
        for (j, (h, words)) in short.enumerate() {
            if j > 0 {
                out += Bi::new("，", ", ");
            }
            out += words(h);
        }
        if let Some(cy) = years.iter().find(|c| c.year == *year) {
            let counted = cy.counted.total;
            out += bi!("（已计 {counted} 学时", " ({counted} hours counted");
            let over = cy.online_not_counted;
            if over > Hours::ZERO {
                out += bi!(
                    "，另有网络课件 {over} 学时超出上限不计",
                    "; {over} online hours over the cap do not count"
                );
            }
            out += Bi::new("）", ")");
        }
    }
    out
}

/// The CE check's words for a judged policy; `review` for advice only.
pub fn ce(case: &Case, ce: &CeOutcome, status: CheckStatus) -> Message {
    let Some(j) = &ce.judgement else {
        return Bi::default().into();
    };
    let y = case.y;
    let (rule, policy) = (requirement(case.rs), policy(case, j));
    let mut text = bi!(
        "继续教育要求{}。{}", rule.zh, policy.zh;
        "Continuing education: {}. {}", rule.en, policy.en
    );
    if j.met {
        text += Bi::new("——已满足。", " — met.");
        return text.into();
    }
    if let Some(w) = j.window_count.filter(|w| w.compliant < w.needed) {
        let (window, short) = (range(w.first, w.last), w.needed - w.compliant);
        text += bi!(
            "。{}中达标 {} 年，还差 {short} 年", window.zh, w.compliant;
            ". {} has {} compliant, {short} short", window.en, plural(w.compliant, "year", "years")
        );
    }
    if !j.failing.is_empty() {
        text += Bi::new("。", ". ");
        text += shortfalls(&j.failing, &ce.years);
    }
    text += Bi::new("。", ".");
    let last_failing = j.failing.iter().map(|(year, _)| *year).max().unwrap_or(y);
    let hint = if status == CheckStatus::Review {
        bi!(
            "本通知未规定继续教育条件，以上按国家规定（人社部令第25号）提示；请向评委会确认是否要求。",
            "The notice sets no CE condition; this applies the national rule (MOHRSS Order 25) as advice. Ask the committee whether it is required."
        )
    } else {
        let this_year = if last_failing < y {
            Bi::new("", "")
        } else {
            Bi::new(
                "；当年学时可在申报截止前补登",
                "; this year's hours can still be added before the deadline",
            )
        };
        bi!(
            "补足上述学时并在学时登记系统登记、经主管部门认定后再申报{}。", this_year.zh;
            "Make up the hours above and register them in the hours registration system before applying{}.", this_year.en
        )
    };
    Message::from(text).hint(hint)
}

/// The strict reading fails, the inclusive one passes (SPEC §7): both readings, the
/// clause, and what fails on the strict one.
pub fn only_inclusive(case: &Case, strict: &CeOutcome, a: &AmbiguousYear) -> Message {
    let failing = ce(case, strict, CheckStatus::Fail).text;
    let (y, q) = (a.year, a.quote);
    let (doc, clause) = (a.source.doc, a.source.clause);
    Message::from(bi!(
        "{doc} {clause}“{q}”有两种读法：严格读（“以前”不含 {y} 年），{y} 年按实际学时核查，按此不满足；宽松读（含 {y} 年），{y} 年视同合格，按此满足。本工具不替你选择，须由评委会认定。严格读下的核算：{}", failing.zh;
        "{doc} {clause} (\"{q}\", hours before {y} count as met) can be read two ways: strictly (\"before {y}\" leaves {y} out), {y} is judged by its hours and the requirement is not met; inclusively ({y} included), {y} counts as met and the requirement is met. This tool does not choose for you: the committee decides. On the strict reading: {}", failing.en
    ))
    .hint(bi!(
        "请向评委会确认 {y} 年的学时是否视同合格；如能补足上述学时，则两种读法下都满足。",
        "Ask the committee whether {y} counts as met; making up the hours above meets the requirement on both readings."
    ))
}

/// The sentence of the rule set's CE policy for `Y`.
fn policy(case: &Case, j: &Judgement) -> Bi {
    let y = case.y;
    let prev = y - 1;
    let deemed = |mut s: Bi| {
        if let Some(d) = case.rs.ce.deemed_through_year {
            s += bi!(
                "（{d} 年及以前视同合格）",
                " ({d} and earlier count as compliant)"
            );
        }
        s
    };
    match j.policy {
        CePolicy::WindowCountAndLastTwo => {
            let w = j.window_count.expect("window_count_and_last_two has a window count");
            let window = if w.first <= w.last {
                range(w.first, w.last)
            } else {
                bi!("任职以来", "the window")
            };
            let needed = w.needed;
            deemed(bi!(
                "{}中须有 {needed} 年达标，且 {prev}、{y} 年均须达标", window.zh;
                "{} needs {} compliant, and both {prev} and {y} compliant", window.en, plural(needed, "year", "years")
            ))
        }
        CePolicy::LastTwoYears => bi!(
            "{prev}、{y} 年均须达标（更早年份按原规定认定，仅作显示）",
            "{prev} and {y} must both be compliant (earlier years fall under older rules and are only shown)"
        ),
        CePolicy::EveryYearOfWindow => {
            let first = case.start().map_or(y, |s| s.date.year() + 1);
            deemed(if first <= y {
                let years = range(first, y);
                bi!(
                    "{}每年均须达标", years.zh;
                    "every year of {} must be compliant", years.en
                )
            } else {
                bi!("任职以来尚无须核查的年份", "no year to check yet")
            })
        }
        CePolicy::LastNYears => match j.span {
            Some((a, b)) if a <= b => {
                let years = range(a, b);
                bi!(
                    "{}每年均须达标（本通知未作规定，按国家规定提示）", years.zh;
                    "every year of {} must be compliant (advice: the notice sets no condition, the national rule applies)", years.en
                )
            }
            _ => bi!(
                "任职年限内没有须核查的年份",
                "no year of the required service to check"
            ),
        },
    }
}
