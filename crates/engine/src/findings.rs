//! What the checks find, before it is put into words: each check's [`Outcome`] — its
//! status and the numbers behind it ([`Detail`]). `assess` computes them, `messages`
//! words them; neither knows the other.

use crate::case::Start;
use crate::ce::CeOutcome;
use crate::date::Date;
use crate::rules::{AmbiguousYear, FraudConsequence, MountainList, PathStep};
use crate::verdict::Service;
use crate::vocab::{CheckId, CheckStatus, Employment, SanctionKind, Status, Title};

/// One check's finding, before it is put into words.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub id: CheckId,
    pub status: CheckStatus,
    pub detail: Detail,
}

impl Outcome {
    pub fn new(id: CheckId, status: CheckStatus, detail: Detail) -> Outcome {
        Outcome { id, status, detail }
    }
}

/// All findings of one evaluation.
pub(crate) struct Assessed {
    pub outcomes: Vec<Outcome>,
    pub service: Option<Service>,
    pub ce: CeOutcome,
}

impl Assessed {
    pub fn has_fail(&self) -> bool {
        self.outcomes.iter().any(|o| o.status == CheckStatus::Fail)
    }

    /// The verdict's status (SPEC §3) for a covered target: any `fail`, else any
    /// `review`, else eligible.
    pub fn status(&self) -> Status {
        if self.has_fail() {
            Status::NotEligible
        } else if self
            .outcomes
            .iter()
            .any(|o| o.status == CheckStatus::Review)
        {
            Status::NeedsReview
        } else {
            Status::Eligible
        }
    }
}

/// Why a sanction blocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum BlockReason {
    PublicInstitution,
    PublicOfficial,
}

/// A sanction with its period worked out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SanctionSpan {
    pub kind: SanctionKind,
    pub effective: Date,
    /// The last day in force; `None` = never ends.
    pub last_day: Option<Date>,
}

/// Whether `Y` is the notice's own round or a projection past it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Round {
    /// `Y` is the rule set's year: what the notice names applies, whatever `R`.
    Own,
    /// A later `Y`: what is in force on `R` applies.
    Projection,
}

/// When the statutory retirement date falls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum RetirementWhen {
    /// On or before `R`.
    Reached,
    /// After `R`, within the evaluation year.
    DuringYear,
    Later,
}

/// The numbers behind each finding.
#[derive(Debug, Clone)]
pub(crate) enum Detail {
    NotCovered,
    AlreadyRetired,
    Retirement {
        date: Date,
        age_months: u32,
        when: RetirementWhen,
    },
    Employment(Employment),
    SanctionBlocks {
        s: SanctionSpan,
        reason: BlockReason,
    },
    SanctionNotBlocking {
        s: SanctionSpan,
    },
    NoSanctionInForce {
        count: usize,
    },
    FraudBan {
        finding: i32,
        last_year: i32,
        consequence: FraudConsequence,
    },
    NoFraudBan {
        findings: usize,
    },
    NotInTechnicalPost,
    PostWageNotPaid,
    InTechnicalPost,
    ProfessionMismatch,
    ProfessionMatches,
    NoPath,
    Path(PathStep),
    NoPrerequisiteNeeded,
    PrerequisiteHeld {
        title: Title,
        obtained: Date,
    },
    PrerequisiteMissing {
        title: Title,
    },
    AfterNoPath,
    AfterMissingPrerequisite,
    Service {
        start: Start,
        service: Service,
        years: u32,
    },
    Ce(CeOutcome),
    /// The CE policy fails on the strict reading of an ambiguous clause and passes on
    /// the inclusive one (SPEC §7): `review`, naming both readings.
    CeOnlyInclusive {
        strict: CeOutcome,
        year: AmbiguousYear,
    },
    ExamNotNeeded,
    ExamPassed {
        year: Option<i32>,
    },
    ExamMissing,
    ForeignLanguage {
        required: bool,
    },
    Mountain {
        county: &'static str,
        list: Option<&'static MountainList>,
        round: Round,
        /// In the notice's own round, the provincial list that replaced the notice's
        /// later on (said, but not applied).
        changed: Option<&'static MountainList>,
    },
    Projection,
}
