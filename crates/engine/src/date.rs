//! Calendar dates without a clock: parsing, month arithmetic with end-of-month clamping.

use std::fmt;

/// A date of the proleptic Gregorian calendar that is known to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// The earliest and latest years the engine accepts in any date or year.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

impl Date {
    /// The date, if it exists (and its year is within `MIN_YEAR..=MAX_YEAR`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let month = month as u8;
        (day >= 1 && day <= u32::from(days_in_month(year, month))).then_some(Date {
            year,
            month,
            day: day as u8,
        })
    }

    /// For generated rule data, whose dates were checked when it was built.
    pub const fn from_ymd_unchecked(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The date `months` later (or earlier), the day clamped to the month's last day.
    pub fn add_months(self, months: i32) -> Date {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = index.div_euclid(12);
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The day before.
    pub fn previous_day(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else {
            let p = self.add_months(-1);
            Date {
                day: days_in_month(p.year, p.month),
                ..p
            }
        }
    }

    /// The day after.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else {
            let n = Date { day: 1, ..self }.add_months(1);
            Date { day: 1, ..n }
        }
    }

    /// The same month and day in `year` (29 February becomes 28 February).
    pub fn with_year(self, year: i32) -> Date {
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// Whole months from `self` to `end`: a month counts when its day-of-month is
    /// reached (`2019-12-20 → 2024-12-31` is 60). Never below 0.
    pub fn whole_months_until(self, end: Date) -> u32 {
        let mut months = (end.year - self.year) * 12 + i32::from(end.month) - i32::from(self.month);
        if end.day < self.day {
            months -= 1;
        }
        months.max(0) as u32
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A month and day, e.g. the 12-31 to which service is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    /// This month and day in `year`, clamped to the month's end.
    pub fn in_year(self, year: i32) -> Date {
        Date::from_ymd_unchecked(year, self.month, 1).with_day_clamped(self.day)
    }
}

impl Date {
    fn with_day_clamped(self, day: u8) -> Date {
        Date {
            day: day.min(days_in_month(self.year, self.month)),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parse_rejects_what_does_not_exist() {
        assert!(Date::parse("1980-02-30").is_none());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("2024-1-01").is_none());
        assert!(Date::parse("２０２４-01-01").is_none());
        assert!(Date::parse("+024-01-01").is_none());
        assert!(Date::parse("1899-12-31").is_none());
    }

    #[test]
    fn months_clamp_to_the_end_of_the_month() {
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2023-01-31").add_months(1), d("2023-02-28"));
        assert_eq!(d("1965-03-15").add_months(60 * 12 + 1), d("2025-04-15"));
        assert_eq!(d("2024-03-31").add_months(-1), d("2024-02-29"));
        assert_eq!(d("2024-03-01").previous_day(), d("2024-02-29"));
        assert_eq!(d("2024-01-01").previous_day(), d("2023-12-31"));
        assert_eq!(d("2024-05-02").previous_day(), d("2024-05-01"));
        assert_eq!(d("2024-02-29").next_day(), d("2024-03-01"));
        assert_eq!(d("2024-12-31").next_day(), d("2025-01-01"));
    }

    #[test]
    fn whole_months_count_when_the_day_is_reached() {
        assert_eq!(d("2019-12-20").whole_months_until(d("2024-12-31")), 60);
        assert_eq!(d("2018-12-20").whole_months_until(d("2024-12-31")), 72);
        assert_eq!(d("2024-05-31").whole_months_until(d("2024-06-30")), 0);
        assert_eq!(d("2025-01-01").whole_months_until(d("2024-12-31")), 0);
    }

    #[test]
    fn month_day_in_year() {
        assert_eq!(
            MonthDay { month: 12, day: 31 }.in_year(2024),
            d("2024-12-31")
        );
        assert_eq!(
            MonthDay { month: 2, day: 29 }.in_year(2023),
            d("2023-02-28")
        );
        assert_eq!(d("2024-02-29").with_year(2025), d("2025-02-28"));
    }
}
