//! What the person entered on the prerendered first screen before the app was ready,
//! read back as edits: src/main.rs reads each control of the form's own fields by its
//! id (through src/web/input.rs); this says which of them changed what.

use super::edit::Edit;
use super::field::Field;
use super::table::{Place, FIELDS};
use super::typed::Form;

/// What one control of the page holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entered {
    /// A text field's text, a select's value, or the value of a group's checked radio.
    Text(String),
    /// A checkbox.
    Ticked(bool),
}

/// The edits that bring an empty form to what the page's controls hold, in the form's
/// order (a rule set before its year). `read` gives what the control with that id
/// holds, `None` where the page has none (or no radio of a group is checked).
pub fn edits(read: impl Fn(&str) -> Option<Entered>) -> Vec<Edit> {
    let blank = Form::default();
    FIELDS
        .iter()
        .filter(|def| def.place == Place::Form)
        .filter_map(|def| {
            let field = Field::new(def.name);
            match read(&field.dom_id())? {
                Entered::Text(text) => {
                    (text != blank.value(field)).then_some(Edit::Set(field, text))
                }
                Entered::Ticked(on) => (on != blank.flag(field)).then_some(Edit::Flag(field, on)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::field::Name;

    #[test]
    fn only_what_changed_in_the_forms_order() {
        let edits = edits(|id| match id {
            "f-title" => Some(Entered::Text("senior".into())),
            "f-rule-set" => Some(Entered::Text("zj-2020".into())),
            "f-specialty" => Some(Entered::Text(String::new())),
            "f-exceptional" => Some(Entered::Ticked(true)),
            _ => None,
        });
        assert_eq!(
            edits,
            vec![
                Edit::Set(Field::new(Name::RuleSet), "zj-2020".into()),
                Edit::Set(Field::new(Name::Title), "senior".into()),
                Edit::Flag(Field::new(Name::Exceptional), true),
            ]
        );
    }

    #[test]
    fn an_untouched_page_gives_nothing() {
        assert!(edits(|_| None).is_empty());
    }
}
