//! Values as people write them, read in one place for every reader: the form
//! (src/state.rs), the roster's cells ([`crate::roster`]) and the CE records CSV
//! ([`crate::ce_csv`], also the roster's records file). Dates, years, hours and yes/no
//! as typed with a Chinese input method (full-width digits and punctuation,
//! `１９８０／５／１０`, the ideographic space U+3000) or written by a spreadsheet
//! (`1980/5/10 0:00`, an Excel serial day number).
//!
//! Each reader takes the text as written and gives `Ok(None)` for an empty one (the
//! caller knows whether the value is required or has a default), the value, or a
//! [`Refusal`]: the [`Reason`] and the text refused. Its words
//! ([`Refusal::message`], both languages as the engine's [`Bi`]) are the same wherever
//! the value is refused; where the engine refuses a value for the same reason (a date
//! that does not exist, hours ≤ 0, …) they are the engine's own
//! ([`Refusal::input_kind`]).
//!
//! [`SPELLINGS`] is the one table of accepted and refused spellings (input → value or
//! reason): the tests of this module, of the roster, of the CE import and of the form
//! run it.
//!
//! **Excel serial dates** (`29351` = 1980-05-10) are read in files only
//! ([`spreadsheet_date`]): a spreadsheet writes one where a date cell lost its date
//! format, and a serial has five digits, which no other accepted spelling has (a year
//! has four, `19800510` eight). Five digits are 1927-05-18 to 2173-10-13, every date a
//! roster holds. The form does not read them ([`date`]): there five digits are a date
//! being typed (`19805` on the way to `19800510`), and reading them as 1954-03-22 would
//! give a wrong date without a word.
//!
//! ## For the form
//!
//! src/state.rs reads through this module by replacing its own readers: `ascii(s)` →
//! [`normalize`], `parse_date(raw)` → [`date`], `parse_year(raw)` → [`year`],
//! `parse_hours(raw, false)` → [`hours`], `parse_hours(raw, true)` → [`grid_hours`]
//! (also in src/ce_grid.rs). Their error becomes a [`Refusal`]: a form
//! `Problem::Value(Refusal)` beside `Problem::Bad(InputErrorKind)` (kept for the form's
//! own checks), shown with `refusal.message().into_lang(lang)`. Its test of the table,
//! in src/state.rs:
//!
//! ```ignore
//! /// The form reads every spelling of `lenient::SPELLINGS` as the table says for the
//! /// form: each typed into its field of a complete form.
//! #[test]
//! fn the_form_reads_the_table_of_spellings() {
//!     use zhicheng_formats::lenient::{Kind, Outcome, Source, Value, SPELLINGS};
//!     let mut base = Form::from_profile(&Profile::from_json(EXAMPLES[3]).unwrap());
//!     base.ce_new_year = "2031".into();
//!     base.apply(Edit::CeAddYear);
//!     for s in SPELLINGS {
//!         let mut form = base.clone();
//!         let field = match s.kind {
//!             Kind::Date => Field::ReferenceDate,
//!             Kind::Year => Field::EvaluationYear,
//!             Kind::GridHours => Field::CeCell { year: 2031, cell: 0 },
//!             Kind::Hours => {
//!                 form.apply(Edit::Add(List::Records)); // 2031, professional
//!                 Field::RecordHours(form.records.len() - 1)
//!             }
//!             Kind::YesNo => continue, // the form's yes/no are check boxes
//!         };
//!         form.apply(Edit::Set(field, s.input.to_string()));
//!         let checked = form.check();
//!         let got = match (checked.problem(field), &checked.profile) {
//!             (Some(Problem::Value(r)), _) => Outcome::Refused(r.reason),
//!             (Some(Problem::Missing), _) => Outcome::Empty,
//!             (None, Some(p)) => match s.kind {
//!                 Kind::Date => p.reference_date.map(Value::Date),
//!                 Kind::Year => p.evaluation_year.map(Value::Year),
//!                 _ => p.ce_records.iter().find(|r| r.year == 2031).map(|r| r.hours.into()),
//!             }
//!             .map_or(Outcome::Empty, Outcome::Value),
//!             other => panic!("{:?}: {other:?} {:?}", s.input, checked.problems),
//!         };
//!         assert_eq!(got, s.expected(Source::Form), "{:?} {:?}", s.kind, s.input);
//!     }
//! }
//! ```

mod spellings;

pub use spellings::{Kind, Outcome, Source, Spelling, Value, SPELLINGS};

