//! 去哪里申报 — where and when to apply: a notice's committees, schedule and contacts for a target.
//!
//! For a rule set and a target: the matching committees of its notice, the schedule,
//! contacts, materials and CE contacts, or plainly that the notice gives none. Pure lookups into the bundled plans (rules/plans/). Every row carries its citation;
//! `rules::clause(&row.source)` gives the quoted row.
//!
//! ```
//! use zhicheng_engine::apply::{where_to_apply, Committees};
//! use zhicheng_engine::vocab::Title;
//!
//! let answer = where_to_apply("zj-jxt-gaogong-2020", Title::SeniorEngineer, Some("materials")).unwrap();
//! let Committees::Matching(found) = &answer.committees else { panic!() };
//! assert_eq!(found[0].committee.name, "省材料工程技术人员高级工程师职务任职资格评审委员会");
//! ```

use crate::messages::specialty_zh;
use crate::profile::Profile;
use crate::rules::{
    self, CeContact, CeContactTable, Committee, CommitteeTable, MaterialTable, NamedContact,
    NoPlan, Note, Plan, RuleSet, Schedule,
};
use crate::vocab::Title;

/// Information a notice may or may not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given<T> {
    Given(T),
    /// The notice says nothing about it: the app says so rather than guessing.
    NotInNotice,
}

impl<T> Given<T> {
    fn from_option(o: Option<T>) -> Given<T> {
        o.map_or(Given::NotInNotice, Given::Given)
    }

    /// The information, if the notice gives it.
    pub fn given(&self) -> Option<&T> {
        match self {
            Given::Given(t) => Some(t),
            Given::NotInNotice => None,
        }
    }
}

/// How a row concerns the target title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TitleRelation {
    /// The row evaluates the title itself (所评资格).
    Evaluates,
    /// The row recommends applicants for it to a higher committee (推荐资格).
    Recommends,
}

/// How a row's specialty words meet the applicant's specialty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialtyMatch {
    /// The specialty text contains this word of the row.
    Matches(&'static str),
    /// No specialty given, or the row names none: cannot tell.
    Unknown,
    /// The row names specialties, and none is in the specialty text.
    Differs,
}

impl SpecialtyMatch {
    fn rank(self) -> u8 {
        match self {
            SpecialtyMatch::Matches(_) => 0,
            SpecialtyMatch::Unknown => 1,
            SpecialtyMatch::Differs => 2,
        }
    }
}

/// One committee row that evaluates or recommends the target title.
#[derive(Debug, Clone, Copy)]
pub struct CommitteeMatch {
    pub table: &'static CommitteeTable,
    pub committee: &'static Committee,
    pub title: TitleRelation,
    pub specialty: SpecialtyMatch,
}

/// The committees of the notice for the target.
#[derive(Debug, Clone)]
pub enum Committees {
    /// Rows for the title, best first: specialty matches, then rows whose specialty
    /// cannot be told, then rows of other specialties; within each, rows that evaluate
    /// before rows that recommend, then in the notice's order.
    Matching(Vec<CommitteeMatch>),
    /// The notice has a plan, but no row evaluates or recommends this title.
    NoneForTitle,
    /// The notice gives no plan at all.
    NoPlan(&'static NoPlan),
}

/// The CE contacts of a notice: those for the target first, and the whole table.
#[derive(Debug, Clone)]
pub struct CeContacts {
    /// Rows whose field names the target's specialty or series, in table order.
    pub matching: Vec<&'static CeContact>,
    pub table: &'static CeContactTable,
}

/// Everything the notice of a rule set says about where and when to apply.
#[derive(Debug, Clone)]
pub struct WhereToApply {
    pub rule_set: &'static RuleSet,
    pub plan: &'static Plan,
    pub committees: Committees,
    /// A schedule or deadline for the whole notice (each committee row may give its own).
    pub schedule: Given<&'static Schedule>,
    /// The notice's own telephone contacts.
    pub contacts: Given<&'static [NamedContact]>,
    /// The materials to submit.
    pub materials: Given<&'static MaterialTable>,
    /// Continuing-education contacts by field.
    pub ce_contacts: Given<CeContacts>,
    /// Clauses worth reading beside the tables.
    pub notes: &'static [Note],
}

/// Where and when to apply under `rule_set_id` for a target title and, optionally, a
/// specialty (free text such as 轻纺工程, or one of the ids energy, materials,
/// light_textile, petrochemical). `None` only for an unknown rule set.
pub fn where_to_apply(
    rule_set_id: &str,
    title: Title,
    specialty: Option<&str>,
) -> Option<WhereToApply> {
    let rule_set = rules::rule_set(rule_set_id)?;
    let plan = rules::plan(rule_set_id)?;
    let specialty = specialty_text(specialty);
    let committees = match &plan.no_plan {
        Some(no_plan) => Committees::NoPlan(no_plan),
        None => {
            let found = match_committees(plan, title, specialty);
            if found.is_empty() {
                Committees::NoneForTitle
            } else {
                Committees::Matching(found)
            }
        }
    };
    let contacts = (!plan.contacts.is_empty()).then_some(plan.contacts);
    let ce_contacts = plan.ce_contacts.as_ref().map(|table| CeContacts {
        matching: table
            .rows
            .iter()
            .filter(|r| {
                r.titles.contains(&title) || words_match(r.specialties, specialty).is_some()
            })
            .collect(),
        table,
    });
    Some(WhereToApply {
        rule_set,
        plan,
        committees,
        schedule: Given::from_option(plan.schedule.as_ref()),
        contacts: Given::from_option(contacts),
        materials: Given::from_option(plan.materials.as_ref()),
        ce_contacts: Given::from_option(ce_contacts),
        notes: plan.notes,
    })
}

/// `where_to_apply` for a profile's rule set and target.
pub fn for_profile(profile: &Profile) -> Option<WhereToApply> {
    where_to_apply(
        &profile.rule_set,
        profile.target.title,
        profile.target.specialty.as_deref(),
    )
}

/// The rows of every committee table of `plan` that evaluate or recommend `title`,
/// ranked as `Committees::Matching` describes.
pub fn match_committees(
    plan: &'static Plan,
    title: Title,
    specialty: Option<&str>,
) -> Vec<CommitteeMatch> {
    let mut out: Vec<CommitteeMatch> = Vec::new();
    for table in plan.committees {
        for committee in table.rows {
            let relation = if committee.titles_evaluated.contains(&title) {
                TitleRelation::Evaluates
            } else if committee.titles_recommended.contains(&title) {
                TitleRelation::Recommends
            } else {
                continue;
            };
            let specialty = match (specialty, committee.specialties.is_empty()) {
                (None, _) | (_, true) => SpecialtyMatch::Unknown,
                (Some(s), false) => match words_match(committee.specialties, Some(s)) {
                    Some(word) => SpecialtyMatch::Matches(word),
                    None => SpecialtyMatch::Differs,
                },
            };
            out.push(CommitteeMatch {
                table,
                committee,
                title: relation,
                specialty,
            });
        }
    }
    // A stable sort keeps the notice's order within a rank.
    crate::sort::stable_by_key(&mut out, |m| (m.specialty.rank(), m.title));
    out
}

/// The specialty as matched: trimmed, and an id of the profile format in Chinese.
fn specialty_text(specialty: Option<&str>) -> Option<&str> {
    specialty
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(specialty_zh)
}

/// The first of `words` that the specialty text contains.
fn words_match(words: &'static [&'static str], specialty: Option<&str>) -> Option<&'static str> {
    let s = specialty?;
    words.iter().copied().find(|w| s.contains(w))
}
