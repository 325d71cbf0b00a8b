//! The few browser services the app uses: downloads, reading files, decoding CSV
//! bytes, the clipboard, focus, the URL fragment, printing, today's date, and the
//! `interactive` performance mark.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Document, File, HtmlAnchorElement, HtmlElement, Url, Window};

fn window() -> Option<Window> {
    web_sys::window()
}

fn document() -> Option<Document> {
    window()?.document()
}

/// Offers `text` as a file download (a Blob behind an object URL; nothing is sent).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document()
        .ok_or_else(|| JsValue::from_str("no document"))?
        .create_element("a")?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Give the browser a moment to start the download before the URL goes away.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    }
    Ok(())
}

/// The first file chosen in an `<input type=file>`.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<File> {
    input.files()?.get(0)
}

/// A file's bytes.
pub async fn file_bytes(file: &File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A file's text (UTF-8).
pub async fn file_text(file: &File) -> Result<String, JsValue> {
    JsFuture::from(file.text())
        .await?
        .as_string()
        .ok_or_else(|| JsValue::from_str("not text"))
}

/// CSV bytes as text: UTF-8 (with or without BOM) when they are valid UTF-8, else
/// GB18030, a superset of the GBK Chinese Excel writes. The browser's TextDecoder
/// does the decoding, so no tables are carried in the wasm.
pub fn decode_csv(bytes: &mut [u8]) -> Result<String, JsValue> {
    let strict = web_sys::TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = web_sys::TextDecoder::new_with_label_and_options("utf-8", &strict)?;
    let text = match utf8.decode_with_u8_array(bytes) {
        Ok(text) => text,
        Err(_) => web_sys::TextDecoder::new_with_label("gb18030")?.decode_with_u8_array(bytes)?,
    };
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// Copies text to the clipboard.
pub async fn copy(text: &str) -> Result<(), JsValue> {
    let navigator = window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .navigator();
    JsFuture::from(navigator.clipboard().write_text(text)).await?;
    Ok(())
}

/// Moves the focus to the element with this id (opening any `<details>` around it).
pub fn focus(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
        focus_element(element);
    }
}

/// [`focus`] for an app rendered into `root` inside a shadow root (a widget,
/// src/embed.rs): ids are looked up there, not in the host page.
pub fn focus_within(root: &web_sys::Element, id: &str) {
    let found = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.get_element_by_id(id),
        Err(_) => document().and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(element) = found {
        focus_element(element);
    }
}

fn focus_element(element: web_sys::Element) {
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

/// Opens the browser's print dialog (where "save as PDF" lives).
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Prints with `class` on `<html>` (the print stylesheet then shows only part of the
/// page); the class goes once the print dialog closes (`afterprint`).
pub fn print_with_class(class: &str) {
    let (Some(w), Some(root)) = (window(), document().and_then(|d| d.document_element())) else {
        return;
    };
    let _ = root.class_list().add_1(class);
    let class = class.to_string();
    let window = w.clone();
    let done = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = root.class_list().remove_1(&class);
        window.set_onafterprint(None);
    });
    w.set_onafterprint(Some(done.unchecked_ref()));
    print();
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

/// Calls `f` with the media query's answer whenever it changes; the returned guard
/// stops it.
pub fn on_media_change(query: &str, f: impl Fn(bool) + 'static) -> impl FnOnce() {
    let list = window().and_then(|w| w.match_media(query).ok().flatten());
    let target = list.clone().map(web_sys::EventTarget::from);
    listen(target, "change", move || {
        f(list.as_ref().is_some_and(|l| l.matches()))
    })
}

/// Calls `f(true)` before the page is printed and `f(false)` after; the returned guard
/// stops it.
pub fn on_print(f: impl Fn(bool) + 'static) -> impl FnOnce() {
    let f = std::rc::Rc::new(f);
    let target = || window().map(web_sys::EventTarget::from);
    let stop_before = listen(target(), "beforeprint", {
        let f = f.clone();
        move || f(true)
    });
    let stop_after = listen(target(), "afterprint", move || f(false));
    move || {
        stop_before();
        stop_after();
    }
}

/// Calls `f` whenever the fragment changes; the returned guard stops it.
pub fn on_hash_change(f: impl Fn() + 'static) -> impl FnOnce() {
    listen(window().map(web_sys::EventTarget::from), "hashchange", f)
}

/// Calls `f` on each `event` of `target` (none without one); the returned guard
/// removes the listener.
fn listen(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    f: impl Fn() + 'static,
) -> impl FnOnce() {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    if let Some(t) = &target {
        let _ = t.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    }
    move || {
        if let Some(t) = target {
            let _ = t.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        drop(closure);
    }
}
