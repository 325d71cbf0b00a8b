//! "For HR": a profile written as one row of the roster (docs/batch.md), so that an
//! applicant can send their data and the HR officer's batch page can read it with
//! everyone else's. Every row has the same header ([`export_header`]: every column of
//! [`Field::ALL`], CE hours in the one list column `继续教育学时记录`), so rows from
//! many people append into one roster. Values are written as the template writes them
//! (Chinese labels, 是/否, the notice's 文号), and read back into the same profile.

use super::Field;
use crate::csv;
use zhicheng_engine::profile::CeRecord;
use zhicheng_engine::rules;
use zhicheng_engine::Profile;

/// The header row of the export (Chinese names, CRLF), without a BOM.
pub fn export_header() -> String {
    let names: Vec<&str> = Field::ALL.iter().map(|f| f.name_zh()).collect();
    csv::row(&names)
}

/// One roster row for `profile` (CRLF-terminated), under [`export_header`]. Read back by
/// `Roster` it gives the same profile, except that a title held twice is written once
/// (the earliest date, the one the check uses) and CE records lose their `note`,
/// which the check does not read.
pub fn row_for(profile: &Profile, person_id: &str, name: &str) -> String {
    let cells: Vec<String> = Field::ALL
        .iter()
        .map(|&f| cell(profile, f, person_id, name))
        .collect();
    csv::row(&cells)
}

/// The `person_id` of a person who gave none: `P-` and a hash (FNV-1a) of the
/// profile's JSON, so the same data sent twice (as a file and as a link) gets the same
/// id, and the batch page's duplicate check sees it.
pub fn default_person_id(profile: &Profile) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in profile.to_json().bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    format!("P-{h:08x}")
}

/// A whole file for one person: BOM (so Excel reads UTF-8), header, row.
pub fn export_file(profile: &Profile, person_id: &str, name: &str) -> String {
    format!(
        "\u{feff}{}{}",
        export_header(),
        row_for(profile, person_id, name)
    )
}

fn yes(b: bool) -> String {
    if b { "是" } else { "否" }.to_string()
}

fn list<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    items.iter().map(item).collect::<Vec<_>>().join(";")
}

/// `2024:专业科目:24`, `2020:专业科目:10:网络:认可`.
fn record(r: &CeRecord) -> String {
    let mut s = format!("{}:{}:{}", r.year, r.category.label_zh(), r.hours);
    if r.online {
        s += ":网络";
    }
    if r.authority_recognized {
        s += ":认可";
    }
    s
}

/// The cell of one column.
fn cell(p: &Profile, f: Field, person_id: &str, name: &str) -> String {
    let date = |d: Option<zhicheng_engine::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let person = &p.person;
    match f {
        Field::PersonId => person_id.to_string(),
        Field::Name => name.to_string(),
        Field::RuleSet => {
            rules::rule_set(&p.rule_set).map_or(p.rule_set.clone(), |r| r.notice.to_string())
        }
        Field::EvaluationYear => p.evaluation_year.map(|y| y.to_string()).unwrap_or_default(),
        Field::Series => p.target.series.label_zh().to_string(),
        Field::Title => p.target.title.label_zh().to_string(),
        Field::Specialty => p.target.specialty.clone().unwrap_or_default(),
        Field::ReferenceDate => date(p.reference_date),
        Field::Exceptional => yes(p.exceptional),
        Field::BirthDate => person.birth_date.to_string(),
        Field::RetirementGroup => person.retirement_group.label_zh().to_string(),
        Field::Employment => person.employment.label_zh().to_string(),
        Field::Retired => yes(person.retired),
        Field::InTechnicalPost => yes(person.in_technical_post),
        Field::ProfessionMatches => yes(person.profession_matches),
        Field::PostWagePaid => yes(person.post_wage_paid),
        Field::MovedFromGovernmentOrgan => yes(person.moved_from_government_organ),
        Field::Education => p.education.label_zh().to_string(),
        Field::WorkStart => date(p.work_start),
        Field::Assessments => {
            let items: Vec<_> = p.assessments.iter().collect();
            list(&items, |(y, a)| format!("{y}:{}", a.label_zh()))
        }
        Field::Sanctions => list(&p.sanctions, |s| {
            let official = if s.as_public_official { ":政务" } else { "" };
            format!("{}:{}{official}", s.kind.label_zh(), s.effective)
        }),
        Field::FraudFindings => list(&p.fraud_findings, |f| f.evaluation_year.to_string()),
        Field::Exams => list(&p.exams, |e| match e.year {
            Some(y) => format!("{}:{y}", e.exam.label_zh()),
            None => e.exam.label_zh().to_string(),
        }),
        Field::CeRecords => list(&p.ce_records, record),
        obtained => date(obtained.obtained_title().and_then(|t| p.title_obtained(t))),
    }
}
