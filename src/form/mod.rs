//! The self-check's form: the raw text of every field as typed, the edits the views
//! send, and the conversion to a `Profile` that names every missing or bad field.
//! Each field is described once, in `table` (its id, step, label, kind, JSON paths,
//! stored key and accessor); the rest of the app asks the table.
//!
//! - `step`: the steps, in order;
//! - `field`: which field (`Name`, `At`, `Field`) and which list (`List`);
//! - `table`: one descriptor per field and per list;
//! - `typed`: the form as typed (`Form`, the rows, the CE grid);
//! - `edit`: the edits (`Edit`) and a field's value, through the table;
//! - `early`: what the prerendered first screen's controls held before the app was
//!   ready, as edits;
//! - `parse`: dates, years and hours as people type them;
//! - `check`: the form converted (`Checked`, `Problem`), what the CE step shows;
//! - `profile`: a profile shown in the form;
//! - `stored`: the form as `zhicheng:v1` stores it, through the table;
//! - `evaluation`: the form checked and evaluated (`Evaluation`).

pub mod check;
pub mod early;
pub mod edit;
pub mod evaluation;
#[cfg(test)]
pub mod examples;
pub mod field;
pub mod parse;
pub mod profile;
pub mod step;
pub mod stored;
pub mod table;
pub mod typed;
