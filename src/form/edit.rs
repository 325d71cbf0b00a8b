//! Changing the form: the edits the views send, each field reached through its entry
//! in the descriptor table (`form::table`), and a field's value tidied when it is left
//! (a date as `YYYY-MM-DD`, a year or hours with ASCII digits).

use zhicheng_engine::profile::CeRecord;
use zhicheng_engine::vocab::CeCategory;

use super::field::{Field, List, Name};
use super::parse;
use super::table::{Access, Kind};
use super::typed::{Form, RecordRow};

/// One change to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A text field's new text (or a choice's value).
    Set(Field, String),
    /// A checkbox ticked or not.
    Flag(Field, bool),
    Add(List),
    Remove(List, usize),
    /// Adds the year typed in `ce_new_year` to the grid (if it is a year).
    CeAddYear,
    /// Empties one year of the grid.
    CeClearYear(i32),
    AppendRecords(Vec<CeRecord>),
    ClearRecords,
    /// The user left a field: write a recognised date as `YYYY-MM-DD`, a year or hours
    /// typed with full-width digits in ASCII.
    Tidy(Field),
}

impl Form {
    /// Applies one edit. Edits that name a row that does not exist do nothing.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Set(field, value) => self.set(field, value),
            Edit::Flag(field, on) => self.set_flag(field, on),
            Edit::Add(list) => {
                let row = self.push_row(list);
                if list == List::Records {
                    // A new record is for the latest year of the grid, in the main
                    // category, until the user says otherwise.
                    let year = self.ce_grid.keys().next_back().map(i32::to_string);
                    let record = &mut self.records[row];
                    record.year = year.unwrap_or_default();
                    record.category = CeCategory::Professional.as_str().into();
                }
            }
            Edit::Remove(list, i) => (list.def().rows.remove)(self, i),
            Edit::CeAddYear => {
                if let Ok(Some(year)) = parse::year(&self.ce_new_year) {
                    self.ce_grid.get_or_default(year);
                    self.ce_new_year.clear();
                }
            }
            Edit::CeClearYear(year) => {
                self.ce_grid.remove(&year);
            }
            Edit::AppendRecords(records) => {
                for r in records {
                    let key = self.key();
                    self.records.push(RecordRow {
                        key,
                        year: r.year.to_string(),
                        category: r.category.as_str().into(),
                        hours: r.hours.to_string(),
                        online: r.online,
                        authority_recognized: r.authority_recognized,
                        note: r.note.unwrap_or_default(),
                    });
                }
            }
            Edit::ClearRecords => self.records.clear(),
            Edit::Tidy(field) => self.tidy(field),
        }
    }

    /// Appends an empty row (with a fresh key) to a list; its index.
    pub fn push_row(&mut self, list: List) -> usize {
        let key = self.key();
        let rows = list.def().rows;
        (rows.push)(self, key);
        (rows.len)(self) - 1
    }

    /// The raw text of a field ("" for a checkbox, or a row that does not exist).
    pub fn value(&self, field: Field) -> &str {
        match field.def().access {
            Access::Text { get, .. } => get(self, field.at).map_or("", String::as_str),
            Access::Flag { .. } => "",
        }
    }

    /// Whether a checkbox is ticked (`false` for a text field, or a row that does not
    /// exist).
    pub fn flag(&self, field: Field) -> bool {
        match field.def().access {
            Access::Flag { get, .. } => get(self, field.at).unwrap_or(false),
            Access::Text { .. } => false,
        }
    }

    fn set(&mut self, field: Field, value: String) {
        if field.name == Name::RuleSet && value != self.rule_set {
            // The evaluation years offered depend on the rule set.
            self.evaluation_year.clear();
        }
        if let Access::Text { slot, .. } = field.def().access {
            if let Some(slot) = slot(self, field.at) {
                *slot = value;
            }
        }
    }

    fn set_flag(&mut self, field: Field, on: bool) {
        if let Access::Flag { slot, .. } = field.def().access {
            if let Some(slot) = slot(self, field.at) {
                *slot = on;
            }
        }
    }

    fn tidy(&mut self, field: Field) {
        let raw = self.value(field);
        let tidy = match field.kind() {
            Kind::Date => parse::date(raw).ok().flatten().map(|d| d.to_string()),
            Kind::Year => parse::year(raw).ok().flatten().map(|y| y.to_string()),
            Kind::Hours => parse::hours(raw).ok().flatten().map(|h| h.to_string()),
            Kind::Text | Kind::Select | Kind::Radio | Kind::Checkbox => None,
        };
        if let Some(tidy) = tidy {
            if tidy != raw {
                self.set(field, tidy);
            }
        }
    }
}
