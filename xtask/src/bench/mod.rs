//! `cargo xtask bench`: performance figures, each beside its budget and, where there
//! is one, its reference measured in the same run; printed as one table and written to
//! target/bench/results.md (`--readme` also puts the table into README.md). A
//! benchmark, not a test: it never fails on a slow figure (only when something cannot
//! be measured at all); each figure says whether it is within its budget.
//!
//! The suites, in order (`cargo xtask bench NAME…` runs only those named):
//! [`size`] (what a first visit downloads, brotli, against an empty Yew app built in
//! the same run; offline.html; the wasm by part, brotli, and by twiggy), [`page`]
//! (start-up, the main thread after it, and re-evaluation in headless Chromium at 4×
//! CPU throttling),
//! [`first_screen`] (the prerendered first step over a slow phone network, served
//! with brotli, against the wasm's arrival and an empty Yew app), [`engine`]
//! (one evaluation, criterion), [`batch`] (the CLI and the batch page), and
//! [`hostile`] (every reader on its worst inputs against benign ones of the same
//! size). To add a figure, write a `fn(&mut Bench) -> Result` and add one line to
//! [`SUITES`].

pub mod batch;
pub mod engine;
pub mod first_screen;
pub mod hostile;
pub mod hostile_inputs;
pub mod page;
pub mod parts;
pub mod reference;
pub mod roster;
pub mod size;

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::cmd::{self, Result};

/// One measured figure: a row of the table.
#[derive(Default)]
pub struct Figure {
    pub name: String,
    /// The value as shown, e.g. `0.081 s`.
    pub value: String,
    /// The budget as shown, e.g. `≥ 100,000 people/s`, or empty.
    pub budget: String,
    /// The reference measured in the same run, as shown (e.g. the empty Yew app's
    /// figure), or empty.
    pub reference: String,
    /// The value against the reference or the budget, as shown (e.g. `2.4×`), or empty.
    pub ratio: String,
    /// Whether the value is within the budget (`None`: no budget).
    pub ok: Option<bool>,
    /// How it was measured (written under the table).
    pub note: String,
}

/// A group of figures.
pub struct Suite {
    pub name: &'static str,
    pub about: &'static str,
    pub run: fn(&mut Bench) -> Result,
}

/// Every suite, in order.
pub const SUITES: &[Suite] = &[
    Suite {
        name: "size",
        about: "what a first visit downloads (brotli) vs an empty Yew app; offline.html; the wasm by part (brotli) and twiggy",
        run: size::run,
    },
    Suite {
        name: "startup",
        about: "headless Chromium, 360×640, 4× CPU: navigation to the form interactive, vs an empty Yew app",
        run: page::startup,
    },
    Suite {
        name: "afterstart",
        about: "headless Chromium, 360×640, 4× CPU: the main thread's longest task in the 4 s after the form is interactive",
        run: page::after_start,
    },
    Suite {
        name: "firstscreen",
        about: "headless Chromium, 360×640, 4× CPU, a slow phone network (150 ms, 1.6 Mbit/s), brotli: the first step visible vs the wasm downloaded; vs an empty Yew app",
        run: first_screen::run,
    },
    Suite {
        name: "reeval",
        about: "headless Chromium, 4× CPU: from an input event to the verdict updated",
        run: page::reeval,
    },
    Suite {
        name: "engine",
        about: "one evaluation natively (criterion, crates/engine/benches/evaluate.rs)",
        run: engine::run,
    },
    Suite {
        name: "cli-batch",
        about:
            "zhicheng batch over generated rosters (10,000 and 100,000 people; and a worst case)",
        run: batch::cli_batch,
    },
    Suite {
        name: "browser-batch",
        about:
            "the batch page in headless Chromium: 10,000 people, from start to the results shown",
        run: batch::browser_batch,
    },
    Suite {
        name: "hostile",
        about: "every reader on its worst inputs (5 MB) against benign input of the same size",
        run: hostile::run,
    },
];

/// What the suites share: where files go, the builds made so far, the figures.
pub struct Bench {
    pub dir: PathBuf,
    pub figures: Vec<Figure>,
    /// Extra sections of results.md (after the table), e.g. the largest contributors.
    pub sections: Vec<String>,
    app_built: bool,
    reference_dist: Option<PathBuf>,
}

impl Bench {
    /// dist/, built once per run as `cargo xtask build` does (release profile,
    /// wasm-opt, offline.html and sw.js), after the set-up.
    pub fn app_dist(&mut self) -> Result<PathBuf> {
        if !self.app_built {
            crate::setup::run()?;
            crate::steps::wasm_build()?;
            self.app_built = true;
        }
        Ok(crate::offline::dist_dir())
    }

