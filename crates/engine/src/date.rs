//! Calendar dates without a clock: parsing, month arithmetic with end-of-month
//! clamping. The arithmetic is chrono's `NaiveDate` (no `clock` feature); `Date` adds
//! the engine's year range, its `YYYY-MM-DD` reading and writing, and the SPEC's rule
//! for whole months.

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

/// A date of the proleptic Gregorian calendar that is known to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// The earliest and latest years the engine accepts in any date or year.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

/// Dates the engine computes stay within a few hundred years of `MIN_YEAR..=MAX_YEAR`,
/// far inside chrono's ±262,000.
const IN_RANGE: &str = "a date within chrono's range";

impl Date {
    /// The date, if it exists (and its year is within `MIN_YEAR..=MAX_YEAR`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// For generated rule data, whose dates were checked when it was built. A date
    /// that does not exist is a panic (at compile time in a `static`).
    pub const fn from_ymd_unchecked(year: i32, month: u8, day: u8) -> Date {
        match NaiveDate::from_ymd_opt(year, month as u32, day as u32) {
            Some(d) => Date(d),
            None => panic!("a date that does not exist"),
        }
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
        self.0.year()
    }

    pub fn month(self) -> u32 {
        self.0.month()
    }

    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// The date `months` later (or earlier), the day clamped to the month's last day.
    pub fn add_months(self, months: i32) -> Date {
        let n = Months::new(months.unsigned_abs());
        let moved = if months >= 0 {
            self.0.checked_add_months(n)
        } else {
            self.0.checked_sub_months(n)
        };
        Date(moved.expect(IN_RANGE))
    }

    /// The day before.
    pub fn previous_day(self) -> Date {
        Date(self.0.pred_opt().expect(IN_RANGE))
    }

    /// The day after.
    pub fn next_day(self) -> Date {
        Date(self.0.succ_opt().expect(IN_RANGE))
    }

    /// The same month and day in `year` (29 February becomes 28 February).
    pub fn with_year(self, year: i32) -> Date {
        Date(clamped(year, self.month(), self.day()))
    }

