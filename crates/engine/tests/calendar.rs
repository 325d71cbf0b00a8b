//! The calendar's events (`calendar::calendar`): the likely committees' one-month
//! cells on the month's first day, saying so; cells that are not one month left out
//! with why; the notice's own deadline, carried to a later earliest year as a
//! projection; each open year of the plan's hours; stable, unique UIDs; every event
//! citing its clause; nothing for a target the notice does not cover.

mod support;

use zhicheng_engine::apply::Applicant;
use zhicheng_engine::calendar::{calendar, Calendar, EventKind};
use zhicheng_engine::plan::ce_plan;
use zhicheng_engine::rules::TimeColumn;
use zhicheng_engine::{Date, Profile};

fn base(name: &str) -> Profile {
    let path = support::repo().join(format!("tests/cases/bases/{name}.profile.json"));
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn example(name: &str) -> Profile {
    let path = support::repo().join(format!("tests/examples/{name}.profile.json"));
    Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn cal(p: &Profile) -> Calendar {
    calendar(p, &Applicant::default()).unwrap()
}

fn days(c: &Calendar) -> Vec<(String, EventKind)> {
    c.events
        .iter()
        .map(|e| (e.day.to_string(), e.kind))
        .collect()
}

fn left_out(c: &Calendar) -> String {
    c.left_out
        .iter()
        .map(|n| format!("{}: {}", n.what.zh, n.why.zh))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_likely_committees_months_on_their_first_day() {
    let mut p = base("zj-huzhou-2021");
    p.target.specialty = Some("机械工程".into());
    let c = cal(&p);
    let deadline = EventKind::Committee(TimeColumn::Deadline);
    assert_eq!(
        days(&c),
        [
            ("2021-06-01".into(), deadline),
            ("2021-08-01".into(), deadline)
        ]
    );
    let e = &c.events[0];
    assert!(e.month_only && e.projected_from.is_none());
    assert_eq!(e.uid, "zj-huzhou-2021.2021.t1.r9.deadline@zhicheng");
    assert_eq!(
        (e.source.doc, e.source.clause),
        ("湖人社函〔2021〕57号", "附件1 第9项")
    );
    assert_eq!(
        e.summary.zh,
        "接收材料截止时间：市第一工程专业中级职务评审委员会（6月，仅到月份）"
    );
    assert!(e
        .description
        .zh
        .contains("（湖人社函〔2021〕57号 附件1 第9项）"));
    assert!(e
        .description
        .zh
        .contains("通知只写到月份，日历标在 6 月 1 日"));
    assert!(e.description.en.contains("The notice gives only the month"));
    assert!(c.left_out.is_empty(), "{}", left_out(&c));
}

#[test]
fn cells_of_several_periods_are_left_out_with_why() {
    let mut p = base("zj-huzhou-2021");
    p.target = zhicheng_engine::profile::Target {
        series: zhicheng_engine::vocab::Series::Engineering,
        title: zhicheng_engine::vocab::Title::Technician,
        specialty: Some("机械工程".into()),
    };
    p.titles.clear();
    p.work_start = Some(date("2020-07-01"));
    let graduate = Applicant {
        employer: None,
        graduate: true,
    };
    let c = calendar(&p, &graduate).unwrap();
    assert!(
        left_out(&c).contains("第 29 项 大、中专毕业生初定：接收材料截止时间“4-6月、7-9月、10月-12月各1批次”: 不是单一的月份"),
        "{}",
        left_out(&c)
    );
    // Row 9, likely too, is in.
    assert!(c.events.iter().any(|e| e.uid.contains(".r9.deadline")));
}

#[test]
fn the_notices_deadline_and_its_projection_to_the_earliest_year() {
    let c = cal(&base("zj-jxt-gaogong-2020"));
    assert_eq!(days(&c), [("2020-10-10".into(), EventKind::NoticeDeadline)]);
    let e = &c.events[0];
    assert!(!e.month_only && e.projected_from.is_none());
    assert_eq!(
        (e.source.doc, e.source.clause),
        ("浙经信人事〔2020〕84号", "一")
    );
    assert!(e
        .description
        .zh
        .contains("各地市材料报送截止时间为10月10日”（浙经信人事〔2020〕84号 一）"));

    // Engineer since 2016-12: five years are served in 2021. 2020 is out of reach;
    // 2021's date is the notice's, carried, and its hours are due.
    let mut p = base("zj-jxt-gaogong-2020");
    p.titles[0].obtained = date("2016-12-01");
    let plan = ce_plan(&p).unwrap();
    assert_eq!(plan.earliest_eligible_year, Some(2021));
    assert!(!plan.within_reach);
    let c = cal(&p);
    assert_eq!(
        days(&c),
        [
            ("2021-10-10".into(), EventKind::NoticeDeadline),
            ("2021-12-31".into(), EventKind::HoursDue),
        ]
    );
    let e = &c.events[0];
    assert_eq!(e.projected_from, Some(2020));
    assert_eq!(
        e.summary.zh,
        "职称申报材料报送截止（2021 年，按 2020 年通知推算）"
    );
    assert!(e
        .description
        .zh
        .contains("推算：按 2020 年通知的时间推到 2021 年"));
    assert!(
        left_out(&c).contains("2020 年的申报时间: 2020 年暂不能申报：任职年限不符合"),
        "{}",
        left_out(&c)
    );
}

#[test]
fn the_plans_open_years_are_events_and_past_ones_are_left_out() {
    let c = cal(&example("liandu_2024_professional_hours_short"));
    let hours: Vec<_> = c
        .events
        .iter()
        .map(|e| (e.day.to_string(), e.kind, e.summary.zh.as_str()))
        .collect();
    assert_eq!(
        hours,
        [
            (
                "2024-12-31".into(),
                EventKind::HoursDue,
                "2024 年继续教育学时截止：还需 12 学时"
            ),
            (
                "2025-12-31".into(),
                EventKind::HoursDue,
                "2025 年继续教育学时截止：还需 90 学时"
            ),
            (
                "2026-12-31".into(),
                EventKind::HoursDue,
                "2026 年继续教育学时截止：还需 90 学时"
            ),
        ]
    );
    assert!(c.events[0]
        .description
        .zh
        .contains("（莲人社〔2024〕42号 五（一）"));
    // zj-jxt-gaogong-2020, 2019 short, judged in 2020: over, so not in the calendar.
    let c = cal(&example("jxt_2019_online_hours_over_cap"));
    assert!(c.events.is_empty());
    assert!(
        left_out(&c).contains("2019 年继续教育学时: 截止日 2019-12-31 已过"),
        "{}",
        left_out(&c)
    );
}

#[test]
fn no_committee_no_date_no_plan_each_said() {
    // zj-liandu-2024 has no committee for 高级工程师: where-to-apply's words.
    let c = cal(&example("liandu_senior_engineer_eligible"));
    assert!(c.events.is_empty());
    assert!(
        left_out(&c).starts_with("评委会的申报时间: 区里没有评审或推荐这一职称的评委会"),
        "{}",
        left_out(&c)
    );
    // sx-2020: a schedule with no date, and no committees.
    let c = cal(&base("sx-2020"));
    let said = left_out(&c);
    assert!(
        said.contains("通知的时间安排: 通知只写明“应在11月底前完成职称评审工作"),
        "{said}"
    );
    assert!(
        said.contains("评委会的申报时间: 本通知没有列出评审委员会"),
        "{said}"
    );
    // Not covered: nothing at all.
    let mut p = base("zj-jxt-gaogong-2020");
    p.target.specialty = Some("机械".into());
    let c = cal(&p);
    assert!(c.events.is_empty());
    assert!(left_out(&c).starts_with("全部日程"), "{}", left_out(&c));
}

#[test]
fn uids_are_stable_and_unique_and_every_event_cites_its_clause() {
    let mut checked = 0;
    for case in support::all() {
        let Ok(p) = Profile::from_json(&case.profile) else {
            continue;
        };
        let Ok(c) = calendar(&p, &Applicant::default()) else {
            continue;
        };
        assert_eq!(
            c,
            calendar(&p, &Applicant::default()).unwrap(),
            "{}",
            case.label()
        );
        let mut uids: Vec<&str> = c.events.iter().map(|e| e.uid.as_str()).collect();
        uids.sort_unstable();
        uids.dedup();
        assert_eq!(uids.len(), c.events.len(), "{}", case.label());
        for e in &c.events {
            let clause = format!("{} {}", e.source.doc, e.source.clause);
            assert!(
                e.description.zh.contains(&clause),
                "{}: {}",
                case.label(),
                e.description.zh
            );
            assert!(
                e.description.en.contains(&clause),
                "{}: {}",
                case.label(),
                e.description.en
            );
            assert!(e.uid.is_ascii() && e.uid.ends_with("@zhicheng"));
        }
        assert!(
            c.events.windows(2).all(|w| w[0].day <= w[1].day),
            "{}",
            case.label()
        );
        checked += 1;
    }
    assert!(checked > 100);
}
