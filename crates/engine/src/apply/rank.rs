//! Which committees of a plan serve a person, and how likely each is: by title, by
//! specialty (directly or through the vocabulary), by the restrictions and exclusions
//! of each row's own words. The order is the order shown, everywhere.

use super::words::{Reach, Specialty};
use crate::rules::{
    Committee, CommitteeTable, Exclusion, Plan, Restriction, RestrictionKind, RowKind,
};
use crate::vocab::Title;

/// What a person may say beyond the profile, for rows only for some people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applicant<'a> {
    /// The employer's name, matched against company and trade rows.
    pub employer: Option<&'a str>,
    /// A new graduate asking for an initial title (大中专毕业生初定).
    pub graduate: bool,
}

/// How a row concerns the target title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    /// The row evaluates the title itself (所评资格).
    Evaluates,
    /// The row recommends applicants for it to a higher committee (推荐资格).
    Recommends,
    /// The row gives the title to new graduates without evaluation (初定).
    InitialDetermination,
}

/// How a row's specialty words meet the person's specialty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialtyMatch {
    /// A word of the person's specialty is the row's word, or belongs to it.
    Reached(Reach),
    /// The row names no specialty: it serves its whole series.
    WholeSeries,
    /// The person gave no specialty: cannot tell.
    NotGiven,
    /// The row names specialties, and the person's reaches none of them.
    Differs,
}

impl SpecialtyMatch {
    fn rank(self) -> u8 {
        match self {
            SpecialtyMatch::Reached(Reach::Direct(_)) => 0,
            SpecialtyMatch::Reached(Reach::Linked { .. }) => 1,
            SpecialtyMatch::WholeSeries => 2,
            SpecialtyMatch::NotGiven => 3,
            SpecialtyMatch::Differs => 4,
        }
    }
}

/// How likely a row is the person's committee, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchClass {
    /// Title and specialty match, and nothing in the row keeps the person out.
    Likely,
    /// The title matches; the person gave no specialty.
    Possible,
    /// Title and specialty match, but the row is only for some people and the person
    /// has not said they are among them.
    Restricted,
    /// The title matches; the row's specialties are others.
    Other,
    /// The row's own words leave the person's specialty out for this title.
    Excluded,
}

impl MatchClass {
    /// The id of the `zhicheng-where/1` format.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchClass::Likely => "likely",
            MatchClass::Possible => "possible",
            MatchClass::Restricted => "restricted",
            MatchClass::Other => "other",
            MatchClass::Excluded => "excluded",
        }
    }
}

/// A row's restriction and whether the person said it fits.
#[derive(Debug, Clone, Copy)]
pub struct RestrictionFit {
    pub restriction: &'static Restriction,
    /// Whether the person said it fits: an employer name with the row's words, or a
    /// new graduate for 初定.
    pub fits: bool,
}

/// One committee row that evaluates, recommends or gives the target title.
#[derive(Debug, Clone, Copy)]
pub struct CommitteeMatch {
    pub table: &'static CommitteeTable,
    pub committee: &'static Committee,
    pub relation: Relation,
    pub specialty: SpecialtyMatch,
    pub restriction: Option<RestrictionFit>,
    /// The exclusion of the row that leaves the person out.
    pub exclusion: Option<&'static Exclusion>,
    pub class: MatchClass,
}

/// The rows of `plan` that serve `title`, in the order shown: likely, possible,
/// restricted, other, then restricted rows for a whole series (the graduates' 初定,
/// which never comes first unless the person says it is theirs), excluded; within
/// each, a restriction the person said fits first, then direct specialty words before
/// linked ones before rows for the whole series, longer (more specific) words first,
/// rows that evaluate before rows that recommend, then the notice's order.
pub fn rank(
    plan: &'static Plan,
    title: Title,
    specialty: &Specialty,
    who: &Applicant,
) -> Vec<CommitteeMatch> {
    let mut out: Vec<CommitteeMatch> = Vec::new();
    for table in plan.committees {
        for committee in table.rows {
            if let Some(m) = classify(table, committee, title, specialty, who) {
                out.push(m);
            }
        }
    }
    // A stable sort keeps the notice's order within equal keys.
    crate::sort::stable_by_key(&mut out, |m| {
        let fits = m.restriction.is_some_and(|r| r.fits);
        let length = match m.specialty {
            SpecialtyMatch::Reached(r) => r.notice_word().chars().count(),
            _ => 0,
        };
        let tier = match (m.class, m.specialty) {
            (MatchClass::Restricted, SpecialtyMatch::WholeSeries) => 4,
            (MatchClass::Excluded, _) => 5,
            (class, _) => class as u8,
        };
        (
            tier,
            !fits,
            m.specialty.rank(),
            usize::MAX - length,
            m.relation,
        )
    });
    out
}

fn classify(
    table: &'static CommitteeTable,
    committee: &'static Committee,
    title: Title,
    specialty: &Specialty,
    who: &Applicant,
) -> Option<CommitteeMatch> {
    let relation = if committee.titles_evaluated.contains(&title) {
        match committee.kind {
            RowKind::InitialDetermination => Relation::InitialDetermination,
            RowKind::Evaluation => Relation::Evaluates,
        }
    } else if committee.titles_recommended.contains(&title) {
        Relation::Recommends
    } else {
        return None;
    };
    let matched = if committee.specialties.is_empty() {
        SpecialtyMatch::WholeSeries
    } else if !specialty.is_given() {
        SpecialtyMatch::NotGiven
    } else {
        specialty
            .best_among(committee.specialties)
            .map_or(SpecialtyMatch::Differs, SpecialtyMatch::Reached)
    };
    let exclusion = committee
        .excludes
        .iter()
        .find(|x| x.concerns(title) && specialty.best_among(x.words).is_some());
    let restriction = committee.restriction.as_ref().map(|r| RestrictionFit {
        restriction: r,
        fits: fits(r, who),
    });
    let kept_out = restriction.is_some_and(|r| !r.fits);
    let class = match (exclusion, matched) {
        (Some(_), _) => MatchClass::Excluded,
        (None, SpecialtyMatch::Differs) => MatchClass::Other,
        (None, _) if kept_out => MatchClass::Restricted,
        (None, SpecialtyMatch::NotGiven) => MatchClass::Possible,
        (None, _) => MatchClass::Likely,
    };
    Some(CommitteeMatch {
        table,
        committee,
        relation,
        specialty: matched,
        restriction,
        exclusion,
        class,
    })
}

/// Whether the person said a restriction fits: an employer's name with one of the
/// row's words (and its county, where it names one), or a new graduate for 初定.
fn fits(r: &Restriction, who: &Applicant) -> bool {
    match r.kind {
        RestrictionKind::Graduates => who.graduate,
        RestrictionKind::Company | RestrictionKind::Trade => who.employer.is_some_and(|e| {
            r.employer.iter().any(|w| e.contains(w))
                && (r.region.is_empty() || r.region.iter().any(|w| e.contains(w)))
        }),
    }
}
