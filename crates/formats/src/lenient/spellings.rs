//! The one table of accepted and refused spellings: each input with the value or the
//! refusal every reader must give for it. The tests of the lenient module, of the
//! roster (its cells and its records file), of the CE import and of the form run it;
//! a spelling added here is checked everywhere.

use super::{Reason, Refusal};
use zhicheng_engine::{Date, Hours};

/// What a spelling is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A date: the roster's date columns, the form's dates.
    Date,
    /// A year: a CE record's year, the roster's evaluation year and list years, the
    /// form's years.
    Year,
    /// A CE record's hours: the CE import, the records file, the form's records list.
    Hours,
    /// A cell of a grid of hours, where 0 is none: the roster's CE columns, the form's
    /// grid.
    GridHours,
    /// Yes or no: the roster's yes/no columns, the CE import's online and recognized.
    YesNo,
}

/// Where a spelling is read: what the person typed, or a file a spreadsheet wrote.
/// Only Excel serial dates tell them apart (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The form (src/state.rs).
    Form,
    /// A roster cell, the CE import, the roster's records file.
    File,
}

/// A value read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Date(Date),
    Year(i32),
    Hours(Hours),
    YesNo(bool),
}

impl From<Date> for Value {
    fn from(d: Date) -> Value {
        Value::Date(d)
    }
}

impl From<i32> for Value {
    fn from(y: i32) -> Value {
        Value::Year(y)
    }
}

impl From<Hours> for Value {
    fn from(h: Hours) -> Value {
        Value::Hours(h)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::YesNo(b)
    }
}

/// What a reader made of a spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Value(Value),
    /// Nothing: an empty text, or a grid cell of 0 (the reader's default, or "missing"
    /// where the value is required).
    Empty,
    Refused(Reason),
}

impl Outcome {
    /// The outcome of one of the module's readers.
    pub fn of<T: Into<Value>>(read: Result<Option<T>, Refusal>) -> Outcome {
        match read {
            Ok(Some(v)) => Outcome::Value(v.into()),
            Ok(None) => Outcome::Empty,
            Err(r) => Outcome::Refused(r.reason),
        }
    }
}

/// One row of the table: an input and what every reader gives for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelling {
    pub kind: Kind,
    pub input: &'static str,
    /// In a file (a roster cell, the CE import, the records file).
    pub in_file: Outcome,
    /// In the form.
    pub in_form: Outcome,
}

impl Spelling {
    /// What a reader reading from `source` must give.
    pub fn expected(&self, source: Source) -> Outcome {
        match source {
            Source::Form => self.in_form,
            Source::File => self.in_file,
        }
    }
}

const fn is(kind: Kind, input: &'static str, v: Value) -> Spelling {
    Spelling {
        kind,
        input,
        in_file: Outcome::Value(v),
        in_form: Outcome::Value(v),
    }
}

const fn no(kind: Kind, input: &'static str, r: Reason) -> Spelling {
    Spelling {
        kind,
        input,
        in_file: Outcome::Refused(r),
        in_form: Outcome::Refused(r),
    }
}

const fn empty(kind: Kind, input: &'static str) -> Spelling {
    Spelling {
        kind,
        input,
        in_file: Outcome::Empty,
        in_form: Outcome::Empty,
    }
}

const fn date(input: &'static str, y: i32, m: u8, d: u8) -> Spelling {
    is(
        Kind::Date,
        input,
        Value::Date(Date::from_ymd_unchecked(y, m, d)),
    )
}

/// An Excel serial: a date in a file, not in the form.
const fn serial(input: &'static str, y: i32, m: u8, d: u8) -> Spelling {
    Spelling {
        kind: Kind::Date,
        input,
        in_file: Outcome::Value(Value::Date(Date::from_ymd_unchecked(y, m, d))),
        in_form: Outcome::Refused(Reason::InvalidDate),
    }
}

const fn not_date(input: &'static str) -> Spelling {
    no(Kind::Date, input, Reason::InvalidDate)
}

const fn year(input: &'static str, y: i32) -> Spelling {
    is(Kind::Year, input, Value::Year(y))
}

const fn not_year(input: &'static str) -> Spelling {
    no(Kind::Year, input, Reason::NotAYear)
}

const fn hours(input: &'static str, tenths: i64) -> Spelling {
    is(Kind::Hours, input, Value::Hours(Hours::from_tenths(tenths)))
}

const fn grid(input: &'static str, tenths: i64) -> Spelling {
    is(
        Kind::GridHours,
        input,
        Value::Hours(Hours::from_tenths(tenths)),
    )
}

const fn flag(input: &'static str, b: bool) -> Spelling {
    is(Kind::YesNo, input, Value::YesNo(b))
}

