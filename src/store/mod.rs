//! The self-check's one-way flow (as Yew's function_todomvc): the state, the actions
//! that change it, and a pure reducer that answers each action with a new state and
//! the effects it asks for. The reducer calls nothing of the browser and names no
//! element: focus, the address's fragment and storage are requests (`Effect`) that
//! the app performs after the render (src/effects.rs), and a focus request names what
//! to focus, which the views turn into an element (src/views/focus.rs).
//!
//! - `page`: the app's pages;
//! - `notice`: the messages above the form;
//! - `state`: `AppState`, and what the where-to-apply section keeps (`Ticked`,
//!   `Affiliation`);
//! - `action`: every `Action`;
//! - `effect`: the effects asked for (`Effect`, `Erase`) and the queue the state keeps
//!   of them (`Outbox`);
//! - `focus`: what a focus request names (`Focus`);
//! - `arrival`: what the page held when the app started (`Arrival`; whether it is in
//!   the state yet is `state::Arrived`: not while hydrating the prerendered screen);
//! - `reducer`: `reduce`, the initial state (`boot`, `started`, `embedded`), and Yew's
//!   `Reducible` on top;
//! - `saved`: what "remember" keeps, as the `zhicheng:v1` document (written and read
//!   here, stored by the app).
//!
//! Views may use the store's vocabulary: `action::Action`, `state::AppState` and the
//! types of its fields (`page`, `notice`), and `focus::Focus` to say where a request
//! lands; never the reducer or the outbox.

pub mod action;
pub mod arrival;
pub mod effect;
pub mod focus;
pub mod notice;
pub mod page;
pub mod reducer;
pub mod saved;
pub mod state;
#[cfg(test)]
mod tests;
