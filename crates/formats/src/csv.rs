//! RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a leading BOM ignored;
//! and cells escaped on output so a spreadsheet never runs them as formulas.

use std::borrow::Cow;
use std::fmt;

/// One record and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub fields: Vec<String>,
}

impl Row {
    /// Whether every field is empty (a blank line).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }
}

/// A CSV text that cannot be split into records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field that never closes, starting on `line`.
    UnclosedQuote { line: usize },
    /// Text right after a closing quote, on `line`.
    TextAfterQuote { line: usize },
}

impl CsvError {
    pub fn line(&self) -> usize {
        match self {
            CsvError::UnclosedQuote { line } | CsvError::TextAfterQuote { line } => *line,
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            CsvError::UnclosedQuote { line } => format!("第 {line} 行：引号没有闭合"),
            CsvError::TextAfterQuote { line } => format!("第 {line} 行：引号后面紧跟了其他文字"),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::UnclosedQuote { line } => {
                write!(f, "line {line}: a quoted field is never closed")
            }
            CsvError::TextAfterQuote { line } => {
                write!(f, "line {line}: text right after a closing quote")
            }
        }
    }
}

impl std::error::Error for CsvError {}

/// One record borrowed from the text: fields without quotes (and quoted fields without
/// doubled quotes) are slices of the input, so reading a large file allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    /// The line the record starts on (1-based).
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
}

impl Record<'_> {
    /// Whether every field is empty (a blank line).
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.trim().is_empty())
    }

    /// The field at `i`, or `""` when the record is shorter.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.as_ref())
    }

    pub fn into_row(self) -> Row {
        Row {
            line: self.line,
            fields: self.fields.into_iter().map(Cow::into_owned).collect(),
        }
    }
}

/// The records of a CSV text, one at a time (see [`rows`]).
#[derive(Debug, Clone)]
pub struct Rows<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    done: bool,
}

/// Reads CSV text lazily, record by record. A leading BOM is skipped. Blank lines are
/// kept (as records whose fields are empty) so line numbers stay true. After an
/// error the iterator ends: the rest of the text cannot be split reliably.
pub fn rows(text: &str) -> Rows<'_> {
    Rows {
        text: text.strip_prefix('\u{feff}').unwrap_or(text),
        pos: 0,
        line: 1,
        done: false,
    }
}

/// Where a [`Rows`] reader stands, without the text it reads: [`Rows::resume`] goes on
/// from there on the same text. For a caller that reads a large text in chunks across
/// calls that cannot share a borrow (the browser's batch worker, via
/// `roster::Paused`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pos: usize,
    line: usize,
    done: bool,
}

impl<'a> Rows<'a> {
    /// Where the reader stands (see [`Place`]).
    pub fn place(&self) -> Place {
        Place {
            pos: self.pos,
            line: self.line,
            done: self.done,
        }
    }

    /// A reader of `text` from `place`, which a reader of the same text gave. On
    /// another text whose length does not fit the place, it reads nothing.
    pub fn resume(text: &'a str, place: Place) -> Rows<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let fits = place.pos <= text.len() && text.is_char_boundary(place.pos);
        Rows {
            text,
            pos: place.pos,
            line: place.line,
            done: place.done || !fits,
        }
    }

    /// The line the next record starts on.
    pub fn line(&self) -> usize {
        self.line
    }

    /// How many bytes of the text (after any BOM) have been read.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn fail(&mut self, e: CsvError) -> Option<Result<Record<'a>, CsvError>> {
        self.done = true;
        Some(Err(e))
    }
}

impl<'a> Iterator for Rows<'a> {
    type Item = Result<Record<'a>, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        if self.done || self.pos >= len {
            return None;
        }
        let row_line = self.line;
        let mut fields: Vec<Cow<'a, str>> = Vec::new();
        // The delimiters are ASCII, so byte offsets found here are char boundaries.
        let mut i = self.pos;
        loop {
            if bytes.get(i) == Some(&b'"') {
                let quote_line = self.line;
                let start = i + 1;
                let mut j = start;
                let mut owned: Option<String> = None;
                let mut piece = start;
                loop {
                    match bytes.get(j) {
                        None => return self.fail(CsvError::UnclosedQuote { line: quote_line }),
                        Some(b'"') if bytes.get(j + 1) == Some(&b'"') => {
                            owned
                                .get_or_insert_with(String::new)
                                .push_str(&text[piece..=j]);
                            j += 2;
                            piece = j;
                        }
                        Some(b'"') => break,
                        Some(b'\n') => {
                            self.line += 1;
                            j += 1;
                        }
                        Some(_) => j += 1,
                    }
                }
                fields.push(match owned {
                    None => Cow::Borrowed(&text[start..j]),
                    Some(mut s) => {
                        s.push_str(&text[piece..j]);
                        Cow::Owned(s)
                    }
                });
                i = j + 1;
                match bytes.get(i) {
                    Some(b',') => {
                        i += 1;
                        continue;
                    }
                    None | Some(b'\n') | Some(b'\r') => {}
                    Some(_) => {
                        let line = self.line;
                        return self.fail(CsvError::TextAfterQuote { line });
                    }
                }
            } else {
                let start = i;
                while i < len && !matches!(bytes[i], b',' | b'\n' | b'\r') {
                    i += 1;
                }
                fields.push(Cow::Borrowed(&text[start..i]));
                if bytes.get(i) == Some(&b',') {
                    i += 1;
                    continue;
                }
            }
            // The end of the record: a line end or the end of the text.
            if i < len {
                i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                self.line += 1;
            }
            self.pos = i;
            return Some(Ok(Record {
                line: row_line,
                fields,
            }));
        }
    }
}