use std::borrow::Cow;
use std::fmt;
use zhicheng_engine::date::{MAX_YEAR, MIN_YEAR};
use zhicheng_engine::profile::{record_hours, MAX_RECORD_HOURS};
use zhicheng_engine::{bi, Bi, Date, Hours, InputError, InputErrorKind};

/// The most characters of a refused text quoted in a message (the engine's own limit
/// for a date).
const QUOTED_CHARS: usize = 40;

/// Why a value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// Not a date, or a date that does not exist (the engine's `InvalidDate`).
    InvalidDate,
    /// A date whose year is outside 1900–2200 (the engine's `YearOutOfRange`).
    YearOutOfRange,
    /// Not a year from 1900 to 2200.
    NotAYear,
    /// Not a number (of hours).
    NotANumber,
    /// Hours of 0 or less (the engine's `HoursNotPositive`).
    HoursNotPositive,
    /// Hours with more than one decimal (the engine's `HoursTooPrecise`).
    HoursTooPrecise,
    /// Hours over the limit of a record (the engine's `HoursTooLarge`).
    HoursTooLarge,
    /// Not yes or no.
    NotYesNo,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 8] = [
        Reason::InvalidDate,
        Reason::YearOutOfRange,
        Reason::NotAYear,
        Reason::NotANumber,
        Reason::HoursNotPositive,
        Reason::HoursTooPrecise,
        Reason::HoursTooLarge,
        Reason::NotYesNo,
    ];

    /// Whether the message quotes the text refused (`"20x4" is not a year …`); the
    /// others say only what is wrong (`must be greater than 0`).
    pub fn quotes_value(self) -> bool {
        matches!(
            self,
            Reason::InvalidDate | Reason::NotAYear | Reason::NotANumber | Reason::NotYesNo
        )
    }
}

/// A value refused: why, and the text as written (trimmed, at most 40 characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub reason: Reason,
    pub value: String,
}

impl Refusal {
    /// `text` refused for `reason`.
    pub fn new(reason: Reason, text: &str) -> Refusal {
        Refusal {
            reason,
            value: text.trim().chars().take(QUOTED_CHARS).collect(),
        }
    }

    /// The engine's error for this refusal, where the engine refuses a value for the
    /// same reason (its words are then the engine's).
    pub fn input_kind(&self) -> Option<InputErrorKind> {
        Some(match self.reason {
            Reason::InvalidDate => InputErrorKind::InvalidDate {
                value: self.value.clone(),
            },
            Reason::YearOutOfRange => InputErrorKind::YearOutOfRange {
                min: MIN_YEAR,
                max: MAX_YEAR,
            },
            Reason::HoursNotPositive => InputErrorKind::HoursNotPositive,
            Reason::HoursTooPrecise => InputErrorKind::HoursTooPrecise,
            Reason::HoursTooLarge => InputErrorKind::HoursTooLarge {
                max: MAX_RECORD_HOURS,
            },
            Reason::NotAYear | Reason::NotANumber | Reason::NotYesNo => return None,
        })
    }

    /// What is wrong, in both languages: the engine's words where it has them.
    pub fn message(&self) -> Bi {
        if let Some(kind) = self.input_kind() {
            return InputError::new("", kind).message();
        }
        let v = &self.value;
        match self.reason {
            Reason::NotAYear => bi!(
                "“{v}”不是 {MIN_YEAR}—{MAX_YEAR} 之间的年份",
                "\"{v}\" is not a year from {MIN_YEAR} to {MAX_YEAR}"
            ),
            Reason::NotANumber => bi!("“{v}”不是数字", "\"{v}\" is not a number"),
            _ => bi!(
                "“{v}”应为 是 或 否（也可写 1/0）",
                "\"{v}\" should be yes or no (是/否, 1/0)"
            ),
        }
    }

