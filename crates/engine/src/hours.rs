//! Continuing-education hours, kept exactly as whole tenths of an hour, and a CE
//! record's hours read from the text of their number (`record_hours`).

use crate::decimal::Decimal;
use crate::error::{InputErrorKind, JsonType};
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

/// The most hours one record may carry: the hours in a leap year.
pub const MAX_RECORD_HOURS: i64 = 8784;

/// A number of hours with at most one decimal, stored as tenths (`1.5` h = `15`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hours(i64);

impl Hours {
    pub const ZERO: Hours = Hours(0);

    pub const fn from_tenths(tenths: i64) -> Hours {
        Hours(tenths)
    }

    pub fn tenths(self) -> i64 {
        self.0
    }

    /// Whole hours.
    pub fn from_whole(hours: i64) -> Hours {
        Hours(hours * 10)
    }

    /// The value in hours, for output.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 10.0
    }

    /// `max(0, self − other)`.
    pub fn saturating_sub(self, other: Hours) -> Hours {
        Hours((self.0 - other.0).max(0))
    }
}

impl Add for Hours {
    type Output = Hours;
    fn add(self, o: Hours) -> Hours {
        Hours(self.0.saturating_add(o.0))
    }
}

impl AddAssign for Hours {
    fn add_assign(&mut self, o: Hours) {
        *self = *self + o;
    }
}

impl Sub for Hours {
    type Output = Hours;
    fn sub(self, o: Hours) -> Hours {
        Hours(self.0 - o.0)
    }
}

impl fmt::Display for Hours {
    /// `12`, or `12.5` — never a trailing `.0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 % 10 == 0 {
            write!(f, "{}", self.0 / 10)
        } else {
            write!(
                f,
                "{}{}.{}",
                if self.0 < 0 { "-" } else { "" },
                (self.0 / 10).abs(),
                (self.0 % 10).abs()
            )
        }
    }
}

impl serde::Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

/// Checks the hours of one CE record, given as the number's text, and converts them
/// to exact tenths (SPEC §2: > 0, at most one decimal *by value*). The value is the
/// one the text writes, read exactly rather than through a float (`crate::decimal`):
/// `1.5`, `1.50` and `15e-1` are 1.5 hours, while `1.25`, `11.99999999`,
/// `0.30000000000000004` and `0.0000001` are refused as too precise (never rounded,
/// never a silent zero). Shared by every reader of CE records (JSON, the CSV import,
/// the roster, the form); each has already checked that the text is a number (the
/// words `NaN` and `inf`, which some spreadsheets write, are judged as the values
/// they name). Allocates nothing.
pub fn record_hours(text: &str) -> Result<Hours, InputErrorKind> {
    let too_large = InputErrorKind::HoursTooLarge {
        max: MAX_RECORD_HOURS,
    };
    let Some(d) = Decimal::read(text) else {
        return Err(match NonFinite::read(text) {
            Some(NonFinite::NaN | NonFinite::NegativeInfinity) => InputErrorKind::HoursNotPositive,
            Some(NonFinite::Infinity) => too_large,
            None => InputErrorKind::WrongType {
                expected: JsonType::Number,
            },
        });
    };
    if d.negative || d.is_zero() {
        return Err(InputErrorKind::HoursNotPositive);
    }
    if d.exceeds(MAX_RECORD_HOURS) {
        return Err(too_large);
    }
    d.tenths()
        .map(Hours::from_tenths)
        .ok_or(InputErrorKind::HoursTooPrecise)
}

/// The words for a value that is not a finite number, as a float's text has them
/// (`NaN`, `inf`, `infinity`, any case, with a sign).
enum NonFinite {
    NaN,
    Infinity,
    NegativeInfinity,
}

impl NonFinite {
    fn read(text: &str) -> Option<NonFinite> {
        let body = text.strip_prefix(['+', '-']).unwrap_or(text);
        if body.eq_ignore_ascii_case("nan") {
            Some(NonFinite::NaN)
        } else if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
            Some(match text.starts_with('-') {
                true => NonFinite::NegativeInfinity,
                false => NonFinite::Infinity,
            })
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_drops_a_zero_decimal() {
        assert_eq!(Hours::from_tenths(120).to_string(), "12");
        assert_eq!(Hours::from_tenths(125).to_string(), "12.5");
        assert_eq!(Hours::from_tenths(5).to_string(), "0.5");
    }

    fn tenths(text: &str) -> Result<i64, InputErrorKind> {
        record_hours(text).map(Hours::tenths)
    }

    #[test]
    fn hours_are_read_at_their_exact_decimal_value() {
        for (text, expected) in [
            ("1.5", 15),
            ("1.50", 15),
            ("15e-1", 15),
            ("0.15E1", 15),
            ("+2", 20),
            ("90", 900),
            ("0.1", 1),
            ("1.", 10),
            (".5", 5),
            ("8784", 87840),
            ("8784.0", 87840),
            ("1e3", 10000),
        ] {
            assert_eq!(tenths(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn hours_that_are_not_whole_tenths_are_refused_never_rounded() {
        for text in [
            "1.25",
            "1.05",
            "11.99999999",
            "12.00000001",
            "0.30000000000000004",
            "0.0000001",
            "0.01",
            "1e-2",
            "8783.99",
        ] {
            assert_eq!(
                record_hours(text),
                Err(InputErrorKind::HoursTooPrecise),
                "{text}"
            );
        }
    }

    #[test]
    fn every_thousandth_up_to_a_hundred_hours_is_judged_exactly() {
        for n in 0..=100_000i64 {
            let text = format!("{}.{:03}", n / 1000, n % 1000);
            let expected = match n {
                0 => Err(InputErrorKind::HoursNotPositive),
                n if n % 100 == 0 => Ok(n / 100),
                _ => Err(InputErrorKind::HoursTooPrecise),
            };
            assert_eq!(tenths(&text), expected, "{text}");
        }
    }

    #[test]
    fn hours_out_of_range_are_refused() {
        for text in ["0", "-1", "-0.5", "0e5", "NaN"] {
            assert_eq!(
                record_hours(text),
                Err(InputErrorKind::HoursNotPositive),
                "{text}"
            );
        }
        for text in ["8784.1", "8785", "1e400", "inf", "9000.25", "87841e-1"] {
            assert!(
                matches!(
                    record_hours(text),
                    Err(InputErrorKind::HoursTooLarge { .. })
                ),
                "{text}"
            );
        }
    }
}
