//! The self-check page: the stepper, the current step (with the live strip above it on
//! phones), the result panel where it is seen, and "your data".

use yew::prelude::*;

use crate::form::step::Step;
use crate::views::ctx::Ctx;
use crate::views::{data_panel, result, steps};

/// Where the result panel stands beside the form, besides the result step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Beside every step: a wide screen, or print (where it is the report).
    Beside,
    /// On the result step only: on a phone every key typed would otherwise redraw a
    /// whole verdict nobody sees.
    OnResultOnly,
}

pub fn view(c: &Ctx, panel: Panel) -> Html {
    let on_result = c.state.step == Step::Result;
    html! {
        <>
            { steps::stepper(c) }
            <div class={classes!("layout", on_result.then_some("on-result"))}>
                <div class="flow">
                    if !on_result {
                        { result::live_strip(c) }
                    }
                    { steps::current(c) }
                </div>
                if on_result || panel == Panel::Beside {
                    { result::panel(c) }
                }
            </div>
            if c.state.embed.is_none() {
                { data_panel::view(c) }
            }
        </>
    }
}
