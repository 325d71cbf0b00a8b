//! The checked rule data: every id known, every date valid, every value sourced.
//!
//! National values are already merged into each rule set, so the code generator and
//! the engine never deal with inheritance.

use std::collections::BTreeMap;

/// A calendar date, already checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Citation {
    pub doc: String,
    pub clause: String,
}

/// Why a value is what it is.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    Source(Citation),
    /// A convention of this product, stated in the rule file.
    Convention(String),
}

impl Basis {
    pub fn citation(&self) -> Option<&Citation> {
        match self {
            Basis::Source(c) => Some(c),
            Basis::Convention(_) => None,
        }
    }
}

/// A value with its basis.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub basis: Basis,
}

#[derive(Debug, Clone)]
pub enum ClauseText {
    /// Word for word from the document's own bundled text.
    Quote(String),
    /// Word for word as a bundled notice quotes it (the document is not in hand).
    QuotedIn { text: String, via: Citation },
    /// Our summary, in both languages.
    Summary { zh: String, en: String },
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub clause: String,
    pub text: ClauseText,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub doc: String,
    pub title: String,
    pub title_en: String,
    pub issuer: String,
    pub issuer_en: String,
    pub date: Option<Ymd>,
    pub file: Option<String>,
    /// Our summary of common practice, not a document.
    pub practice: bool,
    pub clauses: Vec<Clause>,
}

#[derive(Debug, Clone)]
pub struct PathStep {
    pub requires: Option<String>,
    pub years: u32,
}

#[derive(Debug, Clone)]
pub struct PathRule {
    pub target: String,
    pub source: Citation,
    /// One entry per education of `vocab::EDUCATIONS`, in that order; `None` = no path.
    pub steps: Vec<Option<PathStep>>,
}

#[derive(Debug, Clone)]
pub struct RetirementGroup {
    pub group: String,
    pub original_age_years: u32,
    pub months_per_step: u32,
    pub max_raise_months: u32,
}

#[derive(Debug, Clone)]
pub struct Retirement {
    pub source: Citation,
    pub reform_start: Ymd,
    /// In the order of `vocab::RETIREMENT_GROUPS`.
    pub groups: Vec<RetirementGroup>,
}

