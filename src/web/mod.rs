//! The web layer: every browser API the app calls, one module per service. Nothing
//! above it touches `web_sys`, `gloo` or the DOM; nothing here knows the app's state.
//!
//! - `page`: the document and window (focus, the address's fragment, `<html lang>`,
//!   printing, the clipboard, media queries, today's date, the `interactive` mark);
//! - `events`: listeners on the window and on media queries (gloo-events);
//! - `input`: what a form control's event says (its text, choice, tick, key);
//! - `files`: choosing and reading files, decoding CSV bytes, downloads (gloo-file,
//!   gloo-timers);
//! - `storage`: localStorage, where a missing or throwing storage is an error value
//!   (gloo-storage);
//! - `assets`: the app's own files through the boot script (www/boot.js);
//! - `frame`: the embedded app's side of its host page (options, heights, status);
//! - `worker`: the batch worker (www/batch-worker.js) and its messages;
//! - `compress`: raw DEFLATE by the browser's Compression/DecompressionStream (the
//!   short `#z=` share links of QR codes).

pub mod assets;
pub mod compress;
pub mod events;
pub mod files;
pub mod frame;
pub mod input;
pub mod page;
pub mod storage;
pub mod worker;
