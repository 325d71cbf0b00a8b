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
//! The options are read here; the browser's side (the query, the dataset, the
//! messages to the parent) is `web::frame`'s.
//!
//! An embedded app starts from its presets (rule set, title, specialty, language),
//! reads no remembered data or share link and stores nothing; `compact` drops the
//! tagline, the page navigation, the data panel and the footer.

use wasm_bindgen::JsValue;
use web_sys::Element;
use zhicheng_engine::{Lang, Status};

use crate::form::edit::Edit;
use crate::form::field::{Field, Name};
use crate::form::typed::Form;
use crate::web::frame::{self, Query};

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
        Options::new(Mode::Widget(element)).read(|name| frame::option(options, &camel(name)))
    }

    /// The frame's options, from the page's query (`?embed=frame&rule-set=…`), or
    /// `None` when the page is not a frame.
    pub fn from_query(search: &str) -> Option<Options> {
        let query = Query::parse(search)?;
        if query.get(FRAME_PARAM).as_deref() != Some("frame") {
            return None;
        }
        let status_to = query.get("status_to").and_then(|o| frame::origin_of(&o));
        Some(Options::new(Mode::Frame { status_to }).read(|name| query.get(name)))
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
            (Name::RuleSet, &self.rule_set),
            (Name::Title, &self.title),
            (Name::Specialty, &self.specialty),
        ] {
            if let Some(value) = value {
                form.apply(Edit::Set(Field::new(field), value.clone()));
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
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// In a frame whose host opted in (`status_to`): posts the verdict status to that
/// origin only (nothing else about the applicant).
pub fn report_status(options: &Options, status: Option<Status>) {
    if let Mode::Frame {
        status_to: Some(origin),
    } = &options.mode
    {
        frame::report_status(origin, status.map(Status::as_str));
    }
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
