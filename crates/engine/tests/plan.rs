//! The CE plan (`plan::ce_plan`) against the verdict, for every shared example and
//! every case of tests/cases: the steps of `Y` and earlier are the years the `ce_hours`
//! check finds short, with `ce_years`' own shortfalls, and making them up meets the
//! check; the later years are exactly those the projection behind
//! `earliest_eligible_year` assumed, each needing the minimums less the hours entered
//! (what evaluating that year directly finds). Then focused cases: the online cap's
//! room, its exempt year, the notice's deadline against the year's end, a past year,
//! an advisory rule set, nothing to do, not covered.

mod support;

use zhicheng_engine::ce::{DueBasis, OnlineRoom};
use zhicheng_engine::hours::Hours;
use zhicheng_engine::plan::{ce_plan, CePlan, Outlook, StepKind};
use zhicheng_engine::profile::CeRecord;
use zhicheng_engine::vocab::{CeCategory, CePolicy, CheckId};
use zhicheng_engine::{evaluate, rules, CheckStatus, Date, Profile, Status, Verdict};

/// Every case that is a profile, by label, and how many cases refuse their input.
fn profiles() -> (Vec<(String, Profile)>, usize) {
    let mut out = Vec::new();
    let mut refused = 0;
    for case in support::all() {
        match Profile::from_json(&case.profile) {
            Ok(p) => out.push((case.label(), p)),
            Err(_) => refused += 1,
        }
    }
    (out, refused)
}

fn ce_status(v: &Verdict) -> Option<CheckStatus> {
    v.check(CheckId::CeHours).map(|c| c.status)
}

/// The profile with each judged step's hours added offline: professional, public as
/// general public (it counts to both), the rest professional.
fn made_up(p: &Profile, plan: &CePlan) -> Profile {
    let mut p = p.clone();
    for s in plan.steps.iter().filter(|s| s.kind == StepKind::Judged) {
        let n = &s.need;
        let public = n.shortfall.public.max(n.shortfall.general_public);
        for (category, hours) in [
            (
                CeCategory::Professional,
                n.shortfall.professional + n.any_category(),
            ),
            (CeCategory::GeneralPublic, public),
        ] {
            if hours > Hours::ZERO {
                p.ce_records.push(CeRecord {
                    year: n.year,
                    category,
                    hours,
                    online: false,
                    authority_recognized: false,
                    note: None,
                });
            }
        }
    }
    p
}

/// The judged steps: the verdict's own short years, their shortfalls, and enough.
fn check_judged(name: &str, p: &Profile, v: &Verdict, plan: &CePlan) {
    let y = v.evaluation_year;
    let judged: Vec<i32> = plan
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Judged)
        .map(|s| s.need.year)
        .collect();
    for s in plan.steps.iter().filter(|s| s.kind == StepKind::Judged) {
        let n = &s.need;
        assert!(n.year <= y, "{name}: judged {}", n.year);
        let cy = v.ce_years.iter().find(|c| c.year == n.year).unwrap();
        assert!(
            cy.required && !cy.compliant,
            "{name}: {} is not short",
            n.year
        );
        assert_eq!(n.shortfall, cy.shortfall, "{name}: {}", n.year);
        let s = &n.shortfall;
        let least = s.total.max(s.professional + s.public.max(s.general_public));
        assert_eq!(n.hours, least, "{name}: {}", n.year);
    }
    let short: Vec<i32> = v
        .ce_years
        .iter()
        .filter(|c| c.required && !c.compliant)
        .map(|c| c.year)
        .collect();
    match ce_status(v) {
        Some(CheckStatus::Pass) | Some(CheckStatus::NotApplicable) | None => {
            assert!(
                judged.is_empty(),
                "{name}: steps for a met or unjudged check"
            )
        }
        _ => {
            let policy = rules::rule_set(v.rule_set).unwrap().ce.policy;
            if policy == CePolicy::WindowCountAndLastTwo {
                // The last two always; the window's other years while its count is short.
                for year in short.iter().filter(|&&year| year >= y - 1) {
                    assert!(judged.contains(year), "{name}: {year} missing");
                }
            } else {
                assert_eq!(judged, short, "{name}");
            }
            // Making up the steps' hours meets the check, unless the window has fewer
            // years than it needs (then every required year is compliant, and only
            // time helps).
            let after = evaluate(&made_up(p, plan)).unwrap();
            if ce_status(&after) != Some(CheckStatus::Pass) {
                assert!(
                    after.ce_years.iter().all(|c| !c.required || c.compliant),
                    "{name}: made up, still short"
                );
            }
        }
    }
}

