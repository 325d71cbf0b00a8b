//! The steps of `cargo xtask test`, in order. To add a check, write a
//! `fn() -> Result` below and add one line to [`TEST_STEPS`].

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::cmd::{self, Result};
use crate::setup;

/// One step of `cargo xtask test`.
pub struct Step {
    /// Short name, used on the command line (`cargo xtask test clippy`) and in messages.
    pub name: &'static str,
    /// What the step checks, for `cargo xtask help`.
    pub about: &'static str,
    /// Runs the step; an Err stops the test run.
    pub run: fn() -> Result,
}

/// Every step of `cargo xtask test`, cheapest first, so a run fails fast.
/// The browser step needs the wasm build before it.
pub const TEST_STEPS: &[Step] = &[
    Step {
        name: "fmt",
        about: "cargo fmt --all --check",
        run: fmt,
    },
    Step {
        name: "clippy",
        about: "cargo clippy --workspace --all-targets -- -D warnings",
        run: clippy,
    },
    Step {
        name: "rules",
        about: "validate every rule file of rules/ (cargo xtask rules)",
        run: rules,
    },
    Step {
        name: "deny",
        about: "cargo deny check licenses bans (deny.toml)",
        run: deny,
    },
    Step {
        name: "cargo-test",
        about: "cargo test --workspace (engine, rules, formats, CLI, app; bad-input suite; the .ics files opened by Python's icalendar)",
        run: cargo_test,
    },
    Step {
        name: "worked-example",
        about: "the fictional rule set of docs/rules.md, evaluated (engine feature worked-example)",
        run: worked_example,
    },
    Step {
        name: "fuzz-smoke",
        about:
            "every fuzz target for a few seconds (cargo fuzz; the long runs are `cargo xtask fuzz`)",
        run: fuzz_smoke,
    },
    Step {
        name: "wasm-build",
        about: "trunk build --release (the web app into dist/, and dist/offline.html)",
        run: wasm_build,
    },
    Step {
        name: "browser",
        about: "tests/browser/*.test.mjs (Playwright, headless Chromium) against dist/ on nginx",
        run: browser,
    },
];

fn fmt() -> Result {
    cmd::run(cmd::cargo().args(["fmt", "--all", "--check"]))
}

