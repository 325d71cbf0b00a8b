//! What every view gets: the language, the form, its evaluation, the app state and
//! the dispatcher (one for the app's life, so components given it as a property are
//! not redrawn for it), with shortcuts for the callbacks views need most.

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::form::check::Problem;
use crate::form::edit::Edit;
use crate::form::evaluation::Evaluation;
use crate::form::field::Field;
use crate::form::typed::Form;
use crate::i18n::Text;
use crate::store::action::Action;
use crate::store::state::AppState;
use crate::web::input;

pub struct Ctx<'a> {
    pub lang: Lang,
    pub form: &'a Form,
    pub eval: &'a Evaluation,
    pub state: &'a AppState,
    pub dispatch: &'a Callback<Action>,
}

impl Ctx<'_> {
    pub fn t(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// The problem to show next to a field: once the user has left it (or the data
    /// came from a file or link), so nobody is told off while still typing.
    pub fn shown_problem(&self, field: Field) -> Option<&Problem> {
        let problem = self.eval.checked.problem(field)?;
        (self.state.reveals(field) || matches!(problem, Problem::Engine(_))).then_some(problem)
    }

    /// A callback that sends one action, ignoring the event.
    pub fn send<E: 'static>(&self, action: Action) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: E| dispatch.emit(action.clone()))
    }

    /// `oninput` of a text input: the field's new raw text.
    pub fn on_input(&self, field: Field) -> Callback<InputEvent> {
        on_input(self.dispatch, field)
    }

    /// `onchange` of a text input (the user left it): tidy the value.
    pub fn on_leave(&self, field: Field) -> Callback<Event> {
        on_leave(self.dispatch, field)
    }

    /// `onblur`: the field has been visited.
    pub fn on_blur(&self, field: Field) -> Callback<FocusEvent> {
        on_blur(self.dispatch, field)
    }

    /// `onchange` of a `<select>` or radio button.
    pub fn on_choice(&self, field: Field) -> Callback<Event> {
        self.dispatch
            .reform(move |e: Event| Action::Edit(Edit::Set(field, input::choice(&e))))
    }

    /// `onchange` of a checkbox.
    pub fn on_flag(&self, field: Field) -> Callback<Event> {
        self.dispatch
            .reform(move |e: Event| Action::Edit(Edit::Flag(field, input::checked(&e))))
    }
}

// The same callbacks from the dispatcher alone, for components that get it as a
// property (e.g. the CE grid's year cards) rather than a whole `Ctx`.

/// `oninput` of a text input: the field's new raw text.
pub fn on_input(dispatch: &Callback<Action>, field: Field) -> Callback<InputEvent> {
    dispatch.reform(move |e: InputEvent| Action::Edit(Edit::Set(field, input::text(&e))))
}

/// `onchange` of a text input (the user left it): tidy the value.
pub fn on_leave(dispatch: &Callback<Action>, field: Field) -> Callback<Event> {
    dispatch.reform(move |_: Event| Action::Edit(Edit::Tidy(field)))
}

/// `onblur`: the field has been visited.
pub fn on_blur(dispatch: &Callback<Action>, field: Field) -> Callback<FocusEvent> {
    dispatch.reform(move |_: FocusEvent| Action::Touch(field))
}
