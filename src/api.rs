//! The JavaScript API, for pages that draw their own form and for the in-page
//! widget (www/embed.js loads this wasm and calls these; their TypeScript
//! declarations are www/zhicheng.d.ts):
//!
//! - `evaluate(profile)`: a `zhicheng-profile/1` (a JS object or JSON text) in, the
//!   verdict out as plain JS objects, made by serde-wasm-bindgen from the engine's
//!   own `Serialize` (so the document `zhicheng check` writes, with no second writer
//!   to keep equal to it), JSON-compatible: `null` where the JSON has `null`, maps as
//!   objects; bad input throws the CLI's error: an `Error` whose message is
//!   `InputError::one_line()` (`path: English — 中文`), with `path`, `message_en` and
//!   `message_zh`. An object is read as `JSON.stringify` writes it, so its errors
//!   carry the same JSON paths as the CLI's.
//! - `mountWidget(element, options)`: the app, rendered into `element` (inside the
//!   widget's shadow root) with the options of `embed::Options::from_js`.
//! - `rulesVersion()`: the bundled rules' version.

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use zhicheng_engine::{InputError, Verdict};

use crate::app::{App, AppProps};
use crate::embed;
use crate::start::Start;

/// The verdict of a profile, or the CLI's error for bad input.
#[wasm_bindgen]
pub fn evaluate(profile: JsValue) -> Result<JsValue, JsValue> {
    let text = match profile.as_string() {
        Some(text) => text,
        // JSON.stringify of an object; of `undefined` or a function it is undefined,
        // read here as the empty text (the CLI's error for an empty file).
        None => js_sys::JSON::stringify(&profile)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    };
    let verdict = zhicheng_engine::check_json(&text).map_err(input_error)?;
    to_js(&verdict)
}

/// The bundled rules' version (`RULES_VERSION`), as in every verdict.
#[wasm_bindgen(js_name = rulesVersion)]
pub fn rules_version() -> String {
    zhicheng_engine::RULES_VERSION.to_string()
}

/// Renders the app into `element` with the widget's options (see www/embed.js).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: web_sys::Element, options: JsValue) {
    let options = embed::Options::from_js(&options, element.clone());
    let props = AppProps {
        embed: Some(Rc::new(options)),
        start: Start::default(),
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render();
}

/// A verdict as plain JS objects: `None` is `null` and maps are objects, as in JSON.
fn to_js(verdict: &Verdict) -> Result<JsValue, JsValue> {
    verdict
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// An `Error` carrying an input error as the CLI writes it.
fn input_error(e: InputError) -> JsValue {
    let error = js_sys::Error::new(&e.one_line());
    error.set_name("ZhichengInputError");
    for (key, value) in [
        ("path", e.path.clone()),
        ("message_en", e.message_en()),
        ("message_zh", e.message_zh()),
    ] {
        let _ = js_sys::Reflect::set(&error, &key.into(), &value.into());
    }
    error.into()
}

/// Reads a profile as `evaluate` does (for tests on the native target).
#[cfg(test)]
fn read(text: &str) -> Result<zhicheng_engine::Profile, InputError> {
    zhicheng_engine::Profile::from_json(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_the_clis_one_line() {
        let e = read(r#"{"format":"zhicheng-profile/1","rule_set":7}"#).unwrap_err();
        assert_eq!(e.path, "rule_set");
        assert!(e.one_line().starts_with("rule_set: "), "{}", e.one_line());
        assert!(e.one_line().contains(" — "));
    }
}
