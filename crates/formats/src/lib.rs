//! Files people bring and take away, read and written without IO: CSV in general
//! (`csv`), continuing-education records (`ce_csv`), the HR roster (`roster`, with its
//! CE records file keyed by person), a roster checked person by person (`batch`) and
//! its results CSV (`results`); see docs/batch.md. `ics` writes iCalendar files, `qr` draws a share link as a QR code. Text arrives already decoded (the
//! CLI decodes with encoding_rs, the browser with `TextDecoder`), so no encoding tables
//! live here.

pub mod batch;
pub mod ce_csv;
pub mod csv;
pub mod ics;
pub mod lenient;
pub mod qr;
pub mod results;
pub mod roster;
