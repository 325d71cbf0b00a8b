//! 去哪里申报 — where and when to apply: a notice's committees for a person, ranked as
//! the notice intends, with its schedule, contacts, materials and CE contacts, or
//! plainly that the notice gives none.
//!
//! Pure lookups into the bundled plans (rules/plans/) and the specialty vocabulary
//! (rules/specialties.toml). Every row carries its citation; `rules::clause(&row.source)`
//! gives the quoted row. [`report`] writes the same answer as `zhicheng-where/1` JSON
//! and one line of why for each committee, for the CLI and the app alike.
//!
//! ```
//! use zhicheng_engine::apply::{where_to_apply, Applicant, Committees, MatchClass};
//! use zhicheng_engine::vocab::Title;
//!
//! let who = Applicant::default();
//! let answer = where_to_apply("zj-huzhou-2021", Title::Engineer, Some("机械工程"), &who).unwrap();
//! let Committees::Ranked(found) = &answer.committees else { panic!() };
//! // The city committee for 机电工程 (row 9), not a company's own (rows 41–42).
//! assert_eq!(found[0].committee.no, 9);
//! assert_eq!(found[0].class, MatchClass::Likely);
//! ```

mod rank;
pub mod report;
mod words;

pub use rank::{Applicant, CommitteeMatch, MatchClass, Relation, RestrictionFit, SpecialtyMatch};
pub use words::{Reach, Specialty};

use crate::profile::Profile;
use crate::rules::{
    self, CeContact, CeContactTable, CeRegistration, Elsewhere, MaterialTable, NamedContact,
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

/// The committees of the notice for the target.
#[derive(Debug, Clone)]
pub enum Committees {
    /// Every row that evaluates, recommends or gives the title, in the order shown
    /// (see [`rank::rank`]): likely, possible, restricted, other, excluded.
    Ranked(Vec<CommitteeMatch>),
    /// The notice has a plan, but no row serves this title; where the notice sends
    /// such applicants, if it says.
    NoneForTitle(Option<&'static Elsewhere>),
    /// The notice gives no plan at all.
    NoPlan(&'static NoPlan),
}

impl Committees {
    /// The rows ranked, if any.
    pub fn ranked(&self) -> &[CommitteeMatch] {
        match self {
            Committees::Ranked(found) => found,
            _ => &[],
        }
    }
}

/// The CE contacts of a notice: those for the target first, and the whole table.
#[derive(Debug, Clone)]
pub struct CeContacts {
    /// Rows whose field names the target's specialty (directly or through the
    /// vocabulary) or series, in table order.
    pub matching: Vec<&'static CeContact>,
    pub table: &'static CeContactTable,
}

/// Everything the notice of a rule set says about where and when to apply.
#[derive(Debug, Clone)]
pub struct WhereToApply {
    pub rule_set: &'static RuleSet,
    pub plan: &'static Plan,
    pub title: Title,
    /// The specialty as read against the plan.
    pub specialty: Specialty,
    pub committees: Committees,
    /// A schedule or deadline for the whole notice (each committee row may give its own).
    pub schedule: Given<&'static Schedule>,
    /// The notice's own telephone contacts.
    pub contacts: Given<&'static [NamedContact]>,
    /// The materials to submit.
    pub materials: Given<&'static MaterialTable>,
    /// Continuing-education contacts by field.
    pub ce_contacts: Given<CeContacts>,
    /// Where CE hours are registered.
    pub ce_registration: Given<&'static [CeRegistration]>,
    /// Clauses worth reading beside the tables.
    pub notes: &'static [Note],
}

impl WhereToApply {
    /// The committee most likely to be the person's, if one is.
    pub fn likely(&self) -> Option<&CommitteeMatch> {
        self.committees
            .ranked()
            .first()
            .filter(|m| m.class == MatchClass::Likely)
    }
}

/// Where and when to apply under `rule_set_id` for a target title, a specialty in the
/// person's words (such as 机械工程, or an id such as light_textile) and what the person
/// says of their employer. `None` only for an unknown rule set.
pub fn where_to_apply(
    rule_set_id: &str,
    title: Title,
    specialty: Option<&str>,
    who: &Applicant,
) -> Option<WhereToApply> {
    let rule_set = rules::rule_set(rule_set_id)?;
    let plan = rules::plan(rule_set_id)?;
    let specialty = Specialty::read(plan, specialty);
    let committees = match &plan.no_plan {
        Some(no_plan) => Committees::NoPlan(no_plan),
        None => {
            let found = rank::rank(plan, title, &specialty, who);
            if found.is_empty() {
                Committees::NoneForTitle(plan.elsewhere.as_ref())
            } else {
                Committees::Ranked(found)
            }
        }
    };
    let contacts = (!plan.contacts.is_empty()).then_some(plan.contacts);
    let ce_contacts = plan.ce_contacts.as_ref().map(|table| CeContacts {
        matching: table
            .rows
            .iter()
            .filter(|r| r.titles.contains(&title) || specialty.best_among(r.specialties).is_some())
            .collect(),
        table,
    });
    let registration = (!plan.ce_registration.is_empty()).then_some(plan.ce_registration);
    Some(WhereToApply {
        rule_set,
        plan,
        title,
        specialty,
        committees,
        schedule: Given::from_option(plan.schedule.as_ref()),
        contacts: Given::from_option(contacts),
        materials: Given::from_option(plan.materials.as_ref()),
        ce_contacts: Given::from_option(ce_contacts),
        ce_registration: Given::from_option(registration),
        notes: plan.notes,
    })
}

/// `where_to_apply` for a profile's rule set and target.
pub fn for_profile(profile: &Profile, who: &Applicant) -> Option<WhereToApply> {
    where_to_apply(
        &profile.rule_set,
        profile.target.title,
        profile.target.specialty.as_deref(),
        who,
    )
}
