//! Values as people type them: dates (`1980-05-10`, `1980/5/10`, `1980年5月10日`,
//! `19800510`), years and hours, full-width digits included, each checked as the
//! engine checks its JSON (and refused with the engine's own error kinds).

use zhicheng_engine::date::{MAX_YEAR, MIN_YEAR};
use zhicheng_engine::error::JsonType;
use zhicheng_engine::profile::record_hours;
use zhicheng_engine::{Date, Hours, InputErrorKind};

/// Full-width digits and punctuation, as typed with a Chinese input method, in ASCII;
/// surrounding space removed.
fn ascii(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '—' | '–' => '-',
            '／' => '/',
            '＋' => '+',
            c => c,
        })
        .collect()
}

/// A date as people type it: `1980-05-10`, `1980/5/10`, `1980.5.10`, `1980年5月10日`
/// or `19800510`. Empty is `None`.
pub fn parse_date(raw: &str) -> Result<Option<Date>, InputErrorKind> {
    let s = ascii(raw);
    if s.is_empty() {
        return Ok(None);
    }
    let invalid = || InputErrorKind::InvalidDate {
        value: raw.trim().chars().take(40).collect(),
    };
    let parts: Vec<&str> = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        vec![&s[..4], &s[4..6], &s[6..]]
    } else {
        s.strip_suffix('日')
            .unwrap_or(&s)
            .split(['-', '/', '.', '年', '月'])
            .collect()
    };
    let number = |p: &str, max_len: usize| -> Option<u32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let [y, m, d] = parts[..] else {
        return Err(invalid());
    };
    let (Some(year), Some(month), Some(day)) = (
        number(y, 4).filter(|_| y.len() == 4),
        number(m, 2),
        number(d, 2),
    ) else {
        return Err(invalid());
    };
    let year = year as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) && Date::new(2000, month, day).is_some() {
        return Err(InputErrorKind::YearOutOfRange {
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    Date::new(year, month, day).map(Some).ok_or_else(invalid)
}

/// A year (`2024`, `2024年`, full-width digits). Empty is `None`.
pub fn parse_year(raw: &str) -> Result<Option<i32>, InputErrorKind> {
    let s = ascii(raw);
    let s = s.strip_suffix('年').unwrap_or(&s);
    if s.is_empty() {
        return Ok(None);
    }
    if s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InputErrorKind::WrongType {
            expected: JsonType::Integer,
        });
    }
    let year: i32 = s.parse().map_err(|_| InputErrorKind::NotWholeNumber)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(InputErrorKind::YearOutOfRange {
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    Ok(Some(year))
}

/// Hours (> 0, at most one decimal; the engine's own check). Empty is `None`; so is
/// `0` when `zero_is_empty` (a grid cell with nothing in it).
pub fn parse_hours(raw: &str, zero_is_empty: bool) -> Result<Option<Hours>, InputErrorKind> {
    let s = ascii(raw);
    if s.is_empty() {
        return Ok(None);
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let well_formed = !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body.bytes().any(|b| b.is_ascii_digit());
    let x: f64 =
        well_formed
            .then(|| s.parse().ok())
            .flatten()
            .ok_or(InputErrorKind::WrongType {
                expected: JsonType::Number,
            })?;
    if zero_is_empty && x == 0.0 {
        return Ok(None);
    }
    record_hours(&s).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_type_them() {
        let d = |s: &str| parse_date(s).map(|d| d.map(|d| d.to_string()));
        assert_eq!(d("1980-05-10"), Ok(Some("1980-05-10".into())));
        assert_eq!(d(" 1980/5/1 "), Ok(Some("1980-05-01".into())));
        assert_eq!(d("1980.5.10"), Ok(Some("1980-05-10".into())));
        assert_eq!(d("1980年5月10日"), Ok(Some("1980-05-10".into())));
        assert_eq!(d("19800510"), Ok(Some("1980-05-10".into())));
        assert_eq!(d("１９８０－０５－１０"), Ok(Some("1980-05-10".into())));
        assert_eq!(d(""), Ok(None));
        assert_eq!(
            d("1980-02-30"),
            Err(InputErrorKind::InvalidDate {
                value: "1980-02-30".into()
            })
        );
        assert!(matches!(
            d("80-05-10"),
            Err(InputErrorKind::InvalidDate { .. })
        ));
        assert!(matches!(
            d("1980-5"),
            Err(InputErrorKind::InvalidDate { .. })
        ));
        assert!(matches!(d("abc"), Err(InputErrorKind::InvalidDate { .. })));
        assert!(matches!(
            d("1800-01-01"),
            Err(InputErrorKind::YearOutOfRange { .. })
        ));
    }

    #[test]
    fn hours_and_years() {
        assert_eq!(
            parse_hours("12.5", false),
            Ok(Some(Hours::from_tenths(125)))
        );
        assert_eq!(parse_hours("０", true), Ok(None));
        assert_eq!(
            parse_hours("0", false),
            Err(InputErrorKind::HoursNotPositive)
        );
        assert_eq!(
            parse_hours("-5", true),
            Err(InputErrorKind::HoursNotPositive)
        );
        assert_eq!(
            parse_hours("1.25", true),
            Err(InputErrorKind::HoursTooPrecise)
        );
        assert!(matches!(
            parse_hours("inf", true),
            Err(InputErrorKind::WrongType { .. })
        ));
        assert!(matches!(
            parse_hours("1e3", true),
            Err(InputErrorKind::WrongType { .. })
        ));
        assert_eq!(parse_year("2024年"), Ok(Some(2024)));
        assert!(parse_year("24").is_err());
        assert!(parse_year("20x4").is_err());
    }
}
