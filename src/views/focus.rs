//! Where a focus request lands: the element of what the store names (the views own
//! their ids; the store only says what to focus).

use crate::form::step::Step;
use crate::store::focus::Focus;
use crate::views::{pages, result, steps};

/// The id of the element to focus.
pub fn element_id(focus: Focus) -> String {
    match focus {
        Focus::Step(Step::Result) => result::HEADING_ID.to_string(),
        Focus::Step(_) => steps::HEADING_ID.to_string(),
        Focus::Page(page) => pages::heading_id(page).to_string(),
        Focus::Field(field) => field.dom_id(),
        Focus::CsvReport => steps::ce::REPORT_ID.to_string(),
    }
}
