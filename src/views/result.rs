//! The self-check's result: the panel (beside the form on wide screens, the last step
//! on phones) with the verdict (drawn by `views::verdict`), or, until the form is
//! complete, what is missing and what to correct, each a link to its field; where to
//! apply and the print button on the result step; and the live strip above each step
//! on phones.

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::form::check::Problem;
use crate::form::field::Field;
use crate::form::step::Step;
use crate::i18n;
use crate::phrases;
use crate::store::action::Action;
use crate::views::apply;
use crate::views::ctx::Ctx;
use crate::views::icons::{icon, Icon};
use crate::views::steps;
use crate::views::take_away;
use crate::views::verdict::{verdict, Shown};
use crate::web::page;

/// The id of the panel's heading (focused when the result step opens).
pub const HEADING_ID: &str = "result-heading";

fn incomplete(c: &Ctx) -> Html {
    let lang = c.lang;
    let problems = &c.eval.checked.problems;
    // A value still being typed (its field not yet left) is still to fill, not wrong.
    let to_correct =
        |(field, p): &&(Field, Problem)| !p.is_missing() && c.shown_problem(*field).is_some();
    let missing: Vec<_> = problems.iter().filter(|x| !to_correct(x)).collect();
    let bad: Vec<_> = problems.iter().filter(to_correct).collect();
    let link = |field: Field| {
        html! {
            <button type="button" class="button link" data-go-field={field.dom_id()}
                onclick={c.send(Action::GoToField(field))}>
                { field.label(lang) }
            </button>
        }
    };
    html! {
        <div class="incomplete" data-verdict-incomplete="">
            <p class="incomplete-title">{ icon(Icon::NotApplicable) }<span>{ c.t(i18n::NO_RESULT_YET) }</span></p>
            if !missing.is_empty() {
                <p>{ c.t(i18n::STILL_TO_FILL) }</p>
                <ul class="todo">
                    { for missing.iter().map(|(field, _)| html! {
                        <li>
                            { link(*field) }
                            <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), phrases::step_short(field.step(), lang), lang.pick("）", ")")) }</span>
                        </li>
                    }) }
                </ul>
            }
            if !bad.is_empty() {
                <p>{ c.t(i18n::TO_CORRECT) }</p>
                <ul class="todo">
                    { for bad.iter().map(|(field, problem)| html! {
                        <li>
                            { link(*field) }
                            { lang.pick("：", ": ") }
                            <span>{ problem.text(lang) }</span>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// The result panel (beside the form on wide screens, the last step on phones).
pub fn panel(c: &Ctx) -> Html {
    let on_result = c.state.step == Step::Result;
    let body = match (&c.eval.verdict, &c.eval.error) {
        (Some(v), _) => verdict(
            &Shown {
                lang: c.lang,
                target: c.eval.checked.profile.as_ref().map(|p| &p.target),
                today: &c.state.today,
            },
            v,
        ),
        (None, Some(error)) => html! {
            <div class="banner banner-input-error" data-input-error="">
                { icon(Icon::Fail) }
                <p>
                    <strong>{ c.t(i18n::INPUT_PROBLEM) }</strong>
                    { format!(" {}: {}", error.path, match c.lang { Lang::Zh => error.message_zh(), Lang::En => error.message_en() }) }
                </p>
            </div>
        },
        (None, None) => incomplete(c),
    };
    html! {
        <section class={classes!("panel", on_result.then_some("on-result"))} aria-labelledby={HEADING_ID}>
            <div class="panel-head">
                <h2 id={HEADING_ID} tabindex="-1">{ c.t(i18n::RESULT) }</h2>
                if on_result && c.eval.verdict.is_some() {
                    <button type="button" class="button secondary print-button" id="print"
                        onclick={Callback::from(|_: MouseEvent| page::print())}>
                        { c.t(i18n::PRINT) }
                    </button>
                }
            </div>
            { body }
            if on_result {
                { apply::view(c) }
                { take_away::view(c) }
                { steps::step_nav(c, Step::Result) }
            }
        </section>
    }
}

/// On phones, a line above each step with the live status and a way to the result.
pub fn live_strip(c: &Ctx) -> Html {
    let lang = c.lang;
    let (kind, words) = match &c.eval.verdict {
        Some(v) => (Icon::of_status(v.status), v.status.label(lang).to_string()),
        None => {
            let problems = &c.eval.checked.problems;
            let missing = problems.iter().filter(|(_, p)| p.is_missing()).count();
            let text = if missing > 0 {
                phrases::missing_count(missing, lang)
            } else {
                phrases::to_fix_count(problems.len().max(1), lang)
            };
            (Icon::NotApplicable, text)
        }
    };
    let status = c.eval.verdict.as_ref().map(|v| v.status.as_str());
    html! {
        <div class={classes!("live-strip", status.map(|s| format!("live-{s}")))} data-live-status={status}>
            <span class="live-label">{ c.t(i18n::LIVE_RESULT) }</span>
            { icon(kind) }
            <span class="live-words">{ words }</span>
            <button type="button" class="button link" onclick={c.send(Action::Go(Step::Result))}>
                { c.t(i18n::SEE_RESULT) }
            </button>
        </div>
    }
}
