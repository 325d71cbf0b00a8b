//! Starting the batch worker, www/batch-worker.js, which runs the app's own wasm (the
//! compiled module this page already has) off the main thread, and reading what it
//! posts back. [`spawn`] starts it through `assets::worker` (www/boot.js), the one
//! place that knows where the worker's script and the wasm-bindgen glue come from:
//! files beside the page when hosted, blobs in the offline file.
//!
//! The protocol (also in www/batch-worker.js):
//! - page → worker, once: `{glue, module, roster, records}`: the glue's URL to
//!   `import()` (or `null` when the worker already has it as `self.zhichengGlue`), the
//!   page's `WebAssembly.Module` (`wasm_bindgen::module()`), the decoded roster text
//!   and the records text or `null`;
//! - worker → page: `{type: "progress", checked, read, total, rows}` after each chunk
//!   (`rows`: that chunk's rows as JSON, see `batch::report`), then
//!   `{type: "done", summary, csv}`, or `{type: "failed", message}` if it breaks;
//! - the page cancels by terminating the worker (dropping [`Running`]).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use super::assets;

/// The worker's script in dist/ (Trunk copies it from www/).
const WORKER_SCRIPT: &str = "batch-worker.js";

/// A message from the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Progress {
        checked: usize,
        read: f64,
        total: f64,
        /// The chunk's rows as JSON (`report::rows_json`).
        rows: String,
    },
    Done {
        /// `report::Summary` as JSON.
        summary: String,
        csv: String,
    },
    Failed(String),
}

/// A running worker; dropping it stops the worker at once.
pub struct Running {
    worker: Worker,
    /// Its `message` and `error` listeners (gloo-events), removed by [`Running::stop`].
    listeners: RefCell<Vec<EventListener>>,
}

impl Running {
    /// Stops the worker now (cancel): its listeners go first, so nothing it posts
    /// arrives after this.
    pub fn stop(&self) {
        self.listeners.borrow_mut().clear();
        self.worker.terminate();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop();
    }
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Running")
    }
}

fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(data: &JsValue, key: &str) -> String {
    field(data, key).as_string().unwrap_or_default()
}

fn number(data: &JsValue, key: &str) -> f64 {
    field(data, key).as_f64().unwrap_or(0.0)
}

fn message(data: &JsValue) -> Message {
    match text(data, "type").as_str() {
        "progress" => Message::Progress {
            checked: number(data, "checked") as usize,
            read: number(data, "read"),
            total: number(data, "total"),
            rows: text(data, "rows"),
        },
        "done" => Message::Done {
            summary: text(data, "summary"),
            csv: text(data, "csv"),
        },
        "failed" => Message::Failed(text(data, "message")),
        other => Message::Failed(format!("unexpected message from the worker: {other}")),
    }
}

/// Starts a worker on `roster` (and `records`); `on` gets each message it posts.
pub fn spawn(
    roster: &str,
    records: Option<&str>,
    on: impl Fn(Message) + 'static,
) -> Result<Running, JsValue> {
    let assets::Started { worker, glue } = assets::worker(WORKER_SCRIPT)?;
    let on = Rc::new(on);
    let on_message = {
        let on = on.clone();
        EventListener::new(&worker, "message", move |e| {
            if let Some(e) = e.dyn_ref::<MessageEvent>() {
                on(message(&e.data()));
            }
        })
    };
    let on_error = EventListener::new(&worker, "error", move |e| {
        // An ErrorEvent carries a message; a failed module load does not.
        let detail = field(e, "message").as_string().unwrap_or_default();
        on(Message::Failed(
            format!("the worker could not run {detail}")
                .trim_end()
                .to_string(),
        ))
    });

    let first = Object::new();
    for (key, value) in [
        ("glue", glue),
        ("module", wasm_bindgen::module()),
        ("roster", JsValue::from_str(roster)),
        ("records", records.map_or(JsValue::NULL, JsValue::from_str)),
    ] {
        Reflect::set(&first, &JsValue::from_str(key), &value)?;
    }
    let running = Running {
        worker,
        listeners: RefCell::new(vec![on_message, on_error]),
    };
    running.worker.post_message(&first)?;
    Ok(running)
}