    /// The message after the name of what was read, the value quoted once and the
    /// name said once: `hours "-3": must be greater than 0` — `学时“-3”：必须大于 0`
    /// (the engine's `学时必须大于 0` without its own 学时), `year "20x4" is not a
    /// year …` — `年度“20x4”不是 …之间的年份`. For a file whose message names the
    /// column by a word rather than as a cell (the CE import).
    pub fn after(&self, subject: Bi<&str>) -> Bi {
        let reason = self.message();
        if self.reason.quotes_value() {
            return bi!("{}{}", subject.zh, reason.zh; "{} {}", subject.en, reason.en);
        }
        let zh = reason.zh.strip_prefix(subject.zh).unwrap_or(&reason.zh);
        let v = &self.value;
        bi!("{}“{v}”：{zh}", subject.zh; "{} \"{v}\": {}", subject.en, reason.en)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for Refusal {}

/// One character's ASCII form where a Chinese input method types a full-width one:
/// the full-width forms of ASCII (`１` `．` `／` `－` `：` `Ｙ` …), the ideographic
/// space, the ideographic full stop `。` (typed for a decimal point) and the dashes
/// `—` `–` `−`. Other characters are themselves. The one place full-width text is made
/// ASCII: the lenient values here, and the roster's and the CE import's header and
/// vocabulary keys.
pub fn narrow(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '。' => '.',
        '—' | '–' | '−' => '-',
        c => c,
    }
}

/// The text trimmed (the ideographic space too) and [`narrow`]ed; borrowed when
/// nothing changes.
pub fn normalize(s: &str) -> Cow<'_, str> {
    let s = s.trim();
    if s.chars().all(|c| narrow(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(narrow).collect())
    }
}

/// A date as a person types it: `1980-05-10`, `1980-5-10`, `1980/5/10`, `1980.5.10`,
/// `1980年5月10日`, `19800510`, in full-width forms too (`１９８０／５／１０`), with a
/// time after it ignored (`1980/5/10 0:00`). Empty is `None`. No Excel serials (see
/// the module's documentation; [`spreadsheet_date`] reads them).
pub fn date(s: &str) -> Result<Option<Date>, Refusal> {
    read_date(s, false)
}

/// A date in a cell of a file a spreadsheet wrote: what [`date`] reads, and Excel's
/// serial day numbers of five digits (`29351` = 1980-05-10).
pub fn spreadsheet_date(s: &str) -> Result<Option<Date>, Refusal> {
    read_date(s, true)
}

fn read_date(s: &str, serials: bool) -> Result<Option<Date>, Refusal> {
    let t = normalize(s);
    if t.is_empty() {
        return Ok(None);
    }
    let invalid = || Refusal::new(Reason::InvalidDate, s);
    let (day, time) = t.split_once(char::is_whitespace).unwrap_or((&t, ""));
    if !is_time(time.trim()) {
        return Err(invalid());
    }
    let digits = |p: &str, min: usize, max: usize| -> Option<u32> {
        ((min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    if serials && day.len() == 5 && !day.starts_with('0') {
        if let Some(n) = digits(day, 5, 5) {
            return excel_serial(n).map(Some).ok_or_else(invalid);
        }
    }
    let (y, m, d) = if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        (&day[..4], &day[4..6], &day[6..])
    } else {
        let mut parts = day
            .strip_suffix('日')
            .unwrap_or(day)
            .split(['-', '/', '.', '年', '月']);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d), None) => (y, m, d),
            _ => return Err(invalid()),
        }
    };
    let (Some(year), Some(month), Some(day)) = (digits(y, 4, 4), digits(m, 1, 2), digits(d, 1, 2))
    else {
        return Err(invalid());
    };
    let year = year as i32;
    // A year out of range is named as such when the month and day could be a date
    // (in a leap year); `1800-02-30` is not a date in any year.
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) && Date::new(2000, month, day).is_some() {
        return Err(Refusal::new(Reason::YearOutOfRange, s));
    }
    Date::new(year, month, day).map(Some).ok_or_else(invalid)
}

