//! 去哪里申报: matching committees by title and specialty words, the schedule, the
//! materials and contacts, and the plain "not in this notice" answers.

use zhicheng_engine::apply::{
    where_to_apply, CommitteeMatch, Committees, Given, SpecialtyMatch, TitleRelation, WhereToApply,
};
use zhicheng_engine::rules::{self, ClauseText, RowKind};
use zhicheng_engine::vocab::Title;

fn answer(id: &str, title: Title, specialty: Option<&str>) -> WhereToApply {
    where_to_apply(id, title, specialty).unwrap_or_else(|| panic!("no answer for {id}"))
}

fn matching(a: &WhereToApply) -> &[CommitteeMatch] {
    match &a.committees {
        Committees::Matching(m) => m,
        other => panic!("expected matching committees, got {other:?}"),
    }
}

fn names(m: &[CommitteeMatch]) -> Vec<&'static str> {
    m.iter().map(|m| m.committee.name).collect()
}

#[test]
fn huzhou_senior_engineer_light_textile_finds_the_second_engineering_committee() {
    let a = answer("zj-huzhou-2021", Title::SeniorEngineer, Some("轻纺"));
    let m = matching(&a);
    let first = &m[0];
    assert_eq!(first.committee.name, "市第二工程专业中级职务评审委员会");
    assert_eq!(first.title, TitleRelation::Recommends);
    assert_eq!(first.specialty, SpecialtyMatch::Matches("轻纺"));
    assert_eq!(first.committee.deadline, Some("6月"));
    assert_eq!(first.committee.contacts[0].phones[0].text, "2033099");
    // Only 市第二工程 both names 轻纺 and recommends 高级工程师; the other rows for the
    // title follow, marked as other specialties.
    assert_eq!(
        m.iter()
            .filter(|m| matches!(m.specialty, SpecialtyMatch::Matches(_)))
            .count(),
        1
    );
    assert!(m[1..]
        .iter()
        .all(|m| m.specialty == SpecialtyMatch::Differs));
    // The CE contact of 工业信息化领域 names 轻纺.
    let ce = a.ce_contacts.given().unwrap();
    let fields: Vec<&str> = ce.matching.iter().map(|c| c.department).collect();
    assert_eq!(fields, ["湖州市经济和信息化局"]);
    assert_eq!(ce.table.rows.len(), 16);
    // Huzhou gives no materials list and no notice-wide schedule.
    assert!(matches!(a.materials, Given::NotInNotice));
    assert!(matches!(a.schedule, Given::NotInNotice));
}

#[test]
fn huzhou_engineer_light_textile_lists_the_trade_associations_after_the_city() {
    let a = answer("zj-huzhou-2021", Title::Engineer, Some("轻纺工程"));
    let m = matching(&a);
    let matched: Vec<u32> = m
        .iter()
        .filter(|m| matches!(m.specialty, SpecialtyMatch::Matches(_)))
        .map(|m| m.committee.no)
        .collect();
    assert_eq!(matched, [10, 13, 36, 38, 40, 44]);
    assert!(m.iter().all(|m| m.title == TitleRelation::Evaluates));
}

#[test]
fn huzhou_senior_economist_finds_the_economics_committee_and_contact() {
    let a = answer("zj-huzhou-2021", Title::SeniorEconomist, None);
    let m = matching(&a);
    assert_eq!(names(m), ["市经济专业中级职务任职评审委员会"]);
    assert_eq!(m[0].specialty, SpecialtyMatch::Unknown);
    let ce = a.ce_contacts.given().unwrap();
    assert_eq!(ce.matching.len(), 1);
    assert_eq!(ce.matching[0].field, "一般公需科目 经济、技工学校");
}

#[test]
fn jxt_materials_finds_the_materials_committee_and_its_deadline() {
    let a = answer(
        "zj-jxt-gaogong-2020",
        Title::SeniorEngineer,
        Some("materials"),
    );
    let m = matching(&a);
    assert_eq!(m.len(), 4);
    assert_eq!(
        m[0].committee.name,
        "省材料工程技术人员高级工程师职务任职资格评审委员会"
    );
    assert_eq!(m[0].specialty, SpecialtyMatch::Matches("材料"));
    assert!(m[1..]
        .iter()
        .all(|m| m.specialty == SpecialtyMatch::Differs));
    let schedule = a.schedule.given().unwrap();
    assert_eq!(schedule.deadline.unwrap().to_string(), "2020-10-10");
    assert!(schedule.text.contains("10月10日"));
    let materials = a.materials.given().unwrap();
    assert_eq!(materials.rows.len(), 12);
    assert_eq!(
        materials.rows.iter().filter(|r| r.filled_by_system).count(),
        5
    );
    assert_eq!(a.contacts.given().unwrap().len(), 2);
    assert!(matches!(a.ce_contacts, Given::NotInNotice));
}

