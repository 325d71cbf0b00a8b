//! Files people bring and take away, read and written without IO: CSV in general,
//! continuing-education records (`ce_csv`). Text arrives already decoded (the CLI
//! decodes with encoding_rs, the browser with `TextDecoder`), so no encoding tables
//! live here.

pub mod ce_csv;
pub mod csv;
