//! `cargo xtask bench`: performance figures, printed and written to
//! target/bench/results.md. A benchmark, not a test: it never fails on a slow run
//! (only when something cannot be measured at all); each figure says whether it is
//! within its budget.
//!
//! To add a figure, write a `fn(&mut Bench) -> Result` below and add one line to
//! [`SUITES`] (the wasm bundle size and the start-up time are meant to go there).

use crate::cmd::{self, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The cargo profile the CLI is benchmarked with (see the root Cargo.toml).
pub const CLI_PROFILE: &str = "cli";

/// The people a benchmark roster holds.
pub const ROSTER_PEOPLE: usize = 10_000;
/// The CLI's budget, in people per second.
pub const CLI_BUDGET_PER_SECOND: f64 = 100_000.0;
/// Timed runs per figure (at least); the median is reported, and the best run, since
/// the machine may be shared.
pub const RUNS: usize = 7;
/// Keep running (past `RUNS`) until this much time has been measured, up to
/// `MAX_RUNS`, so a short figure is not decided by a few noisy runs.
pub const MIN_MEASURED: Duration = Duration::from_secs(3);
pub const MAX_RUNS: usize = 51;

/// One measured figure.
pub struct Figure {
    pub name: String,
    /// The value as shown, e.g. `0.081 s`.
    pub value: String,
    /// The budget as shown, e.g. `≥ 100,000 people/s`, or empty.
    pub budget: String,
    /// Whether the value is within the budget (`None`: no budget).
    pub ok: Option<bool>,
    /// How it was measured.
    pub note: String,
}

/// A group of figures.
pub struct Suite {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn(&mut Bench) -> Result,
}

/// Every suite, in order. `cargo xtask bench NAME…` runs only those named.
pub const SUITES: &[Suite] = &[
    Suite {
        name: "cli-batch",
        about:
            "zhicheng batch over generated rosters (10,000 and 100,000 people; and a worst case)",
        run: cli_batch,
    },
    Suite {
        name: "browser-batch",
        about:
            "the batch page in headless Chromium: 10,000 people, from start to the results shown",
        run: browser_batch,
    },
];

/// The batch page's budget for [`ROSTER_PEOPLE`] people, in seconds.
pub const BROWSER_BUDGET_SECONDS: f64 = 2.0;
/// Timed runs of the batch page (each in a fresh browser context).
pub const BROWSER_RUNS: usize = 5;

/// What the suites share: where files go, the figures so far.
pub struct Bench {
    pub dir: PathBuf,
    pub figures: Vec<Figure>,
}

pub fn run(only: &[String]) -> Result {
    for name in only {
        if !SUITES.iter().any(|s| s.name == name) {
            let names: Vec<_> = SUITES.iter().map(|s| s.name).collect();
            return Err(format!("no suite `{name}`; suites: {}", names.join(", ")));
        }
    }
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut bench = Bench {
        dir,
        figures: Vec::new(),
    };
    for suite in SUITES {
        if !only.is_empty() && !only.iter().any(|n| n == suite.name) {
            continue;
        }
        println!("\n==> bench `{}`: {}", suite.name, suite.about);
        (suite.run)(&mut bench).map_err(|e| format!("bench `{}`: {e}", suite.name))?;
    }
    let report = report(&bench.figures);
    println!("\n{report}");
    let path = bench.dir.join("results.md");
    std::fs::write(&path, &report).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("written to {}", path.display());
    Ok(())
}

/// The figures as a Markdown table.
pub fn report(figures: &[Figure]) -> String {
    let mut out = String::from("# Benchmark figures (`cargo xtask bench`)\n\n");
    let _ = writeln!(out, "Machine: {}\n", machine());
    out += "| figure | value | budget | within budget | how |\n|---|---|---|---|---|\n";
    for f in figures {
        let ok = match f.ok {
            Some(true) => "yes",
            Some(false) => "**NO**",
            None => "—",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {ok} | {} |",
            f.name, f.value, f.budget, f.note
        );
    }
    out
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let threads = std::thread::available_parallelism().map_or(0, |n| n.get());
    // The load when the figures were taken: other work on a shared machine slows them.
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .map_or(String::new(), |l| format!(", load average {l}"));
    format!("{cpu}, {threads} hardware threads{load}")
}

/// Cargo's target directory: `CARGO_TARGET_DIR`, else target/ in the repository.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                cmd::repo_root().join(p)
            }
        })
        .unwrap_or_else(|| cmd::repo_root().join("target"))
}

