//! A decimal number's exact value, read from its text without a float: the CE hours
//! (`hours::record_hours`) and the profile's years are judged by the value the text
//! writes, never by its nearest `f64`. (It also keeps the standard library's float
//! parser, and its 20 KB table of powers of five, out of the wasm.)

/// A decimal number as `significant × 10^scale`, its digits read without leading and
/// trailing zeros; at most [`Decimal::MAX_DIGITS`] of them are kept, and `more` says
/// that further non-zero digits were dropped (the exact value is then a little larger
/// in magnitude than the one kept, and never a whole number of `10^scale`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub negative: bool,
    pub significant: i64,
    pub scale: i64,
    pub more: bool,
}

impl Decimal {
    /// The most significant digits kept.
    pub const MAX_DIGITS: usize = 7;

    /// Reads `[+-]digits[.digits][e[+-]digits]` (at least one digit before the
    /// exponent); `None` for anything else.
    pub fn read(text: &str) -> Option<Decimal> {
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
            // Saturating: an exponent this large is out of every range either way.
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
        // One pass over the digits: leading zeros skipped, zeros after a non-zero digit
        // held (`zeros`) until a non-zero digit shows they are inside the number, and
        // what does not fit in MAX_DIGITS counted as `dropped` places.
        let (mut significant, mut kept, mut zeros, mut dropped) = (0i64, 0usize, 0i64, 0i64);
        let mut more = false;
        for b in whole.bytes().chain(fraction.bytes()) {
            match b {
                b'0' if kept > 0 => zeros += 1,
                b'0' => {}
                b'1'..=b'9' => {
                    let digit = i64::from(b - b'0');
                    let room = Self::MAX_DIGITS - kept;
                    if !more && zeros < room as i64 {
                        significant = significant * 10i64.pow(zeros as u32 + 1) + digit;
                        kept += zeros as usize + 1;
                    } else {
                        // The held zeros that fit are kept; the rest, and this digit,
                        // are dropped.
                        let fit = if more { 0 } else { room as i64 };
                        significant *= 10i64.pow(fit as u32);
                        kept += fit as usize;
                        dropped += zeros - fit + 1;
                        more = true;
                    }
                    zeros = 0;
                }
                _ => return None,
            }
        }
        if kept == 0 {
            return Some(Decimal {
                negative,
                significant: 0,
                scale: 0,
                more: false,
            });
        }
        let scale = exponent
            .saturating_sub(fraction.len() as i64)
            .saturating_add(zeros)
            .saturating_add(dropped);
        Some(Decimal {
            negative,
            significant,
            scale,
            more,
        })
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.significant == 0
    }

    /// Whether the magnitude is above `max` (a positive whole number).
    pub fn exceeds(&self, max: i64) -> bool {
        let (n, max) = (i128::from(self.significant), i128::from(max));
        // The kept value (`n × 10^scale`) above `max`, or equal to it with more digits.
        let above = |kept: std::cmp::Ordering| kept.is_gt() || (kept.is_eq() && self.more);
        match self.scale {
            // At least 10^19 > any i64.
            s if s > 19 => n > 0,
            s if s >= 0 => above((n * 10i128.pow(s as u32)).cmp(&max)),
            // Below 10^-30 × 10^7.
            s if s < -30 => false,
            s => above(n.cmp(&(max * 10i128.pow(s.unsigned_abs() as u32)))),
        }
    }

    /// The value in tenths, when it is a whole number of them (and within `exceeds`).
    pub fn tenths(&self) -> Option<i64> {
        if self.more {
            return None;
        }
        let shift = u32::try_from(self.scale.checked_add(1)?).ok()?;
        self.significant.checked_mul(10i64.checked_pow(shift)?)
    }

    /// The value, when it is a whole number within `min..=max` (`Err(Whole::Not)`
    /// when it has a fraction, `Err(Whole::OutOfRange)` when it is outside).
    pub fn whole_within(&self, min: i64, max: i64) -> Result<i64, Whole> {
        // Without trailing zeros, a negative scale leaves a fraction (and dropped
        // digits lie further right still).
        if self.scale < 0 {
            return Err(Whole::Not);
        }
        if self.exceeds(max.max(min.abs())) {
            return Err(Whole::OutOfRange);
        }
        let magnitude = self.significant * 10i64.pow(self.scale as u32);
        let value = if self.negative { -magnitude } else { magnitude };
        if (min..=max).contains(&value) {
            Ok(value)
        } else {
            Err(Whole::OutOfRange)
        }
    }
}

