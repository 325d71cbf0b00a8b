//! A small strict JSON reader and writer: errors name the JSON path, nothing panics.
//!
//! The engine reads profiles itself rather than through serde_json so that every
//! error can name its place (`ce_records[3].hours`), duplicate fields are caught, and
//! the wasm bundle carries no general-purpose JSON library.

mod keys;

use crate::error::{Counted, InputError, InputErrorKind, SyntaxProblem};
use std::fmt::Write;

/// Documents larger than this are refused (a profile with thousands of CE records is
/// well under 1 MB).
pub const MAX_BYTES: usize = 5_000_000;
/// Arrays and objects may nest this deep (a profile needs 3).
pub const MAX_DEPTH: usize = 32;
/// A document may hold this many values (every array, object, string, number and
/// literal counts one): a profile with ten thousand CE records holds about seventy
/// thousand. The tree costs an allocation per value, so without a bound a document
/// of tiny values (`[1,1,1,…]`) would cost five times a real profile of its size.
pub const MAX_VALUES: usize = 1_000_000;
/// Of them, this many may be arrays and objects (each costs several allocations): a
/// profile with ten thousand CE records holds about ten thousand.
pub const MAX_CONTAINERS: usize = 100_000;

/// A JSON value. Objects keep their fields in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written, already checked against the JSON grammar.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn object(fields: Vec<(&str, Json)>) -> Json {
        Json::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    pub fn str(s: impl Into<String>) -> Json {
        Json::String(s.into())
    }

    pub fn int(i: i64) -> Json {
        Json::Number(i.to_string())
    }

    /// The value compactly written as JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, 0);
        out
    }

    /// The value written as JSON text, indented by one space per level.
    pub fn to_pretty_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(1), 0);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, level: usize) {
        let newline = |out: &mut String, level: usize| {
            if let Some(n) = indent {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', n * level));
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    item.write(out, indent, level + 1);
                }
                if !items.is_empty() {
                    newline(out, level);
                }
                out.push(']');
            }
            Json::Object(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    write_string(out, k);
                    out.push(':');
                    if indent.is_some() {
                        out.push(' ');
                    }
                    v.write(out, indent, level + 1);
                }
                if !fields.is_empty() {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// Writes a path as `ce_records[3].hours`; the empty path is `$`.
pub fn path_text(path: &[Segment]) -> String {
    if path.is_empty() {
        return "$".to_string();
    }
    let mut out = String::new();
    for seg in path {
        match seg {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
        }
    }
    out
}

/// Parses JSON text. A byte-order mark at the start is ignored.
pub fn parse(text: &str) -> Result<Json, InputError> {
    if text.len() > MAX_BYTES {
        return Err(InputError::new(
            "$",
            InputErrorKind::TooLarge {
                bytes: text.len(),
                limit: MAX_BYTES,
            },
        ));
    }
    Parser::new(text.strip_prefix('\u{feff}').unwrap_or(text)).document()
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    path: Vec<Segment>,
    /// Values read so far (against `MAX_VALUES`).
    values: usize,
    /// Arrays and objects read so far (against `MAX_CONTAINERS`).
    containers: usize,
    /// Tests only: also check each key as it comes, against every earlier key of its
    /// object (as the reader did before json/keys.rs), to show both report the same.
    #[cfg(test)]
    each_key: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Parser<'a> {
        Parser {
            src: text.as_bytes(),
            text,
            pos: 0,
            path: Vec::new(),
            values: 0,
            containers: 0,
            #[cfg(test)]
            each_key: false,
        }
    }

    /// The whole text as one value.
    fn document(mut self) -> Result<Json, InputError> {
        self.skip_ws();
        let value = self.value(0)?;
        self.skip_ws();
        if self.pos < self.src.len() {
            return Err(self.error(SyntaxProblem::TrailingCharacters));
        }
        Ok(value)
    }

    fn error(&self, what: SyntaxProblem) -> InputError {
        let what = if self.pos >= self.src.len() && what != SyntaxProblem::TrailingCharacters {
            SyntaxProblem::UnexpectedEnd
        } else {
            what
        };
        let before = &self.text.as_bytes()[..self.pos.min(self.src.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        InputError::new(
            path_text(&self.path),
            InputErrorKind::Syntax { line, column, what },
        )
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.src.get(self.pos) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, InputError> {
        self.values += 1;
        let container = matches!(self.src.get(self.pos), Some(b'{' | b'['));
        self.containers += usize::from(container);
        let over = if self.values > MAX_VALUES {
            Some(Counted::Values(MAX_VALUES))
        } else if self.containers > MAX_CONTAINERS {
            Some(Counted::Containers(MAX_CONTAINERS))
        } else {
            None
        };
        if let Some(counted) = over {
            return Err(InputError::new(
                path_text(&self.path),
                InputErrorKind::TooManyValues { counted },
            ));
        }
        match self.src.get(self.pos) {
            None => Err(self.error(SyntaxProblem::UnexpectedEnd)),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(c) if c.is_ascii_alphabetic() => Err(self.error(SyntaxProblem::BadLiteral)),
            Some(_) => Err(self.error(SyntaxProblem::ExpectedValue)),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, InputError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(SyntaxProblem::BadLiteral))
        }
    }

    fn deeper(&self, depth: usize) -> Result<(), InputError> {
        if depth > MAX_DEPTH {
            Err(InputError::new(
                path_text(&self.path),
                InputErrorKind::TooDeep { limit: MAX_DEPTH },
            ))
        } else {
            Ok(())
        }
    }

    /// An object. A repeated key is found once the object is read, or once reading
    /// it stops at an error: the first repeat in document order, reported in place of
    /// any error after it, which is what checking each key as it came would report.
    fn object(&mut self, depth: usize) -> Result<Json, InputError> {
        self.deeper(depth)?;
        self.pos += 1;
        let at = self.path.len();
        let mut fields: Vec<(String, Json)> = Vec::new();
        let read = self.fields(depth, &mut fields);
        // A key whose value was being read when reading stopped is still in the path.
        let current = match (&read, self.path.get(at)) {
            (Err(_), Some(Segment::Key(k))) => Some(k.as_str()),
            _ => None,
        };
        let key = |i: usize| fields.get(i).map_or(current.unwrap_or(""), |(k, _)| k);
        let count = fields.len() + usize::from(current.is_some());
        if let Some(i) = keys::first_repeat(count, key) {
            let key = key(i).to_string();
            self.path.truncate(at);
            self.path.push(Segment::Key(key));
            return Err(InputError::new(
                path_text(&self.path),
                InputErrorKind::DuplicateField,
            ));
        }
        read.map(|()| Json::Object(fields))
    }

    /// The fields of an object, after its `{`, and its `}`.
    fn fields(&mut self, depth: usize, fields: &mut Vec<(String, Json)>) -> Result<(), InputError> {
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            if self.src.get(self.pos) != Some(&b'"') {
                return Err(self.error(SyntaxProblem::ExpectedKey));
            }
            let key = self.string()?;
            #[cfg(test)]
            if self.each_key && fields.iter().any(|(k, _)| *k == key) {
                self.path.push(Segment::Key(key));
                return Err(InputError::new(
                    path_text(&self.path),
                    InputErrorKind::DuplicateField,
                ));
            }
            // The key is the path's while its value is read, then the field's.
            self.path.push(Segment::Key(key));
            self.skip_ws();
            if self.src.get(self.pos) != Some(&b':') {
                return Err(self.error(SyntaxProblem::ExpectedColon));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            let key = match self.path.pop() {
                Some(Segment::Key(key)) => key,
                _ => String::new(), // never: the key was pushed above
            };
            if fields.is_empty() {
                // Room for one first (a vector's first room is for four): most
                // objects and arrays hold a few values, many one, and 5 MB of
                // one-value arrays and objects nested 32 deep took 255 MB, now 95.
                fields.reserve_exact(1);
            }
            fields.push((key, value));
            self.skip_ws();
            match self.src.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error(SyntaxProblem::ExpectedCommaOrEnd)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, InputError> {
        self.deeper(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            self.path.push(Segment::Index(items.len()));
            let value = self.value(depth)?;
            self.path.pop();
            if items.is_empty() {
                items.reserve_exact(1); // as for the fields of an object
            }
            items.push(value);
            self.skip_ws();
            match self.src.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error(SyntaxProblem::ExpectedCommaOrEnd)),
            }
        }
    }

    fn number(&mut self) -> Result<Json, InputError> {
        let start = self.pos;
        let digits = |p: &mut Parser| {
            let s = p.pos;
            while p.src.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > s
        };
        if self.src.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.src.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error(SyntaxProblem::BadNumber)),
        }
        if self.src.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error(SyntaxProblem::BadNumber));
            }
        }
        if let Some(b'e' | b'E') = self.src.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.src.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error(SyntaxProblem::BadNumber));
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_string()))
    }

    fn string(&mut self) -> Result<String, InputError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            while let Some(&c) = self.src.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[start..self.pos]);
            match self.src.get(self.pos) {
                None => return Err(self.error(SyntaxProblem::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.src.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error(SyntaxProblem::BadEscape)),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error(SyntaxProblem::ControlCharacter)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, InputError> {
        let digits = self
            .src
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error(SyntaxProblem::BadEscape))?;
        let mut v = 0u32;
        for d in digits {
            v = v * 16
                + (*d as char)
                    .to_digit(16)
                    .ok_or_else(|| self.error(SyntaxProblem::BadEscape))?;
        }
        self.pos += 4;
        Ok(v)
    }

    fn unicode_escape(&mut self) -> Result<char, InputError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.src.get(self.pos..self.pos + 2) != Some(b"\\u") {
                return Err(self.error(SyntaxProblem::BadEscape));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error(SyntaxProblem::BadEscape));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error(SyntaxProblem::BadEscape))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let text = r#"{"a":[1,2.5,-3e2,true,null],"b":"x\"y\n中","c":{}}"#;
        let v = parse(text).unwrap();
        assert_eq!(
            v.to_text(),
            r#"{"a":[1,2.5,-3e2,true,null],"b":"x\"y\n中","c":{}}"#
        );
        assert_eq!(parse(&v.to_pretty_text()).unwrap(), v);
    }

    #[test]
    fn errors_name_the_path() {
        let e = parse(r#"{"ce_records":[{"hours": 1}, {"hours": }]}"#).unwrap_err();
        assert_eq!(e.path, "ce_records[1].hours");
        assert!(matches!(e.kind, InputErrorKind::Syntax { line: 1, .. }));
        let e = parse(r#"{"a":1,"a":2}"#).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("a", InputErrorKind::DuplicateField)
        );
    }

    /// A large object is checked for repeated keys by sorting them (json/keys.rs): the
    /// same first repeat, at the same path, as the key-by-key scan found.
    #[test]
    fn the_first_repeated_key_of_a_large_object_is_named() {
        let keys: Vec<String> = (0..10_000).map(|i| format!("\"k{i}\":{i}")).collect();
        let object = |tail: &str| format!("{{{},{tail}}}", keys.join(","));
        // The last key repeats the first; a later repeat and a later syntax error are
        // never reached.
        for tail in [
            r#""k0":0"#,
            r#""k0":0,"k9999":1"#,
            r#""k0":0,"#,
            r#""k0" 0"#,
        ] {
            let e = parse(&object(tail)).unwrap_err();
            assert_eq!(
                (e.path.as_str(), &e.kind),
                ("k0", &InputErrorKind::DuplicateField),
                "{tail}"
            );
        }
        // Keys written with escapes are the same key.
        let e = parse(&object(r#""\u006b5":0"#)).unwrap_err();
        assert_eq!(e.path, "k5");
        // Inside an array inside an object: the path says where.
        let e = parse(&format!(r#"{{"a":[{{}},{}]}}"#, object(r#""k9999":0"#))).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("a[1].k9999", InputErrorKind::DuplicateField)
        );
        // Without a repeat the object reads whole, in document order.
        let Json::Object(fields) = parse(&object(r#""last":0"#)).unwrap() else {
            panic!("not an object")
        };
        assert_eq!(fields.len(), 10_001);
        assert_eq!(
            (fields[0].0.as_str(), fields[10_000].0.as_str()),
            ("k0", "last")
        );
    }

    /// Finding repeated keys once an object is read (or its reading stops) reports
    /// exactly what checking each key as it came reported: on thousands of generated
    /// documents with repeated keys, objects small and large, nesting, and errors of
    /// every kind after (or before) a repeat.
    #[test]
    fn repeats_are_reported_as_when_each_key_was_checked_as_it_came() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        fn value(out: &mut String, next: &mut dyn FnMut(u64) -> u64, depth: usize) {
            match next(if depth > 3 { 3 } else { 6 }) {
                0 => out.push_str(["1", "null", "\"s\"", "tru", "-", "\"\\x\""][next(6) as usize]),
                1 => out.push_str("2.5"),
                2 => out.push_str("[]"),
                3 | 4 => {
                    out.push('{');
                    let n = [0, 1, 3, 15, 16, 17, 30][next(7) as usize];
                    for i in 0..n {
                        if i > 0 {
                            out.push(',');
                        }
                        // Few names, so that repeats are common; now and then a
                        // broken key or a missing colon.
                        let _ = write!(out, "\"k{}\"", next(if n > 10 { 40 } else { 4 }));
                        out.push_str(
                            [":", ":", ":", ":", ":", ":", ":", ":", " "][next(9) as usize],
                        );
                        value(out, next, depth + 1);
                    }
                    out.push('}');
                }
                _ => {
                    out.push('[');
                    for i in 0..next(4) {
                        if i > 0 {
                            out.push(',');
                        }
                        value(out, next, depth + 1);
                    }
                    out.push(']');
                }
            }
        }
        let each_key = |text: &str| {
            let mut p = Parser::new(text);
            p.each_key = true;
            p.document()
        };
        let mut repeats = 0;
        for _ in 0..10_000 {
            let mut text = String::new();
            value(&mut text, &mut next, 0);
            // Cut short now and then (in the middle of a character never: ASCII).
            if next(4) == 0 {
                text.truncate(next(text.len() as u64 + 1) as usize);
            }
            let (new, old) = (parse(&text), each_key(&text));
            assert_eq!(new, old, "{text}");
            repeats +=
                usize::from(matches!(&old, Err(e) if e.kind == InputErrorKind::DuplicateField));
        }
        assert!(repeats > 500, "{repeats} repeats only");
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":NaN}",
            "01",
            "1.",
            "\"\\x\"",
            "{} {}",
            "\"\u{1}\"",
            "\"\\ud800\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::TooDeep { .. }));
    }

    #[test]
    fn refuses_more_values_than_the_limit_where_it_passes_it() {
        // The array and its items: MAX_VALUES values in all is read …
        let at_limit = format!("[{}]", vec!["1"; MAX_VALUES - 1].join(","));
        assert!(parse(&at_limit).is_ok());
        // … one more is refused at the item that passes the limit, with its path.
        let over = format!("{{\"a\":[{}]}}", vec!["1"; MAX_VALUES - 1].join(","));
        let e = parse(&over).unwrap_err();
        assert_eq!(
            e.kind,
            InputErrorKind::TooManyValues {
                counted: Counted::Values(MAX_VALUES)
            }
        );
        assert_eq!(e.path, format!("a[{}]", MAX_VALUES - 2));
    }

    #[test]
    fn refuses_more_arrays_and_objects_than_their_limit() {
        let at_limit = format!("[{}]", vec!["{}"; MAX_CONTAINERS - 1].join(","));
        assert!(parse(&at_limit).is_ok());
        let over = format!("[{}]", vec!["[]"; MAX_CONTAINERS].join(","));
        let e = parse(&over).unwrap_err();
        assert_eq!(
            e.kind,
            InputErrorKind::TooManyValues {
                counted: Counted::Containers(MAX_CONTAINERS)
            }
        );
        assert_eq!(e.path, format!("[{}]", MAX_CONTAINERS - 1));
    }

    #[test]
    fn surrogate_pairs() {
        assert_eq!(
            parse(r#""\ud83d\ude00""#).unwrap(),
            Json::String("😀".into())
        );
    }
}
