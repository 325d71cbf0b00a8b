//! 职称自测 web app: mounts the Yew [`app::App`] into the page's `<div id="app">`.
//!
//! The page (www/index.html) owns <body>; the app renders only into its own
//! root element so it never removes anything else the page holds. It replaces that
//! element with a new, empty one first: a page saved with "Save page as…" holds the
//! app as it was rendered, and must not show it twice (www/boot.js).
//! The same wasm also serves the JavaScript API and the widget (`api`, `embed`).

mod api;
mod app;
mod batch;
mod effects;
mod embed;
mod form;
mod i18n;
mod phrases;
mod share;
mod store;
mod views;
mod web;

/// The id of the element in www/index.html that the app renders into.
const ROOT_ID: &str = "app";

fn main() {
    // The same wasm runs in the batch worker (www/batch-worker.js), which has no
    // window and only uses the exports of `batch::job`.
    if !web::page::has_window() {
        return;
    }
    // A page of widgets (www/embed.js) mounts them itself through `api`.
    if web::frame::is_widget_host() {
        return;
    }
    let root =
        web::page::fresh_root(ROOT_ID).expect("www/index.html must contain <div id=\"app\">");
    // In an <iframe> (`?embed=frame`): tell the host page the height it needs.
    let frame = embed::Options::from_query(&web::page::search());
    if frame.is_some() {
        web::frame::report_height(&root);
    }
    let props = app::AppProps {
        embed: frame.map(std::rc::Rc::new),
    };
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
}