/// Why a number is not a whole number within a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    Not,
    OutOfRange,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(negative: bool, significant: i64, scale: i64, more: bool) -> Option<Decimal> {
        Some(Decimal {
            negative,
            significant,
            scale,
            more,
        })
    }

    #[test]
    fn digits_are_read_exactly_without_their_zeros() {
        assert_eq!(Decimal::read("1.50"), d(false, 15, -1, false));
        assert_eq!(Decimal::read("-0015e-1"), d(true, 15, -1, false));
        assert_eq!(Decimal::read("2024.0"), d(false, 2024, 0, false));
        assert_eq!(Decimal::read("2.024e3"), d(false, 2024, 0, false));
        assert_eq!(Decimal::read("1200"), d(false, 12, 2, false));
        assert_eq!(Decimal::read(".5"), d(false, 5, -1, false));
        assert_eq!(Decimal::read("1."), d(false, 1, 0, false));
        assert_eq!(Decimal::read("0.000"), d(false, 0, 0, false));
        assert_eq!(Decimal::read("12345678"), d(false, 1234567, 1, true));
        assert_eq!(
            Decimal::read("0.30000000000000004"),
            d(false, 3000000, -7, true)
        );
        for not in [
            "", ".", "e5", "1e", "1e+", "1.2.3", "NaN", "inf", "1,5", "--1", "0x10",
        ] {
            assert_eq!(Decimal::read(not), None, "{not}");
        }
    }

    #[test]
    fn dropped_digits_count_in_comparisons() {
        let read = |t: &str| Decimal::read(t).unwrap();
        assert!(!read("8784").exceeds(8784));
        assert!(read("8784.000000001").exceeds(8784));
        assert!(!read("8783.999999999").exceeds(8784));
        assert!(read("1e400").exceeds(8784));
        assert!(!read("1e-400").exceeds(8784));
        assert_eq!(read("87.84000001").tenths(), None);
        assert_eq!(read("878.4").tenths(), Some(8784));
    }

    /// The same reading done the plain way: the digits as a string, its zeros
    /// stripped, the first MAX_DIGITS kept.
    fn reference(text: &str) -> Option<Decimal> {
        let negative = text.starts_with('-');
        let body = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (mantissa, exponent) = body.split_once(['e', 'E']).unwrap_or((body, "0"));
        let exponent: i64 = exponent
            .strip_prefix('+')
            .unwrap_or(exponent)
            .parse()
            .ok()?;
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{whole}{fraction}");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let inner = digits.trim_start_matches('0');
        let trimmed = inner.trim_end_matches('0');
        if trimmed.is_empty() {
            return d(negative, 0, 0, false);
        }
        let trailing = (inner.len() - trimmed.len()) as i64;
        let kept = trimmed.len().min(Decimal::MAX_DIGITS);
        let dropped = (trimmed.len() - kept) as i64;
        d(
            negative,
            trimmed[..kept].parse().unwrap(),
            exponent - fraction.len() as i64 + trailing + dropped,
            dropped > 0,
        )
    }

    proptest::proptest! {
        #[test]
        fn one_pass_reads_what_the_plain_way_reads(
            sign in "[+-]?",
            whole in "[0-9]{0,12}",
            point in proptest::bool::ANY,
            fraction in "[0-9]{0,12}",
            exponent in proptest::option::of(-40i64..40),
        ) {
            let mut text = format!("{sign}{whole}");
            if point {
                text += ".";
                text += &fraction;
            }
            if let Some(e) = exponent {
                text += &format!("e{e}");
            }
            let plain = if whole.is_empty() && (!point || fraction.is_empty()) {
                None
            } else {
                reference(&text)
            };
            proptest::prop_assert_eq!(Decimal::read(&text), plain, "{}", text);
        }

        #[test]
        fn zeros_around_the_digits_are_read_too(
            lead in 0usize..12, body in "[1-9][0-9]{0,9}[1-9]", trail in 0usize..12, at in 0usize..30,
        ) {
            let digits = format!("{}{body}{}", "0".repeat(lead), "0".repeat(trail));
            let text = match at.min(digits.len()) {
                0 => digits.clone(),
                at => format!("{}.{}", &digits[..at], &digits[at..]),
            };
            proptest::prop_assert_eq!(Decimal::read(&text), reference(&text), "{}", text);
        }
    }

    #[test]
    fn whole_numbers_within_a_range() {
        let within = |t: &str| Decimal::read(t).unwrap().whole_within(1900, 2200);
        assert_eq!(within("2024"), Ok(2024));
        assert_eq!(within("2024.000"), Ok(2024));
        assert_eq!(within("20.24e2"), Ok(2024));
        assert_eq!(within("2024.5"), Err(Whole::Not));
        assert_eq!(within("2024.0000000000000001"), Err(Whole::Not));
        assert_eq!(within("1899"), Err(Whole::OutOfRange));
        assert_eq!(within("2201"), Err(Whole::OutOfRange));
        assert_eq!(within("-2024"), Err(Whole::OutOfRange));
        assert_eq!(within("0"), Err(Whole::OutOfRange));
        assert_eq!(within("1e400"), Err(Whole::OutOfRange));
        assert_eq!(within("1e-400"), Err(Whole::Not));
        assert_eq!(within("123456789"), Err(Whole::OutOfRange));
    }
}
