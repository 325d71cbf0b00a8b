//! The rule files as written: serde structures that keep each value's position.
//!
//! Nothing here is checked beyond TOML types and field names; `validate` turns these
//! into the checked `ir` and explains every mistake with file and line.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// `{ doc = "文号", clause = "条款" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationRaw {
    pub doc: Spanned<String>,
    pub clause: Spanned<String>,
}

/// A parameter: its value and where it comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param<T> {
    pub value: Spanned<T>,
    pub source: Option<CitationRaw>,
    pub convention: Option<Spanned<String>>,
    /// Free text for the reader of the file; not used by the engine.
    pub note: Option<String>,
}

/// A number as TOML writes it: `90` or `1.5`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

// ───────────────────────────── documents.toml ─────────────────────────────

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsFile {
    pub document: Vec<Spanned<DocumentRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRaw {
    pub doc: Spanned<String>,
    pub title: String,
    pub title_en: String,
    pub issuer: String,
    pub issuer_en: String,
    pub date: Option<Spanned<String>>,
    pub file: Option<Spanned<String>>,
    /// Not a document: our summary of common practice, cited where no document in hand
    /// says so. Its clauses are summaries, and the app labels them as practice.
    #[serde(default)]
    pub practice: bool,
    #[serde(default)]
    pub clause: Vec<Spanned<ClauseRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseRaw {
    pub clause: Spanned<String>,
    pub text: Option<Spanned<String>>,
    pub summary: Option<String>,
    pub summary_en: Option<String>,
    /// With `text`: the document is not in hand, and `text` is quoted from this clause
    /// of a notice that quotes it.
    pub quoted_in: Option<CitationRaw>,
}

// ───────────────────────────── national.toml ─────────────────────────────

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalFile {
    pub paths: BTreeMap<String, Spanned<PathTableRaw>>,
    pub service: ServiceRaw,
    pub retirement: RetirementRaw,
    pub sanctions: SanctionsRaw,
    pub fraud: FraudRaw,
    pub technical_post: TechnicalPostRaw,
    pub exams: ExamsRaw,
    pub ce: CeRaw,
    #[serde(default)]
    pub mountain_counties: Vec<Spanned<MountainListRaw>>,
    #[serde(default)]
    pub citations: BTreeMap<String, Spanned<Vec<CitationRaw>>>,
}

/// One target title's row of the path table: `source`, then one entry per education,
/// each `{ requires = "title", years = N }`, `{ years = N }` or `"none"`. Read as
/// plain TOML values and interpreted by `validate`, which knows the keys.
pub type PathTableRaw = BTreeMap<String, Spanned<toml::Value>>;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceRaw {
    pub end_of_year: Option<Spanned<Param<String>>>,
    pub exclude_unqualified_years: Option<Spanned<Param<bool>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetirementRaw {
    pub source: CitationRaw,
    pub reform_start: Spanned<String>,
    pub groups: BTreeMap<String, Spanned<RetirementGroupRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetirementGroupRaw {
    pub original_age_years: i64,
    pub months_per_step: i64,
    pub max_raise_months: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanctionsRaw {
    pub periods: Option<Spanned<SanctionPeriodsRaw>>,
    pub blocking_for_public_institution: Option<Spanned<Param<Vec<String>>>>,
    pub public_official_blocks: Option<Spanned<Param<bool>>>,
}

/// `sources = [...]`, then months per sanction kind or `"permanent"`; interpreted by
/// `validate`.
pub type SanctionPeriodsRaw = BTreeMap<String, Spanned<toml::Value>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FraudRaw {
    /// The years after the evaluation in which fraud was found that it counts.
    pub years: Spanned<Param<i64>>,
    /// `ban` (may not apply: fail) or `record` (a record is kept: review).
    pub consequence: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TechnicalPostRaw {
    pub requires_post_wage: Spanned<Param<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamsRaw {
    pub senior_economist: Spanned<Param<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CeRaw {
    pub policy: Option<Spanned<String>>,
    pub min_total: Option<Spanned<Param<Number>>>,
    pub min_professional: Option<Spanned<Param<Number>>>,
    pub min_public: Option<Spanned<Param<Number>>>,
    pub min_general: Option<Spanned<Param<Number>>>,
    pub deemed_through_year: Option<Spanned<Param<i64>>>,
    pub online_cap: Option<Spanned<Param<Number>>>,
    pub online_cap_exempt_years: Option<Spanned<Param<Vec<i64>>>>,
    pub advisory: Option<Spanned<Param<bool>>>,
    /// A year the notice's deemed-compliant clause can be read to include or not.
    pub ambiguous_year: Option<Spanned<AmbiguousYearRaw>>,
}

/// `ambiguous_year = { value = 2019, quote = "2019年以前的学时都视同合格", source = … }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmbiguousYearRaw {
    pub value: Spanned<i64>,
    /// The words that can be read two ways, as written in the cited clause.
    pub quote: Spanned<String>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MountainListRaw {
    pub name: String,
    pub name_en: String,
    pub from: Option<Spanned<String>>,
    pub until: Option<Spanned<String>>,
    pub source: CitationRaw,
    pub counties: Vec<String>,
}

// ───────────────────────────── a rule set ─────────────────────────────

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetFile {
    pub id: Spanned<String>,
    pub name: String,
    pub name_en: String,
    pub region: String,
    pub region_en: String,
    pub notice: Spanned<String>,
    pub year: Spanned<i64>,
    pub default_reference_date: Spanned<Param<String>>,
    pub coverage: Spanned<CoverageRaw>,
    #[serde(default)]
    pub service: ServiceRaw,
    pub ce: Spanned<CeRaw>,
    pub sanctions: Option<SanctionsOverrideRaw>,
    pub technical_post: Option<TechnicalPostRaw>,
    pub fraud: Option<FraudRaw>,
    pub foreign_language: Option<ForeignLanguageRaw>,
    pub mountain_counties: Option<MountainCountyRaw>,
    #[serde(default)]
    pub citations: BTreeMap<String, Spanned<Vec<CitationRaw>>>,
    #[serde(default)]
    pub check_notes: Vec<Spanned<CheckNoteRaw>>,
}

/// A clause of the notice that bears on a check, said beside its message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckNoteRaw {
    pub checks: Vec<Spanned<String>>,
    /// Our sentence in Chinese; it contains `quote` word for word.
    pub zh: Spanned<String>,
    pub en: Spanned<String>,
    /// The notice's words, as written in the cited clause.
    pub quote: Spanned<String>,
    pub source: CitationRaw,
}

/// A clause bearing on applicants that the rules do not encode.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeftOutRaw {
    pub topic: Spanned<String>,
    pub topic_en: Spanned<String>,
    pub source: CitationRaw,
    /// Only for these target titles (none: every target).
    #[serde(default)]
    pub titles: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageRaw {
    pub source: CitationRaw,
    #[serde(default)]
    pub engineering: Vec<Spanned<String>>,
    #[serde(default)]
    pub economics: Vec<Spanned<String>>,
    pub specialties: Option<Vec<String>>,
    pub summary: String,
    pub summary_en: String,
    #[serde(default)]
    pub leaves_out: Vec<Spanned<LeftOutRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanctionsOverrideRaw {
    pub blocking_for_public_institution: Option<Spanned<Param<Vec<String>>>>,
    pub public_official_blocks: Option<Spanned<Param<bool>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignLanguageRaw {
    pub required: Spanned<Param<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MountainCountyRaw {
    pub county: Spanned<String>,
    pub source: CitationRaw,
}

// ───────────────────────────── rules/plans/<rule set>.toml ─────────────────────────────

/// Where and when to apply under one rule set: the plan tables of its notice.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub rule_set: Spanned<String>,
    pub area_code: Option<Spanned<Param<String>>>,
    pub no_plan: Option<Spanned<NoPlanRaw>>,
    pub schedule: Option<Spanned<ScheduleRaw>>,
    #[serde(default)]
    pub contacts: Vec<Spanned<NamedContactRaw>>,
    #[serde(default)]
    pub notes: Vec<Spanned<NoteRaw>>,
    #[serde(default)]
    pub committees: Vec<Spanned<CommitteeTableRaw>>,
    pub materials: Option<Spanned<MaterialTableRaw>>,
    pub ce_contacts: Option<Spanned<CeContactTableRaw>>,
    /// For a title no committee row serves: where the notice sends the applicant.
    pub elsewhere: Option<Spanned<ElsewhereRaw>>,
    /// Where the notice says CE hours are registered.
    #[serde(default)]
    pub ce_registration: Vec<Spanned<CeRegistrationRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElsewhereRaw {
    /// The notice's words, as written.
    pub text: Spanned<String>,
    pub summary: Spanned<String>,
    pub summary_en: Spanned<String>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CeRegistrationRaw {
    /// The system's name as written.
    pub system: Spanned<String>,
    /// Its address as written.
    pub url: Option<Spanned<String>>,
    /// Whom it is for, as written (absent: everyone under the notice).
    pub who: Option<Spanned<String>>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoPlanRaw {
    pub summary: Spanned<String>,
    pub summary_en: Spanned<String>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRaw {
    pub text: Spanned<String>,
    pub deadline: Option<Spanned<String>>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedContactRaw {
    pub name: Spanned<String>,
    pub phones: Vec<Spanned<String>>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRaw {
    pub topic: Spanned<String>,
    pub topic_en: Spanned<String>,
    pub source: CitationRaw,
}

/// A table of committees (评审计划): its heading, the declared number of rows, rows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeTableRaw {
    pub caption: Spanned<String>,
    pub caption_en: Spanned<String>,
    pub source: CitationRaw,
    pub rows: Spanned<i64>,
    #[serde(default)]
    pub row: Vec<Spanned<CommitteeRaw>>,
}

/// One row of a committee table; the text fields are copied from the notice.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeRaw {
    pub no: Spanned<i64>,
    pub kind: Option<Spanned<String>>,
    pub name: Spanned<String>,
    pub evaluates: Option<Spanned<String>>,
    pub recommends: Option<Spanned<String>>,
    pub start: Option<Spanned<String>>,
    pub finish: Option<Spanned<String>>,
    pub deadline: Option<Spanned<String>>,
    pub evaluation: Option<Spanned<String>>,
    pub applicants: Option<Spanned<String>>,
    pub remarks: Option<Spanned<String>>,
    pub scope: Option<Spanned<String>>,
    #[serde(default)]
    pub contacts: Vec<Spanned<OfficeContactRaw>>,
    #[serde(default)]
    pub titles_evaluated: Vec<Spanned<String>>,
    #[serde(default)]
    pub titles_recommended: Vec<Spanned<String>>,
    #[serde(default)]
    pub specialties: Vec<Spanned<String>>,
    /// Only for one company's staff, one trade's members, or new graduates.
    pub restriction: Option<Spanned<RestrictionRaw>>,
    /// Specialties the row's own words leave out (e.g. "防灾减灾(初、中级除外)").
    #[serde(default)]
    pub excludes: Vec<Spanned<ExclusionRaw>>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestrictionRaw {
    /// `company`, `trade` or `graduates`.
    pub kind: Spanned<String>,
    /// The row's words that restrict it, as written.
    pub text: Spanned<String>,
    /// Words of the row's text an employer's name contains when the restriction fits.
    #[serde(default)]
    pub employer: Vec<Spanned<String>>,
    /// Words of the row's text (a county) the employer's name must also contain.
    #[serde(default)]
    pub region: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionRaw {
    /// The row's words that exclude, as written.
    pub text: Spanned<String>,
    /// Specialty words excluded.
    pub words: Vec<Spanned<String>>,
    /// For these titles only (none: every title of the row).
    #[serde(default)]
    pub titles: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeContactRaw {
    pub office: Spanned<String>,
    pub phones: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialTableRaw {
    pub caption: Spanned<String>,
    pub caption_en: Spanned<String>,
    pub source: CitationRaw,
    pub rows: Spanned<i64>,
    #[serde(default)]
    pub row: Vec<Spanned<MaterialRaw>>,
    /// Materials the notice asks elsewhere, only of some applicants.
    #[serde(default)]
    pub conditional: Vec<Spanned<ConditionalMaterialRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionalMaterialRaw {
    /// The requirement as written.
    pub item: Spanned<String>,
    /// Whom it concerns, in our words.
    pub applies: Spanned<String>,
    pub applies_en: Spanned<String>,
    /// The row of the list it completes or corrects.
    pub amends: Option<Spanned<i64>>,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialRaw {
    pub no: Spanned<i64>,
    pub item: Spanned<String>,
    pub how: Spanned<String>,
    pub filled_by_system: bool,
    pub source: CitationRaw,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CeContactTableRaw {
    pub caption: Spanned<String>,
    pub caption_en: Spanned<String>,
    pub source: CitationRaw,
    pub rows: Spanned<i64>,
    #[serde(default)]
    pub row: Vec<Spanned<CeContactRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CeContactRaw {
    pub no: Spanned<i64>,
    pub field: Spanned<String>,
    pub department: Spanned<String>,
    pub person: Spanned<String>,
    pub phones: Vec<Spanned<String>>,
    #[serde(default)]
    pub titles: Vec<Spanned<String>>,
    #[serde(default)]
    pub specialties: Vec<Spanned<String>>,
    pub source: CitationRaw,
}

// ───────────────────────────── rules/specialties.toml ─────────────────────────────

/// The specialty vocabulary: labels of the specialty ids and the links from a person's
/// words to the notices' specialty words.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialtiesFile {
    #[serde(default)]
    pub label: Vec<Spanned<SpecialtyLabelRaw>>,
    #[serde(default)]
    pub link: Vec<Spanned<LinkRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialtyLabelRaw {
    pub id: Spanned<String>,
    pub zh: Spanned<String>,
    pub en: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRaw {
    /// Words a person may write.
    pub words: Vec<Spanned<String>>,
    /// The notices' specialty words they belong to.
    pub means: Vec<Spanned<String>>,
    /// `synonym` or `narrower`.
    pub kind: Spanned<String>,
    pub source: Option<CitationRaw>,
    pub convention: Option<Spanned<String>>,
}