    /// Whole months from `self` to `end`: a month counts when its day-of-month is
    /// reached (`2019-12-20 → 2024-12-31` is 60; `01-31 → 02-29` is 0, where chrono's
    /// clamping month addition would count one). Never below 0.
    pub fn whole_months_until(self, end: Date) -> u32 {
        let (a, b) = (self.0, end.0);
        let months = (b.year() - a.year()) * 12 + b.month() as i32
            - a.month() as i32
            - i32::from(b.day() < a.day());
        months.max(0) as u32
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// Day `day` of `year`-`month`, or the month's last day when it has fewer days.
fn clamped(year: i32, month: u32, day: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(year, month, 1).expect(IN_RANGE);
    let last = u32::from(first.num_days_in_month());
    first.with_day(day.min(last)).expect(IN_RANGE)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
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
        Date(clamped(year, u32::from(self.month), u32::from(self.day)))
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

    /// The hand-written arithmetic `Date` had before chrono, kept as the reference
    /// the new `Date` must agree with.
    mod reference {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub struct Old {
            pub year: i32,
            pub month: u8,
            pub day: u8,
        }

        pub fn is_leap(year: i32) -> bool {
            (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        }

        pub fn days_in_month(year: i32, month: u8) -> u8 {
            match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                _ if is_leap(year) => 29,
                _ => 28,
            }
        }

        impl Old {
            pub fn new(year: i32, month: u32, day: u32) -> Option<Old> {
                if !(super::MIN_YEAR..=super::MAX_YEAR).contains(&year)
                    || !(1..=12).contains(&month)
                {
                    return None;
                }
                let month = month as u8;
                (day >= 1 && day <= u32::from(days_in_month(year, month))).then_some(Old {
                    year,
                    month,
                    day: day as u8,
                })
            }

            pub fn add_months(self, months: i32) -> Old {
                let index = self.year * 12 + i32::from(self.month) - 1 + months;
                let year = index.div_euclid(12);
                let month = (index.rem_euclid(12) + 1) as u8;
                let day = self.day.min(days_in_month(year, month));
                Old { year, month, day }
            }

            pub fn previous_day(self) -> Old {
                if self.day > 1 {
                    Old {
                        day: self.day - 1,
                        ..self
                    }
                } else {
                    let p = self.add_months(-1);
                    Old {
                        day: days_in_month(p.year, p.month),
                        ..p
                    }
                }
            }

            pub fn next_day(self) -> Old {
                if self.day < days_in_month(self.year, self.month) {
                    Old {
                        day: self.day + 1,
                        ..self
                    }
                } else {
                    let n = Old { day: 1, ..self }.add_months(1);
                    Old { day: 1, ..n }
                }
            }

            pub fn with_year(self, year: i32) -> Old {
                let day = self.day.min(days_in_month(year, self.month));
                Old {
                    year,
                    month: self.month,
                    day,
                }
            }

            pub fn whole_months_until(self, end: Old) -> u32 {
                let mut months =
                    (end.year - self.year) * 12 + i32::from(end.month) - i32::from(self.month);
                if end.day < self.day {
                    months -= 1;
                }
                months.max(0) as u32
            }

            pub fn month_day_in_year(month: u8, day: u8, year: i32) -> Old {
                Old {
                    year,
                    month,
                    day: day.min(days_in_month(year, month)),
                }
            }
        }
    }

    use proptest::prelude::*;
    use reference::Old;

    /// The new date and the old one, which must be the same day.
    fn same(new: Date, old: Old) -> bool {
        (new.year(), new.month(), new.day()) == (old.year, u32::from(old.month), u32::from(old.day))
    }

    /// A date of 1900–2200 that exists, as both.
    fn date() -> impl Strategy<Value = (Date, Old)> {
        (MIN_YEAR..=MAX_YEAR, 1u32..=12, 1u32..=31)
            .prop_filter_map("a day the month has", |(y, m, d)| {
                Some((Date::new(y, m, d)?, Old::new(y, m, d)?))
            })
    }

    #[test]
    fn leap_years_are_the_old_ones() {
        for y in MIN_YEAR - 100..=MAX_YEAR + 100 {
            assert_eq!(is_leap(y), reference::is_leap(y), "{y}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn the_same_dates_exist(y in MIN_YEAR - 10..=MAX_YEAR + 10, m in 0u32..=14, d in 0u32..=33) {
            let (new, old) = (Date::new(y, m, d), Old::new(y, m, d));
            prop_assert_eq!(new.is_some(), old.is_some());
            if let (Some(new), Some(old)) = (new, old) {
                prop_assert!(same(new, old));
                let text = format!("{:04}-{:02}-{:02}", old.year, old.month, old.day);
                prop_assert_eq!(new.to_string(), text.clone());
                prop_assert_eq!(Date::parse(&text), Some(new));
            }
        }

        #[test]
        fn months_are_added_alike((new, old) in date(), k in -3600i32..=3600) {
            prop_assert!(same(new.add_months(k), old.add_months(k)));
        }

        #[test]
        fn days_step_alike((new, old) in date()) {
            prop_assert!(same(new.previous_day(), old.previous_day()));
            prop_assert!(same(new.next_day(), old.next_day()));
        }

        #[test]
        fn years_change_alike((new, old) in date(), y in MIN_YEAR..=MAX_YEAR) {
            prop_assert!(same(new.with_year(y), old.with_year(y)));
        }

        #[test]
        fn months_between_and_order_alike((a, a_old) in date(), (b, b_old) in date()) {
            prop_assert_eq!(a.whole_months_until(b), a_old.whole_months_until(b_old));
            prop_assert_eq!(b.whole_months_until(a), b_old.whole_months_until(a_old));
            prop_assert_eq!(a.cmp(&b), a_old.cmp(&b_old));
        }

        #[test]
        fn month_days_land_alike(m in 1u8..=12, d in 1u8..=31, y in MIN_YEAR..=MAX_YEAR) {
            let new = MonthDay { month: m, day: d }.in_year(y);
            prop_assert!(same(new, Old::month_day_in_year(m, d, y)));
        }
    }
}
