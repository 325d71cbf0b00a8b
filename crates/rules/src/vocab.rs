//! The identifiers rule files may use: titles, education levels, check ids and so on.
//!
//! These lists mirror the profile vocabulary of SPEC.md §2–§3. The engine's own enums
//! are tested against them (crates/engine/tests/vocabulary.rs), so the two cannot drift.

/// Titles a path may target or require (SPEC §2 `titles`).
pub const TITLES: &[&str] = &[
    "technician",
    "assistant_engineer",
    "engineer",
    "senior_engineer",
    "professorate_senior_engineer",
    "economist",
    "senior_economist",
];

/// Target titles of the engineering series.
pub const ENGINEERING_TARGETS: &[&str] = &[
    "technician",
    "assistant_engineer",
    "engineer",
    "senior_engineer",
    "professorate_senior_engineer",
];

/// Target titles of the economics series.
pub const ECONOMICS_TARGETS: &[&str] = &["senior_economist"];

/// Education levels (SPEC §2 `education`), highest first.
pub const EDUCATIONS: &[&str] = &[
    "doctorate",
    "master",
    "second_bachelor",
    "bachelor",
    "associate",
    "secondary_vocational",
];

/// Retirement groups (SPEC §2 `person.retirement_group`).
pub const RETIREMENT_GROUPS: &[&str] = &["male", "female_55", "female_50"];

/// Sanction kinds (SPEC §2 `sanctions[].kind`).
pub const SANCTION_KINDS: &[&str] = &[
    "warning",
    "demerit",
    "major_demerit",
    "demotion",
    "post_grade_lowered",
    "removal",
    "expulsion",
];

/// Exams (SPEC §2 `exams[].exam`).
pub const EXAMS: &[&str] = &["senior_economist"];

/// Check ids (SPEC §3), in the order a verdict lists them, plus `coverage`.
pub const CHECK_IDS: &[&str] = &[
    "retirement",
    "civil_servant",
    "sanction",
    "fraud_ban",
    "technical_post",
    "profession_match",
    "qualification_path",
    "prerequisite_title",
    "service_years",
    "ce_hours",
    "exam",
    "foreign_language",
    "mountain_counties",
    "projection",
    "coverage",
];

/// The four CE policies of SPEC §7.
pub const CE_POLICIES: &[&str] = &[
    "window_count_and_last_two",
    "last_two_years",
    "every_year_of_window",
    "last_n_years",
];

/// Kinds of a row of a committee table: evaluated by a committee, or an initial title
/// given to new graduates without evaluation (大中专毕业生初定).
pub const COMMITTEE_KINDS: &[&str] = &["evaluation", "initial_determination"];

/// Words by which a notice names each title: a row that claims to evaluate or
/// recommend a title must say one of them (in its name, titles, applicants or remarks).
pub const TITLE_WORDS: &[(&str, &[&str])] = &[
    (
        "technician",
        &["技术员", "初级", "员级", "初、中级", "初中级"],
    ),
    (
        "assistant_engineer",
        &["助理工程师", "初级", "初、中级", "初中级"],
    ),
    ("engineer", &["工程师", "中级", "中初级"]),
    ("senior_engineer", &["高级工程师"]),
    ("professorate_senior_engineer", &["正高级工程师"]),
    ("economist", &["经济师"]),
    ("senior_economist", &["高级经济师"]),
];

/// `snake_case` → `CamelCase`, the name of the engine's enum variant for an id.
pub fn variant(id: &str) -> String {
    id.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// Whom a committee row may be only for (rules/plans/ `restriction.kind`).
pub const RESTRICTION_KINDS: &[&str] = &["company", "trade", "graduates"];

/// How a person's word relates to a notice's specialty word (rules/specialties.toml).
pub const LINK_KINDS: &[&str] = &["synonym", "narrower"];

/// What a fraud finding leads to in the years it counts.
pub const FRAUD_CONSEQUENCES: &[&str] = &["ban", "record"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_has_words() {
        let ids: Vec<&str> = TITLE_WORDS.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, TITLES);
        assert!(TITLE_WORDS.iter().all(|(_, words)| !words.is_empty()));
    }

    #[test]
    fn variant_names() {
        assert_eq!(
            variant("professorate_senior_engineer"),
            "ProfessorateSeniorEngineer"
        );
        assert_eq!(variant("female_55"), "Female55");
    }
}