/// The median of some durations.
pub fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// `1234567.8` as `1,234,568`.
pub fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn cli_batch(b: &mut Bench) -> Result {
    cmd::run(cmd::cargo().current_dir(cmd::repo_root()).args([
        "build",
        "--profile",
        CLI_PROFILE,
        "-p",
        "zhicheng-cli",
    ]))?;
    let exe = target_dir()
        .join(CLI_PROFILE)
        .join(format!("zhicheng{}", std::env::consts::EXE_SUFFIX));
    let rosters = [
        (ROSTER_PEOPLE, Mix::Realistic),
        (10 * ROSTER_PEOPLE, Mix::Realistic),
        (10 * ROSTER_PEOPLE, Mix::MostlyFailing),
    ];
    for (people, mix) in rosters {
        let stem = match mix {
            Mix::Realistic => format!("roster-{people}"),
            Mix::MostlyFailing => format!("roster-{people}-failing"),
        };
        let roster = b.dir.join(format!("{stem}.csv"));
        let text = roster_csv(people, 20_240_522, mix);
        std::fs::write(&roster, &text).map_err(|e| format!("{}: {e}", roster.display()))?;
        let out = b.dir.join(format!("results-{stem}.csv"));
        let mut runs = Vec::new();
        let mut cpu = Vec::new();
        while runs.len() < RUNS
            || (runs.iter().sum::<Duration>() < MIN_MEASURED && runs.len() < MAX_RUNS)
        {
            let before = children_cpu();
            runs.push(time_cli(&exe, &roster, &out)?);
            if let (Some(a), Some(b)) = (before, children_cpu()) {
                cpu.push(b.saturating_sub(a));
            }
        }
        let n = runs.len();
        // CPU time (user + system) of the runs: what the work costs, whatever else
        // the machine is doing. Counted in ticks of 10 ms, so summed over the runs.
        let cpu_rate = (cpu.len() == n)
            .then(|| cpu.iter().sum::<Duration>())
            .filter(|d| !d.is_zero())
            .map(|d| (people * n) as f64 / d.as_secs_f64());
        let rows = std::fs::read_to_string(&out)
            .map_err(|e| format!("{}: {e}", out.display()))?
            .lines()
            .count()
            - 1;
        if rows != people {
            return Err(format!("{} has {rows} rows, not {people}", out.display()));
        }
        let t = median(runs.clone());
        let best = *runs.iter().min().unwrap();
        let rate = people as f64 / t.as_secs_f64();
        let best_rate = people as f64 / best.as_secs_f64();
        let spread = format!(
            "{:.3}–{:.3} s",
            best.as_secs_f64(),
            runs.iter().max().unwrap().as_secs_f64()
        );
        let what = match mix {
            Mix::Realistic => String::new(),
            Mix::MostlyFailing => ", worst case (almost all not eligible)".to_string(),
        };
        let per_cpu = cpu_rate.map_or(String::new(), |r| {
            format!("; {} people per CPU second", thousands(r))
        });
        println!(
            "zhicheng batch, {} people{what} ({:.1} MB): median {:.3} s of {n} runs ({spread}): \
             {} people/s (best run {} people/s){per_cpu}",
            thousands(people as f64),
            text.len() as f64 / 1e6,
            t.as_secs_f64(),
            thousands(rate),
            thousands(best_rate)
        );
        b.figures.push(Figure {
            name: format!("CLI batch, {} people{what}", thousands(people as f64)),
            value: format!(
                "{:.3} s = {} people/s (best run {}{per_cpu})",
                t.as_secs_f64(),
                thousands(rate),
                thousands(best_rate)
            ),
            budget: format!("≥ {} people/s", thousands(CLI_BUDGET_PER_SECOND)),
            // Judged on CPU time where it is known: on a shared machine the wall
            // clock measures the other work as well.
            ok: Some(cpu_rate.unwrap_or(rate) >= CLI_BUDGET_PER_SECOND),
            note: format!(
                "median of {n} runs ({spread}) of `target/{CLI_PROFILE}/zhicheng batch ROSTER \
                 -o RESULTS` on target/bench/{stem}.csv ({:.1} MB; {}), whole process: \
                 read, decode, check, write; judged on {}",
                text.len() as f64 / 1e6,
                status_mix(&out)?,
                if cpu_rate.is_some() {
                    "people per CPU second (user + system), as the machine may be shared"
                } else {
                    "the median wall-clock time"
                }
            ),
        });
    }
    Ok(())
}