/// The later years: those the evaluation of the earliest year requires, each needing
/// what evaluating that year directly finds short. Returns whether it was compared
/// (a year past the rule set's year + 5 cannot be asked for directly).
fn check_projected(name: &str, p: &Profile, v: &Verdict, plan: &CePlan) -> bool {
    let y = v.evaluation_year;
    let projected: Vec<_> = plan
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Projected)
        .collect();
    let Some(z) = v.earliest_eligible_year.filter(|&z| z > y) else {
        assert!(plan.projected_years.is_empty(), "{name}");
        assert!(projected.is_empty(), "{name}");
        return false;
    };
    assert!(
        plan.projected_years
            .iter()
            .all(|&year| year > y && year <= z),
        "{name}"
    );
    let mut at_z = p.clone();
    at_z.evaluation_year = Some(z);
    let Ok(direct) = evaluate(&at_z) else {
        return false;
    };
    let assumed: Vec<i32> = direct
        .ce_years
        .iter()
        .filter(|c| c.year > y && c.required)
        .map(|c| c.year)
        .collect();
    assert_eq!(plan.projected_years, assumed, "{name}");
    let short: Vec<_> = direct
        .ce_years
        .iter()
        .filter(|c| c.year > y && c.required && !c.compliant)
        .collect();
    assert_eq!(projected.len(), short.len(), "{name}");
    for (s, c) in projected.iter().zip(short) {
        assert_eq!(
            (s.need.year, s.need.shortfall),
            (c.year, c.shortfall),
            "{name}"
        );
    }
    true
}

#[test]
fn every_case_plans_the_verdicts_own_numbers() {
    let (cases, refused) = profiles();
    let (mut with_steps, mut projected, mut compared_later) = (0, 0, 0);
    for (name, p) in &cases {
        let (v, plan) = match (evaluate(p), ce_plan(p)) {
            (Ok(v), Ok(plan)) => (v, plan),
            (Err(a), Err(b)) => {
                assert_eq!(a, b, "{name}: the same refusal");
                continue;
            }
            (a, b) => panic!("{name}: {a:?} vs {b:?}"),
        };
        assert_eq!(plan.status, v.status, "{name}");
        assert_eq!(
            plan.earliest_eligible_year, v.earliest_eligible_year,
            "{name}"
        );
        assert_eq!(plan.evaluation_year, v.evaluation_year, "{name}");
        if v.status == Status::NotCovered {
            assert_eq!(plan.outlook, Outlook::NotCovered, "{name}");
            assert!(plan.steps.is_empty(), "{name}");
            continue;
        }
        if ce_status(&v) == Some(CheckStatus::NotApplicable) {
            assert_eq!(plan.outlook, Outlook::NotJudged, "{name}");
        } else {
            let expected = if plan.steps.is_empty() {
                Outlook::NothingNeeded
            } else {
                Outlook::Steps
            };
            assert_eq!(plan.outlook, expected, "{name}");
        }
        let blocking: Vec<CheckId> = v
            .checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail && c.id != CheckId::CeHours)
            .map(|c| c.id)
            .collect();
        assert_eq!(plan.blocking, blocking, "{name}");
        check_judged(name, p, &v, &plan);
        if plan.within_reach && v.earliest_eligible_year != Some(v.evaluation_year) {
            // Within reach by the steps: followed, `Y` has no failing check.
            let after = evaluate(&made_up(p, &plan)).unwrap();
            assert_ne!(after.status, Status::NotEligible, "{name}: within reach");
            assert!(plan
                .steps
                .iter()
                .all(|s| !s.over || s.kind == StepKind::Judged));
        }
        compared_later += usize::from(check_projected(name, p, &v, &plan));
        for s in &plan.steps {
            assert!(!s.text.zh.is_empty() && !s.text.en.is_empty(), "{name}");
            assert!(!s.citations.is_empty(), "{name}");
            assert!(
                s.need.hours > Hours::ZERO,
                "{name}: a step with nothing to do"
            );
        }
        assert!(
            !plan.summary.zh.is_empty() && !plan.summary.en.is_empty(),
            "{name}"
        );
        with_steps += usize::from(!plan.steps.is_empty());
        projected += usize::from(!plan.projected_years.is_empty());
    }
    assert!(
        cases.len() > 130 && refused > 20,
        "{} cases, {refused} refused",
        cases.len()
    );
    assert!(with_steps > 30, "only {with_steps} plans with steps");
    assert!(
        projected > 20 && compared_later > 20,
        "{projected} projected, {compared_later} compared"
    );
}