/// Every spelling the readers are tested on, accepted and refused.
pub static SPELLINGS: &[Spelling] = &[
    // Dates as people and spreadsheets write them.
    date("1980-05-10", 1980, 5, 10),
    date("1980-5-10", 1980, 5, 10),
    date("1980/5/10", 1980, 5, 10),
    date("1980/05/10", 1980, 5, 10),
    date("1980.5.10", 1980, 5, 10),
    date("1980年5月10日", 1980, 5, 10),
    date("1980年05月10日", 1980, 5, 10),
    date("1980年5月10", 1980, 5, 10),
    date("19800510", 1980, 5, 10),
    date("1980/5/1", 1980, 5, 1),
    // A Chinese input method's full-width digits and separators, the ideographic
    // full stop and space.
    date("１９８０／５／１０", 1980, 5, 10),
    date("１９８０－０５－１０", 1980, 5, 10),
    date("１９８０．５．１０", 1980, 5, 10),
    date("１９８０年５月１０日", 1980, 5, 10),
    date("１９８００５１０", 1980, 5, 10),
    date("１９８０-05-10", 1980, 5, 10),
    date("1980。5。10", 1980, 5, 10),
    date("1980—05—10", 1980, 5, 10),
    date(" 1980-05-10 ", 1980, 5, 10),
    date("\u{3000}1980-05-10\u{3000}", 1980, 5, 10),
    date("\t1980/5/10\r\n", 1980, 5, 10),
    // A time after the date, as a spreadsheet writes it, is left out.
    date("1980/5/10 0:00", 1980, 5, 10),
    date("1980/05/10 00:00:00", 1980, 5, 10),
    date("1980-05-10 23:59:59.5", 1980, 5, 10),
    date("1980/5/10\u{3000}０：００", 1980, 5, 10),
    date("2000-02-29", 2000, 2, 29),
    date("1900-01-01", 1900, 1, 1),
    date("2200-12-31", 2200, 12, 31),
    // Excel serial day numbers: five digits, in files only.
    serial("29351", 1980, 5, 10),
    serial(" 29351 ", 1980, 5, 10),
    serial("２９３５１", 1980, 5, 10),
    serial("44197", 2021, 1, 1),
    serial("10000", 1927, 5, 18),
    serial("99999", 2173, 10, 13),
    not_date("9999"),
    not_date("100000"),
    not_date("01234"),
    not_date("29351.5"),
    not_date("-29351"),
    // Dates that do not exist, and text that is no date.
    not_date("1980-02-30"),
    not_date("1981-02-29"),
    not_date("1980-13-01"),
    not_date("1980-00-10"),
    not_date("1980-05-00"),
    not_date("19800230"),
    not_date("１９８０－０２－３０"),
    not_date("80/5/10"),
    not_date("80-05-10"),
    not_date("5/10/1980"),
    not_date("10.05.1980"),
    not_date("1980-5"),
    not_date("1980"),
    not_date("1980-005-10"),
    not_date("01980-05-10"),
    not_date("1980 5 10"),
    not_date("1980--5-10"),
    not_date("1980-05-10-1"),
    not_date("May 10 1980"),
    not_date("abc"),
    not_date("1980/5/10 noon"),
    not_date("1980/5/10 24:00"),
    not_date("1980/5/10 0:60"),
    not_date("1980/5/10 0:00 x"),
    no(Kind::Date, "1800-01-01", Reason::YearOutOfRange),
    no(Kind::Date, "1899-12-31", Reason::YearOutOfRange),
    no(Kind::Date, "2201-01-01", Reason::YearOutOfRange),
    no(Kind::Date, "18000101", Reason::YearOutOfRange),
    no(Kind::Date, "1800-02-29", Reason::YearOutOfRange),
    not_date("1800-02-30"),
    empty(Kind::Date, ""),
    empty(Kind::Date, "   "),
    empty(Kind::Date, "\u{3000}"),
    // Years.
    year("2024", 2024),
    year("２０２４", 2024),
    year("2024年", 2024),
    year("２０２４年", 2024),
    year("2024年度", 2024),
    year("2024 年", 2024),
    year(" 2024 ", 2024),
    year("\u{3000}2024\u{3000}", 2024),
    year("1900", 1900),
    year("2200", 2200),
    year("02024", 2024),
    not_year("24"),
    not_year("20x4"),
    not_year("1899"),
    not_year("2201"),
    not_year("2024.5"),
    not_year("2024-01"),
    not_year("+2024"),
    not_year("年"),
    not_year("二〇二四"),
    not_year("99999999999"),
    empty(Kind::Year, ""),
    empty(Kind::Year, " "),
    // Hours, read at their exact value.
    hours("24", 240),
    hours("1.5", 15),
    hours("12.5", 125),
    hours("１２．５", 125),
    hours("１２。５", 125),
    hours("０．５", 5),
    hours(".5", 5),
    hours("5.", 50),
    hours("1.50", 15),
    hours("+3", 30),
    hours("007", 70),
    hours("0.1", 1),
    hours("8784", 87_840),
    hours("8784.0", 87_840),
    hours(" 8 ", 80),
    hours("\u{3000}８\u{3000}", 80),
    no(Kind::Hours, "0", Reason::HoursNotPositive),
    no(Kind::Hours, "0.0", Reason::HoursNotPositive),
    no(Kind::Hours, "-0", Reason::HoursNotPositive),
    no(Kind::Hours, "-3", Reason::HoursNotPositive),
    no(Kind::Hours, "－３", Reason::HoursNotPositive),
    no(Kind::Hours, "1.25", Reason::HoursTooPrecise),
    no(Kind::Hours, "11.99999999", Reason::HoursTooPrecise),
    no(Kind::Hours, "0.05", Reason::HoursTooPrecise),
    no(Kind::Hours, "8784.1", Reason::HoursTooLarge),
    no(Kind::Hours, "9000", Reason::HoursTooLarge),
    no(Kind::Hours, "99999999999", Reason::HoursTooLarge),
    no(Kind::Hours, "abc", Reason::NotANumber),
    no(Kind::Hours, "1e3", Reason::NotANumber),
    no(Kind::Hours, "15e-1", Reason::NotANumber),
    no(Kind::Hours, "inf", Reason::NotANumber),
    no(Kind::Hours, "NaN", Reason::NotANumber),
    no(Kind::Hours, "1,5", Reason::NotANumber),
    no(Kind::Hours, "1 2", Reason::NotANumber),
    no(Kind::Hours, "1.2.3", Reason::NotANumber),
    no(Kind::Hours, ".", Reason::NotANumber),
    no(Kind::Hours, "-", Reason::NotANumber),
    no(Kind::Hours, "12h", Reason::NotANumber),
    no(Kind::Hours, "12学时", Reason::NotANumber),
    empty(Kind::Hours, ""),
    empty(Kind::Hours, "  "),
    // A grid cell: 0 is none.
    grid("12", 120),
    grid("１２．５", 125),
    empty(Kind::GridHours, "0"),
    empty(Kind::GridHours, "０"),
    empty(Kind::GridHours, "0.0"),
    empty(Kind::GridHours, "-0"),
    empty(Kind::GridHours, ""),
    no(Kind::GridHours, "-5", Reason::HoursNotPositive),
    no(Kind::GridHours, "1.25", Reason::HoursTooPrecise),
    no(Kind::GridHours, "9000", Reason::HoursTooLarge),
    no(Kind::GridHours, "abc", Reason::NotANumber),
    // Yes and no.
    flag("是", true),
    flag("有", true),
    flag("y", true),
    flag("Y", true),
    flag("yes", true),
    flag("YES", true),
    flag("Yes", true),
    flag("true", true),
    flag("TRUE", true),
    flag("t", true),
    flag("1", true),
    flag("√", true),
    flag("✓", true),
    flag("✔", true),
    flag("Ｙ", true),
    flag("ＹＥＳ", true),
    flag("１", true),
    flag(" 是 ", true),
    flag("\u{3000}是\u{3000}", true),
    flag("否", false),
    flag("无", false),
    flag("n", false),
    flag("N", false),
    flag("no", false),
    flag("NO", false),
    flag("false", false),
    flag("FALSE", false),
    flag("f", false),
    flag("0", false),
    flag("×", false),
    flag("✗", false),
    flag("✘", false),
    flag("✕", false),
    flag("Ｎ", false),
    flag("ｎｏ", false),
    flag("０", false),
    no(Kind::YesNo, "maybe", Reason::NotYesNo),
    no(Kind::YesNo, "是否", Reason::NotYesNo),
    no(Kind::YesNo, "2", Reason::NotYesNo),
    no(Kind::YesNo, "x", Reason::NotYesNo),
    no(Kind::YesNo, "yes no", Reason::NotYesNo),
    no(Kind::YesNo, "没有", Reason::NotYesNo),
    empty(Kind::YesNo, ""),
    empty(Kind::YesNo, " "),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each kind has accepted, refused and empty spellings, each reason is shown, and
    /// no input is in the table twice for one kind.
    #[test]
    fn the_table_covers_every_kind_and_reason() {
        for kind in [
            Kind::Date,
            Kind::Year,
            Kind::Hours,
            Kind::GridHours,
            Kind::YesNo,
        ] {
            let of =
                |f: fn(&Outcome) -> bool| SPELLINGS.iter().any(|s| s.kind == kind && f(&s.in_file));
            assert!(of(|o| matches!(o, Outcome::Value(_))), "{kind:?}");
            assert!(of(|o| matches!(o, Outcome::Refused(_))), "{kind:?}");
            assert!(of(|o| matches!(o, Outcome::Empty)), "{kind:?}");
        }
        for reason in Reason::ALL {
            assert!(
                SPELLINGS
                    .iter()
                    .any(|s| s.in_file == Outcome::Refused(reason)),
                "{reason:?}"
            );
        }
        let mut seen = std::collections::HashSet::new();
        for s in SPELLINGS {
            assert!(seen.insert((s.kind, s.input)), "{:?} twice", s.input);
        }
    }
}
