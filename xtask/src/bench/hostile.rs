//! `cargo xtask bench hostile` (issue 16): every reader on the worst inputs an attacker
//! would choose within the documented limits ([`super::hostile_inputs`]), each timed
//! against benign input of the same size. Budget: at most 3× the benign time; a
//! reader that is quadratic somewhere shows as tens or thousands of times.
//!
//! The readers run natively in the bench binary crates/formats/examples/readers.rs
//! (built with the `cli` profile): what `zhicheng check`, `zhicheng batch` and the
//! app's CE import do with a text, without writing results. Benign and worst runs
//! alternate, so a busy machine slows both alike; a figure is the median of all runs,
//! in CPU time where Linux gives it (the wall clock of a shared machine also counts
//! the waits for a CPU).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::batch::CLI_PROFILE;
use super::hostile_inputs::{cases, records_roster, Reader};
use super::{median, Bench, Figure};
use crate::cmd::{self, Result};

/// The budget: a worst case takes at most this many times its benign input's time.
pub const BUDGET_RATIO: f64 = 3.0;
/// Rounds of (benign, worst) processes per case, each timing [`RUNS`] readings.
pub const ROUNDS: usize = 2;
pub const RUNS: usize = 3;

/// What the bench binary printed: each run's time (on the CPU where known, else
/// wall-clock) and what the reader said.
#[derive(Debug, PartialEq)]
pub struct Reading {
    pub runs: Vec<Duration>,
    /// Whether `runs` are CPU times.
    pub cpu: bool,
    pub outcome: String,
}

impl Reading {
    /// Reads `RESULT ms=A,B,… [cpu_ms=A,B,…] outcome=…`.
    pub fn parse(output: &str) -> Option<Reading> {
        let line = output
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("RESULT "))?;
        let (times, outcome) = line.split_once(" outcome=")?;
        let mut fields = times.split(' ');
        let wall = fields.next()?.strip_prefix("ms=")?;
        let cpu = fields.next().and_then(|f| f.strip_prefix("cpu_ms="));
        let runs = super::numbers(cpu.unwrap_or(wall))?
            .into_iter()
            .map(|ms| Duration::from_secs_f64(ms / 1000.0))
            .collect();
        Some(Reading {
            runs,
            cpu: cpu.is_some(),
            outcome: outcome.to_string(),
        })
    }
}

pub fn run(b: &mut Bench) -> Result {
    cmd::run(cmd::cargo().current_dir(cmd::repo_root()).args([
        "build",
        "--profile",
        CLI_PROFILE,
        "-p",
        "zhicheng-formats",
        "--example",
        "readers",
    ]))?;
    let exe = super::target_dir()
        .join(CLI_PROFILE)
        .join("examples")
        .join(format!("readers{}", std::env::consts::EXE_SUFFIX));
    let dir = b.dir.join("hostile");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let roster = write(&dir.join("records-roster.csv"), &records_roster())?;
    for (n, case) in cases().iter().enumerate() {
        let reader = case.reader;
        let worst_text = (case.make)(reader.size());
        let benign_text = reader.benign(worst_text.len());
        let stem = format!("{:02}-{}", n + 1, reader.kind());
        let ext = if reader == Reader::Profile {
            "json"
        } else {
            "csv"
        };
        let worst = write(&dir.join(format!("{stem}-worst.{ext}")), &worst_text)?;
        let benign = write(&dir.join(format!("{stem}-benign.{ext}")), &benign_text)?;
        let (mut worst_runs, mut benign_runs, mut outcome, mut cpu) =
            (Vec::new(), Vec::new(), String::new(), true);
        for _ in 0..ROUNDS {
            let g = read(&exe, reader, &benign, &roster)?;
            let w = read(&exe, reader, &worst, &roster)?;
            cpu &= g.cpu && w.cpu;
            benign_runs.extend(g.runs);
            worst_runs.extend(w.runs);
            outcome = w.outcome;
        }
        if !outcome.contains(case.expect) {
            return Err(format!(
                "{}: the reader said `{outcome}`, not `{}`: the case no longer tests what it \
                 was made for",
                case.what, case.expect
            ));
        }
        let (t, reference) = (median(worst_runs), median(benign_runs));
        let ratio = t.as_secs_f64() / reference.as_secs_f64().max(1e-9);
        let mb = |bytes: usize| format!("{:.1} MB", bytes as f64 / 1e6);
        println!(
            "{} — {}: {:.1} ms, benign {:.1} ms: {ratio:.2}× ({outcome})",
            reader_name(reader),
            case.what,
            ms(t),
            ms(reference)
        );
        b.figures.push(Figure {
            name: format!("{}: {}", reader_name(reader), case.what),
            value: format!("{:.1} ms ({})", ms(t), mb(worst_text.len())),
            budget: format!("≤ {BUDGET_RATIO}× benign"),
            reference: format!("{:.1} ms", ms(reference)),
            ratio: format!("{ratio:.2}×"),
            ok: Some(ratio <= BUDGET_RATIO),
            note: format!(
                "median {} of {} runs of `readers {} FILE` ({}), alternating with as many \
                 of benign input of the same size ({}, {}); the reader said: {outcome}",
                if cpu {
                    "CPU time (a busy machine makes the wall clock wait)"
                } else {
                    "wall-clock time"
                },
                ROUNDS * RUNS,
                reader.kind(),
                worst.display(),
                reader.benign_what(),
                mb(benign_text.len())
            ),
        });
    }
    Ok(())
}

/// How the table names a reader.
fn reader_name(r: Reader) -> &'static str {
    match r {
        Reader::Profile => "Hostile profile JSON",
        Reader::Roster => "Hostile roster",
        Reader::Records => "Hostile CE records file",
        Reader::CeImport => "Hostile CE import",
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn write(path: &Path, text: &str) -> Result<PathBuf> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

/// Runs the bench binary on `file` ([`RUNS`] readings); a records file is read with
/// the records roster.
fn read(exe: &Path, reader: Reader, file: &Path, roster: &Path) -> Result<Reading> {
    let mut c = Command::new(exe);
    c.arg(reader.kind());
    if reader == Reader::Records {
        c.arg(roster).arg("--ce").arg(file);
    } else {
        c.arg(file);
    }
    c.arg(RUNS.to_string())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    let out = c
        .output()
        .map_err(|e| format!("could not start {}: {e}", exe.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!("`{}` failed ({})", cmd::display(&c), out.status));
    }
    Reading::parse(&stdout).ok_or_else(|| format!("`{}` printed no RESULT line", cmd::display(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bench_binary_line_is_read() {
        let r = Reading::parse("RESULT ms=12.5,10,11 outcome=30 people, 0 bad rows\n").unwrap();
        assert_eq!(median(r.runs).as_micros(), 11_000);
        assert_eq!(r.outcome, "30 people, 0 bad rows");
        assert!(!r.cpu);
        let r = Reading::parse("RESULT ms=12.5,10,11 cpu_ms=9,8,7 outcome=x").unwrap();
        assert_eq!((median(r.runs).as_micros(), r.cpu), (8_000, true));
        assert_eq!(Reading::parse("RESULT ms= outcome=x"), None);
        assert_eq!(Reading::parse("nothing"), None);
    }
}
