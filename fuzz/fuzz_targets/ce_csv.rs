//! Any text as a CE records CSV: the import must never panic, every error names a
//! line within the text, and what it imports exports and re-imports the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhicheng_formats::ce_csv;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let imported = ce_csv::import(&text);
    // Line ends are LF, CRLF or a lone CR (old spreadsheets write those).
    let lines = text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count() + 1;
    for e in &imported.errors {
        assert!(e.line >= 1 && e.line <= lines, "line {} outside the text", e.line);
        let _ = (e.message_en(), e.message_zh());
    }
    let again = ce_csv::import(&ce_csv::export(&imported.records));
    assert_eq!(again.records, imported.records);
});
