//! Continuing-education hours, kept exactly as whole tenths of an hour.

use std::fmt;
use std::ops::{Add, AddAssign, Sub};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_drops_a_zero_decimal() {
        assert_eq!(Hours::from_tenths(120).to_string(), "12");
        assert_eq!(Hours::from_tenths(125).to_string(), "12.5");
        assert_eq!(Hours::from_tenths(5).to_string(), "0.5");
    }
}