/// Empty, or a time of day as spreadsheets write one after a date: `0:00`,
/// `00:00:00`, `12:30:15.5`.
fn is_time(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let two = |p: &str, max: u32| {
        p.len() == 2
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let mut parts = s.split(':');
    let hour = parts.next().unwrap_or("");
    let hour_ok = (1..=2).contains(&hour.len())
        && hour.bytes().all(|b| b.is_ascii_digit())
        && hour.parse::<u32>().is_ok_and(|h| h <= 23);
    let Some(minute) = parts.next() else {
        return false;
    };
    let second_ok = match parts.next() {
        None => true,
        Some(sec) => {
            let (whole, fraction) = sec.split_once('.').unwrap_or((sec, "0"));
            two(whole, 59) && !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
        }
    };
    hour_ok && two(minute, 59) && second_ok && parts.next().is_none()
}

/// The date of an Excel serial day number (1900 date system, from 61 on, where its
/// count is the calendar's: day 0 is 1899-12-30).
fn excel_serial(n: u32) -> Option<Date> {
    if n < 61 {
        return None;
    }
    // Days since 1970-01-01 (serial 25569), to a civil date (H. Hinnant's algorithm).
    let z = i64::from(n) - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(i32::try_from(year).ok()?, month as u32, day as u32)
}

/// A year: `2024`, `２０２４`, `2024年`, `2024年度`, from 1900 to 2200. Empty is `None`.
pub fn year(s: &str) -> Result<Option<i32>, Refusal> {
    let t = normalize(s);
    if t.is_empty() {
        return Ok(None);
    }
    let digits = t
        .strip_suffix("年度")
        .or_else(|| t.strip_suffix('年'))
        .unwrap_or(&t)
        .trim_end();
    (!digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse::<i32>().ok())
        .flatten()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
        .map(Some)
        .ok_or_else(|| Refusal::new(Reason::NotAYear, s))
}

/// The hours of one CE record: a decimal number (`12`, `12.5`, `１２．５`, `.5`),
/// checked at its exact value as the engine checks it ([`record_hours`]: > 0, at most
/// one decimal, at most 8784). No exponents, no separators. Empty is `None`.
pub fn hours(s: &str) -> Result<Option<Hours>, Refusal> {
    match number(s)? {
        None => Ok(None),
        Some(t) => checked_hours(&t, s),
    }
}

/// The hours of a cell of a grid of hours (a year × category): [`hours`], except that
/// `0` (in any spelling: `0.0`, `０`) is no hours, `None`, as an empty cell is.
pub fn grid_hours(s: &str) -> Result<Option<Hours>, Refusal> {
    match number(s)? {
        None => Ok(None),
        Some(t) if t.bytes().all(|b| matches!(b, b'0' | b'.' | b'+' | b'-')) => Ok(None),
        // The number read once: a roster has a grid cell per year and category.
        Some(t) => checked_hours(&t, s),
    }
}

/// `text`, a number read from the cell `s`, as a CE record's hours (the engine's
/// `record_hours`), or why not.
fn checked_hours(text: &str, s: &str) -> Result<Option<Hours>, Refusal> {
    record_hours(text).map(Some).map_err(|kind| {
        let reason = match kind {
            InputErrorKind::HoursNotPositive => Reason::HoursNotPositive,
            InputErrorKind::HoursTooPrecise => Reason::HoursTooPrecise,
            InputErrorKind::HoursTooLarge { .. } => Reason::HoursTooLarge,
            _ => Reason::NotANumber,
        };
        Refusal::new(reason, s)
    })
}

/// The text of a decimal number, narrowed: `[+-]digits[.digits]` (or `.5`, `5.`);
/// `None` when empty.
fn number(s: &str) -> Result<Option<Cow<'_, str>>, Refusal> {
    let t = normalize(s);
    if t.is_empty() {
        return Ok(None);
    }
    let body = t.strip_prefix(['+', '-']).unwrap_or(&t);
    let well_formed = body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body.bytes().any(|b| b.is_ascii_digit());
    if well_formed {
        Ok(Some(t))
    } else {
        Err(Refusal::new(Reason::NotANumber, s))
    }
}

/// Yes or no: `是`/`否`, `有`/`无`, `y`/`n`, `yes`/`no`, `true`/`false`, `t`/`f`,
/// `1`/`0`, `√`/`×` (and `✓` `✔` / `✗` `✘` `✕`), in any case and in full-width forms.
/// Empty is `None`.
pub fn yes_no(s: &str) -> Result<Option<bool>, Refusal> {
    let t = normalize(s);
    if t.is_empty() {
        return Ok(None);
    }
    let key = if t.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        t
    };
    match key.as_ref() {
        "是" | "有" | "y" | "yes" | "true" | "t" | "1" | "√" | "✓" | "✔" => Ok(Some(true)),
        "否" | "无" | "n" | "no" | "false" | "f" | "0" | "×" | "✗" | "✘" | "✕" => {
            Ok(Some(false))
        }
        _ => Err(Refusal::new(Reason::NotYesNo, s)),
    }
}

