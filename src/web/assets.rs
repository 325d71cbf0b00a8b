//! Where the app's own files are, as the boot script (www/boot.js) knows it through
//! `globalThis.zhichengBoot`: on a hosted page a file of dist/ is its URL; in the
//! offline file (and a saved page) it is inline, and this gives a `blob:` URL of it.
//! Workers start here too: from the same origin as modules when hosted; from a blob
//! as classic scripts carrying the glue when inline (a `file://` page can start
//! neither a worker from a file nor a module worker from a blob).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Worker;

fn boot() -> Option<JsValue> {
    // Natively (the build's prerender, src/prerender.rs) there is no boot script: the
    // page is the hosted one, its files beside it.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let boot = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("zhichengBoot")).ok()?;
    (!boot.is_undefined() && !boot.is_null()).then_some(boot)
}

fn call(boot: &JsValue, method: &str, arg: &str) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(boot, &JsValue::from_str(method))?.dyn_into()?;
    f.call1(boot, &JsValue::from_str(arg))
}

/// Whether the app started from an inline payload (the offline file, a saved page).
/// Asked of the boot script once (the footer asks on every render).
pub fn inline() -> bool {
    thread_local! {
        static INLINE: bool = boot()
            .and_then(|b| js_sys::Reflect::get(&b, &JsValue::from_str("source")).ok())
            .and_then(|s| s.as_string())
            .is_some_and(|s| s == "payload");
    }
    INLINE.with(|i| *i)
}

/// A URL for `path`, a file of dist/ (e.g. `sources/001_….txt`): its `blob:` URL when
/// the file is inline, else its address beside the page. Asked of the boot script once
/// per path (the answer does not change while the page is open): the verdict links
/// every citation to its notice's text on each render.
pub fn url(path: &str) -> String {
    thread_local! {
        static KNOWN: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(url) =
        KNOWN.with_borrow(|k| k.iter().find(|(p, _)| p == path).map(|(_, u)| u.clone()))
    {
        return url;
    }
    let url = boot()
        .and_then(|b| call(&b, "url", path).ok())
        .and_then(|u| u.as_string())
        .unwrap_or_else(|| path.to_string());
    KNOWN.with_borrow_mut(|k| k.push((path.to_string(), url.clone())));
    url
}

/// A started worker and how it gets the wasm-bindgen glue: `glue` is the glue's URL
/// to `import()`, or `null` when the worker already has it (`self.zhichengGlue`).
pub struct Started {
    pub worker: Worker,
    pub glue: JsValue,
}

/// Starts the worker script `path` of dist/ (see the module docs).
pub fn worker(path: &str) -> Result<Started, JsValue> {
    let boot = boot().ok_or("the boot script (zhichengBoot) is missing")?;
    let started = call(&boot, "worker", path)?;
    let worker = js_sys::Reflect::get(&started, &JsValue::from_str("worker"))?.dyn_into()?;
    let glue = js_sys::Reflect::get(&started, &JsValue::from_str("glue"))?;
    Ok(Started { worker, glue })
}
