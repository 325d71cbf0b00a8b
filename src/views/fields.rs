//! Form widgets: labelled text inputs (dates, years, hours, text), selects, radio
//! groups and checkboxes, each with its hint and its error next to it. A widget
//! takes its field's id, label and kind from the descriptor table (`form::table`).

use std::rc::Rc;
use yew::prelude::*;

use crate::form::check::Problem;
use crate::form::field::Field;
use crate::form::table::Kind;
use crate::i18n;
use crate::views::ctx::Ctx;
use crate::views::icons::{icon, Icon};
use crate::web::input;
use zhicheng_engine::Lang;

/// Options common to the widgets.
#[derive(Default)]
pub struct Opts<'a> {
    pub hint: Option<&'a str>,
    pub optional: bool,
    /// Label visually hidden (in grids, where a header says it).
    pub hidden_label: bool,
    pub class: Option<&'static str>,
    /// The text of a select's empty choice (default: "Choose…").
    pub placeholder: Option<String>,
}

fn describedby(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn label_text(c: &Ctx, label: &str, optional: bool) -> Html {
    html! {
        <>
            { label.to_string() }
            if optional {
                <span class="optional">{ format!(" {}", c.t(i18n::OPTIONAL_MARK)) }</span>
            }
        </>
    }
}

/// The error line under a field.
pub fn error_line(c: &Ctx, field: Field) -> Html {
    problem_line(c.lang, field, c.shown_problem(field))
}

/// The error line under a field, given the problem shown (if any).
pub fn problem_line(lang: Lang, field: Field, problem: Option<&Problem>) -> Html {
    match problem {
        Some(problem) => html! {
            <p class="field-error" id={format!("{}-error", field.dom_id())} data-field-error={field.dom_id()}>
                { icon(Icon::Fail) }
                <span>{ problem.text(lang) }</span>
            </p>
        },
        None => html! {},
    }
}

/// A labelled text input (a date, year, hours or text, as its kind says).
pub fn text_input(c: &Ctx, field: Field, opts: Opts) -> Html {
    let id = field.dom_id();
    let label = c.t(field.def().label);
    let error = c.shown_problem(field).is_some();
    let (inputmode, placeholder) = match field.kind() {
        Kind::Date => (Some("numeric"), Some("YYYY-MM-DD")),
        Kind::Year => (Some("numeric"), Some("YYYY")),
        Kind::Hours => (Some("decimal"), None),
        Kind::Text | Kind::Select | Kind::Radio | Kind::Checkbox => (None, None),
    };
    html! {
        <div class={classes!("field", opts.class, error.then_some("has-error"))}>
            <label for={id.clone()} class={classes!(opts.hidden_label.then_some("visually-hidden"))}>
                { label_text(c, label, opts.optional) }
            </label>
            if let Some(hint) = opts.hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.to_string() }</p>
            }
            <input
                id={id.clone()}
                type="text"
                inputmode={inputmode}
                placeholder={placeholder}
                autocomplete="off"
                spellcheck="false"
                value={c.form.value(field).to_string()}
                aria-invalid={error.then_some("true")}
                aria-required={(!opts.optional).then_some("true")}
                aria-describedby={describedby(&id, opts.hint.is_some(), error)}
                oninput={c.on_input(field)}
                onchange={c.on_leave(field)}
                onblur={c.on_blur(field)}
            />
            { error_line(c, field) }
        </div>
    }
}

/// A labelled select.
pub fn select(c: &Ctx, field: Field, options: Vec<(String, String)>, opts: Opts) -> Html {
    let id = field.dom_id();
    let label = c.t(field.def().label);
    let error = c.shown_problem(field).is_some();
    html! {
        <div class={classes!("field", opts.class, error.then_some("has-error"))}>
            <label for={id.clone()} class={classes!(opts.hidden_label.then_some("visually-hidden"))}>
                { label_text(c, label, opts.optional) }
            </label>
            if let Some(hint) = opts.hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.to_string() }</p>
            }
            <Select
                id={id.clone()}
                value={AttrValue::from(c.form.value(field).to_string())}
                placeholder={AttrValue::from(opts.placeholder.unwrap_or_else(|| c.t(i18n::CHOOSE).to_string()))}
                options={Rc::new(options)}
                invalid={error}
                describedby={describedby(&id, opts.hint.is_some(), error).map(AttrValue::from)}
                onchange={c.on_choice(field)}
            />
            { error_line(c, field) }
        </div>
    }
}

/// One option of a radio group: value, label, and a line of explanation.
pub struct Choice {
    pub value: String,
    pub label: Html,
    pub detail: Option<Html>,
}

/// A fieldset of radio buttons.
pub fn radios(
    c: &Ctx,
    field: Field,
    choices: Vec<Choice>,
    hint: Option<&str>,
    class: &'static str,
) -> Html {
    let id = field.dom_id();
    let legend = c.t(field.def().label);
    let error = c.shown_problem(field).is_some();
    let current = c.form.value(field);
    html! {
        <fieldset id={id.clone()} tabindex="-1"
            class={classes!("field", "radios", class, error.then_some("has-error"))}
            aria-describedby={describedby(&id, hint.is_some(), error)}>
            <legend>{ legend.to_string() }</legend>
            if let Some(hint) = hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.to_string() }</p>
            }
            { for choices.into_iter().map(|choice| {
                let option_id = format!("{id}-{}", choice.value);
                html! {
                    <div class="radio" key={choice.value.clone()}>
                        <input type="radio" id={option_id.clone()} name={id.clone()}
                            value={choice.value.clone()}
                            checked={current == choice.value}
                            onchange={c.on_choice(field)}
                            onblur={c.on_blur(field)} />
                        <label for={option_id}>
                            <span class="radio-label">{ choice.label }</span>
                            if let Some(detail) = choice.detail {
                                <span class="radio-detail">{ detail }</span>
                            }
                        </label>
                    </div>
                }
            }) }
            { error_line(c, field) }
        </fieldset>
    }
}

/// A checkbox with its label (and an optional hint under it).
pub fn checkbox(c: &Ctx, field: Field, hint: Option<&str>) -> Html {
    let id = field.dom_id();
    html! {
        <div class="checkbox">
            <input type="checkbox" id={id.clone()} checked={c.form.flag(field)}
                aria-describedby={hint.map(|_| format!("{id}-hint"))}
                onchange={c.on_flag(field)} />
            <label for={id.clone()}>{ c.t(field.def().label) }</label>
            if let Some(hint) = hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.to_string() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    pub value: AttrValue,
    pub placeholder: AttrValue,
    pub options: Rc<Vec<(String, String)>>,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    pub onchange: Callback<Event>,
}

/// A `<select>` whose shown value always follows `value`, also after the user has
/// picked an option by hand (the `selected` attribute alone stops working then).
#[component]
pub fn Select(props: &SelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let value = props.value.clone();
        use_effect(move || input::show_choice(&node, &value));
    }
    let known = props.options.iter().any(|(v, _)| v == props.value.as_str());
    html! {
        <select ref={node} id={props.id.clone()}
            aria-invalid={props.invalid.then_some("true")}
            aria-describedby={props.describedby.clone()}
            onchange={props.onchange.clone()}>
            <option value="" selected={props.value.is_empty()}>{ props.placeholder.clone() }</option>
            { for props.options.iter().map(|(value, label)| html! {
                <option value={value.clone()} selected={value == props.value.as_str()}>{ label.clone() }</option>
            }) }
            // A value from a file that no option names stays visible, not lost.
            if !known && !props.value.is_empty() {
                <option value={props.value.clone()} selected=true>{ props.value.clone() }</option>
            }
        </select>
    }
}
