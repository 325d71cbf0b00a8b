//! The views: functions (and a few components) from what they are given — the state
//! (`store::state::AppState`), the form's evaluation, the language — to HTML, with
//! typed callbacks that send an `Action`. No view imports the app or the store's
//! reducer, effects or outbox; the views own their element ids (`focus` maps a focus
//! request to one).
//!
//! - `ctx`: what every view of the self-check gets (`Ctx`);
//! - `self_check`, `steps/`, `ce_grid`, `fields`: the self-check page and its form;
//! - `result`, `verdict`, `apply`, `take_away`: the result panel, any verdict drawn
//!   from its data alone, where to apply, and what to do next (the CE plan, its
//!   calendar, the hand-off to HR);
//! - `no_script`: what the page shows with JavaScript off (prerendered);
//! - `data_panel`, `notices`, `pages`, `about`, `offline`, `icons`: the rest of the
//!   page;
//! - `focus`: where a focus request lands.

pub mod about;
pub mod apply;
pub mod ce_grid;
pub mod ctx;
pub mod data_panel;
pub mod fields;
pub mod focus;
pub mod icons;
#[cfg(not(target_arch = "wasm32"))]
pub mod no_script;
pub mod notices;
pub mod offline;
pub mod pages;
pub mod result;
pub mod self_check;
pub mod steps;
pub mod take_away;
pub mod verdict;
