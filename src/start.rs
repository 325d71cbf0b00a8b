//! How the app comes to the page (src/main.rs, src/api.rs, src/prerender.rs): drawn
//! into an empty root, hydrating the prerendered first screen, or prerendered itself.

use std::rc::Rc;

use crate::form::edit::Edit;

/// How the app comes to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// Drawn into an empty root: the first render shows what the page held, and what
    /// the person had entered on the prerendered screen it replaced (`early`).
    Fresh { early: Rc<Vec<Edit>> },
    /// Hydrating the prerendered first screen: the first render is that screen, then
    /// what the page held arrives as an action (src/store/arrival.rs).
    Hydrate { early: Rc<Vec<Edit>> },
    /// At build time, natively (src/prerender.rs): the first screen, nothing read of a
    /// browser.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Prerender,
}

impl Default for Start {
    fn default() -> Start {
        Start::Fresh {
            early: Rc::default(),
        }
    }
}
