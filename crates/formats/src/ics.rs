//! iCalendar files (RFC 5545) to take dates away: a `VCALENDAR` of all-day `VEVENT`s,
//! each with `UID`, `DTSTAMP`, `DTSTART`, `SUMMARY` and `DESCRIPTION`; text escaped
//! (§3.3.11) and lines folded at 75 octets without splitting a character (§3.1), CRLF
//! line ends. The stamp is the caller's (the engine and this crate never read the
//! clock). [`calendar`] writes the engine's `zhicheng_engine::calendar::Calendar` in
//! one language.

use std::fmt;
use zhicheng_engine::calendar::Calendar;
use zhicheng_engine::{Date, Lang};

/// The calendar's `PRODID` (§3.7.3).
pub const PRODID: &str = "-//Zhicheng Self-Check//职称自测//ZH";

/// When the file is written, in UTC (`DTSTAMP`, §3.8.7.2): given by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: Date,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Stamp {
    /// Midnight UTC of a date (for a caller that knows only the day).
    pub fn day(date: Date) -> Stamp {
        Stamp {
            date,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` (UTC, as `--stamp` takes it) or the iCalendar form
    /// `YYYYMMDDTHHMMSSZ`.
    pub fn parse(s: &str) -> Result<Stamp, StampError> {
        let bad = || StampError {
            value: s.chars().take(40).collect(),
        };
        // Each form as a pattern: `d` a digit, anything else itself.
        let fits = |pattern: &str| {
            s.len() == pattern.len()
                && s.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
                    b'd' => c.is_ascii_digit(),
                    p => c == p,
                })
        };
        let digits: String = if fits("dddd-dd-ddTdd:dd:ddZ") || fits("ddddddddTddddddZ") {
            s.chars().filter(char::is_ascii_digit).collect()
        } else {
            return Err(bad());
        };
        let num = |range: std::ops::Range<usize>| digits[range].parse::<u32>().unwrap_or(99);
        let date = Date::new(num(0..4) as i32, num(4..6), num(6..8)).ok_or_else(bad)?;
        let (hour, minute, second) = (num(8..10), num(10..12), num(12..14));
        if hour > 23 || minute > 59 || second > 59 {
            return Err(bad());
        }
        Ok(Stamp {
            date,
            hour,
            minute,
            second,
        })
    }

    fn text(&self) -> String {
        format!(
            "{}T{:02}{:02}{:02}Z",
            compact(self.date),
            self.hour.min(23),
            self.minute.min(59),
            self.second.min(59)
        )
    }
}

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unique and stable for the same event (§3.8.4.7), e.g. `deadline-2020-10-10-…`.
    pub uid: String,
    pub day: Date,
    pub summary: String,
    pub description: String,
}

/// `YYYYMMDD`.
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Escapes a TEXT value (§3.3.11): backslash, semicolon, comma, and newlines as `\n`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no line is longer than 75 octets (§3.1): the break
/// falls between characters, and each continuation starts with a space.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// The whole file: a calendar named `name` (`X-WR-CALNAME`, shown by most apps) with
/// `events` in the order given.
pub fn write(name: &str, events: &[Event], stamp: Stamp) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        &format!("X-WR-CALNAME:{}", escape(name)),
    ] {
        line(&mut out, l);
    }
    let dtstamp = stamp.text();
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{dtstamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(e.day)));
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", compact(e.day.next_day())),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A `DTSTAMP` that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StampError {
    pub value: String,
}

impl fmt::Display for StampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "stamp: \"{}\" is not a UTC time (write YYYY-MM-DDTHH:MM:SSZ) — 时间戳应写成 YYYY-MM-DDTHH:MM:SSZ（UTC）",
            self.value
        )
    }
}

impl std::error::Error for StampError {}

/// The engine's calendar as an iCalendar file in `lang`, stamped `stamp`: every event
/// all-day, with its stable UID, summary and description (which cites the clause).
pub fn calendar(cal: &Calendar, lang: Lang, stamp: Stamp) -> String {
    let events: Vec<Event> = cal
        .events
        .iter()
        .map(|e| Event {
            uid: e.uid.clone(),
            day: e.day,
            summary: e.summary.get(lang).to_string(),
            description: e.description.get(lang).to_string(),
        })
        .collect();
    write(cal.name.get(lang), &events, stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn a_calendar_with_one_event() {
        let e = Event {
            uid: "deadline-2020-10-10@zhicheng".into(),
            day: d(2020, 10, 10),
            summary: "材料报送截止, 10月10日".into(),
            description: "浙经信人事〔2020〕84号 一：…；见\n通知".into(),
        };
        let text = write("职称自测", &[e], Stamp::day(d(2026, 12, 6)));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTAMP:20261206T000000Z\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20201010\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20201011\r\n"));
        assert!(text.contains("SUMMARY:材料报送截止\\, 10月10日\r\n"));
        assert!(text.contains("；见\\n通知"));
        assert!(!text.contains("\n\n"));
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let long = "继续教育".repeat(40);
        let mut out = String::new();
        line(&mut out, &format!("DESCRIPTION:{long}"));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{long}\r\n"));
    }

    #[test]
    fn stamps_are_read_strictly() {
        let want = Stamp {
            date: d(2026, 12, 6),
            hour: 9,
            minute: 30,
            second: 5,
        };
        assert_eq!(Stamp::parse("2026-12-06T09:30:05Z"), Ok(want));
        assert_eq!(Stamp::parse("20261206T093005Z"), Ok(want));
        assert_eq!(want.text(), "20261206T093005Z");
        for bad in [
            "2026-12-06",
            "2026-12-06T09:30:05",
            "2026-12-06T24:00:00Z",
            "2026-02-30T09:30:05Z",
            "2026-12-06T9:30:05Z",
            "2026-1206T09:30:05Z",
            "２０２６-12-06T09:30:05Z",
            "",
        ] {
            assert!(Stamp::parse(bad).is_err(), "{bad}");
        }
        assert!(Stamp::parse("x")
            .unwrap_err()
            .to_string()
            .contains("YYYY-MM-DDTHH:MM:SSZ"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\r\ne\nf\u{7}"), "a\\;b\\,c\\\\d\\ne\\nf");
    }
}