    /// The reference app's dist/, built once per run (see [`reference`]).
    pub fn reference_dist(&mut self) -> Result<PathBuf> {
        if let Some(dist) = &self.reference_dist {
            return Ok(dist.clone());
        }
        self.app_dist()?;
        let dist = reference::build(&self.dir)?;
        self.reference_dist = Some(dist.clone());
        Ok(dist)
    }
}

/// `cargo xtask bench [--readme] [SUITE…]`.
pub fn run(args: &[String]) -> Result {
    let readme = args.iter().any(|a| a == "--readme");
    let only: Vec<&String> = args.iter().filter(|a| *a != "--readme").collect();
    for name in &only {
        if !SUITES.iter().any(|s| s.name == name.as_str()) {
            let names: Vec<_> = SUITES.iter().map(|s| s.name).collect();
            return Err(format!(
                "no suite `{name}`; suites: {} (and --readme)",
                names.join(", ")
            ));
        }
    }
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut bench = Bench {
        dir,
        figures: Vec::new(),
        sections: Vec::new(),
        app_built: false,
        reference_dist: None,
    };
    for suite in SUITES {
        if !only.is_empty() && !only.iter().any(|n| n.as_str() == suite.name) {
            continue;
        }
        println!("\n==> bench `{}`: {}", suite.name, suite.about);
        (suite.run)(&mut bench).map_err(|e| format!("bench `{}`: {e}", suite.name))?;
    }
    let machine = machine();
    let table = table(&bench.figures);
    println!("\n{table}\n{machine}");
    let report = report(&table, &machine, &bench.figures, &bench.sections);
    let path = bench.dir.join("results.md");
    std::fs::write(&path, &report).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("written to {}", path.display());
    if readme {
        let path = cmd::repo_root().join("README.md");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = with_table(&text, &format!("{table}\n{machine}\n"))?;
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("and into README.md (its Benchmark section)");
    }
    Ok(())
}

/// The figures as one Markdown table: figure, measured, budget, reference, ratio or
/// verdict.
pub fn table(figures: &[Figure]) -> String {
    let mut out = String::from(
        "| figure | measured | budget | reference | ratio / verdict |\n|---|---|---|---|---|\n",
    );
    for f in figures {
        let verdict = match f.ok {
            Some(true) => "within budget",
            Some(false) => "**over budget**",
            None => "",
        };
        let ratio = match (f.ratio.is_empty(), verdict.is_empty()) {
            (true, _) => verdict.to_string(),
            (false, true) => f.ratio.clone(),
            (false, false) => format!("{}; {verdict}", f.ratio),
        };
        let dash = |s: &str| {
            if s.is_empty() {
                "—".to_string()
            } else {
                s.to_string()
            }
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.name,
            f.value,
            dash(&f.budget),
            dash(&f.reference),
            dash(&ratio)
        );
    }
    out
}

/// results.md: the table, the machine, how each figure was measured, the sections.
fn report(table: &str, machine: &str, figures: &[Figure], sections: &[String]) -> String {
    let mut out = String::from("# Benchmark figures (`cargo xtask bench`)\n\n");
    let _ = writeln!(
        out,
        "{table}\n{machine}\n\n## How each figure was measured\n"
    );
    for f in figures.iter().filter(|f| !f.note.is_empty()) {
        let _ = writeln!(out, "- **{}**: {}", f.name, f.note);
    }
    for s in sections {
        let _ = write!(out, "\n{s}");
    }
    out
}

/// Marks of README.md's Benchmark section between which `--readme` writes the table.
pub const README_BEGIN: &str = "<!-- bench:begin (cargo xtask bench --readme) -->";
pub const README_END: &str = "<!-- bench:end -->";

/// `readme` with the text between [`README_BEGIN`] and [`README_END`] replaced.
pub fn with_table(readme: &str, table: &str) -> Result<String> {
    let begin = readme
        .find(README_BEGIN)
        .ok_or_else(|| format!("README.md has no `{README_BEGIN}` line"))?
        + README_BEGIN.len();
    let end = readme[begin..]
        .find(README_END)
        .ok_or_else(|| format!("README.md has no `{README_END}` line after the begin mark"))?
        + begin;
    Ok(format!(
        "{}\n\n{table}\n{}",
        &readme[..begin],
        &readme[end..]
    ))
}

/// The machine and its load: figures from a shared machine are noisy.
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
        .map_or(String::new(), |l| format!(", load average {l} at the end"));
    format!("Machine: {cpu}, {threads} hardware threads{load}.")
}

