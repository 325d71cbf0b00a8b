//! The steps of the self-check, in order, with the name each goes by in stored data
//! and in `data-step` attributes.

/// The steps of the self-check, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Target,
    About,
    Education,
    Other,
    Ce,
    Result,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Target,
        Step::About,
        Step::Education,
        Step::Other,
        Step::Ce,
        Step::Result,
    ];

    /// The name used in stored data and in `data-step` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Target => "target",
            Step::About => "about",
            Step::Education => "education",
            Step::Other => "other",
            Step::Ce => "ce",
            Step::Result => "result",
        }
    }

    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }
}
