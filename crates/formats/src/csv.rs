//! RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a leading BOM ignored;
//! and cells escaped on output so a spreadsheet never runs them as formulas.

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

/// Splits CSV text into rows. Blank lines are kept (as rows whose fields are empty)
/// so line numbers stay true; callers skip them.
pub fn parse(text: &str) -> Result<Vec<Row>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                let quote_line = line;
                loop {
                    match chars.next() {
                        None => return Err(CsvError::UnclosedQuote { line: quote_line }),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some('\n') => {
                            line += 1;
                            field.push('\n');
                        }
                        Some(c) => field.push(c),
                    }
                }
                match chars.peek() {
                    None | Some(',') | Some('\n') | Some('\r') => {}
                    Some(_) => return Err(CsvError::TextAfterQuote { line }),
                }
                at_field_start = false;
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                rows.push(Row {
                    line: row_line,
                    fields: std::mem::take(&mut fields),
                });
                line += 1;
                row_line = line;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push(Row {
            line: row_line,
            fields,
        });
    }
    Ok(rows)
}

/// One cell for output: quoted when needed, and prefixed with `'` when it starts with
/// `=`, `+`, `-`, `@`, tab or carriage return, so a spreadsheet shows it as text.
pub fn cell(value: &str) -> String {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A row of cells for output, ending in CRLF (what spreadsheets expect).
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
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
    }
}
