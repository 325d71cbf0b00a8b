//! Values as people type them in the form: read by the one module of lenient values
//! (`zhicheng_formats::lenient`) that the roster and the CE CSV read with too, so the
//! same spelling is read the same way everywhere (one table of spellings,
//! `lenient::SPELLINGS`, tested against the form in `check.rs`). The form reads typed
//! dates (no spreadsheet serials: five digits are a date still being typed) and
//! grid cells where 0 means nothing entered.

pub use zhicheng_formats::lenient::{date, grid_hours, hours, year, Refusal};
