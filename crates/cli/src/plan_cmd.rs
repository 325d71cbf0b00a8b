//! `zhicheng plan PROFILE.json`: the CE plan as `zhicheng-plan/1` JSON; `zhicheng
//! calendar PROFILE.json [--lang zh|en] [--employer NAME] [--graduate] [--stamp
//! YYYY-MM-DDTHH:MM:SSZ]`: its dates and the application dates as the .ics file the
//! app offers. Bad input is refused as `check` refuses it (one line, exit 2).

use std::io::Write;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use zhicheng_engine::{calendar, plan, Date, Lang};
use zhicheng_formats::ics::{self, Stamp};

use crate::where_cmd;

/// Prints the plan.
pub fn plan(path: &str) -> ExitCode {
    let profile = match crate::read_profile(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let plan = plan::ce_plan(&profile).expect("a profile that evaluates has a plan");
    let json = serde_json::to_string_pretty(&plan).expect("a plan always serializes");
    let _ = writeln!(std::io::stdout().lock(), "{json}");
    ExitCode::SUCCESS
}

/// The arguments after `calendar`.
#[derive(Debug, PartialEq, Eq)]
pub struct CalendarArgs {
    /// The profile, employer and 初定 as `where` takes them.
    pub who: where_cmd::Args,
    pub lang: Lang,
    /// `DTSTAMP`; the clock's time when not given.
    pub stamp: Option<String>,
}

impl CalendarArgs {
    /// Reads the arguments after `calendar`; `None` when they are not a valid call.
    pub fn parse(args: &[&str]) -> Option<CalendarArgs> {
        let (mut lang, mut stamp) = (Lang::Zh, None);
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(&a) = it.next() {
            let (flag, inline) = match a.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v)),
                _ => (a, None),
            };
            let mut value = || inline.or_else(|| it.next().copied());
            match flag {
                "--lang" => {
                    lang = match value()? {
                        "zh" => Lang::Zh,
                        "en" => Lang::En,
                        _ => return None,
                    }
                }
                "--stamp" => stamp = Some(value()?.to_string()),
                _ => rest.push(a),
            }
        }
        Some(CalendarArgs {
            who: where_cmd::Args::parse(&rest)?,
            lang,
            stamp,
        })
    }
}

/// Prints the calendar; what it leaves out goes to standard error, one line each.
pub fn calendar(args: &CalendarArgs) -> ExitCode {
    let stamp = match args.stamp.as_deref().map(Stamp::parse) {
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
        None => now(),
    };
    let profile = match crate::read_profile(&args.who.profile) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let cal = calendar::calendar(&profile, &args.who.applicant())
        .expect("a profile that evaluates has a calendar");
    let text = ics::calendar(&cal, args.lang, stamp);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    let mut err = std::io::stderr().lock();
    for n in &cal.left_out {
        let (what, why) = (n.what.get(args.lang), n.why.get(args.lang));
        let _ = writeln!(
            err,
            "{}{what}: {why}",
            args.lang.pick("未列入日历：", "not in the calendar: ")
        );
    }
    ExitCode::SUCCESS
}

/// The clock's time in UTC: the shell's, never the engine's.
fn now() -> Stamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, time) = ((secs / 86_400) as i64, (secs % 86_400) as u32);
    Stamp {
        date: civil_date(days),
        hour: time / 3600,
        minute: time / 60 % 60,
        second: time % 60,
    }
}

/// The calendar date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date::new(year, month, day).unwrap_or_else(|| Date::new(1970, 1, 1).expect("a date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let a = CalendarArgs::parse(&[
            "p.json",
            "--lang",
            "en",
            "--employer=某公司",
            "--stamp",
            "2026-12-06T00:00:00Z",
            "--graduate",
        ])
        .unwrap();
        assert_eq!(a.lang, Lang::En);
        assert_eq!(a.stamp.as_deref(), Some("2026-12-06T00:00:00Z"));
        assert_eq!(a.who.profile, "p.json");
        assert_eq!(a.who.employer.as_deref(), Some("某公司"));
        assert!(a.who.graduate);
        assert_eq!(CalendarArgs::parse(&["-"]).unwrap().lang, Lang::Zh);
        assert!(CalendarArgs::parse(&["p.json", "--lang", "fr"]).is_none());
        assert!(CalendarArgs::parse(&["p.json", "--lang"]).is_none());
        assert!(CalendarArgs::parse(&["p.json", "--stamp"]).is_none());
        assert!(CalendarArgs::parse(&["--lang=en"]).is_none());
        assert!(CalendarArgs::parse(&["a.json", "b.json"]).is_none());
    }

    #[test]
    fn days_since_1970() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(civil_date(0), d(1970, 1, 1));
        assert_eq!(civil_date(59), d(1970, 3, 1));
        assert_eq!(civil_date(11_016), d(2000, 2, 29));
        assert_eq!(civil_date(20_793), d(2026, 12, 6));
        assert_eq!(civil_date(-1), d(1969, 12, 31));
    }
}
