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
    /// Word for word from the document's own bundled text.
    Quote(&'static str),
    /// Word for word as another, bundled notice quotes it (`via`); the document itself
    /// is not in hand.
    QuotedIn { text: &'static str, via: Citation },
    /// Our summary of a document whose text is not bundled (or, in a practice
    /// document, of common practice).
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
    /// Not a document: our summary of common practice, cited where no document in hand
    /// says so, and labelled as such.
    pub practice: bool,
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
    /// A year the deemed-compliant clause can be read to include or not (SPEC §7).
    pub ambiguous_year: Option<AmbiguousYear>,
}

/// The year right after `deemed_through_year` that the notice's words can be read to
/// deem compliant too: `ce_hours` is judged strictly, and is `review` where only the
/// inclusive reading passes.
#[derive(Debug, Clone, Copy)]
pub struct AmbiguousYear {
    pub year: i32,
    /// The words that can be read two ways, as written.
    pub quote: &'static str,
    pub source: Citation,
}

/// A clause bearing on applicants that the rules do not encode.
#[derive(Debug)]
pub struct LeftOut {
    pub topic: &'static str,
    pub topic_en: &'static str,
    pub source: Citation,
    /// Only for these targets (empty: every target).
    pub titles: &'static [Title],
}

impl LeftOut {
    pub fn topic(&self, lang: Lang) -> &'static str {
        lang.pick(self.topic, self.topic_en)
    }

    /// Whether it bears on this target.
    pub fn concerns(&self, title: Title) -> bool {
        self.titles.is_empty() || self.titles.contains(&title)
    }
}

/// A clause of the notice that bears on some checks, said beside their messages.
#[derive(Debug)]
pub struct CheckNote {
    pub checks: &'static [CheckId],
    /// Our sentence, quoting the notice's words.
    pub zh: &'static str,
    pub en: &'static str,
    pub source: Citation,
}

/// What a fraud finding leads to in the years it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FraudConsequence {
    /// The notice's rule bars applying: `fraud_ban` fails.
    Ban,
    /// Only a record is kept (no document in hand bars applying): `review`.
    Record,
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
    /// Every clause bearing on applicants that the rules do not encode.
    pub leaves_out: &'static [LeftOut],
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
    /// The years after a fraud finding's evaluation that it counts.
    pub fraud_years: u32,
    pub fraud_consequence: FraudConsequence,
    pub senior_economist_exam: Exam,
    pub foreign_language_required: Option<bool>,
    pub mountain_county: Option<&'static str>,
    pub ce: CeRule,
    /// Indexed by `CheckId::index()`.
    pub citations: [CheckCitations; 15],
    pub check_notes: &'static [CheckNote],
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

// ───────────── plans: where and when to apply (rules/plans/) ─────────────

/// A telephone number as the notice writes it, and the digits a `tel:` link dials
/// (with the area code where the notice leaves it out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phone {
    pub text: &'static str,
    pub dial: &'static str,
}

impl Phone {
    /// `tel:` and the digits to dial, for a link.
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.dial)
    }
}

/// An office and its numbers, from one cell of a plan table.
#[derive(Debug)]
pub struct OfficeContact {
    pub office: &'static str,
    pub phones: &'static [Phone],
}

/// What a row of a committee table stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A committee (or body) that evaluates or recommends.
    Evaluation,
    /// Initial titles given to new graduates without evaluation (大中专毕业生初定).
    InitialDetermination,
}

/// One row of a committee table. The text fields are the notice's cells as written
/// (`None`: the notice's table has no such column, or the cell is empty); the titles
/// and specialty words are the data's helpers for matching a target.
#[derive(Debug)]
pub struct Committee {
    /// 序号 in the notice's table.
    pub no: u32,
    pub kind: RowKind,
    /// 评委会名称.
    pub name: &'static str,
    /// 所评资格名称.
    pub evaluates: Option<&'static str>,
    /// 推荐资格名称.
    pub recommends: Option<&'static str>,
    /// 启动时间.
    pub start: Option<&'static str>,
    /// 完成时间.
    pub finish: Option<&'static str>,
    /// 接收材料截止时间.
    pub deadline: Option<&'static str>,
    /// 预计评审时间.
    pub evaluation: Option<&'static str>,
    /// 申报对象.
    pub applicants: Option<&'static str>,
    /// 备注.
    pub remarks: Option<&'static str>,
    /// 评审专业范围.
    pub scope: Option<&'static str>,
    /// 评委会办公室 / 材料接收单位 and their phones.
    pub contacts: &'static [OfficeContact],
    /// Titles the row evaluates itself.
    pub titles_evaluated: &'static [Title],
    /// Titles it recommends to a higher committee (推荐).
    pub titles_recommended: &'static [Title],
    /// Words of the row's own text that name its specialties (none: its whole series).
    pub specialties: &'static [&'static str],
    /// Whom the row is only for, where its words say so.
    pub restriction: Option<Restriction>,
    /// Specialties its words leave out.
    pub excludes: &'static [Exclusion],
    /// The row's clause, which quotes the whole row.
    pub source: Citation,
}

