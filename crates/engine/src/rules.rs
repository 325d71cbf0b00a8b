//! The bundled rule data, compiled from rules/*.toml at build time, and lookups into it.

use crate::date::{Date, MonthDay};
use crate::hours::Hours;
use crate::vocab::{
    CePolicy, CheckId, Education, Exam, RetirementGroup, SanctionKind, Series, Title,
};
use crate::Lang;

/// A citation: a document (文号) and one of its clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Citation {
    pub doc: &'static str,
    pub clause: &'static str,
}

/// The text behind a citation: quoted from a bundled notice, or our summary of a
/// national document whose text is not bundled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseText {
    Quote(&'static str),
    Summary { zh: &'static str, en: &'static str },
}

#[derive(Debug)]
pub struct Clause {
    pub clause: &'static str,
    pub text: ClauseText,
}

/// A notice or national document.
#[derive(Debug)]
pub struct Document {
    pub doc: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    pub issuer: &'static str,
    pub issuer_en: &'static str,
    pub date: Option<Date>,
    /// The bundled full text in rules/sources/, for the four notices.
    pub file: Option<&'static str>,
    pub clauses: &'static [Clause],
}

impl Document {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title, self.title_en)
    }

    pub fn issuer(&self, lang: Lang) -> &'static str {
        lang.pick(self.issuer, self.issuer_en)
    }
}

/// One cell of the path table (SPEC §4): the lower title and years required.
#[derive(Debug, Clone, Copy)]
pub struct PathStep {
    pub requires: Option<Title>,
    pub years: u32,
}

/// One target title's row of the path table.
#[derive(Debug)]
pub struct PathRule {
    pub target: Title,
    pub source: Citation,
    /// Indexed by `Education::index()`; `None` = no path.
    pub steps: [Option<PathStep>; 6],
}

#[derive(Debug, Clone, Copy)]
pub struct RetirementGroupRule {
    pub original_age_years: u32,
    pub months_per_step: u32,
    pub max_raise_months: u32,
}

#[derive(Debug)]
pub struct RetirementRule {
    pub reform_start: Date,
    /// Indexed by `RetirementGroup::index()`.
    pub groups: [RetirementGroupRule; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SanctionPeriod {
    Months(u32),
    Permanent,
}

/// A dated list of Zhejiang's mountain counties.
#[derive(Debug)]
pub struct MountainList {
    pub name: &'static str,
    pub name_en: &'static str,
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub source: Citation,
    pub counties: &'static [&'static str],
}

impl MountainList {
    pub fn in_force_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// The national layer (shared by every rule set).
#[derive(Debug)]
pub struct National {
    pub paths: &'static [PathRule],
    pub retirement: RetirementRule,
    /// Indexed by `SanctionKind::index()`.
    pub sanction_periods: [SanctionPeriod; 7],
    pub mountain_lists: &'static [MountainList],
}

/// A rule set's continuing-education rule (SPEC §7).
#[derive(Debug)]
pub struct CeRule {
    pub policy: CePolicy,
    pub min_total: Hours,
    pub min_professional: Hours,
    pub min_public: Option<Hours>,
    pub min_general: Option<Hours>,
    pub deemed_through_year: Option<i32>,
    pub online_cap: Option<Hours>,
    pub online_cap_exempt_years: &'static [i32],
    pub advisory: bool,
}

/// What a rule set covers.
#[derive(Debug)]
pub struct Coverage {
    pub source: Citation,
    pub engineering: &'static [Title],
    pub economics: &'static [Title],
    /// `None`: every specialty.
    pub specialties: Option<&'static [&'static str]>,
    pub summary: &'static str,
    pub summary_en: &'static str,
    pub leaves_out: &'static str,
    pub leaves_out_en: &'static str,
}

/// What a check cites: the rule set's own entries, then the general ones.
#[derive(Debug)]
pub struct CheckCitations {
    pub local: &'static [Citation],
    pub general: &'static [Citation],
}

/// One rule set, with the national layer already merged in.
#[derive(Debug)]
pub struct RuleSet {
    pub id: &'static str,
    pub name: &'static str,
    pub name_en: &'static str,
    pub region: &'static str,
    pub region_en: &'static str,
    pub notice: &'static str,
    pub year: i32,
    pub default_reference_date: Date,
    pub coverage: Coverage,
    pub service_end: MonthDay,
    pub exclude_unqualified_years: bool,
    pub requires_post_wage: bool,
    pub blocking_for_public_institution: &'static [SanctionKind],
    pub public_official_blocks: bool,
    pub fraud_ban_years: u32,
    pub senior_economist_exam: Exam,
    pub foreign_language_required: Option<bool>,
    pub mountain_county: Option<&'static str>,
    pub ce: CeRule,
    /// Indexed by `CheckId::index()`.
    pub citations: [CheckCitations; 15],
}

impl RuleSet {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name, self.name_en)
    }

    /// Whether the rule set covers this target (SPEC §5).
    pub fn covers(&self, title: Title, specialty: Option<&str>) -> bool {
        let titles = match title.series() {
            Series::Engineering => self.coverage.engineering,
            Series::Economics => self.coverage.economics,
        };
        titles.contains(&title)
            && self
                .coverage
                .specialties
                .is_none_or(|list| specialty.is_some_and(|s| list.contains(&s)))
    }

    /// The path row for a target title.
    pub fn path(&self, target: Title) -> Option<&'static PathRule> {
        NATIONAL.paths.iter().find(|p| p.target == target)
    }

    /// The path for a target and education, `None` when there is none.
    pub fn path_step(&self, target: Title, education: Education) -> Option<PathStep> {
        self.path(target).and_then(|p| p.steps[education.index()])
    }

    pub fn retirement_group(&self, group: RetirementGroup) -> RetirementGroupRule {
        NATIONAL.retirement.groups[group.index()]
    }

    pub fn sanction_period(&self, kind: SanctionKind) -> SanctionPeriod {
        NATIONAL.sanction_periods[kind.index()]
    }

    /// The citations of a check: local first, then general, each once.
    pub fn citations(&self, check: CheckId) -> impl Iterator<Item = Citation> + '_ {
        let c = &self.citations[check.index()];
        c.local.iter().chain(c.general.iter()).copied()
    }
}

include!(concat!(env!("OUT_DIR"), "/rules_data.rs"));

/// The rule set with this id.
pub fn rule_set(id: &str) -> Option<&'static RuleSet> {
    RULE_SETS.iter().find(|r| r.id == id)
}

/// Every bundled rule set, in id order.
pub fn rule_sets() -> &'static [RuleSet] {
    RULE_SETS
}

/// Every bundled document.
pub fn documents() -> &'static [Document] {
    DOCUMENTS
}

/// The document with this 文号.
pub fn document(doc: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.doc == doc)
}

/// The text of a cited clause.
pub fn clause(citation: &Citation) -> Option<&'static Clause> {
    document(citation.doc)?
        .clauses
        .iter()
        .find(|c| c.clause == citation.clause)
}

/// The national layer.
pub fn national() -> &'static National {
    &NATIONAL
}
