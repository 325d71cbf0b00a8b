//! Everything that changes the self-check's state: what the user does, what arrives
//! (a file read, a share link), and what became of a storage request.

use zhicheng_engine::{InputError, Lang, Profile};
use zhicheng_formats::ce_csv::Import;

use super::arrival::Arrival;
use super::effect::Erase;
use super::page::Page;
use super::saved::Unavailable;
use super::state::{Copied, TextSize};
use crate::form::edit::Edit;
use crate::form::field::Field;
use crate::form::step::Step;
use crate::share::ShareError;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// The user left a field: its problems may show.
    Touch(Field),
    Lang(Lang),
    /// The header's large-text switch.
    TextSize(TextSize),
    Page(Page),
    Go(Step),
    /// From the list of what is missing or wrong: the field's step, and the field.
    GoToField(Field),
    /// "Remember my data" ticked or not.
    Remember(bool),
    /// "Clear my data".
    ClearAll,
    /// What the page held at start, once the prerendered first screen is hydrated.
    Arrive(Box<Arrival>),
    /// A share link arrived (at start, or in the address of the open page).
    OpenShared(Result<Profile, ShareError>),
    /// Keep the shared data instead of what was remembered.
    RememberShared,
    /// Leave the shared data for what was remembered.
    BackToSaved,
    ImportProfile {
        name: String,
        result: Result<Profile, InputError>,
    },
    FileUnreadable(String),
    CsvImported {
        name: String,
        import: Import,
    },
    /// Back to the form before the last import.
    Undo,
    Dismiss(usize),
    /// Unreadable remembered data: removed at the user's request, after the offer to
    /// download it.
    ClearUnreadable,
    OpenShareBox,
    CloseShareBox,
    Copied(Copied),
    /// A material of the checklist (where to apply) ticked off or not.
    Tick {
        rule_set: String,
        no: u32,
        on: bool,
    },
    /// The employer typed on the where-to-apply section.
    Employer(String),
    /// "I am a new graduate asking for 初定" on the where-to-apply section.
    Graduate(bool),
    /// What became of `Effect::Store`.
    Stored(Result<(), Unavailable>),
    /// What became of `Effect::Erase`.
    Erased(Erase, Result<(), Unavailable>),
}
