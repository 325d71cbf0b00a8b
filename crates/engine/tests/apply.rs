//! 去哪里申报: committees ranked as the notices intend — by title, by specialty words
//! (the person's own, through the specialty vocabulary), by each row's restrictions
//! and exclusions — and the schedule, materials, contacts and the plain "not in this
//! notice" answers.

use zhicheng_engine::apply::report::{summary, why, WhereReport};
use zhicheng_engine::apply::{
    where_to_apply, Applicant, CommitteeMatch, Committees, Given, MatchClass, Reach, Relation,
    SpecialtyMatch, WhereToApply,
};
use zhicheng_engine::rules::{self, RestrictionKind, RowKind};
use zhicheng_engine::vocab::Title;

fn answer_as(id: &str, title: Title, specialty: Option<&str>, who: Applicant) -> WhereToApply {
    where_to_apply(id, title, specialty, &who).unwrap_or_else(|| panic!("no answer for {id}"))
}

fn answer(id: &str, title: Title, specialty: Option<&str>) -> WhereToApply {
    answer_as(id, title, specialty, Applicant::default())
}

fn ranked(a: &WhereToApply) -> &[CommitteeMatch] {
    match &a.committees {
        Committees::Ranked(m) => m,
        other => panic!("expected ranked committees, got {other:?}"),
    }
}

/// (序号, match) in the order shown.
fn order(a: &WhereToApply) -> Vec<(u32, MatchClass)> {
    ranked(a)
        .iter()
        .map(|m| (m.committee.no, m.class))
        .collect()
}

fn row(a: &WhereToApply, no: u32) -> &CommitteeMatch {
    ranked(a)
        .iter()
        .find(|m| m.committee.no == no && m.committee.kind == RowKind::Evaluation)
        .unwrap_or_else(|| panic!("row {no} is not listed"))
}

fn employer(e: &str) -> Applicant<'_> {
    Applicant {
        employer: Some(e),
        graduate: false,
    }
}

const GRADUATE: Applicant = Applicant {
    employer: None,
    graduate: true,
};

// ───────────── the three people of the issue ─────────────

#[test]
fn huzhou_mechanical_engineer_sees_the_city_committee_first_not_two_companies() {
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("机械工程"));
    let o = order(&a);
    // 市第一工程 (机电工程) and 市企业创新型人才 (机电制造工程) through 机械 ~ 机电.
    assert_eq!(o[0], (9, MatchClass::Likely));
    assert_eq!(o[1], (13, MatchClass::Likely));
    // The two companies' own committees name 机械工程 but only for their own staff.
    assert_eq!(
        &o[2..4],
        [(41, MatchClass::Restricted), (42, MatchClass::Restricted)]
    );
    assert!(matches!(
        row(&a, 9).specialty,
        SpecialtyMatch::Reached(Reach::Linked {
            word: "机械",
            means: "机电",
            ..
        })
    ));
    assert_eq!(a.likely().unwrap().committee.no, 9);
    assert!(summary(&a).zh.contains("第 9 项"));
}

#[test]
fn disaster_prevention_engineer_is_not_sent_to_a_committee_that_excludes_it() {
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("防灾减灾"));
    let nine = row(&a, 9);
    assert_eq!(nine.class, MatchClass::Excluded);
    assert_eq!(nine.exclusion.unwrap().text, "防灾减灾(初、中级除外)");
    assert_eq!(order(&a).last(), Some(&(9, MatchClass::Excluded)));
    assert!(a.likely().is_none());
    assert!(ranked(&a).iter().all(|m| m.class != MatchClass::Likely));
    let s = summary(&a).zh;
    assert!(s.contains("没有评审“防灾减灾”专业工程师的评委会"), "{s}");
    assert!(s.contains("防灾减灾(初、中级除外)"), "{s}");
    // 附件2 names the department of the field.
    assert!(s.contains("湖州市应急管理局"), "{s}");
    assert!(why(nine, Title::Engineer)
        .en
        .contains("leave your specialty out"));
    // The exclusion is for 初级 and 中级 only: the committee recommends senior titles.
    let a = answer("zj-huzhou-2021", Title::SeniorEngineer, Some("防灾减灾"));
    assert_eq!(order(&a)[0], (9, MatchClass::Likely));
    assert_eq!(row(&a, 9).relation, Relation::Recommends);
}

