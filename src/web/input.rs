//! What a form control's event says: the text typed, the option or radio button
//! chosen, a checkbox ticked, the key pressed; and keeping a `<select>` showing the
//! value it should.

use wasm_bindgen::JsCast;
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

/// What a control of the page holds, read by its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Control {
    /// A text field's text, a `<select>`'s value.
    Text(String),
    /// A checkbox.
    Ticked(bool),
    /// A group of radio buttons (a `<fieldset>` with this id): the checked one's value.
    Chosen(Option<String>),
}

/// What the control with this id holds now (the prerendered first screen's, read before
/// the app takes the page over: src/main.rs). `None` where there is no such control.
pub fn control(id: &str) -> Option<Control> {
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return Some(match input.type_().as_str() {
            "checkbox" => Control::Ticked(input.checked()),
            _ => Control::Text(input.value()),
        });
    }
    if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        return Some(Control::Text(select.value()));
    }
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(Control::Text(area.value()));
    }
    let checked = element
        .query_selector("input[type=radio]:checked")
        .ok()?
        .and_then(|radio| radio.dyn_into::<HtmlInputElement>().ok());
    Some(Control::Chosen(checked.map(|radio| radio.value())))
}
