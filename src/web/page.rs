//! The document and the window: the app's root element, focus, the address and its
//! fragment, `<html lang>` and the title, printing, the clipboard, media queries,
//! today's date, and the `interactive` performance mark.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, Window};

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<Document> {
    window()?.document()
}

/// Whether there is a window at all (not in the batch worker, which runs the same
/// wasm).
pub fn has_window() -> bool {
    window().is_some()
}

/// Replaces the element with this id by a new, empty one with the same id and
/// returns it (a page saved with "Save page as…" holds the app as it was rendered:
/// it must not show twice). `None` where the page has no such element.
pub fn fresh_root(id: &str) -> Option<Element> {
    let document = document()?;
    let saved = document.get_element_by_id(id)?;
    let root = document.create_element("div").ok()?;
    root.set_id(id);
    saved.replace_with_with_node_1(&root).ok()?;
    Some(root)
}

/// The attribute `cargo xtask build` puts on the app's root element when it holds the
/// prerendered first screen: its number of elements (xtask/src/prerender.rs).
const PRERENDERED: &str = "data-zc-prerendered";

/// A root that holds the prerendered first screen: as it was built, or changed since.
pub enum Prerendered {
    /// Element for element as built (what was typed or chosen aside): it can be hydrated.
    AsBuilt(Element),
    /// Elements added or removed since (a translator, an extension): draw it anew.
    Changed,
}

/// The element with this id, if it holds the prerendered first screen.
pub fn prerendered_root(id: &str) -> Option<Prerendered> {
    let root = document()?.get_element_by_id(id)?;
    let built: u32 = root.get_attribute(PRERENDERED)?.parse().ok()?;
    let now = root.query_selector_all("*").ok()?.length();
    Some(if now == built {
        Prerendered::AsBuilt(root)
    } else {
        Prerendered::Changed
    })
}

/// The prerendered root, taken over by the app: it no longer says it is prerendered
/// (a page saved later holds the app as drawn, not the first screen).
pub fn claim_root(root: Element) -> Element {
    // Removing an attribute the element has cannot fail.
    let _ = root.remove_attribute(PRERENDERED);
    root
}

/// The page's query (`location.search`, with its `?`).
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Moves the focus to the element with this id (opening any `<details>` around it).
pub fn focus(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
        focus_element(element);
    }
}

/// [`focus`] for an app rendered into `root` inside a shadow root (a widget,
/// src/embed.rs): ids are looked up there, not in the host page.
pub fn focus_within(root: &Element, id: &str) {
    let found = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.get_element_by_id(id),
        Err(_) => document().and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(element) = found {
        focus_element(element);
    }
}

fn focus_element(element: Element) {
    let mut parent = element.parent_element();
    while let Some(p) = parent {
        if p.tag_name().eq_ignore_ascii_case("details") && !p.has_attribute("open") {
            let _ = p.set_attribute("open", "");
        }
        parent = p.parent_element();
    }
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Scrolls to the top of the page.
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// `location.hash`, with its `#`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's address without the fragment.
pub fn address() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar (without a reload or a history entry).
pub fn clear_hash() {
    let Some(w) = window() else { return };
    if w.location().hash().unwrap_or_default().is_empty() {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address()));
    }
}

/// Sets `<html lang>` and the document title.
pub fn set_language(lang: &str, title: &str) {
    if let Some(d) = document() {
        if let Some(root) = d.document_element() {
            let _ = root.set_attribute("lang", lang);
        }
        d.set_title(title);
    }
}

/// Adds `class` to `<html>`, or removes it.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// Opens the browser's print dialog (where "save as PDF" lives).
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Prints with `class` on `<html>` (the print stylesheet then shows only part of the
/// page); the class goes once the print dialog closes (`afterprint`, listened to once).
pub fn print_with_class(class: &str) {
    let (Some(w), Some(root)) = (window(), document().and_then(|d| d.document_element())) else {
        return;
    };
    let _ = root.class_list().add_1(class);
    let class = class.to_string();
    EventListener::once(&w, "afterprint", move |_| {
        let _ = root.class_list().remove_1(&class);
    })
    .forget();
    print();
}

/// Copies text to the clipboard.
pub async fn copy(text: &str) -> Result<(), JsValue> {
    let navigator = window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator();
    JsFuture::from(navigator.clipboard().write_text(text)).await?;
    Ok(())
}

/// Today's date on this device, `YYYY-MM-DD` (for the printed report only).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Now, in UTC, as a calendar file stamps what it was made at (`DTSTAMP`).
pub fn stamp_now() -> Option<zhicheng_formats::ics::Stamp> {
    let d = js_sys::Date::new_0();
    Some(zhicheng_formats::ics::Stamp {
        date: zhicheng_engine::Date::new(
            d.get_utc_full_year() as i32,
            d.get_utc_month() + 1,
            d.get_utc_date(),
        )?,
        hour: d.get_utc_hours(),
        minute: d.get_utc_minutes(),
        second: d.get_utc_seconds(),
    })
}

/// The performance mark set once the app's first render is in the page, with its
/// event handlers: what `cargo xtask bench startup` times (tests/browser/bench/) and
/// what the browser tests wait for (`ready` in tests/browser/lib/app.mjs).
pub const INTERACTIVE_MARK: &str = "interactive";

/// Sets the [`INTERACTIVE_MARK`] (once, after the first render).
pub fn mark_interactive() {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark(INTERACTIVE_MARK);
    }
}

/// Whether the media query (e.g. `(min-width: 64rem)`) matches now; `false` where it
/// cannot be asked.
pub fn media_matches(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}
