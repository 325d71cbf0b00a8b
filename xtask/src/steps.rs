//! The steps of `cargo xtask test`, in order. To add a check, write a
//! `fn() -> Result` below and add one line to [`TEST_STEPS`].

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
        name: "cargo-test",
        about: "cargo test --workspace",
        run: cargo_test,
    },
    Step {
        name: "wasm-build",
        about: "trunk build --release (the web app into dist/)",
        run: wasm_build,
    },
    Step {
        name: "browser",
        about: "tests/browser/*.test.mjs in headless Chromium against dist/",
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
    cmd::run(cmd::cargo().args(["test", "--workspace"]))
}

/// `trunk build --release` into dist/ (also `cargo xtask build`).
pub fn wasm_build() -> Result {
    cmd::run(cmd::command("trunk").args(["build", "--release"]))
}

fn browser() -> Result {
    let root = cmd::repo_root();
    if !root.join("dist").join("index.html").is_file() {
        return Err("dist/index.html is missing: run the wasm-build step first".into());
    }
    cmd::run(
        cmd::command("node")
            .arg("tests/browser/run.mjs")
            .env("CHROMIUM", setup::chromium_path())
            .env("ZC_DIST", root.join("dist")),
    )
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
