//! What a form control's event says: the text typed, the option or radio button
//! chosen, a checkbox ticked, the key pressed; and keeping a `<select>` showing the
//! value it should.

use web_sys::{HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::html::TargetCast;
use yew::{Event, NodeRef};

/// The text of the `<input>` or `<textarea>` an `input` or `change` event came from.
pub fn text(e: &Event) -> String {
    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
        return input.value();
    }
    e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
        .map(|area| area.value())
        .unwrap_or_default()
}

/// The value chosen: a `<select>`'s option, or a radio button's value.
pub fn choice(e: &Event) -> String {
    match e.target_dyn_into::<HtmlSelectElement>() {
        Some(select) => select.value(),
        None => text(e),
    }
}

/// Whether the checkbox a `change` event came from is ticked.
pub fn checked(e: &Event) -> bool {
    e.target_dyn_into::<HtmlInputElement>()
        .is_some_and(|input| input.checked())
}

/// Whether the key pressed is Enter.
pub fn is_enter(e: &KeyboardEvent) -> bool {
    e.key() == "Enter"
}

/// Makes the `<select>` behind `node` show `value` (after the user has picked an
/// option by hand, the `selected` attribute alone no longer does).
pub fn show_choice(node: &NodeRef, value: &str) {
    if let Some(select) = node.cast::<HtmlSelectElement>() {
        if select.value() != value {
            select.set_value(value);
        }
    }
}