// ───────────────────────────── focused cases ─────────────────────────────

fn base(name: &str) -> Profile {
    let path = support::repo().join(format!("tests/cases/bases/{name}.profile.json"));
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn example(name: &str) -> Profile {
    let path = support::repo().join(format!("tests/examples/{name}.profile.json"));
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn record(year: i32, category: CeCategory, hours: i64, online: bool, recognized: bool) -> CeRecord {
    CeRecord {
        year,
        category,
        hours: Hours::from_whole(hours),
        online,
        authority_recognized: recognized,
        note: None,
    }
}

fn without_year(mut p: Profile, year: i32) -> Profile {
    p.ce_records.retain(|r| r.year != year);
    p
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn online_cap_room_is_what_the_cap_leaves() {
    // zj-jxt-gaogong-2020: 2019 (past, not exempt) with 20 online hours counted: 16
    // more may be online; the rest must come another way.
    let mut p = without_year(base("zj-jxt-gaogong-2020"), 2019);
    p.ce_records
        .push(record(2019, CeCategory::Professional, 20, true, false));
    p.reference_date = Some(date("2019-06-01"));
    p.evaluation_year = None;
    let plan = ce_plan(&p).unwrap();
    let step = plan.steps.iter().find(|s| s.need.year == 2019).unwrap();
    assert_eq!(
        step.need.online,
        OnlineRoom::Capped {
            left: Hours::from_whole(16),
            cap: Hours::from_whole(36),
            exempt: false
        }
    );
    assert_eq!(step.need.hours, Hours::from_whole(70));
    assert!(!step.over, "R in 2019: the year is still open");
    assert!(
        step.text
            .zh
            .contains("其中网络课件最多还能计 16 学时（每年最多计 36 学时）"),
        "{}",
        step.text.zh
    );
    assert!(
        step.text.en.contains("at most 16 may be online courseware"),
        "{}",
        step.text.en
    );

    // Over the cap already: no room, said so.
    let mut p = without_year(base("zj-jxt-gaogong-2020"), 2020);
    p.ce_records
        .push(record(2020, CeCategory::Professional, 50, true, false));
    let step = &ce_plan(&p).unwrap().steps[0];
    assert_eq!(step.need.year, 2020);
    assert!(matches!(step.need.online, OnlineRoom::Capped { left, .. } if left == Hours::ZERO));
    assert!(
        step.text
            .zh
            .contains("本年网络课件已计满每年 36 学时的上限"),
        "{}",
        step.text.zh
    );

    // No cap in the rule set: online counts in full.
    let p = without_year(base("zj-liandu-2024"), 2024);
    let step = &ce_plan(&p).unwrap().steps[0];
    assert_eq!(step.need.online, OnlineRoom::Unlimited);
    assert!(
        step.text.zh.contains("网络课程按全额计入"),
        "{}",
        step.text.zh
    );
    assert!(
        step.text.en.contains("online courses count in full"),
        "{}",
        step.text.en
    );
}

#[test]
fn the_exempt_year_says_recognised_courseware_is_not_capped() {
    let mut p = without_year(base("zj-jxt-gaogong-2020"), 2020);
    p.ce_records
        .push(record(2020, CeCategory::Professional, 30, true, true));
    let plan = ce_plan(&p).unwrap();
    let step = &plan.steps[0];
    // The 30 recognised hours count and leave the cap untouched.
    assert_eq!(step.need.shortfall.professional, Hours::from_whole(30));
    assert_eq!(
        step.need.online,
        OnlineRoom::Capped {
            left: Hours::from_whole(36),
            cap: Hours::from_whole(36),
            exempt: true
        }
    );
    assert!(
        step.text
            .zh
            .contains("2020 年主管部门提供或认可的网络课件不受此限"),
        "{}",
        step.text.zh
    );
    // 2021 is not exempt.
    let mut later = p.clone();
    later.evaluation_year = Some(2021);
    later
        .ce_records
        .push(record(2020, CeCategory::Professional, 30, false, false));
    later
        .ce_records
        .push(record(2020, CeCategory::GeneralPublic, 18, false, false));
    let plan = ce_plan(&later).unwrap();
    let step = plan.steps.iter().find(|s| s.need.year == 2021).unwrap();
    assert!(matches!(
        step.need.online,
        OnlineRoom::Capped { exempt: false, .. }
    ));
}

#[test]
fn the_notices_deadline_for_its_own_year_else_the_years_end() {
    // zj-jxt-gaogong-2020 gives 2020-10-10 for 2020 (浙经信人事〔2020〕84号 一).
    let p = without_year(base("zj-jxt-gaogong-2020"), 2020);
    let step = &ce_plan(&p).unwrap().steps[0];
    assert_eq!(step.need.due.date, date("2020-10-10"));
    assert!(
        matches!(step.need.due.basis, DueBasis::NoticeDeadline(c) if c.doc == "浙经信人事〔2020〕84号" && c.clause == "一")
    );
    assert!(step
        .citations
        .iter()
        .any(|c| c.doc == "浙经信人事〔2020〕84号" && c.clause == "一"));
    assert!(step
        .text
        .zh
        .contains("须在 2020-10-10 前学完并登记（浙经信人事〔2020〕84号 一 的材料报送截止日）"));
    // A later evaluation year: the year's end (hours count per calendar year).
    let mut p = without_year(base("zj-jxt-gaogong-2020"), 2021);
    p.evaluation_year = Some(2021);
    p.ce_records.retain(|r| r.year != 2020);
    p.ce_records
        .push(record(2020, CeCategory::Professional, 70, false, false));
    p.ce_records
        .push(record(2020, CeCategory::GeneralPublic, 20, false, false));
    let step = &ce_plan(&p).unwrap().steps[0];
    assert_eq!(
        (step.need.year, step.need.due.date),
        (2021, date("2021-12-31"))
    );
    assert_eq!(step.need.due.basis, DueBasis::YearEnd);
    // A rule set whose plan gives no date: the year's end.
    let p = without_year(base("zj-liandu-2024"), 2024);
    let step = &ce_plan(&p).unwrap().steps[0];
    assert_eq!(step.need.due.date, date("2024-12-31"));
}

#[test]
fn a_past_year_cannot_be_made_up_and_says_so() {
    // The shared example: 2019 is 14 hours short under zj-jxt-gaogong-2020, judged in 2020.
    let plan = ce_plan(&example("jxt_2019_online_hours_over_cap")).unwrap();
    let step = &plan.steps[0];
    assert_eq!((step.need.year, step.over), (2019, true));
    assert!(!plan.within_reach);
    assert!(
        step.text.zh.contains("这一年已经过去，学时无法再补学"),
        "{}",
        step.text.zh
    );
    assert!(
        step.text.zh.contains("如当年实际参加过继续教育而未登记"),
        "{}",
        step.text.zh
    );
    assert!(
        step.text
            .en
            .contains("otherwise that year cannot be made up"),
        "{}",
        step.text.en
    );
    assert!(
        plan.summary.zh.contains("2019 年的学时已无法补学"),
        "{}",
        plan.summary.zh
    );
    assert!(
        plan.summary.zh.contains("2020 年的继续教育不能达标"),
        "{}",
        plan.summary.zh
    );
    // Where registration is named, it is cited.
    assert!(step
        .citations
        .iter()
        .any(|c| c.clause == "二（四） 学时登记"));
}

#[test]
fn a_past_year_the_window_can_do_without() {
    // zj-liandu-2024: 2020 short, but five of 2019–2024 are compliant and so are the
    // last two. The policy is met: no step.
    let p = without_year(base("zj-liandu-2024"), 2020);
    let plan = ce_plan(&p).unwrap();
    assert_eq!(plan.outlook, Outlook::NothingNeeded);
    assert!(plan.steps.is_empty());
    // With 2021 short too, the count falls short: both past years are listed, over,
    // and nothing open can make up for them.
    let p = without_year(without_year(base("zj-liandu-2024"), 2020), 2021);
    let plan = ce_plan(&p).unwrap();
    let years: Vec<(i32, bool)> = plan.steps.iter().map(|s| (s.need.year, s.over)).collect();
    assert_eq!(years[..2], [(2020, true), (2021, true)]);
    assert!(!plan.within_reach);
}

#[test]
fn an_advisory_rule_set_plans_advice() {
    let p = without_year(base("sx-2020"), 2020);
    let plan = ce_plan(&p).unwrap();
    assert!(plan.advisory);
    assert_eq!(plan.status, Status::NeedsReview);
    assert!(plan.within_reach, "advice does not bar applying");
    let step = &plan.steps[0];
    assert!(
        step.text.zh.starts_with("（参考）2020 年还需 90 学时"),
        "{}",
        step.text.zh
    );
    assert!(
        plan.summary.zh.starts_with("本通知未规定继续教育条件"),
        "{}",
        plan.summary.zh
    );
    // sx-2020's plan gives no deadline date: the year's end.
    assert_eq!(step.need.due.date, date("2020-12-31"));
}

#[test]
fn nothing_to_do_says_what_else_blocks() {
    let plan = ce_plan(&example("shanxi_senior_economist_without_exam")).unwrap();
    assert_eq!(plan.outlook, Outlook::NothingNeeded);
    assert!(plan.steps.is_empty());
    assert_eq!(plan.blocking, vec![CheckId::Exam]);
    assert!(
        plan.summary
            .zh
            .contains("暂不能申报的原因不是继续教育，而是：考试"),
        "{}",
        plan.summary.zh
    );
    let eligible = ce_plan(&base("zj-liandu-2024")).unwrap();
    assert_eq!(eligible.outlook, Outlook::NothingNeeded);
    assert_eq!(eligible.summary.zh, "继续教育学时已满足要求，无需补学。");
}

#[test]
fn not_covered_has_no_plan_and_no_path_is_not_judged() {
    let mut p = base("zj-jxt-gaogong-2020");
    p.target.specialty = Some("机械".into());
    let plan = ce_plan(&p).unwrap();
    assert_eq!(
        (plan.outlook, plan.status),
        (Outlook::NotCovered, Status::NotCovered)
    );
    assert!(plan.steps.is_empty() && plan.projected_years.is_empty());
    let mut p = base("zj-liandu-2024");
    p.titles.clear();
    let plan = ce_plan(&p).unwrap();
    assert_eq!(plan.outlook, Outlook::NotJudged);
    assert!(plan.steps.is_empty());
    assert!(
        plan.summary.zh.contains("现任职称不符合"),
        "{}",
        plan.summary.zh
    );
}

#[test]
fn the_later_years_of_the_shared_example() {
    let plan = ce_plan(&example("liandu_2024_professional_hours_short")).unwrap();
    let steps: Vec<(i32, StepKind, String)> = plan
        .steps
        .iter()
        .map(|s| (s.need.year, s.kind, s.need.hours.to_string()))
        .collect();
    assert_eq!(
        steps,
        vec![
            (2024, StepKind::Judged, "12".into()),
            (2025, StepKind::Projected, "90".into()),
            (2026, StepKind::Projected, "90".into()),
        ]
    );
    assert_eq!(plan.earliest_eligible_year, Some(2026));
    assert!(plan.within_reach, "making up 2024 is enough for 2024");
    assert!(
        plan.summary
            .zh
            .contains("若不补足，推算最早 2026 年可以申报"),
        "{}",
        plan.summary.zh
    );
}