#[test]
fn liandu_senior_engineer_is_sent_where_the_notice_sends_them() {
    let a = answer("zj-liandu-2024", Title::SeniorEngineer, Some("轻纺工程"));
    let Committees::NoneForTitle(Some(e)) = &a.committees else {
        panic!("expected the notice's route, got {:?}", a.committees)
    };
    assert_eq!(e.source.clause, "附件1 注");
    assert!(e.text.contains("报送至市各系列（专业）评委会办公室"));
    assert!(summary(&a).zh.contains("附件1注"));
    let report = WhereReport::new(&a, None, false);
    assert_eq!(report.plan, "none_for_title");
    assert!(report.committees.is_empty());
    assert!(report.elsewhere.is_some());
    assert!(matches!(a.materials, Given::NotInNotice));
    assert!(matches!(a.contacts, Given::NotInNotice));
}

// ───────────── one test per restriction kind ─────────────

#[test]
fn company_rows_are_restricted_until_the_employer_fits() {
    let a = answer_as(
        "zj-huzhou-2021",
        Title::Engineer,
        Some("机械工程"),
        employer("浙江三一装备有限公司"),
    );
    // Said to work there: the company's own committee first; the other company's stays
    // restricted.
    assert_eq!(order(&a)[0], (42, MatchClass::Likely));
    assert!(row(&a, 42).restriction.unwrap().fits);
    assert_eq!(row(&a, 41).class, MatchClass::Restricted);
    assert_eq!(row(&a, 9).class, MatchClass::Likely);
    assert!(why(row(&a, 42), Title::Engineer)
        .zh
        .contains("你的工作单位"));
    // Another company of the same group does not fit.
    let a = answer_as(
        "zj-huzhou-2021",
        Title::Engineer,
        Some("机械"),
        employer("三一重工"),
    );
    assert_eq!(row(&a, 42).class, MatchClass::Restricted);
    assert_eq!(
        row(&a, 42).restriction.unwrap().restriction.kind,
        RestrictionKind::Company
    );
}

#[test]
fn trade_rows_need_the_trade_and_the_county_they_name() {
    let in_county = answer_as(
        "zj-huzhou-2021",
        Title::Engineer,
        Some("纺织"),
        employer("长兴某某纺织有限公司"),
    );
    assert_eq!(order(&in_county)[0], (38, MatchClass::Likely));
    let elsewhere = answer_as(
        "zj-huzhou-2021",
        Title::Engineer,
        Some("纺织"),
        employer("吴兴某某纺织有限公司"),
    );
    assert_eq!(row(&elsewhere, 38).class, MatchClass::Restricted);
    let r = row(&elsewhere, 38).restriction.unwrap();
    assert_eq!(r.restriction.kind, RestrictionKind::Trade);
    assert_eq!(r.restriction.region, ["长兴"]);
    // Without an employer, the city committee for 轻纺 comes first.
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("纺织"));
    assert_eq!(order(&a)[0], (10, MatchClass::Likely));
}

#[test]
fn graduates_rows_never_come_first_unless_the_person_says_so() {
    // A specialty no row names: the 初定 row does not rank first (it used to).
    let a = answer("zj-liandu-2024", Title::Engineer, Some("考古"));
    let o = order(&a);
    assert!(o[..o.len() - 1]
        .iter()
        .all(|(_, c)| *c == MatchClass::Other));
    let last = ranked(&a).last().unwrap();
    assert_eq!(last.committee.kind, RowKind::InitialDetermination);
    assert_eq!(last.class, MatchClass::Restricted);
    assert_eq!(last.relation, Relation::InitialDetermination);
    // Said to be a new graduate asking for 初定: it comes first.
    let a = answer_as("zj-liandu-2024", Title::AssistantEngineer, None, GRADUATE);
    let first = &ranked(&a)[0];
    assert_eq!(first.committee.kind, RowKind::InitialDetermination);
    assert_eq!(first.class, MatchClass::Likely);
    // 初定 does not give senior titles.
    let a = answer_as("zj-huzhou-2021", Title::SeniorEngineer, None, GRADUATE);
    assert!(ranked(&a).iter().all(|m| m.committee.no != 29));
}

