//! The self-check's steps: the stepper to jump between them, the frame each step
//! sits in (heading, intro, back / next), and one module per step.

mod about;
pub mod ce;
mod education;
mod other;
mod target;

use yew::prelude::*;

use crate::form::step::Step;
use crate::i18n;
use crate::phrases;
use crate::store::action::Action;
use crate::views::ctx::Ctx;
use crate::views::icons::{icon, Icon};

/// The id of the heading focused when a step opens.
pub const HEADING_ID: &str = "step-heading";

/// Whether a step has a problem to show, and whether its required fields are done.
fn step_marks(c: &Ctx, step: Step) -> (bool, bool) {
    let problems = c
        .eval
        .checked
        .problems
        .iter()
        .filter(|(f, _)| f.step() == step);
    let mut bad = false;
    let mut any = false;
    for (field, problem) in problems {
        any = true;
        if !problem.is_missing() && c.shown_problem(*field).is_some() {
            bad = true;
        }
    }
    let has_required = matches!(step, Step::Target | Step::About | Step::Education);
    (bad, has_required && !any)
}

/// The list of steps; each is a button, the current one marked.
pub fn stepper(c: &Ctx) -> Html {
    html! {
        <nav class="stepper" aria-label={c.t(i18n::STEPS)}>
            <ol>
                { for Step::ALL.into_iter().map(|step| {
                    let current = step == c.state.step;
                    let (bad, done) = step_marks(c, step);
                    let mark = if step == Step::Result {
                        c.eval.verdict.as_ref().map(|v| (Icon::of_status(v.status), v.status.label(c.lang)))
                    } else if bad {
                        Some((Icon::Fail, c.t(i18n::STEP_HAS_ERRORS)))
                    } else if done {
                        Some((Icon::Pass, c.t(i18n::STEP_COMPLETE)))
                    } else {
                        None
                    };
                    html! {
                        <li>
                            <button type="button" data-step={step.as_str()}
                                class={classes!("step-button", current.then_some("current"), bad.then_some("bad"))}
                                aria-current={current.then_some("step")}
                                onclick={c.send(Action::Go(step))}>
                                <span class="step-number" aria-hidden="true">{ step.index() + 1 }</span>
                                <span class="step-name">{ phrases::step_short(step, c.lang) }</span>
                                if let Some((kind, words)) = mark {
                                    <span class="step-mark">
                                        { icon(kind) }
                                        <span class="visually-hidden">
                                            { format!("{}{words}{}", c.lang.pick("（", " ("), c.lang.pick("）", ")")) }
                                        </span>
                                    </span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// The current step's content (nothing for the result, which the verdict panel shows).
pub fn current(c: &Ctx) -> Html {
    let step = c.state.step;
    let body = match step {
        Step::Target => target::view(c),
        Step::About => about::view(c),
        Step::Education => education::view(c),
        Step::Other => other::view(c),
        Step::Ce => ce::view(c),
        Step::Result => return html! {},
    };
    let intro = match step {
        Step::Target => i18n::TARGET_INTRO,
        Step::About => i18n::ABOUT_INTRO,
        Step::Education => i18n::EDUCATION_INTRO,
        Step::Other => i18n::OTHER_INTRO,
        _ => i18n::CE_INTRO,
    };
    html! {
        <section class="step" data-current-step={step.as_str()} aria-labelledby={HEADING_ID}>
            <p class="step-of">{ phrases::step_of(step, c.lang) }</p>
            <h2 id={HEADING_ID} tabindex="-1">{ phrases::step_title(step, c.lang) }</h2>
            <p class="intro">{ c.t(intro) }</p>
            { body }
            { step_nav(c, step) }
        </section>
    }
}

/// Back and next.
pub fn step_nav(c: &Ctx, step: Step) -> Html {
    html! {
        <div class="step-nav">
            if let Some(prev) = step.prev() {
                <button type="button" class="button secondary" data-go="prev" onclick={c.send(Action::Go(prev))}>
                    <span aria-hidden="true">{ "← " }</span>{ c.t(i18n::BACK) }
                </button>
            }
            if let Some(next) = step.next() {
                <button type="button" class="button primary" data-go="next" onclick={c.send(Action::Go(next))}>
                    { phrases::next_step(next, c.lang) }<span aria-hidden="true">{ " →" }</span>
                </button>
            }
        </div>
    }
}
