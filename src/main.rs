//! 职称自测 web app: mounts the Yew [`app::App`] into the page's `<div id="app">`.
//!
//! The page (www/index.html) owns <body>; the app renders only into its own
//! root element so it never removes anything else the page holds. `cargo xtask build`
//! prerenders the first screen into that element (`data-zc-prerendered`): a hosted page
//! hydrates it, keeping what the person entered before the wasm arrived; elsewhere (the
//! offline file, a frame, a page saved with "Save page as…", which holds the app as it
//! was rendered and must not show it twice) the app replaces the element with a new,
//! empty one and draws into that, carrying over what was entered on a prerendered
//! screen (www/boot.js).
//! The same wasm also serves the JavaScript API and the widget (`api`, `embed`).
//! Natively, this binary is the build's prerenderer (`prerender`).

mod api;
mod app;
mod batch;
mod effects;
mod embed;
mod form;
mod i18n;
mod phrases;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod share;
mod start;
mod store;
mod views;
mod web;

use std::rc::Rc;

use form::early::{self, Entered};
use start::Start;
use web::input::Control;
use web::page::Prerendered;

/// The wasm's allocator: talc, which grows the wasm's memory as it needs, in place of
/// the standard library's dlmalloc, whose code was 2.2 KB more of the wasm once
/// compressed (docs/performance.md). The app is single-threaded (no `atomics`): the
/// batch worker runs its own instance of the module, with its own memory.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The id of the element in www/index.html that the app renders into.
const ROOT_ID: &str = "app";

#[cfg(target_arch = "wasm32")]
fn main() {
    mount();
}

/// Natively: the build's prerenderer (src/prerender.rs), run by `cargo xtask build`.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    prerender::main()
}

/// The app comes to the page (natively it is only compiled, for the tests).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn mount() {
    // The same wasm runs in the batch worker (www/batch-worker.js), which has no
    // window and only uses the exports of `batch::job`.
    if !web::page::has_window() {
        return;
    }
    // A page of widgets (www/embed.js) mounts them itself through `api`.
    if web::frame::is_widget_host() {
        return;
    }
    // In an <iframe> (`?embed=frame`): the host page's presets, nothing entered early.
    let frame = embed::Options::from_query(&web::page::search());
    let prerendered = web::page::prerendered_root(ROOT_ID).filter(|_| frame.is_none());
    let early = Rc::new(match prerendered {
        Some(_) => early::edits(entered),
        None => Vec::new(),
    });
    // Hydration needs the page to be what was prerendered, element for element, and
    // the first render to draw it again: the hosted page's (the offline file's footer,
    // for one, differs).
    let (root, how) = match prerendered {
        Some(Prerendered::AsBuilt(root)) if !web::assets::inline() => {
            (web::page::claim_root(root), Start::Hydrate { early })
        }
        _ => (
            web::page::fresh_root(ROOT_ID).expect("www/index.html must contain <div id=\"app\">"),
            Start::Fresh { early },
        ),
    };
    // In an <iframe>: tell the host page the height it needs.
    if frame.is_some() {
        web::frame::report_height(&root);
    }
    let hydrate = matches!(how, Start::Hydrate { .. });
    let props = app::AppProps {
        embed: frame.map(Rc::new),
        start: how,
    };
    let renderer = yew::Renderer::<app::App>::with_root_and_props(root, props);
    if hydrate {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

/// What a control of the prerendered screen holds, for `form::early`.
fn entered(id: &str) -> Option<Entered> {
    match web::input::control(id)? {
        Control::Text(text) => Some(Entered::Text(text)),
        Control::Ticked(on) => Some(Entered::Ticked(on)),
        Control::Chosen(value) => value.map(Entered::Text),
    }
}
