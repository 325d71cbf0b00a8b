//! The embedded app's side of its host page (README "Embedding"): the options it is
//! given (a frame's query, a widget's data attributes), whether the page only hosts
//! widgets, and the messages a frame posts to its parent (its height, to any origin;
//! the verdict status, only to the origin the host named).

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, UrlSearchParams, Window};

/// A page's query, read as the browser reads it (`URLSearchParams`).
pub struct Query(UrlSearchParams);

impl Query {
    /// `?embed=frame&rule-set=…` (with or without its `?`).
    pub fn parse(search: &str) -> Option<Query> {
        UrlSearchParams::new_with_str(search).ok().map(Query)
    }

    pub fn get(&self, name: &str) -> Option<String> {
        self.0.get(name)
    }
}

/// The origin of an address (`https://hr.example/page` → `https://hr.example`); `None`
/// for what is not an address or has no origin.
pub fn origin_of(url: &str) -> Option<String> {
    web_sys::Url::new(url)
        .ok()
        .map(|u| u.origin())
        .filter(|o| o != "null")
}

/// A widget's option from the object www/embed.js passes (its container's dataset):
/// a string, or a boolean attribute (`true` as present and empty).
pub fn option(options: &JsValue, key: &str) -> Option<String> {
    let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    if let Some(b) = value.as_bool() {
        return b.then(String::new);
    }
    value.as_string()
}

/// Whether this page only hosts widgets (www/embed.js sets
/// `globalThis.zhichengWidgetHost` before starting the wasm).
pub fn is_widget_host() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("zhichengWidgetHost"))
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

fn parent() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    // A top-level page is its own parent: nobody to tell.
    (parent != window).then_some(parent)
}

fn post(message: &[(&str, JsValue)], origin: &str) {
    let Some(parent) = parent() else { return };
    let object = js_sys::Object::new();
    for (key, value) in message {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let _ = parent.post_message(&object, origin);
}

/// Posts the height of `element` (the app's root) to the parent now and whenever it
/// changes (`{type: "zhicheng:height", height}`, to any origin: it says nothing about
/// the applicant). The observers live as long as the page.
///
/// Two observers: a `ResizeObserver` alone is not enough, because a browser that
/// throttles the rendering of a cross-origin frame out of view (Chromium does) runs no
/// resize callbacks there, and the host would keep the frame at its first height; a
/// `MutationObserver` runs whenever the app's DOM changes, rendered or not, and reading
/// the height lays the frame out.
pub fn report_height(element: &Element) {
    let target = element.clone();
    let last = Cell::new(-1.0);
    let send = move || {
        let height = target.get_bounding_client_rect().height().ceil();
        if height != last.get() {
            last.set(height);
            post(
                &[
                    ("type", JsValue::from_str("zhicheng:height")),
                    ("height", JsValue::from_f64(height)),
                ],
                "*",
            );
        }
    };
    send();
    let callback = Closure::<dyn Fn()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    if let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_character_data(true);
        let _ = observer.observe_with_options(element, &options);
    }
    callback.forget();
}

/// Posts the verdict status (`{type: "zhicheng:status", status}`, `null` until there
/// is a verdict) to `origin` only.
pub fn report_status(origin: &str, status: Option<&str>) {
    let status = status.map_or(JsValue::NULL, JsValue::from_str);
    post(
        &[
            ("type", JsValue::from_str("zhicheng:status")),
            ("status", status),
        ],
        origin,
    );
}
