//! Invariants over generated profiles (proptest).
//!
//! - evaluation never panics and is deterministic;
//! - more CE hours never make a compliant year non-compliant, nor a passing `ce_hours` fail;
//! - a later reference date never turns a failed retirement check into a pass;
//! - a profile written as JSON reads back the same;
//! - the JSON reader never panics on any text;
//! - `SortedMap` and `SortedSet` answer as `BTreeMap` and `BTreeSet` under any operations.

use proptest::prelude::*;
use zhicheng_engine::profile::{
    CeRecord, FraudFinding, HeldTitle, PassedExam, Person, Sanction, Target,
};
use zhicheng_engine::vocab::{
    Assessment, CeCategory, Education, Employment, Exam, RetirementGroup, SanctionKind, Series,
    Title,
};
use zhicheng_engine::{evaluate, CheckId, CheckStatus, Date, Hours, Profile};

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

fn date(from: i32, to: i32) -> impl Strategy<Value = Date> {
    (from..=to, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        // Clamp to an existing day.
        (0..4)
            .find_map(|k| Date::new(y, m, d - k.min(d - 1)))
            .expect("day 28 always exists")
    })
}

fn ce_record() -> impl Strategy<Value = CeRecord> {
    (
        2010..=2030i32,
        pick(CeCategory::ALL),
        1i64..=900,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(year, category, tenths, online, ar)| CeRecord {
            year,
            category,
            hours: Hours::from_tenths(tenths),
            online,
            authority_recognized: ar,
            note: None,
        })
}

const RULE_SETS: &[(&str, i32)] = &[
    ("zj-liandu-2024", 2024),
    ("zj-huzhou-2021", 2021),
    ("zj-jxt-gaogong-2020", 2020),
    ("sx-2020", 2020),
];
const TARGETS: &[Title] = &[
    Title::Technician,
    Title::AssistantEngineer,
    Title::Engineer,
    Title::SeniorEngineer,
    Title::ProfessorateSeniorEngineer,
    Title::SeniorEconomist,
];
const SPECIALTIES: &[Option<&str>] = &[None, Some("materials"), Some("energy"), Some("chemistry")];

prop_compose! {
    fn profile()(
        (rule_set, year) in pick(RULE_SETS),
        projection in 0..=5i32,
        use_projection in any::<bool>(),
        title in pick(TARGETS),
        specialty in pick(SPECIALTIES),
        reference in proptest::option::of(date(2015, 2030)),
        exceptional in any::<bool>(),
        birth in date(1955, 2000),
        group in pick(RetirementGroup::ALL),
        employment in pick(Employment::ALL),
        flags in proptest::array::uniform5(any::<bool>()),
        education in pick(Education::ALL),
        work_start in proptest::option::of(date(1975, 2024)),
        titles in proptest::collection::vec((pick(Title::ALL), date(1990, 2020)), 0..4),
        assessments in proptest::collection::btree_map(2005..=2025i32, pick(Assessment::ALL), 0..4),
        sanctions in proptest::collection::vec((pick(SanctionKind::ALL), date(2015, 2026), any::<bool>()), 0..3),
        fraud in proptest::collection::vec(2010..=2026i32, 0..2),
        exams in proptest::collection::vec(proptest::option::of(2015..=2030i32), 0..2),
        ce_records in proptest::collection::vec(ce_record(), 0..40),
    ) -> Profile {
        Profile {
            rule_set: rule_set.to_string(),
            evaluation_year: use_projection.then_some(year + projection),
            target: Target {
                series: if title == Title::SeniorEconomist { Series::Economics } else { Series::Engineering },
                title,
                specialty: specialty.map(str::to_string),
            },
            reference_date: reference,
            exceptional,
            person: Person {
                birth_date: birth,
                retirement_group: group,
                employment,
                retired: flags[0] && flags[1] && flags[2],
                in_technical_post: flags[1] || flags[3],
                profession_matches: flags[2] || flags[4],
                post_wage_paid: flags[3],
                moved_from_government_organ: flags[4],
            },
            education,
            work_start,
            titles: titles.into_iter().map(|(title, obtained)| HeldTitle { title, obtained }).collect(),
            assessments: assessments.into_iter().collect(),
            sanctions: sanctions.into_iter().map(|(kind, effective, as_public_official)| Sanction { kind, effective, as_public_official }).collect(),
            fraud_findings: fraud.into_iter().map(|evaluation_year| FraudFinding { evaluation_year }).collect(),
            exams: exams.into_iter().map(|year| PassedExam { exam: Exam::SeniorEconomist, year }).collect(),
            ce_records,
        }
    }
}

