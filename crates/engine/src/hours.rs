//! Continuing-education hours, kept exactly as whole tenths of an hour, and a CE
//! record's hours read from the text of their number (`record_hours`).

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
/// one the text writes, read exactly rather than through a float: `1.5`, `1.50` and
/// `15e-1` are 1.5 hours, while `1.25`, `11.99999999`, `0.30000000000000004` and
/// `0.0000001` are refused as too precise (never rounded, never a silent zero).
/// Shared by every reader of CE records (JSON, the CSV import, the roster, the form);
/// each has already checked that the text is a number. Allocates nothing.
pub fn record_hours(text: &str) -> Result<Hours, InputErrorKind> {
    let too_large = InputErrorKind::HoursTooLarge {
        max: MAX_RECORD_HOURS,
    };
    let Some(d) = Decimal::read(text) else {
        // Not a plain decimal of at most seven significant digits (`NaN`, `inf`,
        // `0.30000000000000004`): never a whole number of tenths within the limit, so
        // only which error it is remains to say.
        let x: f64 = text.parse().map_err(|_| InputErrorKind::WrongType {
            expected: JsonType::Number,
        })?;
        return Err(if x.is_nan() || x <= 0.0 {
            InputErrorKind::HoursNotPositive
        } else if x > MAX_RECORD_HOURS as f64 {
            too_large
        } else {
            InputErrorKind::HoursTooPrecise
        });
    };
    if d.negative || d.significant == 0 {
        return Err(InputErrorKind::HoursNotPositive);
    }
    if d.exceeds(MAX_RECORD_HOURS) {
        return Err(too_large);
    }
    d.tenths()
        .map(Hours::from_tenths)
        .ok_or(InputErrorKind::HoursTooPrecise)
}

/// A decimal number's exact value: `significant × 10^scale`, its digits read without
/// their leading and trailing zeros.
struct Decimal {
    negative: bool,
    significant: i64,
    scale: i64,
}

impl Decimal {
    /// The most significant digits read (more are never a whole number of tenths
    /// within [`MAX_RECORD_HOURS`]).
    const MAX_DIGITS: i64 = 7;

    /// Reads `[+-]digits[.digits][e[+-]digits]`; `None` for anything else, or for
    /// more than [`Decimal::MAX_DIGITS`] significant digits.
    fn read(text: &str) -> Option<Decimal> {
        let negative = text.starts_with('-');
        let body = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (mantissa, exponent) = match body.find(['e', 'E']) {
            Some(at) => (&body[..at], &body[at + 1..]),
            None => (body, "0"),
        };
        let exponent = {
            let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Saturating: an exponent this large is out of range either way.
            let magnitude = digits.bytes().fold(0i64, |n, b| {
                n.saturating_mul(10).saturating_add(i64::from(b - b'0'))
            });
            if exponent.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let (mut significant, mut length, mut zeros) = (0i64, 0i64, 0i64);
        for b in whole.bytes().chain(fraction.bytes()) {
            match b {
                b'0' if length > 0 => zeros += 1,
                b'0' => {}
                b'1'..=b'9' => {
                    length += zeros + 1;
                    if length > Self::MAX_DIGITS {
                        return None;
                    }
                    significant = significant * 10i64.pow((zeros + 1) as u32) + i64::from(b - b'0');
                    zeros = 0;
                }
                _ => return None,
            }
        }
        let scale = exponent
            .saturating_sub(fraction.len() as i64)
            .saturating_add(zeros);
        Some(Decimal {
            negative,
            significant,
            scale,
        })
    }

    /// Whether the value is above `max` (a positive whole number).
    fn exceeds(&self, max: i64) -> bool {
        let (n, max) = (i128::from(self.significant), i128::from(max));
        match self.scale {
            // At least 10^(digits + 19) > any i64.
            s if s > 19 => true,
            s if s >= 0 => n * 10i128.pow(s as u32) > max,
            // Below 10^-30 × 10^7.
            s if s < -30 => false,
            s => n > max * 10i128.pow(s.unsigned_abs() as u32),
        }
    }

    /// The value in tenths, when it is a whole number of them (and within `exceeds`).
    fn tenths(&self) -> Option<i64> {
        let shift = u32::try_from(self.scale.checked_add(1)?).ok()?;
        self.significant.checked_mul(10i64.checked_pow(shift)?)
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