#[test]
fn exclusions_of_a_whole_row_hold_for_every_title() {
    // 附件1 第29项: 经济 and the like are not given an initial title.
    let a = answer_as(
        "zj-huzhou-2021",
        Title::AssistantEngineer,
        Some("经济"),
        GRADUATE,
    );
    let initial = ranked(&a).iter().find(|m| m.committee.no == 29).unwrap();
    assert_eq!(initial.class, MatchClass::Excluded);
}

// ───────────── the specialty vocabulary ─────────────

/// Every word of every link reaches the rows that name what it means: for each plan
/// row with a specialty word a link leads to, and each title the row serves, a
/// person who writes the link's word sees the row as theirs (likely, or restricted
/// to the people it names), never as another specialty's.
#[test]
fn every_link_word_reaches_the_rows_of_what_it_means() {
    let mut checked = 0;
    for plan in rules::plans() {
        for table in plan.committees {
            for c in table.rows {
                let titles = c.titles_evaluated.iter().chain(c.titles_recommended);
                for &title in titles {
                    for link in rules::specialty_links() {
                        if !link.means.iter().any(|m| c.specialties.contains(m)) {
                            continue;
                        }
                        for word in link.words {
                            let a = answer(plan.rule_set, title, Some(word));
                            let m = ranked(&a)
                                .iter()
                                .find(|m| std::ptr::eq(m.committee, c))
                                .unwrap();
                            assert!(
                                matches!(
                                    m.class,
                                    MatchClass::Likely
                                        | MatchClass::Restricted
                                        | MatchClass::Excluded
                                ),
                                "{} row {} for {title:?}: “{word}” gives {:?}",
                                plan.rule_set,
                                c.no,
                                m.class
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} pairs checked");
}

#[test]
fn environmental_protection_goes_to_the_ecology_committee_not_a_company() {
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("环保工程"));
    assert_eq!(order(&a)[0], (10, MatchClass::Likely));
    assert_eq!(row(&a, 43).class, MatchClass::Restricted);
}

#[test]
fn clothing_and_textiles_reach_light_textile() {
    for word in ["服装设计", "纺织工程", "丝绸"] {
        let a = answer("zj-jxt-gaogong-2020", Title::SeniorEngineer, Some(word));
        assert_eq!(ranked(&a)[0].committee.no, 3, "{word}");
        assert_eq!(ranked(&a)[0].class, MatchClass::Likely, "{word}");
    }
    let a = answer(
        "zj-jxt-gaogong-2020",
        Title::SeniorEngineer,
        Some("精细化工"),
    );
    assert_eq!(ranked(&a)[0].committee.no, 4);
}

#[test]
fn a_direct_word_ranks_before_a_linked_one_and_longer_words_first() {
    // 信息技术 is row 13's own word; row 3 (快递) names only 信息.
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("信息技术"));
    assert_eq!(order(&a)[0], (13, MatchClass::Likely));
    // 轻纺 itself: the city committees before the trades, which are restricted.
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("轻纺工程"));
    let likely: Vec<u32> = ranked(&a)
        .iter()
        .filter(|m| m.class == MatchClass::Likely)
        .map(|m| m.committee.no)
        .collect();
    assert_eq!(likely, [10, 13]);
    let restricted: Vec<u32> = ranked(&a)
        .iter()
        .filter(|m| m.class == MatchClass::Restricted)
        .map(|m| m.committee.no)
        .collect();
    assert_eq!(restricted, [36, 38, 40, 44, 29]);
}

// ───────────── the rest of the answer ─────────────

#[test]
fn huzhou_senior_engineer_light_textile_finds_the_second_engineering_committee() {
    let a = answer("zj-huzhou-2021", Title::SeniorEngineer, Some("轻纺"));
    let first = &ranked(&a)[0];
    assert_eq!(first.committee.name, "市第二工程专业中级职务评审委员会");
    assert_eq!(first.relation, Relation::Recommends);
    assert_eq!(
        first.specialty,
        SpecialtyMatch::Reached(Reach::Direct("轻纺"))
    );
    assert_eq!(first.committee.deadline, Some("6月"));
    assert_eq!(first.committee.contacts[0].phones[0].text, "2033099");
    assert!(ranked(&a)[1..].iter().all(|m| m.class == MatchClass::Other));
    // The CE contact of 工业信息化领域 names 轻纺.
    let ce = a.ce_contacts.given().unwrap();
    let fields: Vec<&str> = ce.matching.iter().map(|c| c.department).collect();
    assert_eq!(fields, ["湖州市经济和信息化局"]);
    assert_eq!(ce.table.rows.len(), 16);
    assert!(matches!(a.materials, Given::NotInNotice));
    assert!(matches!(a.schedule, Given::NotInNotice));
    // 二（二）: where the hours are registered.
    let reg = a.ce_registration.given().unwrap();
    assert_eq!(reg[0].system, "湖州市专业技术人员继续教育学时登记管理系统");
}

#[test]
fn huzhou_senior_economist_finds_the_economics_committee_for_any_specialty() {
    for specialty in [None, Some("工商管理")] {
        let a = answer("zj-huzhou-2021", Title::SeniorEconomist, specialty);
        assert_eq!(order(&a), [(17, MatchClass::Likely)]);
        assert_eq!(ranked(&a)[0].specialty, SpecialtyMatch::WholeSeries);
    }
    let a = answer("zj-huzhou-2021", Title::SeniorEconomist, None);
    let ce = a.ce_contacts.given().unwrap();
    assert_eq!(ce.matching.len(), 1);
    assert_eq!(ce.matching[0].field, "一般公需科目 经济、技工学校");
}

#[test]
fn jxt_materials_and_the_graduates_before_2001() {
    let a = answer(
        "zj-jxt-gaogong-2020",
        Title::SeniorEngineer,
        Some("materials"),
    );
    let m = ranked(&a);
    assert_eq!(m.len(), 4);
    assert_eq!(m[0].committee.no, 2);
    assert_eq!(
        m[0].specialty,
        SpecialtyMatch::Reached(Reach::Direct("材料"))
    );
    assert!(m[1..].iter().all(|m| m.class == MatchClass::Other));
    let schedule = a.schedule.given().unwrap();
    assert_eq!(schedule.deadline.unwrap().to_string(), "2020-10-10");
    let materials = a.materials.given().unwrap();
    assert_eq!(materials.rows.len(), 12);
    assert_eq!(
        materials.rows.iter().filter(|r| r.filled_by_system).count(),
        5
    );
    // 三（四）: graduates before 2001 upload their registration form; it completes row 4.
    let c = &materials.conditional[0];
    assert_eq!(c.item, "2001年之前毕业的请提供《高校毕业生登记表》扫描件");
    assert_eq!(c.amends, Some(4));
    assert_eq!(c.source.clause, "三（四）");
    // 三（一）: publicity at the employer.
    assert!(a.notes.iter().any(|n| n.source.clause == "三（一） 公示"));
    assert_eq!(a.contacts.given().unwrap().len(), 2);
    assert!(matches!(a.ce_contacts, Given::NotInNotice));
    assert_eq!(a.ce_registration.given().unwrap().len(), 2);
    // No engineer committee in this notice: said, not guessed.
    let a = answer("zj-jxt-gaogong-2020", Title::Engineer, None);
    assert!(matches!(a.committees, Committees::NoneForTitle(None)));
}

#[test]
fn liandu_assistant_engineer_finds_the_district_committees() {
    let a = answer("zj-liandu-2024", Title::AssistantEngineer, None);
    let nos: Vec<(RowKind, u32, MatchClass)> = ranked(&a)
        .iter()
        .map(|m| (m.committee.kind, m.committee.no, m.class))
        .collect();
    let mut want: Vec<(RowKind, u32, MatchClass)> = (1..=9)
        .map(|n| (RowKind::Evaluation, n, MatchClass::Possible))
        .collect();
    want.push((RowKind::InitialDetermination, 1, MatchClass::Restricted));
    assert_eq!(nos, want);
    let a = answer("zj-liandu-2024", Title::AssistantEngineer, Some("水利工程"));
    assert_eq!(order(&a)[0], (4, MatchClass::Likely));
    let a = answer("zj-liandu-2024", Title::Engineer, Some("light_textile"));
    let first = &ranked(&a)[0];
    assert_eq!(first.committee.no, 8);
    assert_eq!(first.relation, Relation::Recommends);
    let reg = a.ce_registration.given().unwrap();
    assert_eq!(reg[0].system, "丽水市专业技术人员继续教育学时管理登记系统");
}

#[test]
fn shanxi_answers_no_plan() {
    let a = answer("sx-2020", Title::SeniorEngineer, None);
    let Committees::NoPlan(no_plan) = &a.committees else {
        panic!("expected no plan, got {:?}", a.committees)
    };
    assert!(no_plan.summary.contains("没有列出评审委员会"));
    assert_eq!(no_plan.source.clause, "三（一）");
    assert!(matches!(a.materials, Given::NotInNotice));
    assert!(matches!(a.contacts, Given::NotInNotice));
    assert!(matches!(a.ce_contacts, Given::NotInNotice));
    assert!(matches!(a.ce_registration, Given::NotInNotice));
    let s = a.schedule.given().unwrap();
    assert!(s.text.contains("11月底前完成职称评审工作"));
    assert_eq!(s.deadline, None);
    assert_eq!(WhereReport::new(&a, None, false).plan, "no_plan");
}

#[test]
fn a_profile_gives_its_target() {
    let text = r#"{"format":"zhicheng-profile/1","rule_set":"zj-jxt-gaogong-2020",
      "target":{"series":"engineering","title":"senior_engineer","specialty":"petrochemical"},
      "person":{"birth_date":"1980-01-01","retirement_group":"male","employment":"enterprise"},
      "education":"bachelor","titles":[{"title":"engineer","obtained":"2014-12-01"}]}"#;
    let profile = zhicheng_engine::Profile::from_json(text).unwrap();
    let a = zhicheng_engine::apply::for_profile(&profile, &Applicant::default()).unwrap();
    assert_eq!(ranked(&a)[0].committee.no, 4);
}

#[test]
fn unknown_rule_set_gives_none() {
    assert!(where_to_apply(
        "zj-nowhere-2030",
        Title::Engineer,
        None,
        &Applicant::default()
    )
    .is_none());
}

#[test]
fn blank_specialty_is_no_specialty() {
    let a = answer("zj-huzhou-2021", Title::SeniorEngineer, Some("  "));
    assert!(ranked(&a)
        .iter()
        .all(|m| m.specialty == SpecialtyMatch::NotGiven));
    assert!(ranked(&a).iter().all(|m| m.class == MatchClass::Possible));
}

#[test]
fn the_report_has_every_committee_in_the_order_shown_with_why_in_both_languages() {
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("机械工程"));
    let r = WhereReport::new(&a, None, false);
    assert_eq!(r.format, "zhicheng-where/1");
    assert_eq!(r.committees.len(), ranked(&a).len());
    for (out, m) in r.committees.iter().zip(ranked(&a)) {
        assert_eq!(out.row, m.committee.no);
        assert_eq!(out.class, m.class.as_str());
        assert!(!out.why_zh.is_empty() && !out.why_en.is_empty());
        assert!(!out.why_zh.contains('\n') && !out.why_en.contains('\n'));
    }
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["committees"][0]["match"], "likely");
    assert_eq!(json["committees"][2]["restriction"]["kind"], "company");
}
