//! Any text as a roster (and the same text as a CE records file): reading, checking
//! every row and writing the results CSV must never panic, every row error names a
//! line within the text, and every results cell is formula-safe.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhicheng_formats::batch::Batch;
use zhicheng_formats::roster::{RecordsFile, Roster};
use zhicheng_formats::results;


fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let records = RecordsFile::read(&text).ok();
    let Ok(mut roster) = Roster::read(&text) else { return };
    if let Some(r) = &records {
        roster = roster.with_records(r);
    }
    // Line ends are LF, CRLF or a lone CR (old spreadsheets write those).
    let lines = text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count() + 1;
    let mut out = results::header();
    for checked in Batch::new(roster) {
        assert!(checked.line >= 1 && checked.line <= lines, "line {} outside the text", checked.line);
        results::write_row(&mut out, &checked);
    }
    let written = zhicheng_formats::csv::parse(&out).expect("the results are valid CSV");
    for row in written {
        for cell in row.fields {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "unescaped cell {cell:?}");
        }
    }
});