/// What tests/browser/bench/batch.mjs reports on its last line:
/// `RESULT people=N bytes=N decode_ms=N runs_ms=A,B,…`.
#[derive(Debug, PartialEq)]
pub struct BrowserRuns {
    pub people: usize,
    pub decode_ms: f64,
    pub runs: Vec<Duration>,
}

impl BrowserRuns {
    pub fn parse(output: &str) -> Option<BrowserRuns> {
        let line = output
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("RESULT "))?;
        let field = |name: &str| {
            line.split_whitespace()
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        };
        let runs = field("runs_ms")?
            .split(',')
            .map(|ms| {
                ms.parse::<f64>()
                    .ok()
                    .map(|ms| Duration::from_secs_f64(ms / 1000.0))
            })
            .collect::<Option<Vec<_>>>()?;
        (!runs.is_empty()).then_some(BrowserRuns {
            people: field("people")?.parse().ok()?,
            decode_ms: field("decode_ms")?.parse().ok()?,
            runs,
        })
    }
}

/// The batch page (src/batch/) in headless Chromium: builds dist/ as `cargo xtask
/// test` does, generates the CLI suite's 10,000-person roster, and lets
/// tests/browser/bench/batch.mjs choose it on the page and time each run from the
/// click on start to the results drawn.
fn browser_batch(b: &mut Bench) -> Result {
    crate::setup::run()?;
    crate::steps::wasm_build()?;
    let roster = b.dir.join(format!("roster-{ROSTER_PEOPLE}.csv"));
    let text = roster_csv(ROSTER_PEOPLE, 20_240_522, Mix::Realistic);
    std::fs::write(&roster, &text).map_err(|e| format!("{}: {e}", roster.display()))?;
    let mut node = cmd::command("node");
    node.arg("tests/browser/bench/batch.mjs")
        .arg(&roster)
        .arg(BROWSER_RUNS.to_string())
        .env("CHROMIUM", crate::setup::chromium_path())
        .env("ZC_DIST", crate::offline::dist_dir())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    println!("$ {}", cmd::display(&node));
    let out = node
        .output()
        .map_err(|e| format!("could not start node: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    if !out.status.success() {
        return Err(format!(
            "tests/browser/bench/batch.mjs failed ({})",
            out.status
        ));
    }
    let result = BrowserRuns::parse(&stdout)
        .ok_or("tests/browser/bench/batch.mjs printed no RESULT line")?;
    if result.people != ROSTER_PEOPLE {
        return Err(format!(
            "the page showed {} people, not {ROSTER_PEOPLE}",
            result.people
        ));
    }
    let n = result.runs.len();
    let t = median(result.runs.clone());
    let best = *result.runs.iter().min().unwrap();
    let worst = *result.runs.iter().max().unwrap();
    b.figures.push(Figure {
        name: format!(
            "Browser batch page, {} people (headless Chromium)",
            thousands(ROSTER_PEOPLE as f64)
        ),
        value: format!(
            "{:.3} s = {} people/s (best run {:.3} s)",
            t.as_secs_f64(),
            thousands(ROSTER_PEOPLE as f64 / t.as_secs_f64()),
            best.as_secs_f64()
        ),
        budget: format!("≤ {BROWSER_BUDGET_SECONDS} s"),
        ok: Some(t.as_secs_f64() <= BROWSER_BUDGET_SECONDS),
        note: format!(
            "median of {n} runs ({:.3}–{:.3} s), each in a fresh page, of target/bench/roster-{ROSTER_PEOPLE}.csv \
             ({:.1} MB) on the batch page of dist/: from the click on start to the results table drawn \
             (the worker started on the page's wasm module, checking in chunks, rows sent back, the \
             table); reading and decoding the chosen file before it took {:.0} ms",
            best.as_secs_f64(),
            worst.as_secs_f64(),
            text.len() as f64 / 1e6,
            result.decode_ms
        ),
    });
    Ok(())
}

/// The CPU time (user + system) of the children this process has waited for, from
/// /proc/self/stat (Linux; `None` elsewhere). Ticks are 1/100 s (USER_HZ).
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in brackets: state is field 3, cutime 16, cstime 17.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i - 3)?.parse::<u64>().ok();
    Some(Duration::from_millis((ticks(16)? + ticks(17)?) * 10))
}

