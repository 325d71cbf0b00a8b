//! The HR export (`roster::row_for`): a profile written as one roster row reads back
//! into the same profile, for every shared example and every base of tests/cases (and
//! every other case profile, up to what the export leaves out by design: CE notes, a
//! title given twice); rows of different people share one header and append into one
//! roster.

#[path = "../../engine/tests/support/mod.rs"]
mod support;

use zhicheng_engine::{evaluate, Profile};
use zhicheng_formats::roster::{export_file, export_header, row_for, Field, Roster};

/// What the export keeps: CE records without notes, each title once at its earliest
/// date, in the roster's column order.
fn kept(p: &Profile) -> Profile {
    let mut p = p.clone();
    for r in &mut p.ce_records {
        r.note = None;
    }
    let held: Vec<_> = Field::ALL
        .iter()
        .filter_map(|f| f.obtained_title())
        .filter_map(|t| {
            p.title_obtained(t)
                .map(|obtained| zhicheng_engine::profile::HeldTitle { title: t, obtained })
        })
        .collect();
    p.titles = held;
    p
}

/// The profiles read back from a roster text.
fn read_back(text: &str) -> Vec<(String, String, Profile)> {
    Roster::read(text)
        .unwrap()
        .map(|e| {
            let profile = e
                .profile
                .unwrap_or_else(|err| panic!("line {}: {}", e.line, err.one_line()));
            (e.person_id, e.name, profile)
        })
        .collect()
}

fn round_trip(label: &str, p: &Profile) -> Profile {
    let text = export_file(p, "A001", "张三");
    let back = read_back(&text);
    assert_eq!(back.len(), 1, "{label}");
    let (id, name, profile) = back.into_iter().next().unwrap();
    assert_eq!((id.as_str(), name.as_str()), ("A001", "张三"), "{label}");
    profile
}

#[test]
fn every_example_and_base_reads_back_the_same() {
    let mut checked = 0;
    let mut profiles: Vec<(String, String)> = support::or_panic(support::pairs("tests/examples"))
        .into_iter()
        .map(|c| (c.label(), c.profile))
        .collect();
    for (name, (file, json)) in support::or_panic(support::bases("tests/cases")) {
        profiles.push((format!("{file} ({name})"), json.to_text()));
    }
    for (label, text) in profiles {
        let p = Profile::from_json(&text).unwrap();
        assert_eq!(kept(&p), p, "{label}: nothing to leave out");
        assert_eq!(round_trip(&label, &p), p, "{label}");
        checked += 1;
    }
    assert_eq!(checked, 5 + 6);
}

#[test]
fn every_case_profile_reads_back_to_the_same_verdict() {
    let mut checked = 0;
    for case in support::all() {
        // Profiles the engine takes (the roster refuses the others on their column).
        let Some(p) = Profile::from_json(&case.profile)
            .ok()
            .filter(|p| evaluate(p).is_ok())
        else {
            continue;
        };
        let label = case.label();
        let back = round_trip(&label, &p);
        assert_eq!(back, kept(&p), "{label}");
        assert_eq!(evaluate(&back), evaluate(&p), "{label}");
        checked += 1;
    }
    assert!(checked > 110, "only {checked}");
}

#[test]
fn rows_of_many_people_append_under_one_header() {
    let people: Vec<Profile> = support::or_panic(support::pairs("tests/examples"))
        .iter()
        .map(|c| Profile::from_json(&c.profile).unwrap())
        .collect();
    let mut text = export_header();
    for (i, p) in people.iter().enumerate() {
        text += &row_for(p, &format!("P{i}"), "");
    }
    let back = read_back(&text);
    assert_eq!(back.len(), people.len());
    for (i, ((id, _, profile), p)) in back.iter().zip(&people).enumerate() {
        assert_eq!((id.clone(), profile), (format!("P{i}"), p));
    }
    // The file for one person starts with a BOM and the same header.
    let one = export_file(&people[0], "P0", "");
    assert!(one.starts_with('\u{feff}'));
    assert!(one[3..].starts_with(&export_header()));
    assert!(export_header().starts_with("人员编号,姓名,适用规则,"));
    assert!(export_header().ends_with(",考试,继续教育学时记录\r\n"));
}

#[test]
fn awkward_text_reads_back_as_written() {
    let mut p = Profile::from_json(
        &std::fs::read_to_string(
            support::repo().join("tests/examples/liandu_senior_engineer_eligible.profile.json"),
        )
        .unwrap(),
    )
    .unwrap();
    p.target.specialty = Some("=机械, \"设计\"\n制造".into());
    let text = export_file(&p, "-007", "@王,五");
    let (id, name, back) = read_back(&text).into_iter().next().unwrap();
    assert_eq!((id.as_str(), name.as_str()), ("-007", "@王,五"));
    assert_eq!(back, p);
    // Formula-like cells carry the guard a spreadsheet shows as text.
    assert!(text.contains("'-007,\"'@王,五\""), "{text}");
}

#[test]
fn the_ce_list_column_is_read_with_its_flags_and_refused_when_malformed() {
    let header = "人员编号,适用规则,申报职称,出生日期,退休年龄类别,单位性质,学历,参加工作时间,继续教育学时记录\r\n";
    let row = |ce: &str| {
        format!("{header}A1,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\"{ce}\"\r\n")
    };
    let back = read_back(&row(
        "2024:专业科目:24；2024：一般公需:1.5:网络:认可;2023=professional=3=online",
    ));
    let records = &back[0].2.ce_records;
    assert_eq!(records.len(), 3);
    assert!(records[1].online && records[1].authority_recognized);
    assert_eq!(records[1].hours.to_string(), "1.5");
    assert!(records[2].online && !records[2].authority_recognized);
    for (bad, says) in [
        ("2024:专业科目", "年度:类别:学时"),
        ("2024:专业科目:24:线下", "年度:类别:学时"),
        ("2024:专业:0", "greater than 0"),
        ("2024:专业:1.25", "one decimal"),
        ("2024:公需:8", "industry_public"),
    ] {
        let text = row(bad);
        let entry = Roster::read(&text).unwrap().next().unwrap();
        let err = entry.profile.unwrap_err();
        assert_eq!(err.column.as_deref(), Some("继续教育学时记录"), "{bad}");
        assert!(err.one_line().contains(says), "{bad}: {}", err.one_line());
    }
}

#[test]
fn a_person_without_an_id_gets_one_from_their_data() {
    use zhicheng_formats::roster::default_person_id;
    let profiles: Vec<Profile> = support::or_panic(support::pairs("tests/examples"))
        .into_iter()
        .map(|c| Profile::from_json(&c.profile).unwrap())
        .collect();
    let mut ids: Vec<String> = profiles.iter().map(default_person_id).collect();
    for (p, id) in profiles.iter().zip(&ids) {
        assert_eq!(id, &default_person_id(&p.clone()), "stable");
        assert!(id.starts_with("P-") && id.len() == 10, "{id}");
    }
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "different data, different ids");
}