#[test]
fn jxt_specialty_words_match_free_text() {
    let a = answer(
        "zj-jxt-gaogong-2020",
        Title::SeniorEngineer,
        Some("纺织工程"),
    );
    assert_eq!(
        matching(&a)[0].committee.name,
        "省轻纺工程技术人员高级工程师职务任职资格评审委员会"
    );
    let a = answer(
        "zj-jxt-gaogong-2020",
        Title::SeniorEngineer,
        Some("精细化工"),
    );
    assert_eq!(
        matching(&a)[0].committee.name,
        "省石化工程技术人员高级工程师职务任职资格评审委员会"
    );
    // No engineer committee in this notice: said, not guessed.
    let a = answer("zj-jxt-gaogong-2020", Title::Engineer, None);
    assert!(matches!(a.committees, Committees::NoneForTitle));
}

#[test]
fn liandu_assistant_engineer_finds_the_initial_committees() {
    let a = answer("zj-liandu-2024", Title::AssistantEngineer, None);
    let m = matching(&a);
    let nos: Vec<(RowKind, u32)> = m
        .iter()
        .map(|m| (m.committee.kind, m.committee.no))
        .collect();
    let mut want: Vec<(RowKind, u32)> = (1..=9).map(|n| (RowKind::Evaluation, n)).collect();
    want.push((RowKind::InitialDetermination, 1));
    assert_eq!(nos, want);
    assert!(m.iter().all(|m| m.title == TitleRelation::Evaluates));
    assert_eq!(m[0].committee.start, Some("6 月"));

    // With a specialty, the matching committee comes first.
    let a = answer("zj-liandu-2024", Title::AssistantEngineer, Some("水利工程"));
    assert_eq!(
        matching(&a)[0].committee.name,
        "莲都区水利工程技术人员初级专业技术资格评审委员会"
    );
    let a = answer("zj-liandu-2024", Title::Engineer, Some("light_textile"));
    let first = &matching(&a)[0];
    assert_eq!(first.committee.no, 8);
    assert_eq!(first.title, TitleRelation::Recommends);
}

#[test]
fn liandu_senior_engineer_has_no_committee_and_a_note_on_where_to_go() {
    let a = answer("zj-liandu-2024", Title::SeniorEngineer, Some("轻纺"));
    assert!(matches!(a.committees, Committees::NoneForTitle));
    let note = &a.notes[0];
    assert_eq!(note.source.clause, "附件1 注");
    let Some(ClauseText::Quote(text)) = rules::clause(&note.source).map(|c| c.text) else {
        panic!("the note has no quote")
    };
    assert!(text.contains("报送至市各系列（专业）评委会办公室"));
    assert!(matches!(a.materials, Given::NotInNotice));
    assert!(matches!(a.contacts, Given::NotInNotice));
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
    // The one date rule the notice does give.
    let s = a.schedule.given().unwrap();
    assert!(s.text.contains("11月底前完成职称评审工作"));
    assert_eq!(s.deadline, None);
}

#[test]
fn a_profile_gives_its_target() {
    let text = r#"{"format":"zhicheng-profile/1","rule_set":"zj-jxt-gaogong-2020",
      "target":{"series":"engineering","title":"senior_engineer","specialty":"petrochemical"},
      "person":{"birth_date":"1980-01-01","retirement_group":"male","employment":"enterprise"},
      "education":"bachelor","titles":[{"title":"engineer","obtained":"2014-12-01"}]}"#;
    let profile = zhicheng_engine::Profile::from_json(text).unwrap();
    let a = zhicheng_engine::apply::for_profile(&profile).unwrap();
    assert_eq!(matching(&a)[0].committee.no, 4);
}

#[test]
fn unknown_rule_set_gives_none() {
    assert!(where_to_apply("zj-nowhere-2030", Title::Engineer, None).is_none());
}

#[test]
fn blank_specialty_is_no_specialty() {
    let a = answer("zj-huzhou-2021", Title::SeniorEngineer, Some("  "));
    assert!(matching(&a)
        .iter()
        .all(|m| m.specialty == SpecialtyMatch::Unknown));
}
