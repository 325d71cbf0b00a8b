//! The app embedded in an HR page (README "Embedding"), two of the three ways:
//!
//! - **widget**: www/embed.js finds `<div data-zhicheng …>`, gives it a shadow root
//!   and calls `mountWidget` (src/api.rs); the options come from its data attributes.
//! - **frame**: `index.html?embed=frame&…` in an `<iframe>`; the options come from the
//!   query. The page posts its height to the parent (`{type: "zhicheng:height",
//!   height}`, to any origin: it says nothing about the applicant) whenever it
//!   changes. Only when the host names its origin in `status_to` does it also post
//!   the verdict status (`{type: "zhicheng:status", status}`), to that origin only.
//!
//! An embedded app starts from its presets (rule set, title, specialty, language),
//! reads no remembered data or share link and stores nothing; `compact` drops the
//! tagline, the page navigation, the data panel and the footer.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Window};
use zhicheng_engine::{Lang, Status};

use crate::app::{App, AppProps};
use crate::state::{Edit, Field, Form};

/// How the app is embedded.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// In the host page, inside a shadow root (the element the app renders into).
    Widget(Element),
    /// In an `<iframe>`; `status_to`: the origin the verdict status is posted to.
    Frame { status_to: Option<String> },
}

/// What the host chose.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub mode: Mode,
    /// Presets of the first step: a rule set id, a title, a specialty.
    pub rule_set: Option<String>,
    pub title: Option<String>,
    pub specialty: Option<String>,
    pub lang: Option<Lang>,
    pub compact: bool,
}

/// The query parameter that makes the page a frame (`?embed=frame`).
pub const FRAME_PARAM: &str = "embed";

impl Options {
    fn new(mode: Mode) -> Options {
        Options {
            mode,
            rule_set: None,
            title: None,
            specialty: None,
            lang: None,
            compact: false,
        }
    }

    /// Reads the options from named values (a query or data attributes): `rule-set`,
    /// `title`, `specialty`, `lang` (`zh` or `en`), `compact` (present, or `1`/`true`).
    fn read(mut self, get: impl Fn(&str) -> Option<String>) -> Options {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        self.rule_set = text("rule-set");
        self.title = text("title");
        self.specialty = text("specialty");
        self.lang = match text("lang").as_deref() {
            Some("en") => Some(Lang::En),
            Some(l) if l.starts_with("zh") => Some(Lang::Zh),
            _ => None,
        };
        self.compact = matches!(
            get("compact").as_deref().map(str::trim),
            Some("" | "1" | "true")
        );
        self
    }

    /// The widget's options: a JS object such as `{ruleSet, title, specialty, lang,
    /// compact}` (www/embed.js passes the container's data attributes), for `element`.
    pub fn from_js(options: &JsValue, element: Element) -> Options {
        let get = |name: &str| {
            let key = camel(name);
            let value = js_sys::Reflect::get(options, &JsValue::from_str(&key)).ok()?;
            if let Some(b) = value.as_bool() {
                return b.then(String::new);
            }
            value.as_string()
        };
        Options::new(Mode::Widget(element)).read(get)
    }

    /// The frame's options, from the page's query (`?embed=frame&rule-set=…`), or
    /// `None` when the page is not a frame.
    pub fn from_query(search: &str) -> Option<Options> {
        let params = web_sys::UrlSearchParams::new_with_str(search).ok()?;
        if params.get(FRAME_PARAM).as_deref() != Some("frame") {
            return None;
        }
        let status_to = params
            .get("status_to")
            .and_then(|o| web_sys::Url::new(&o).ok())
            .map(|u| u.origin())
            .filter(|o| o != "null");
        Some(Options::new(Mode::Frame { status_to }).read(|name| params.get(name)))
    }

    /// The element the app renders into, for a widget.
    pub fn root(&self) -> Option<&Element> {
        match &self.mode {
            Mode::Widget(root) => Some(root),
            Mode::Frame { .. } => None,
        }
    }

    /// The form the app starts with: the presets filled in.
    pub fn form(&self) -> Form {
        let mut form = Form::default();
        for (field, value) in [
            (Field::RuleSet, &self.rule_set),
            (Field::Title, &self.title),
            (Field::Specialty, &self.specialty),
        ] {
            if let Some(value) = value {
                form.apply(Edit::Set(field, value.clone()));
            }
        }
        form
    }
}

/// `rule-set` → `ruleSet` (dataset names).
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders the app into a widget's element.
pub fn mount_widget(element: Element, options: &JsValue) {
    let options = Options::from_js(options, element.clone());
    let props = AppProps {
        embed: Some(Rc::new(options)),
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render();
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

/// In a frame: posts the height of `element` (the app's root) to the parent now and
/// whenever it changes. The observer lives as long as the page.
pub fn report_height(element: &Element) {
    let target = element.clone();
    let last = std::cell::Cell::new(-1.0);
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
    callback.forget();
}

/// In a frame whose host opted in (`status_to`): posts the verdict status to that
/// origin only (nothing else about the applicant).
pub fn report_status(options: &Options, status: Option<Status>) {
    if let Mode::Frame {
        status_to: Some(origin),
    } = &options.mode
    {
        let status = status.map_or(JsValue::NULL, |s| JsValue::from_str(s.as_str()));
        post(
            &[
                ("type", JsValue::from_str("zhicheng:status")),
                ("status", status),
            ],
            origin,
        );
    }
}

/// Whether this page only hosts widgets (www/embed.js sets
/// `globalThis.zhichengWidgetHost` before starting the wasm): the app then mounts
/// nothing of its own.
pub fn is_widget_host() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("zhichengWidgetHost"))
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_names_are_camel_case() {
        assert_eq!(camel("rule-set"), "ruleSet");
        assert_eq!(camel("lang"), "lang");
        assert_eq!(camel("status-to"), "statusTo");
    }
}
