//! What a focus request names: a step, a page, a field, the CSV import's report. The
//! store says what to focus; the views know its element (src/views/focus.rs).

use crate::form::field::Field;
use crate::form::step::Step;

use super::page::Page;

/// What to focus, by what it is (src/views/focus.rs finds its element).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// A step's heading (the result's, for the result step).
    Step(Step),
    /// A page's heading.
    Page(Page),
    /// A field of the form (its step is shown).
    Field(Field),
    /// The report of the CSV import just made.
    CsvReport,
}

impl Focus {
    /// Whether it opens a view (a step or a page), which then starts at the top.
    pub fn opens_view(self) -> bool {
        matches!(self, Focus::Step(_) | Focus::Page(_))
    }
}