/// Cargo's target directory: `CARGO_TARGET_DIR`, else target/ in the repository.
pub fn target_dir() -> PathBuf {
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

/// Runs `node SCRIPT ARGS…` from the repository root (with the Chromium of the set-up),
/// echoing its output, and returns its stdout; fails if it fails.
pub fn node(script: &str, args: &[OsString]) -> Result<String> {
    let mut node = cmd::command("node");
    node.arg(script)
        .args(args)
        .env("CHROMIUM", crate::setup::chromium_path())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    println!("$ {}", cmd::display(&node));
    let out = node
        .output()
        .map_err(|e| format!("could not start node: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{stdout}");
    if !out.status.success() {
        return Err(format!("{script} failed ({})", out.status));
    }
    Ok(stdout)
}

/// The value of `name=…` on the last `RESULT …` line of a script's output.
pub fn result_field<'a>(output: &'a str, name: &str) -> Option<&'a str> {
    let line = output
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("RESULT "))?;
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// `12.5,13,…` (milliseconds) as numbers.
pub fn numbers(list: &str) -> Option<Vec<f64>> {
    let v = list
        .split(',')
        .map(|x| x.parse::<f64>().ok())
        .collect::<Option<Vec<_>>>()?;
    (!v.is_empty()).then_some(v)
}

/// The list `name=…` of the last `RESULT …` line of `script`'s output, as numbers; an
/// error names the script and the list it did not print.
pub fn result_numbers(output: &str, script: &str, name: &str) -> Result<Vec<f64>> {
    result_field(output, name)
        .and_then(numbers)
        .ok_or_else(|| format!("{script} printed no {name}"))
}

/// The median of some durations.
pub fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// The median of some numbers (the upper one of an even count, as [`median`]).
pub fn median_f64(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
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

/// Bytes in kilobytes of 1,000 bytes, one decimal: `152345` → `152.3 KB`.
pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// A file's size in bytes.
pub fn file_size(path: &Path) -> Result<u64> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_formatted() {
        assert_eq!(thousands(1_234_567.8), "1,234,568");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(kb(152_345), "152.3 KB");
        assert_eq!(
            median(vec![
                Duration::from_millis(3),
                Duration::from_millis(1),
                Duration::from_millis(2)
            ]),
            Duration::from_millis(2)
        );
        assert_eq!(median_f64(vec![3.0, 1.0, 2.0, 10.0]), 3.0);
        let t = table(&[
            Figure {
                name: "x".into(),
                value: "1 s".into(),
                budget: "≤ 2 s".into(),
                ok: Some(true),
                note: "n".into(),
                ..Figure::default()
            },
            Figure {
                name: "y".into(),
                value: "3 ms".into(),
                budget: "≤ 1.5× reference".into(),
                reference: "1 ms".into(),
                ratio: "3.0×".into(),
                ok: Some(false),
                ..Figure::default()
            },
        ]);
        assert!(t.contains("| x | 1 s | ≤ 2 s | — | within budget |"), "{t}");
        assert!(
            t.contains("| y | 3 ms | ≤ 1.5× reference | 1 ms | 3.0×; **over budget** |"),
            "{t}"
        );
    }

    #[test]
    fn result_lines_are_read() {
        let out = "run 1\nRESULT app_ms=1.5,2,3 reference_ms=4\n";
        assert_eq!(result_field(out, "app_ms"), Some("1.5,2,3"));
        assert_eq!(numbers("1.5,2,3"), Some(vec![1.5, 2.0, 3.0]));
        assert_eq!(numbers(""), None);
        assert_eq!(result_field(out, "nothing"), None);
        assert_eq!(result_field("no result", "app_ms"), None);
    }

    #[test]
    fn the_readme_table_is_replaced_between_the_marks() {
        let readme = format!("# A\n\n{README_BEGIN}\n\nold\n\n{README_END}\n\nafter\n");
        let new = with_table(&readme, "| new |\n").unwrap();
        assert_eq!(
            new,
            format!("# A\n\n{README_BEGIN}\n\n| new |\n\n{README_END}\n\nafter\n")
        );
        assert!(with_table("nothing", "x").is_err());
        let readme = std::fs::read_to_string(cmd::repo_root().join("README.md")).unwrap();
        assert!(
            with_table(&readme, "x").is_ok(),
            "README.md lacks the bench marks"
        );
    }

    #[test]
    fn suite_names_are_unique() {
        for (i, s) in SUITES.iter().enumerate() {
            assert!(SUITES[..i].iter().all(|t| t.name != s.name));
        }
    }
}