#[derive(Debug, Clone)]
pub struct MountainList {
    pub name: String,
    pub name_en: String,
    pub from: Option<Ymd>,
    pub until: Option<Ymd>,
    pub source: Citation,
    pub counties: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct National {
    pub paths: Vec<PathRule>,
    pub retirement: Retirement,
    /// Months per kind of `vocab::SANCTION_KINDS`, in that order; `None` = never ends.
    pub sanction_periods: Vec<Option<u32>>,
    pub sanction_period_sources: Vec<Citation>,
    pub mountain_lists: Vec<MountainList>,
}

/// Hours in tenths of an hour (`90` hours = `900`).
pub type Tenths = i64;

#[derive(Debug, Clone)]
pub struct Ce {
    pub policy: String,
    pub min_total: Sourced<Tenths>,
    pub min_professional: Sourced<Tenths>,
    pub min_public: Option<Sourced<Tenths>>,
    pub min_general: Option<Sourced<Tenths>>,
    pub deemed_through_year: Option<Sourced<i32>>,
    pub online_cap: Option<Sourced<Tenths>>,
    pub online_cap_exempt_years: Vec<i32>,
    pub advisory: bool,
    pub ambiguous_year: Option<AmbiguousYear>,
    /// The sources of all the values above, deduplicated, for the `ce_hours` check.
    pub sources: Vec<Citation>,
}

/// A year a deemed-compliant clause can be read to include or not (SPEC §7).
#[derive(Debug, Clone)]
pub struct AmbiguousYear {
    pub year: i32,
    pub quote: String,
    pub source: Citation,
}

/// A clause bearing on applicants that the rules do not encode.
#[derive(Debug, Clone)]
pub struct LeftOut {
    pub topic: String,
    pub topic_en: String,
    pub source: Citation,
    /// Only for these targets (empty: every target).
    pub titles: Vec<String>,
}

/// A clause that bears on checks, said beside their messages.
#[derive(Debug, Clone)]
pub struct CheckNote {
    pub checks: Vec<String>,
    pub zh: String,
    pub en: String,
    pub source: Citation,
}

#[derive(Debug, Clone)]
pub struct Coverage {
    pub source: Citation,
    pub engineering: Vec<String>,
    pub economics: Vec<String>,
    pub specialties: Option<Vec<String>>,
    pub summary: String,
    pub summary_en: String,
    pub leaves_out: Vec<LeftOut>,
}

/// What one check cites: the rule set's own entries, then the general ones.
#[derive(Debug, Clone, Default)]
pub struct CheckCitations {
    pub local: Vec<Citation>,
    pub general: Vec<Citation>,
}

#[derive(Debug, Clone)]
pub struct RuleSet {
    pub id: String,
    pub file: String,
    pub name: String,
    pub name_en: String,
    pub region: String,
    pub region_en: String,
    pub notice: String,
    pub year: i32,
    pub default_reference_date: Ymd,
    pub coverage: Coverage,
    /// Month and day of the evaluation year to which service is counted.
    pub service_end: (u8, u8),
    pub exclude_unqualified_years: bool,
    pub requires_post_wage: bool,
    /// Kinds of `vocab::SANCTION_KINDS` that block a 事业单位 employee.
    pub blocking_for_public_institution: Vec<String>,
    pub public_official_blocks: bool,
    pub fraud_years: u32,
    /// `ban` or `record`.
    pub fraud_consequence: String,
    pub senior_economist_exam: String,
    pub foreign_language_required: Option<bool>,
    pub mountain_county: Option<String>,
    pub ce: Ce,
    /// Per check id of `vocab::CHECK_IDS`.
    pub citations: BTreeMap<String, CheckCitations>,
    pub check_notes: Vec<CheckNote>,
}

// ───────────────────────────── plans (rules/plans/) ─────────────────────────────

/// A telephone number as the notice writes it, and the digits a `tel:` link dials.
#[derive(Debug, Clone)]
pub struct Phone {
    pub text: String,
    /// Digits only, with the area code where the notice leaves it out.
    pub dial: String,
}

/// An office and its numbers, from one cell of a table.
#[derive(Debug, Clone)]
pub struct OfficeContact {
    pub office: String,
    pub phones: Vec<Phone>,
}

/// One row of a committee table. Text fields are copied from the notice; titles and
/// specialties are the helpers for matching a target.
#[derive(Debug, Clone)]
pub struct Committee {
    pub no: u32,
    /// One of `vocab::COMMITTEE_KINDS`.
    pub kind: String,
    pub name: String,
    pub evaluates: Option<String>,
    pub recommends: Option<String>,
    pub start: Option<String>,
    pub finish: Option<String>,
    pub deadline: Option<String>,
    pub evaluation: Option<String>,
    pub applicants: Option<String>,
    pub remarks: Option<String>,
    pub scope: Option<String>,
    pub contacts: Vec<OfficeContact>,
    pub titles_evaluated: Vec<String>,
    pub titles_recommended: Vec<String>,
    pub specialties: Vec<String>,
    pub restriction: Option<Restriction>,
    pub excludes: Vec<Exclusion>,
    pub source: Citation,
}

/// Whom a committee row is only for.
#[derive(Debug, Clone)]
pub struct Restriction {
    /// One of `vocab::RESTRICTION_KINDS`.
    pub kind: String,
    pub text: String,
    pub employer: Vec<String>,
    pub region: Vec<String>,
}

/// Specialties a row leaves out, for some or all of its titles.
#[derive(Debug, Clone)]
pub struct Exclusion {
    pub text: String,
    pub words: Vec<String>,
    /// Empty: every title of the row.
    pub titles: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CommitteeTable {
    pub caption: String,
    pub caption_en: String,
    pub source: Citation,
    pub rows: Vec<Committee>,
}

#[derive(Debug, Clone)]
pub struct Material {
    pub no: u32,
    pub item: String,
    pub how: String,
    pub filled_by_system: bool,
    pub source: Citation,
}

#[derive(Debug, Clone)]
pub struct MaterialTable {
    pub caption: String,
    pub caption_en: String,
    pub source: Citation,
    pub rows: Vec<Material>,
    pub conditional: Vec<ConditionalMaterial>,
}

/// A material asked of some applicants only, from a clause outside the list.
#[derive(Debug, Clone)]
pub struct ConditionalMaterial {
    pub item: String,
    pub applies: String,
    pub applies_en: String,
    pub amends: Option<u32>,
    pub source: Citation,
}

#[derive(Debug, Clone)]
pub struct CeContact {
    pub no: u32,
    pub field: String,
    pub department: String,
    pub person: String,
    pub phones: Vec<Phone>,
    pub titles: Vec<String>,
    pub specialties: Vec<String>,
    pub source: Citation,
}

#[derive(Debug, Clone)]
pub struct CeContactTable {
    pub caption: String,
    pub caption_en: String,
    pub source: Citation,
    pub rows: Vec<CeContact>,
}

/// A person or office the notice gives for questions.
#[derive(Debug, Clone)]
pub struct NamedContact {
    pub name: String,
    pub phones: Vec<Phone>,
    pub source: Citation,
}

/// A clause worth showing beside the tables, with a heading of ours.
#[derive(Debug, Clone)]
pub struct Note {
    pub topic: String,
    pub topic_en: String,
    pub source: Citation,
}

/// The notice's schedule: its words, and the deadline as a date where it gives one.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub text: String,
    pub deadline: Option<Ymd>,
    pub source: Citation,
}

/// The notice gives no plan: why, in our words, and the clause that says so.
#[derive(Debug, Clone)]
pub struct NoPlan {
    pub summary: String,
    pub summary_en: String,
    pub source: Citation,
}

/// Where and when to apply under one rule set.
#[derive(Debug, Clone)]
pub struct Plan {
    pub rule_set: String,
    pub area_code: Option<String>,
    pub no_plan: Option<NoPlan>,
    pub schedule: Option<Schedule>,
    pub contacts: Vec<NamedContact>,
    pub notes: Vec<Note>,
    pub committees: Vec<CommitteeTable>,
    pub materials: Option<MaterialTable>,
    pub ce_contacts: Option<CeContactTable>,
    pub elsewhere: Option<Elsewhere>,
    pub ce_registration: Vec<CeRegistration>,
}

/// Where the notice sends an applicant whose title no committee row serves.
#[derive(Debug, Clone)]
pub struct Elsewhere {
    pub text: String,
    pub summary: String,
    pub summary_en: String,
    pub source: Citation,
}

/// Where the notice says CE hours are registered.
#[derive(Debug, Clone)]
pub struct CeRegistration {
    pub system: String,
    pub url: Option<String>,
    pub who: Option<String>,
    pub source: Citation,
}

/// The specialty vocabulary (rules/specialties.toml).
#[derive(Debug, Clone, Default)]
pub struct Specialties {
    pub labels: Vec<SpecialtyLabel>,
    pub links: Vec<SpecialtyLink>,
}

/// How a specialty id of the profile format is shown.
#[derive(Debug, Clone)]
pub struct SpecialtyLabel {
    pub id: String,
    pub zh: String,
    pub en: String,
}

/// Words a person may write, and the notices' specialty words they belong to.
#[derive(Debug, Clone)]
pub struct SpecialtyLink {
    pub words: Vec<String>,
    pub means: Vec<String>,
    /// One of `vocab::LINK_KINDS`.
    pub kind: String,
    pub basis: Basis,
}

/// Everything the engine bundles.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// SHA-256 of the rule files, first 12 hex digits.
    pub version: String,
    pub documents: Vec<Document>,
    pub national: National,
    pub rule_sets: Vec<RuleSet>,
    /// One per rule set, in rule set id order.
    pub plans: Vec<Plan>,
    pub specialties: Specialties,
}