/// A time column of a committee table, its cell as the notice writes it ("6月",
/// "8月底", "4-6月、7-9月、10月-12月各1批次").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimeColumn {
    /// 接收材料截止时间.
    Deadline,
    /// 启动时间.
    Start,
    /// 完成时间.
    Finish,
}

impl TimeColumn {
    pub const ALL: [TimeColumn; 3] = [TimeColumn::Deadline, TimeColumn::Start, TimeColumn::Finish];

    /// An ASCII name, for identifiers.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeColumn::Deadline => "deadline",
            TimeColumn::Start => "start",
            TimeColumn::Finish => "finish",
        }
    }
}

impl Committee {
    /// The row's cell of a time column, if the table has it and it is not empty.
    pub fn time(&self, column: TimeColumn) -> Option<&'static str> {
        match column {
            TimeColumn::Deadline => self.deadline,
            TimeColumn::Start => self.start,
            TimeColumn::Finish => self.finish,
        }
    }
}

/// Whom a committee row is only for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestrictionKind {
    /// One company's own staff ("本公司的专技人才").
    Company,
    /// One trade's members ("本行业的专技人才").
    Trade,
    /// New graduates given an initial title (大中专毕业生初定).
    Graduates,
}

/// A row's restriction: its words as written, and the words of the row an employer's
/// name contains when it fits (and a county it must also name, where the row has one).
#[derive(Debug)]
pub struct Restriction {
    pub kind: RestrictionKind,
    pub text: &'static str,
    pub employer: &'static [&'static str],
    pub region: &'static [&'static str],
}

/// Specialties a row's words leave out, for some of its titles or all of them.
#[derive(Debug)]
pub struct Exclusion {
    /// The row's words, as written (e.g. "防灾减灾(初、中级除外)").
    pub text: &'static str,
    pub words: &'static [&'static str],
    /// Empty: every title of the row.
    pub titles: &'static [Title],
}

impl Exclusion {
    pub fn concerns(&self, title: Title) -> bool {
        self.titles.is_empty() || self.titles.contains(&title)
    }
}

/// A committee table of a notice (评审计划), complete.
#[derive(Debug)]
pub struct CommitteeTable {
    pub caption: &'static str,
    pub caption_en: &'static str,
    pub source: Citation,
    pub rows: &'static [Committee],
}

impl CommitteeTable {
    pub fn caption(&self, lang: Lang) -> &'static str {
        lang.pick(self.caption, self.caption_en)
    }
}

/// One required material.
#[derive(Debug)]
pub struct Material {
    pub no: u32,
    /// The requirement as written.
    pub item: &'static str,
    /// Its note in brackets as written, e.g. 系统自动提取.
    pub how: &'static str,
    /// The provincial system fills it in itself (系统自动提取).
    pub filled_by_system: bool,
    pub source: Citation,
}

#[derive(Debug)]
pub struct MaterialTable {
    pub caption: &'static str,
    pub caption_en: &'static str,
    pub source: Citation,
    pub rows: &'static [Material],
    /// Materials other clauses ask of some applicants only.
    pub conditional: &'static [ConditionalMaterial],
}

/// A material a clause outside the list asks of some applicants.
#[derive(Debug)]
pub struct ConditionalMaterial {
    /// The requirement as written.
    pub item: &'static str,
    /// Whom it concerns, our words.
    pub applies: &'static str,
    pub applies_en: &'static str,
    /// The row of the list it completes or corrects.
    pub amends: Option<u32>,
    pub source: Citation,
}

impl ConditionalMaterial {
    pub fn applies(&self, lang: Lang) -> &'static str {
        lang.pick(self.applies, self.applies_en)
    }
}

/// A continuing-education contact of a competent department, by field.
#[derive(Debug)]
pub struct CeContact {
    pub no: u32,
    /// 专业.
    pub field: &'static str,
    /// 主管部门.
    pub department: &'static str,
    /// 联系人.
    pub person: &'static str,
    pub phones: &'static [Phone],
    /// Target titles whose series the field names (e.g. 经济).
    pub titles: &'static [Title],
    /// Words of the field that name its specialties.
    pub specialties: &'static [&'static str],
    pub source: Citation,
}

#[derive(Debug)]
pub struct CeContactTable {
    pub caption: &'static str,
    pub caption_en: &'static str,
    pub source: Citation,
    pub rows: &'static [CeContact],
}

/// A person or office the notice gives for questions.
#[derive(Debug)]
pub struct NamedContact {
    pub name: &'static str,
    pub phones: &'static [Phone],
    pub source: Citation,
}

/// A clause worth reading beside the tables (its text: `rules::clause(&note.source)`).
#[derive(Debug)]
pub struct Note {
    pub topic: &'static str,
    pub topic_en: &'static str,
    pub source: Citation,
}

