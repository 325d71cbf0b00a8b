//! `zhicheng`: the engine on the command line (SPEC §8).
//!
//! `zhicheng check FILE|-` prints the verdict JSON and exits 0; bad input prints one
//! line naming the JSON path on standard error and exits 2. `zhicheng where` tells
//! where to apply (where_cmd.rs); `zhicheng plan` prints the CE plan and `zhicheng
//! calendar` its dates as iCalendar (plan_cmd.rs); `zhicheng batch` checks an HR
//! roster (see batch.rs and docs/batch.md).

mod batch;
mod decode;
mod plan_cmd;
mod where_cmd;

use std::io::{Read, Write};
use std::process::ExitCode;

/// mimalloc rather than the system's malloc: a batch of people almost all not eligible
/// allocates every failing check's two-language message, and glibc's malloc and free
/// were a quarter of the run's time (`perf`); with mimalloc the worst-case roster of
/// `cargo xtask bench cli-batch` takes ≈ 19 % less CPU time (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage:
  zhicheng check PROFILE.json   evaluate a zhicheng-profile/1 (use - for standard input)
  zhicheng where PROFILE.json [--employer NAME] [--graduate]
                                where to apply: the notice's committees for the target,
                                most likely first (zhicheng-where/1)
  zhicheng plan PROFILE.json    the continuing-education plan: what each year still
                                needs, how much may be online, by when (zhicheng-plan/1)
  zhicheng calendar PROFILE.json [--lang zh|en] [--employer NAME] [--graduate]
                                [--stamp YYYY-MM-DDTHH:MM:SSZ]
                                the plan's due dates and the application dates as an
                                iCalendar file (.ics) on standard output
  zhicheng batch ROSTER.csv [--ce RECORDS.csv] [-o RESULTS.csv]
                                check every person of an HR roster (docs/batch.md)
  zhicheng --version            print the version and the rules version

check: the verdict (zhicheng-verdict/1) is written to standard output as JSON.
Bad input: one line naming the JSON path on standard error, exit status 2.

where: the committees that serve the target, in the order the app shows them, each
with `match` (likely, possible, restricted, other, excluded) and one line of why in
Chinese and English (zhicheng-where/1). --employer NAME fits rows only for one
company's staff or one trade's members; --graduate fits the new graduates' 初定 rows.
Bad input as for check.

plan: the CE plan as JSON (zhicheng-plan/1): for the evaluation year and each later
year up to the earliest eligible year, what is still needed per category (the
verdict's own shortfalls), how much may be online, by when, in Chinese and English.

calendar: all-day events in one language (--lang, default zh): each likely
committee's dates given as one month (on the month's first day, saying so), the
notice's deadline, the due date of each year of hours the plan needs. What is left
out, and why, is listed on standard error. DTSTAMP is --stamp, else the clock.
Bad input as for check.

batch: the results CSV (UTF-8 with BOM, one row per person) is written to standard
output, or to RESULTS.csv with -o. The roster and RECORDS.csv (CE hours keyed by
person_id) may be UTF-8 (with or without BOM) or GBK. A bad row is reported in the
results and on one line of standard error, and the others are still checked
(exit status 0); a file that cannot be used at all gives one line and exit status 2.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", path] => check(path),
        ["where", rest @ ..] => match where_cmd::Args::parse(rest) {
            Some(args) => where_cmd::run(&args),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        ["plan", path] => plan_cmd::plan(path),
        ["calendar", rest @ ..] => match plan_cmd::CalendarArgs::parse(rest) {
            Some(args) => plan_cmd::calendar(&args),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        ["batch", rest @ ..] => match batch::Args::parse(rest) {
            Some(args) => batch::run(&args),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        ["--version" | "-V"] => {
            println!(
                "zhicheng {} (rules {})",
                env!("CARGO_PKG_VERSION"),
                zhicheng_engine::RULES_VERSION
            );
            ExitCode::SUCCESS
        }
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Reads the whole input as UTF-8, or says why it cannot.
pub(crate) fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    result.map_err(|e| format!("{path}: cannot read: {e} — 无法读取文件"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "$: the file is not UTF-8 text (invalid byte at offset {}) — 文件不是 UTF-8 文本",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads a profile and refuses it as `check` does (one line, exit status 2): its own
/// problems, then those against its rule set (it is evaluated once to find them).
pub(crate) fn read_profile(path: &str) -> Result<zhicheng_engine::Profile, ExitCode> {
    let text = read_input(path).map_err(|line| {
        eprintln!("{line}");
        ExitCode::from(2)
    })?;
    zhicheng_engine::Profile::from_json(&text)
        .and_then(|p| {
            zhicheng_engine::evaluate(&p)?;
            Ok(p)
        })
        .map_err(|e| {
            eprintln!("{}", e.one_line());
            ExitCode::from(2)
        })
}

fn check(path: &str) -> ExitCode {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(line) => {
            eprintln!("{line}");
            return ExitCode::from(2);
        }
    };
    match zhicheng_engine::check_json(&text) {
        Ok(verdict) => {
            let json = serde_json::to_string_pretty(&verdict).expect("a verdict always serializes");
            let mut out = std::io::stdout().lock();
            // A closed pipe is not an error worth a panic.
            let _ = writeln!(out, "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.one_line());
            ExitCode::from(2)
        }
    }
}