/// The statuses of a results file, e.g. `60% eligible, 3% needs review, …`.
fn status_mix(results: &Path) -> Result<String> {
    let text =
        std::fs::read_to_string(results).map_err(|e| format!("{}: {e}", results.display()))?;
    let mut counts = [0usize; 5];
    let names = [
        "eligible",
        "needs_review",
        "not_eligible",
        "not_covered",
        "error",
    ];
    let mut total = 0;
    for line in text.lines().skip(1) {
        // person_id,name,line,status,… — the generated ids and names have no commas.
        if let Some(status) = line.split(',').nth(3) {
            if let Some(i) = names.iter().position(|n| *n == status) {
                counts[i] += 1;
            }
            total += 1;
        }
    }
    Ok(names
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|(n, c)| format!("{:.0}% {n}", 100.0 * c as f64 / total.max(1) as f64))
        .collect::<Vec<_>>()
        .join(", "))
}

/// Runs `zhicheng batch ROSTER -o OUT` once and times it.
fn time_cli(exe: &Path, roster: &Path, out: &Path) -> Result<Duration> {
    let start = Instant::now();
    let result = Command::new(exe)
        .arg("batch")
        .arg(roster)
        .arg("-o")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("could not start {}: {e}", exe.display()))?;
    let elapsed = start.elapsed();
    if !result.success() {
        return Err(format!(
            "`zhicheng batch {}` failed ({result})",
            roster.display()
        ));
    }
    Ok(elapsed)
}

/// A small deterministic generator (SplitMix64), so every run checks the same roster.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn date(&mut self, from_year: i64, to_year: i64) -> String {
        format!(
            "{}-{:02}-{:02}",
            self.range(from_year, to_year),
            self.range(1, 12),
            self.range(1, 28)
        )
    }
}

/// The CE years the generated roster has columns for.
const CE_YEARS: std::ops::RangeInclusive<i32> = 2014..=2024;

/// Who is in a generated roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mix {
    /// About 60% eligible, 36% not eligible, 3% needs review, 1% bad rows.
    Realistic,
    /// The same people without the evaluation year's professional hours and without
    /// exams: almost everyone is not eligible, and each costs the engine its search
    /// for the earliest eligible year and the text of a failing CE check. The worst
    /// case, for information.
    MostlyFailing,
}