/// Splits CSV text into rows. Blank lines are kept (as rows whose fields are empty)
/// so line numbers stay true; callers skip them.
pub fn parse(text: &str) -> Result<Vec<Row>, CsvError> {
    rows(text).map(|r| r.map(Record::into_row)).collect()
}

/// Whether a cell would be run by a spreadsheet as a formula (or lose its first
/// character): it starts with `=`, `+`, `-`, `@`, tab or carriage return.
/// Whether a cell gets the `'` guard: it starts with `=`, `+`, `-`, `@`, tab or CR, or
/// with `'` before such a start (so that [`unguard`] gives back exactly the value).
fn needs_guard(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r'])
        || value.strip_prefix('\'').is_some_and(needs_guard)
}

/// A cell as read back: the `'` guard that [`cell`] (and spreadsheets) put before a
/// formula-like value is removed, so what we wrote reads back unchanged.
pub fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => value,
    }
}

/// Appends one cell for output to `out` (see [`cell`]).
pub fn write_cell(out: &mut String, value: &str) {
    let guard = needs_guard(value);
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        for (i, part) in value.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        if guard {
            out.push('\'');
        }
        out.push_str(value);
    }
}

/// One cell for output: quoted when needed, and prefixed with `'` when it starts with
/// `=`, `+`, `-`, `@`, tab or carriage return, so a spreadsheet shows it as text.
pub fn cell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    write_cell(&mut out, value);
    out
}

/// Appends a row of cells to `out`, ending in CRLF (see [`row`]).
pub fn write_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, c.as_ref());
    }
    out.push_str("\r\n");
}

/// A row of cells for output, ending in CRLF (what spreadsheets expect).
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    write_row(&mut out, cells);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text).unwrap().into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn quotes_commas_and_line_ends() {
        assert_eq!(
            fields("a,b\r\n\"c,d\",\"e\"\"f\"\n"),
            vec![vec!["a", "b"], vec!["c,d", "e\"f"]]
        );
        assert_eq!(
            fields("\u{feff}x\n\ny"),
            vec![vec!["x"], vec![""], vec!["y"]]
        );
        let rows = parse("a\n\"multi\nline\",b\nc").unwrap();
        assert_eq!(rows[1].line, 2);
        assert_eq!(rows[2].line, 4);
    }

    #[test]
    fn rows_borrow_what_they_can_and_read_lazily() {
        let text = "a,\"b,c\",\"d\"\"e\"\r\nx\ry\n\"\"";
        let mut it = rows(text);
        let first = it.next().unwrap().unwrap();
        assert_eq!(first.fields, vec!["a", "b,c", "d\"e"]);
        assert!(matches!(first.fields[1], Cow::Borrowed(_)));
        assert!(matches!(first.fields[2], Cow::Owned(_)));
        assert_eq!(it.line(), 2);
        assert_eq!(it.next().unwrap().unwrap().fields, vec!["x"]);
        let y = it.next().unwrap().unwrap();
        assert_eq!((y.line, y.get(0), y.get(5)), (3, "y", ""));
        assert_eq!(it.next().unwrap().unwrap().fields, vec![""]);
        assert!(it.next().is_none());
        assert_eq!(it.position(), text.len());
        // After an error the iterator ends.
        let mut bad = rows("a\n\"b\"c\nd\n");
        assert!(bad.next().unwrap().is_ok());
        assert_eq!(
            bad.next().unwrap(),
            Err(CsvError::TextAfterQuote { line: 2 })
        );
        assert!(bad.next().is_none());
    }

    #[test]
    fn a_paused_reader_resumes_where_it_stood() {
        let text = "\u{feff}a,b\r\n\"c\nd\",e\n\nf\n";
        let all: Vec<_> = rows(text).collect();
        let mut first = rows(text);
        let mut got = vec![first.next().unwrap()];
        let place = first.place();
        got.extend(Rows::resume(text, place));
        assert_eq!(got, all);
        assert_eq!(Rows::resume(text, place).line(), 2);
        // A place that does not fit the text reads nothing.
        assert!(Rows::resume("a", place).next().is_none());
    }

    #[test]
    fn broken_quotes_name_their_line() {
        assert_eq!(
            parse("a\n\"open,b\n"),
            Err(CsvError::UnclosedQuote { line: 2 })
        );
        assert_eq!(parse("\"a\"b,c"), Err(CsvError::TextAfterQuote { line: 1 }));
    }

    #[test]
    fn formulas_are_escaped() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("+86 123"), "'+86 123");
        assert_eq!(cell("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(row(&["x", "=y"]), "x,'=y\r\n");
        for v in ["-", "=1", "'=1", "''+2", "'", "'a", "plain", "@"] {
            assert_eq!(unguard(&parse(&cell(v)).unwrap()[0].fields[0]), v, "{v:?}");
        }
    }
}