fn clippy() -> Result {
    cmd::run(cmd::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn cargo_test() -> Result {
    // The .ics check (crates/cli/tests/calendar_cmd.rs) runs on setup's Python, and must.
    cmd::run(
        cmd::cargo()
            .args(["test", "--workspace"])
            .env("ZHICHENG_PYTHON", setup::python_path()),
    )
}

/// The rule-data tool (crates/rules/src/bin/zhicheng-rules.rs) with `args`.
fn rules_tool(args: &[String]) -> Result {
    cmd::run(
        cmd::cargo()
            .args([
                "run",
                "--quiet",
                "-p",
                "zhicheng-rules",
                "--bin",
                "zhicheng-rules",
                "--",
            ])
            .args(args),
    )
}

/// `cargo xtask rules [new ID --from EXISTING]`.
pub fn rules_command(args: &[String]) -> Result {
    rules_tool(args)
}

fn rules() -> Result {
    rules_tool(&[])
}

fn deny() -> Result {
    cmd::run(cmd::cargo().args(["deny", "--log-level", "error", "check", "licenses", "bans"]))
}

fn worked_example() -> Result {
    cmd::run(cmd::cargo().args([
        "test",
        "-p",
        "zhicheng-engine",
        "--features",
        "worked-example",
        "--test",
        "cases",
    ]))
}

/// The fuzz targets of fuzz/fuzz_targets/.
pub const FUZZ_TARGETS: &[&str] = &["profile", "ce_csv", "roster"];
/// Seconds per target in the smoke run of `cargo xtask test` (a minute at most in all).
const FUZZ_SMOKE_SECONDS: u32 = 15;
/// The largest input libFuzzer makes (`-max_len`, bytes): 512 KiB, large enough for
/// an input that is slow only because the reader is worse than linear to show it
/// (libFuzzer's default, 4 KB or the largest seed, is too small for that: a quadratic
/// reader is fast on 4 KB). libFuzzer grows inputs towards it gradually, so short runs
/// stay fast.
pub const FUZZ_MAX_LEN: usize = 512 * 1024;
/// The time one input may take (`-timeout`, seconds of wall clock); longer is a
/// failure with the input saved, like a crash. Measured with the sanitizer build of
/// the targets on inputs of [`FUZZ_MAX_LEN`]: the old JSON reader, which compared each
/// key with every earlier one, took 58 s on one object of 48,000 keys (9 s at 256 KiB,
/// 276 s at 1 MiB), so at 20 s it fails within a run that finds such an input. The
/// slowest inputs of that size the readers are meant to take (the worst cases of
/// `cargo xtask bench hostile`, cut to 512 KiB) take at most 4.9 s (a roster of
/// 170,000 rows repeating one person_id, each a bad row whose results are written and
/// read back by the target; 0.6 s for a plain roster, 0.13 s for any profile): four
/// times that margin for a busy machine, where the wall clock runs slow. libFuzzer's
/// own default, 1,200 s, let a quadratic reader through.
pub const FUZZ_TIMEOUT_SECONDS: u32 = 20;

/// Runs every fuzz target for `seconds`, each input within [`FUZZ_MAX_LEN`] bytes and
/// [`FUZZ_TIMEOUT_SECONDS`]. New inputs go to target/fuzz-corpus/ (the checked-in seeds
/// in fuzz/corpus/ stay as they are); a crash or an input over the time limit fails
/// with the input saved in fuzz/artifacts/.
fn fuzz_all(seconds: u32) -> Result {
    let root = cmd::repo_root();
    for target in FUZZ_TARGETS {
        let work = root.join("target/fuzz-corpus").join(target);
        std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
        let seeds = root.join("fuzz/corpus").join(target);
        println!("fuzz: {target} for {seconds}s");
        cmd::run(
            cmd::cargo()
                .current_dir(root.join("fuzz"))
                // cargo fuzz passes nightly-only sanitizer flags; the pinned stable
                // toolchain accepts them with RUSTC_BOOTSTRAP.
                .env("RUSTC_BOOTSTRAP", "1")
                .args(["fuzz", "run", target])
                .arg(&work)
                .arg(&seeds)
                .args([
                    "--",
                    &format!("-max_total_time={seconds}"),
                    &format!("-max_len={FUZZ_MAX_LEN}"),
                    &format!("-timeout={FUZZ_TIMEOUT_SECONDS}"),
                    "-print_final_stats=1",
                ]),
        )
        .map_err(|e| format!("fuzz target `{target}`: {e}"))?;
    }
    Ok(())
}

fn fuzz_smoke() -> Result {
    fuzz_all(FUZZ_SMOKE_SECONDS)
}

/// `cargo xtask fuzz [SECONDS]`.
pub fn fuzz_command(args: &[String]) -> Result {
    let seconds = match args {
        [] => 600,
        [s] => s
            .parse()
            .map_err(|_| format!("`{s}` is not a number of seconds"))?,
        _ => return Err("usage: cargo xtask fuzz [SECONDS]".into()),
    };
    crate::setup::run()?;
    fuzz_all(seconds)
}

/// `trunk build --release` into dist/ (its post-build hook prerenders the first screen:
/// crate::prerender), then dist/offline.html and dist/sw.js from the same build
/// (crate::offline).
pub fn wasm_build() -> Result {
    cmd::run(cmd::command("trunk").args(["build", "--release"]))?;
    finish_dist(&crate::offline::dist_dir())
}

/// What follows `trunk build` in dist/: the offline file and the service worker, from
/// the page Trunk and its hook wrote.
pub fn finish_dist(dist: &std::path::Path) -> Result {
    crate::offline::finish(dist)
}

/// The browser tests' time limit: Playwright's own (playwright.config.mjs,
/// `globalTimeout`) is 8 minutes; this one ends the run should Playwright itself hang.
const BROWSER_LIMIT: Duration = Duration::from_secs(10 * 60);

/// `playwright test` (tests/browser/, playwright.config.mjs) against dist/, which the
/// tests serve with nginx (tests/browser/lib/nginx.mjs); afterwards, whatever happened,
/// any nginx of theirs still running is stopped.
fn browser() -> Result {
    let root = cmd::repo_root();
    if !root.join("dist").join("index.html").is_file() {
        return Err("dist/index.html is missing: run the wasm-build step first".into());
    }
    let mut playwright = cmd::command("playwright");
    playwright
        .arg("test")
        .env("CHROMIUM", setup::chromium_path())
        .env("NGINX", setup::nginx_path())
        .env("ZC_DIST", root.join("dist"))
        .env("ZHICHENG_PYTHON", setup::python_path());
    let result = cmd::run_limited(&mut playwright, BROWSER_LIMIT);
    let stopped = stop_leftover_nginx(&root.join("target").join("nginx"));
    result?;
    stopped
}

/// Stops every nginx that the browser tests started and left running (a crash, a
/// killed run): each has its pid file in a folder of `dir` (nginx removes it when it
/// exits). Only a process that is still an nginx of that folder is signalled.
fn stop_leftover_nginx(dir: &Path) -> Result {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let prefix = entry.path();
        let Ok(pid) = std::fs::read_to_string(prefix.join("nginx.pid")) else {
            continue;
        };
        let pid = pid.trim();
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if pid.chars().all(|c| c.is_ascii_digit())
            && cmdline.contains("nginx")
            && cmdline.contains(&*prefix.to_string_lossy())
        {
            println!(
                "browser: stopping nginx {pid} left by the tests ({})",
                prefix.display()
            );
            cmd::run(Command::new("kill").args(["-TERM", pid]))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_names_are_unique_and_flag_friendly() {
        for (i, step) in TEST_STEPS.iter().enumerate() {
            assert!(
                step.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                step.name
            );
            assert!(TEST_STEPS[..i].iter().all(|s| s.name != step.name));
        }
    }

    #[test]
    fn the_wasm_build_comes_before_the_browser_tests() {
        let position = |name| TEST_STEPS.iter().position(|s| s.name == name).unwrap();
        assert!(position("wasm-build") < position("browser"));
    }
}