/// A roster of `people` varied profiles built on the five shared examples
/// (tests/examples): the four rule sets, their targets, hours around the minimums,
/// online hours over the cap, missing exams, and now and then an assessment, a
/// sanction, a fraud finding, Chinese values, and a bad row (about 1 in 100).
pub fn roster_csv(people: usize, seed: u64, mix: Mix) -> String {
    let mut rng = Rng::new(seed);
    let mut header = String::from(
        "person_id,name,rule_set,evaluation_year,title,specialty,exceptional,birth_date,\
         retirement_group,employment,retired,in_technical_post,profession_matches,education,\
         work_start,technician_obtained,assistant_engineer_obtained,engineer_obtained,\
         economist_obtained,assessments,sanctions,fraud_findings,exams",
    );
    for y in CE_YEARS {
        for c in ["professional", "industry_public", "general_public"] {
            let _ = write!(header, ",ce_{y}_{c}");
        }
    }
    header += ",ce_2019_professional_online,ce_2020_professional_online\r\n";
    let mut out = String::with_capacity(people * 260 + header.len());
    out += &header;
    for i in 0..people {
        person(&mut out, &mut rng, i, mix);
    }
    out
}

fn person(out: &mut String, rng: &mut Rng, i: usize, mix: Mix) {
    let failing = mix == Mix::MostlyFailing;
    let kind = i % 5;
    let zh = rng.chance(30);
    let pick = |zh: bool, en: &'static str, cn: &'static str| if zh { cn } else { en };
    // rule_set, title, specialty, education, first/last CE year
    let (rule_set, title, specialty, education, ce_from, ce_to) = match kind {
        0 => (
            "zj-liandu-2024",
            pick(zh, "senior_engineer", "高级工程师"),
            "",
            pick(zh, "bachelor", "本科"),
            2019,
            2024,
        ),
        1 => (
            "zj-huzhou-2021",
            pick(zh, "assistant_engineer", "助理工程师"),
            "",
            pick(zh, "associate", "大专"),
            2019,
            2021,
        ),
        2 => (
            "zj-jxt-gaogong-2020",
            "senior_engineer",
            ["materials", "energy", "轻纺", "petrochemical"][rng.range(0, 3) as usize],
            "bachelor",
            2015,
            2020,
        ),
        3 => (
            pick(zh, "sx-2020", "晋人社厅函〔2020〕628号"),
            pick(zh, "senior_economist", "高级经济师"),
            "",
            "bachelor",
            2014,
            2020,
        ),
        _ => (
            "zj-liandu-2024",
            pick(zh, "engineer", "工程师"),
            "",
            pick(zh, "master", "硕士"),
            2019,
            2024,
        ),
    };
    let female = rng.chance(35);
    let group = match (female, rng.chance(80)) {
        (false, _) => pick(zh, "male", "男"),
        (true, true) => pick(zh, "female_55", "女干部"),
        (true, false) => pick(zh, "female_50", "女工人"),
    };
    let employment = if rng.chance(70) {
        pick(zh, "enterprise", "企业")
    } else {
        pick(zh, "public_institution", "事业单位")
    };
    let birth = rng.date(1966, 1995);
    let work_start = rng.date(2000, 2012);
    let (mut technician, mut assistant, mut engineer, mut economist) =
        (String::new(), String::new(), String::new(), String::new());
    match kind {
        0 => {
            assistant = rng.date(2006, 2010);
            engineer = rng.date(2015, 2020);
        }
        1 => technician = rng.date(2015, 2019),
        2 => {
            assistant = rng.date(2006, 2009);
            engineer = rng.date(2011, 2016);
        }
        3 => economist = rng.date(2011, 2016),
        _ => assistant = rng.date(2017, 2021),
    }
    let assessments = if rng.chance(10) {
        format!(
            "{}:{}",
            rng.range(2016, 2020),
            pick(zh, "unqualified", "不合格")
        )
    } else {
        String::new()
    };
    let sanctions = if rng.chance(5) {
        format!("{}:{}", pick(zh, "demerit", "记过"), rng.date(2019, 2023))
    } else {
        String::new()
    };
    let fraud = if rng.chance(3) {
        rng.range(2017, 2022).to_string()
    } else {
        String::new()
    };
    let exams = if kind == 3 && rng.chance(60) && !failing {
        format!("senior_economist:{}", rng.range(2015, 2020))
    } else {
        String::new()
    };
    let yes_no = |b: bool| if b { "是" } else { "否" };
    // About one row in a hundred is bad: a date that does not exist.
    let birth = if rng.chance(1) {
        "1980-02-30".to_string()
    } else {
        birth
    };
    let _ = write!(
        out,
        "P{i:06},示例{i},{rule_set},,{title},{specialty},{},{birth},{group},{employment},{},{},{},\
         {education},{work_start},{technician},{assistant},{engineer},{economist},\
         {assessments},{sanctions},{fraud},{exams}",
        yes_no(rng.chance(3)),
        yes_no(rng.chance(1)),
        yes_no(rng.chance(97)),
        yes_no(rng.chance(97)),
    );
    for y in CE_YEARS {
        let owed = (ce_from..=ce_to).contains(&y);
        // Mostly above the minimums (90 in all, 60 professional, 18 public, 12
        // general); now and then a year short of professional hours or missing.
        let professional = if rng.chance(3) { (40, 59) } else { (68, 100) };
        for (k, (lo, hi)) in [professional, (6, 12), (12, 16)].into_iter().enumerate() {
            if owed && rng.chance(99) && !(failing && k == 0 && y == ce_to) {
                let _ = write!(out, ",{}", rng.range(lo, hi));
            } else {
                out.push(',');
            }
        }
    }
    // Online professional hours (over the jxt cap now and then).
    for y in [2019, 2020] {
        if kind == 2 && (ce_from..=ce_to).contains(&y) && rng.chance(30) {
            let _ = write!(out, ",{}", rng.range(10, 60));
        } else {
            out.push(',');
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roster_is_deterministic_and_rectangular() {
        let a = roster_csv(50, 1, Mix::Realistic);
        assert_eq!(a, roster_csv(50, 1, Mix::Realistic));
        assert_ne!(a, roster_csv(50, 2, Mix::Realistic));
        assert_ne!(a, roster_csv(50, 1, Mix::MostlyFailing));
        let mut lines = a.split("\r\n").filter(|l| !l.is_empty());
        let width = lines.next().unwrap().split(',').count();
        assert_eq!(lines.clone().count(), 50);
        for l in lines {
            assert_eq!(l.split(',').count(), width, "{l}");
        }
    }

    #[test]
    fn figures_are_formatted() {
        assert_eq!(thousands(1_234_567.8), "1,234,568");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(
            median(vec![
                Duration::from_millis(3),
                Duration::from_millis(1),
                Duration::from_millis(2)
            ]),
            Duration::from_millis(2)
        );
        let r = report(&[Figure {
            name: "x".into(),
            value: "1 s".into(),
            budget: "≤ 2 s".into(),
            ok: Some(true),
            note: "n".into(),
        }]);
        assert!(r.contains("| x | 1 s | ≤ 2 s | yes | n |"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn children_cpu_time_is_read() {
        let before = children_cpu().unwrap();
        let _ = Command::new("true").status();
        assert!(children_cpu().unwrap() >= before);
    }

    #[test]
    fn the_browser_benchmark_line_is_read() {
        let out =
            "run 1: …\nRESULT people=10000 bytes=2600000 decode_ms=41 runs_ms=812.5,790,1001.25\n";
        let r = BrowserRuns::parse(out).unwrap();
        assert_eq!(r.people, 10_000);
        assert_eq!(r.decode_ms, 41.0);
        assert_eq!(r.runs.len(), 3);
        assert_eq!(median(r.runs).as_millis(), 812);
        assert_eq!(
            BrowserRuns::parse("RESULT people=1 decode_ms=1 runs_ms="),
            None
        );
        assert_eq!(BrowserRuns::parse("nothing"), None);
    }

    #[test]
    fn suite_names_are_unique() {
        for (i, s) in SUITES.iter().enumerate() {
            assert!(SUITES[..i].iter().all(|t| t.name != s.name));
        }
    }
}