/// A spelling read by this module as `source` reads it: the table's own reader, and
/// the one the other readers are compared with.
pub fn read(kind: Kind, source: Source, input: &str) -> Outcome {
    match kind {
        Kind::Date => match source {
            Source::Form => Outcome::of(date(input)),
            Source::File => Outcome::of(spreadsheet_date(input)),
        },
        Kind::Year => Outcome::of(year(input)),
        Kind::Hours => Outcome::of(hours(input)),
        Kind::GridHours => Outcome::of(grid_hours(input)),
        Kind::YesNo => Outcome::of(yes_no(input)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_reads_as_the_table_says() {
        for s in SPELLINGS {
            for source in [Source::Form, Source::File] {
                assert_eq!(
                    read(s.kind, source, s.input),
                    s.expected(source),
                    "{:?} {:?} in the {source:?}",
                    s.kind,
                    s.input
                );
            }
        }
    }

    /// A refusal quotes the text as written (trimmed, at most 40 characters), not as
    /// narrowed.
    #[test]
    fn refusals_quote_the_text_as_written() {
        let e = date(" １９８０－０２－３０\u{3000}").unwrap_err();
        assert_eq!(e.value, "１９８０－０２－３０");
        assert_eq!(
            e.message().en,
            "\"１９８０－０２－３０\" is not a date that exists (write YYYY-MM-DD)"
        );
        let long = "x".repeat(100);
        assert_eq!(year(&long).unwrap_err().value.len(), QUOTED_CHARS);
    }

    /// The engine's words where the engine refuses for the same reason; the module's
    /// own, once, for the rest.
    #[test]
    fn one_message_per_reason() {
        let said = |r: Result<Option<Hours>, Refusal>| r.unwrap_err().message();
        assert_eq!(
            said(hours("-3")),
            InputError::new("", InputErrorKind::HoursNotPositive).message()
        );
        assert_eq!(
            said(hours("1.25")).en,
            "must have at most one decimal (1.5 yes, 1.25 no)"
        );
        assert_eq!(said(hours("9000")).zh, "学时不能超过 8784");
        assert_eq!(said(hours("1e3")).en, "\"1e3\" is not a number");
        let y = year("20x4").unwrap_err().message();
        assert_eq!(y.en, "\"20x4\" is not a year from 1900 to 2200");
        assert_eq!(y.zh, "“20x4”不是 1900—2200 之间的年份");
        let f = yes_no("maybe").unwrap_err().message();
        assert_eq!(f.en, "\"maybe\" should be yes or no (是/否, 1/0)");
        assert_eq!(
            date("1800-01-01").unwrap_err().message().en,
            "must be a year from 1900 to 2200"
        );
        for reason in Reason::ALL {
            let r = Refusal::new(reason, "v");
            assert_eq!(
                r.input_kind().is_some(),
                !matches!(
                    reason,
                    Reason::NotAYear | Reason::NotANumber | Reason::NotYesNo
                )
            );
            assert_eq!(
                r.message().en.contains("\"v\""),
                reason.quotes_value(),
                "{reason:?}"
            );
            assert_eq!(
                r.message().zh.contains("“v”"),
                reason.quotes_value(),
                "{reason:?}"
            );
        }
    }

    #[test]
    fn after_a_subject_the_value_and_the_subject_are_said_once() {
        let hours_word = Bi::new("学时", "hours");
        let b = hours("-3").unwrap_err().after(hours_word);
        assert_eq!(b.en, "hours \"-3\": must be greater than 0");
        assert_eq!(b.zh, "学时“-3”：必须大于 0");
        let b = hours("abc").unwrap_err().after(hours_word);
        assert_eq!(b.en, "hours \"abc\" is not a number");
        assert_eq!(b.zh, "学时“abc”不是数字");
        let b = year("20x4").unwrap_err().after(Bi::new("年度", "year"));
        assert_eq!(b.en, "year \"20x4\" is not a year from 1900 to 2200");
        assert_eq!(b.zh, "年度“20x4”不是 1900—2200 之间的年份");
    }

    /// Every five-digit serial is the date Excel shows for it: day by day from
    /// 10000 = 1927-05-18, as Excel counts.
    #[test]
    fn excel_serials_count_days_from_1899_12_30() {
        let mut d = Date::new(1927, 5, 18).unwrap();
        for n in 10_000..=99_999 {
            assert_eq!(excel_serial(n), Some(d), "{n}");
            d = d.next_day();
        }
        assert_eq!(excel_serial(25_569), Date::new(1970, 1, 1));
        assert_eq!(excel_serial(61), Date::new(1900, 3, 1));
        assert_eq!(
            excel_serial(60),
            None,
            "Excel's 1900-02-29, a day that never was"
        );
    }

    #[test]
    fn narrowing_is_borrowed_when_nothing_changes() {
        assert!(matches!(
            normalize(" 1980-05-10 "),
            Cow::Borrowed("1980-05-10")
        ));
        assert_eq!(normalize("\u{3000}１９８０／５／１０　"), "1980/5/10");
        assert_eq!(normalize("１２。５"), "12.5");
        assert_eq!(normalize("ＹＥＳ"), "YES");
    }
}