impl Note {
    pub fn topic(&self, lang: Lang) -> &'static str {
        lang.pick(self.topic, self.topic_en)
    }
}

/// The notice's schedule in its own words, and the deadline where it gives a date.
#[derive(Debug)]
pub struct Schedule {
    pub text: &'static str,
    pub deadline: Option<Date>,
    pub source: Citation,
}

/// The notice gives no plan: our summary of why, and the clause that says so.
#[derive(Debug)]
pub struct NoPlan {
    pub summary: &'static str,
    pub summary_en: &'static str,
    pub source: Citation,
}

impl NoPlan {
    pub fn summary(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary, self.summary_en)
    }
}

/// Where and when to apply under one rule set, from its notice (rules/plans/).
#[derive(Debug)]
pub struct Plan {
    pub rule_set: &'static str,
    /// Completes local numbers for `Phone::dial`.
    pub area_code: Option<&'static str>,
    /// `Some`: the notice has no committee table (then `committees` is empty).
    pub no_plan: Option<NoPlan>,
    pub schedule: Option<Schedule>,
    /// The notice's own contacts for questions.
    pub contacts: &'static [NamedContact],
    pub notes: &'static [Note],
    pub committees: &'static [CommitteeTable],
    pub materials: Option<MaterialTable>,
    pub ce_contacts: Option<CeContactTable>,
    /// For a title no committee row serves: where the notice sends the applicant.
    pub elsewhere: Option<Elsewhere>,
    /// Where the notice says CE hours are registered.
    pub ce_registration: &'static [CeRegistration],
}

/// Where a notice sends an applicant whose title none of its committees serves.
#[derive(Debug)]
pub struct Elsewhere {
    /// The notice's words.
    pub text: &'static str,
    pub summary: &'static str,
    pub summary_en: &'static str,
    pub source: Citation,
}

impl Elsewhere {
    pub fn summary(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary, self.summary_en)
    }
}

/// A system where the notice says CE hours are registered.
#[derive(Debug)]
pub struct CeRegistration {
    /// Its name as written.
    pub system: &'static str,
    /// Its address as written (shown as text: the app opens nothing by itself).
    pub url: Option<&'static str>,
    /// Whom it serves, as written (`None`: everyone under the notice).
    pub who: Option<&'static str>,
    pub source: Citation,
}

/// How a specialty id of the profile format (e.g. `light_textile`) is shown.
#[derive(Debug)]
pub struct SpecialtyLabel {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// How a person's word relates to a notice's specialty word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// Another name of the same field.
    Synonym,
    /// A part of the field the notice names.
    Narrower,
}

/// Why a link holds: a clause that groups the words, or our convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Source(Citation),
    Convention(&'static str),
}

/// Words a person may write, and the notices' specialty words they belong to
/// (rules/specialties.toml).
#[derive(Debug, PartialEq, Eq)]
pub struct SpecialtyLink {
    pub words: &'static [&'static str],
    pub means: &'static [&'static str],
    pub kind: LinkKind,
    pub basis: Basis,
}

impl Plan {
    /// Every citation of the plan: tables, rows, notes, schedule, contacts.
    pub fn citations(&self) -> Vec<Citation> {
        let mut out = Vec::new();
        out.extend(self.no_plan.as_ref().map(|n| n.source));
        out.extend(self.schedule.as_ref().map(|s| s.source));
        out.extend(self.contacts.iter().map(|c| c.source));
        out.extend(self.notes.iter().map(|n| n.source));
        for t in self.committees {
            out.push(t.source);
            out.extend(t.rows.iter().map(|r| r.source));
        }
        if let Some(m) = &self.materials {
            out.push(m.source);
            out.extend(m.rows.iter().map(|r| r.source));
        }
        if let Some(c) = &self.ce_contacts {
            out.push(c.source);
            out.extend(c.rows.iter().map(|r| r.source));
        }
        out
    }
}

include!(concat!(env!("OUT_DIR"), "/rules_data.rs"));

/// The plan (committees, schedule, contacts, materials) of a rule set. Every bundled
/// rule set has one; `None` only for an unknown id.
pub fn plan(rule_set_id: &str) -> Option<&'static Plan> {
    PLANS.iter().find(|p| p.rule_set == rule_set_id)
}

/// Every plan, in rule set id order.
pub fn plans() -> &'static [Plan] {
    PLANS
}

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

/// The labels of the profile format's specialty ids.
pub fn specialty_labels() -> &'static [SpecialtyLabel] {
    SPECIALTY_LABELS
}

/// A specialty as shown: the label of an id (e.g. `light_textile` → 轻纺), else the
/// text as written.
pub fn specialty_label(s: &str, lang: Lang) -> &str {
    SPECIALTY_LABELS
        .iter()
        .find(|l| l.id == s)
        .map_or(s, |l| lang.pick(l.zh, l.en))
}

/// The specialty vocabulary's links.
pub fn specialty_links() -> &'static [SpecialtyLink] {
    SPECIALTY_LINKS
}
