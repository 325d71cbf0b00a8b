//! Which field: the names of the form's fields and lists, and where a field stands
//! (on the form, in a list's row, in a cell of the CE grid). What is known of each
//! name — its id, step, label, kind, JSON path, stored key, accessor — is its entry
//! in the descriptor table, `form::table`.

/// A field of the form: the name of its entry in `form::table::FIELDS`, in the
/// table's order (a test keeps them in step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Name {
    RuleSet,
    EvaluationYear,
    Title,
    Specialty,
    ReferenceDate,
    Exceptional,
    BirthDate,
    RetirementGroup,
    Employment,
    Retired,
    InTechnicalPost,
    ProfessionMatches,
    PostWagePaid,
    MovedFromGovernmentOrgan,
    Education,
    WorkStart,
    TitleHeld,
    TitleObtained,
    AssessmentYear,
    AssessmentGrade,
    SanctionKind,
    SanctionEffective,
    SanctionOfficial,
    FraudYear,
    ExamPassed,
    ExamYear,
    CeCell,
    CeNewYear,
    RecordYear,
    RecordCategory,
    RecordHours,
    RecordOnline,
    RecordAuthority,
    RecordNote,
}

/// Where a field stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum At {
    /// On the form itself.
    Form,
    /// In this row of its list.
    Row(usize),
    /// In the CE grid: a year and one of its cells (see `form::typed::cell_index`).
    Cell { year: i32, cell: usize },
}

impl At {
    /// The row, for a field in a list.
    pub fn row(self) -> Option<usize> {
        match self {
            At::Row(row) => Some(row),
            At::Form | At::Cell { .. } => None,
        }
    }
}

/// One field the user types in, chooses or ticks: which, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Field {
    pub name: Name,
    pub at: At,
}

impl Field {
    /// A field of the form itself.
    pub const fn new(name: Name) -> Field {
        Field { name, at: At::Form }
    }

    /// A field of a list, in row `row`.
    pub const fn row(name: Name, row: usize) -> Field {
        Field {
            name,
            at: At::Row(row),
        }
    }

    /// A cell of the CE grid.
    pub const fn cell(year: i32, cell: usize) -> Field {
        Field {
            name: Name::CeCell,
            at: At::Cell { year, cell },
        }
    }
}

/// A list of rows the user can add to and remove from: the name of its entry in
/// `form::table::LISTS`, in the table's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum List {
    Titles,
    Assessments,
    Sanctions,
    Fraud,
    Records,
}
