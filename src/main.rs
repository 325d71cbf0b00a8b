//! 职称自测 web app: mounts the Yew [`app::App`] into the page's `<div id="app">`.
//!
//! The page (www/index.html) owns <body>; the app renders only into its own
//! root element so it never removes anything else the page holds.

mod app;
mod ce_grid;
mod ctx;
mod data_panel;
mod fields;
mod i18n;
mod icons;
mod pages;
mod share;
mod state;
mod steps;
mod storage;
mod verdict_view;
mod web;

/// The id of the element in www/index.html that the app renders into.
const ROOT_ID: &str = "app";

fn main() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(ROOT_ID))
        .expect("www/index.html must contain <div id=\"app\">");
    yew::Renderer::<app::App>::with_root(root).render();
}