fn status_of(v: &zhicheng_engine::Verdict, id: CheckId) -> Option<CheckStatus> {
    v.check(id).map(|c| c.status)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_is_deterministic_and_total(p in profile()) {
        let a = evaluate(&p);
        let b = evaluate(&p);
        prop_assert_eq!(&a, &b);
        if let Ok(v) = a {
            prop_assert!(v.checks.iter().all(|c| !c.citations.is_empty()), "every check cites a source");
            prop_assert!(v.checks.iter().all(|c| !c.message.is_empty() && !c.message_en.is_empty()));
            let years: Vec<i32> = v.ce_years.iter().map(|y| y.year).collect();
            prop_assert!(years.windows(2).all(|w| w[0] < w[1]), "ce_years ascending");
            if let Some(z) = v.earliest_eligible_year {
                prop_assert!((v.evaluation_year..=v.evaluation_year + 10).contains(&z));
            }
        }
    }

    #[test]
    fn more_hours_never_hurt(p in profile(), extra in ce_record()) {
        let Ok(before) = evaluate(&p) else { return Ok(()) };
        let mut more = p.clone();
        more.ce_records.push(extra);
        let after = evaluate(&more).expect("adding hours keeps the profile valid");
        for y in &before.ce_years {
            if y.compliant {
                let same = after.ce_years.iter().find(|a| a.year == y.year).expect("the same years are listed");
                prop_assert!(same.compliant, "year {} became non-compliant", y.year);
            }
        }
        if status_of(&before, CheckId::CeHours) == Some(CheckStatus::Pass) {
            prop_assert_eq!(status_of(&after, CheckId::CeHours), Some(CheckStatus::Pass));
        }
    }

    #[test]
    fn a_later_reference_date_never_undoes_a_retirement_failure(p in profile(), days in 1i32..=2000) {
        let Ok(before) = evaluate(&p) else { return Ok(()) };
        if status_of(&before, CheckId::Retirement) != Some(CheckStatus::Fail) {
            return Ok(());
        }
        let mut later = p.clone();
        let r = before.reference_date;
        later.reference_date = Some(r.add_months(days / 30).max(r));
        let after = evaluate(&later).expect("still valid");
        prop_assert_eq!(status_of(&after, CheckId::Retirement), Some(CheckStatus::Fail));
    }

    #[test]
    fn profiles_round_trip_through_json(p in profile()) {
        let back = Profile::from_json(&p.to_json()).expect("written JSON reads back");
        prop_assert_eq!(&back, &p);
        let pretty = Profile::from_json(&p.to_json_pretty()).expect("pretty JSON reads back");
        prop_assert_eq!(&pretty, &p);
    }

    #[test]
    fn reading_never_panics(text in ".{0,400}") {
        let _ = zhicheng_engine::check_json(&text);
    }

    #[test]
    fn reading_mutated_profiles_never_panics(p in profile(), cut in 0usize..2000, junk in "[\\[\\]{}\",:0-9a-z.-]{0,8}") {
        let text = p.to_json();
        let cut = cut.min(text.len());
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let mutated = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = zhicheng_engine::check_json(&mutated);
    }
}

/// One operation on a map, for comparing `SortedMap` with `BTreeMap`.
#[derive(Debug, Clone)]
enum MapOp {
    Insert(i8, u8),
    Remove(i8),
    GetOrDefault(i8),
}

fn map_op() -> impl Strategy<Value = MapOp> {
    prop_oneof![
        (any::<i8>(), any::<u8>()).prop_map(|(k, v)| MapOp::Insert(k, v)),
        any::<i8>().prop_map(MapOp::Remove),
        any::<i8>().prop_map(MapOp::GetOrDefault),
    ]
}

proptest! {
    #[test]
    fn sorted_maps_answer_as_btree_maps(ops in proptest::collection::vec(map_op(), 0..200), probe in any::<i8>()) {
        use std::collections::{BTreeMap, BTreeSet};
        use zhicheng_engine::sorted::{SortedMap, SortedSet};
        let mut ours: SortedMap<i8, u8> = SortedMap::new();
        let mut std_map: BTreeMap<i8, u8> = BTreeMap::new();
        let mut our_set: SortedSet<i8> = SortedSet::new();
        let mut std_set: BTreeSet<i8> = BTreeSet::new();
        for op in &ops {
            match *op {
                MapOp::Insert(k, v) => {
                    prop_assert_eq!(ours.insert(k, v), std_map.insert(k, v));
                    prop_assert_eq!(our_set.insert(k), std_set.insert(k));
                }
                MapOp::Remove(k) => {
                    prop_assert_eq!(ours.remove(&k), std_map.remove(&k));
                    prop_assert_eq!(our_set.remove(&k), std_set.remove(&k));
                }
                MapOp::GetOrDefault(k) => {
                    let ours = ours.get_or_default(k);
                    *ours = ours.wrapping_add(1);
                    let theirs = std_map.entry(k).or_default();
                    *theirs = theirs.wrapping_add(1);
                }
            }
        }
        prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std_map.iter().collect::<Vec<_>>());
        prop_assert_eq!(ours.len(), std_map.len());
        prop_assert_eq!(ours.get(&probe), std_map.get(&probe));
        prop_assert_eq!(ours.contains_key(&probe), std_map.contains_key(&probe));
        prop_assert_eq!(ours.first_key_value(), std_map.first_key_value());
        prop_assert_eq!(ours.last_key_value(), std_map.last_key_value());
        prop_assert_eq!(format!("{ours:?}"), format!("{std_map:?}"));
        prop_assert_eq!(our_set.iter().collect::<Vec<_>>(), std_set.iter().collect::<Vec<_>>());
        prop_assert_eq!(our_set.contains(&probe), std_set.contains(&probe));
        let pairs: Vec<(i8, u8)> = ops.iter().filter_map(|op| match *op { MapOp::Insert(k, v) => Some((k, v)), _ => None }).collect();
        let collected: SortedMap<i8, u8> = pairs.iter().copied().collect();
        let std_collected: BTreeMap<i8, u8> = pairs.iter().copied().collect();
        prop_assert_eq!(collected.into_iter().collect::<Vec<_>>(), std_collected.into_iter().collect::<Vec<_>>());
    }
}
