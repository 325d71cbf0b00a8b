//! `readers KIND FILE [--ce RECORDS] [RUNS]`: one reader on one file, in process, timed
//! `RUNS` times (default 5), for `cargo xtask bench hostile`. A run reads the text as
//! many times as fill a tenth of a second (the CPU clock of some machines ticks every
//! few milliseconds) and counts the time of one reading. Prints each run's time,
//! wall-clock and, where Linux tells it (/proc/thread-self/schedstat), on the CPU, and
//! what the reader made of the file:
//! `RESULT ms=12.5,12.1,… cpu_ms=12.4,12.0,… outcome=…` (the outcome on the rest of
//! the line).
//!
//! Each kind does what its command or page does with the text, short of writing the
//! results: `profile` reads a profile and evaluates it (`zhicheng check`, a share link,
//! the app's import); `roster` reads a roster (and a CE records file with `--ce`),
//! checks every person and gathers the warnings (`zhicheng batch`, the batch page);
//! `ce-import` imports CE records (the app's CE step). The file is read and its UTF-8
//! checked before the clock starts.

use std::process::ExitCode;
use std::time::Instant;
use zhicheng_formats::batch::Batch;
use zhicheng_formats::ce_csv;
use zhicheng_formats::roster::{RecordsFile, Roster, RowError};

const USAGE: &str = "usage: readers profile|roster|ce-import FILE [--ce RECORDS] [RUNS]";

/// The least time a run takes, in seconds (readings are repeated to fill it).
const RUN_SECONDS: f64 = 0.1;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, path) = match (args.first(), args.get(1)) {
        (Some(k), Some(p)) => (k.as_str(), p.as_str()),
        _ => return usage(),
    };
    let mut records = None;
    let mut runs = 5;
    let mut rest = args[2..].iter();
    while let Some(a) = rest.next() {
        match (a.as_str(), a.parse::<usize>()) {
            ("--ce", _) => match rest.next() {
                Some(p) => records = Some(p.as_str()),
                None => return usage(),
            },
            (_, Ok(n)) if n > 0 => runs = n,
            _ => return usage(),
        }
    }
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let (text, records) = match (read(path), records.map(read).transpose()) {
        (Ok(t), Ok(r)) => (t, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let reader: fn(&str, Option<&str>) -> String = match kind {
        "profile" => profile,
        "roster" => roster,
        "ce-import" => ce_import,
        _ => return usage(),
    };
    // One reading first, untimed: what it says, and how many readings fill a run.
    let start = Instant::now();
    let outcome = reader(&text, records.as_deref());
    let once = start.elapsed().as_secs_f64();
    let readings = (RUN_SECONDS / once.max(1e-6)).ceil().clamp(1.0, 1000.0) as u32;
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..runs {
        let cpu_start = cpu_ns();
        let start = Instant::now();
        for _ in 0..readings {
            std::hint::black_box(reader(&text, records.as_deref()));
        }
        let per = f64::from(readings);
        times.push(format!(
            "{:.3}",
            start.elapsed().as_secs_f64() * 1000.0 / per
        ));
        if let (Some(a), Some(b)) = (cpu_start, cpu_ns()) {
            cpu.push(format!("{:.3}", b.saturating_sub(a) as f64 / 1e6 / per));
        }
    }
    let cpu = if cpu.len() == runs {
        format!(" cpu_ms={}", cpu.join(","))
    } else {
        String::new()
    };
    println!("RESULT ms={}{cpu} outcome={outcome}", times.join(","));
    ExitCode::SUCCESS
}

/// The time this thread has spent on a CPU, in nanoseconds (Linux): a busy machine
/// makes the wall clock wait for the CPU as well.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// At most `n` characters of `s`, on one line.
fn short(s: &str, n: usize) -> String {
    let s: String = s.chars().take(n).collect();
    s.replace(['\n', '\r'], " ")
}

fn profile(text: &str, _: Option<&str>) -> String {
    match zhicheng_engine::check_json(text) {
        Ok(v) => format!("verdict {}", v.status.as_str()),
        Err(e) => format!(
            "refused at {}: {}",
            short(&e.path, 60),
            short(&e.message_en(), 100)
        ),
    }
}

fn roster(text: &str, records: Option<&str>) -> String {
    let records = match records.map(RecordsFile::read).transpose() {
        Ok(r) => r,
        Err(e) => return format!("records file refused: {}", short(&e.message_en(), 100)),
    };
    let mut roster = match Roster::read(text) {
        Ok(r) => r,
        Err(e) => return format!("roster refused: {}", short(&e.message_en(), 100)),
    };
    if let Some(r) = &records {
        roster = roster.with_records(r);
    }
    let header_warnings = roster.header_warnings().len();
    let mut batch = Batch::new(roster);
    let mut errors = batch.by_ref().filter_map(|c| c.result.err());
    let first = errors.next();
    let last = errors.last();
    let tally = batch.tally();
    let warnings = header_warnings + batch.roster().records_warnings().len();
    let row = |e: Option<RowError>, which: &str| {
        e.map_or(String::new(), |e| {
            format!("; {which} bad row: {}", short(&e.message_en(), 80))
        })
    };
    format!(
        "{} people, {} bad rows, {warnings} warnings{}{}",
        tally.total(),
        tally.errors,
        row(first, "first"),
        row(last, "last")
    )
}

fn ce_import(text: &str, _: Option<&str>) -> String {
    let imported = ce_csv::import(text);
    format!(
        "{} records, {} bad lines, {} repeats{}",
        imported.records.len(),
        imported.errors.len(),
        imported.repeats.len(),
        imported.errors.first().map_or(String::new(), |e| format!(
            "; first: {}",
            short(&e.message_en(), 80)
        ))
    )
}
