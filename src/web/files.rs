//! Files: the one chosen in an `<input type=file>`, its bytes or text (gloo-file), CSV
//! bytes decoded as the browser's `TextDecoder` does, and downloads (a Blob behind an
//! object URL, revoked by a gloo-timers timeout). Nothing is sent anywhere.

use gloo::file::futures::{read_as_bytes, read_as_text};
use gloo::file::{Blob, File, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlInputElement};
use yew::html::TargetCast;
use yew::Event;

/// A file could not be read (the browser's reader failed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// The file chosen in the `<input type=file>` a `change` event came from. The input is
/// emptied, so that the same file can be chosen again once fixed.
pub fn chosen(e: &Event) -> Option<File> {
    let input = e.target_dyn_into::<HtmlInputElement>()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(File::from(file))
}

/// Every file chosen in the `<input type=file multiple>` a `change` event came
/// from, in the order given; the input is emptied as by [`chosen`].
pub fn all_chosen(e: &Event) -> Vec<File> {
    let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
        return Vec::new();
    };
    let Some(list) = input.files() else {
        return Vec::new();
    };
    let files = (0..list.length())
        .filter_map(|i| list.get(i))
        .map(File::from)
        .collect();
    input.set_value("");
    files
}

/// A file's bytes.
pub async fn bytes(file: &File) -> Result<Vec<u8>, Unreadable> {
    read_as_bytes(file).await.map_err(|_| Unreadable)
}

/// A file's text (UTF-8).
pub async fn text(file: &File) -> Result<String, Unreadable> {
    read_as_text(file).await.map_err(|_| Unreadable)
}

/// A CSV file's text: UTF-8 (with or without BOM) when its bytes are valid UTF-8,
/// else GB18030, a superset of the GBK Chinese Excel writes. The browser's
/// TextDecoder does the decoding, so no tables are carried in the wasm.
pub async fn csv_text(file: &File) -> Result<String, Unreadable> {
    let mut bytes = bytes(file).await?;
    decode_csv(&mut bytes).map_err(|_| Unreadable)
}

fn decode_csv(bytes: &mut [u8]) -> Result<String, JsValue> {
    let strict = web_sys::TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = web_sys::TextDecoder::new_with_label_and_options("utf-8", &strict)?;
    let text = match utf8.decode_with_u8_array(bytes) {
        Ok(text) => text,
        Err(_) => web_sys::TextDecoder::new_with_label("gb18030")?.decode_with_u8_array(bytes)?,
    };
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// How long a download's object URL lives: long enough for the browser to start it.
const REVOKE_AFTER_MS: u32 = 10_000;

/// Offers `text` as a file download.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let a: HtmlAnchorElement = a.unchecked_into();
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The URL is revoked when `url` is dropped, once the timeout has fired.
    Timeout::new(REVOKE_AFTER_MS, move || drop(url)).forget();
}
