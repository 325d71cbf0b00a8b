//! The Python packages the tests need: `icalendar`, the real iCalendar parser that
//! opens the CLI's .ics files (crates/cli/tests/calendar_cmd.rs), pinned with its
//! dependencies. They live in a virtual environment under target/python, made with the
//! `python3` on PATH: the same for root and not, and never in the system's Python
//! (which Debian marks as externally managed).

use std::path::PathBuf;
use std::process::Command;

use super::{apt_install, report, Outcome};
use crate::cmd::{self, Result};

/// Pinned: icalendar and what it installs with.
pub const PYTHON_PACKAGES: &[(&str, &str)] = &[
    ("icalendar", "7.3.0"),
    ("python-dateutil", "4.0.0"),
    ("tzdata", "2026.6"),
    ("typing_extensions", "4.16.0"),
];

/// The virtual environment's folder.
fn venv_dir() -> PathBuf {
    cmd::repo_root().join("target").join("python")
}

/// The interpreter of the tests (cargo xtask test passes it as ZHICHENG_PYTHON).
pub fn python_path() -> PathBuf {
    venv_dir().join("bin").join("python3")
}

/// The installed version of a package in the environment, if any.
fn version(package: &str) -> Option<String> {
    let script = format!("import importlib.metadata as m; print(m.version('{package}'))");
    cmd::output(Command::new(python_path()).args(["-c", &script]))
}

/// Makes the environment, anew when its interpreter no longer runs (the `python3` it
/// was made from has moved).
fn venv() -> Result {
    let works = cmd::output(Command::new(python_path()).args(["-c", "print(1)"])).is_some();
    if works {
        return Ok(());
    }
    if cmd::which("python3").is_none() {
        apt_install(&["python3", "python3-venv"])?;
    }
    let mut make = Command::new("python3");
    make.args(["-m", "venv", "--clear"]).arg(venv_dir());
    if cmd::run(&mut make).is_err() {
        // Debian's python3 keeps `venv`'s pip in a package of its own.
        if cmd::which("dpkg-query").is_none() {
            return Err("`python3 -m venv` failed: install Python's venv module".into());
        }
        apt_install(&["python3-venv"])?;
        cmd::run(&mut make)?;
    }
    Ok(())
}

/// Ensures every pinned package, installing (with pip, in one call) only when one is
/// missing or another version.
pub fn packages() -> Result {
    venv()?;
    let pinned = |(p, v): &(&str, &str)| version(p).as_deref() == Some(*v);
    let outcome = if PYTHON_PACKAGES.iter().all(pinned) {
        Outcome::Found
    } else {
        println!(
            "setup: installing Python packages into {}",
            venv_dir().display()
        );
        let mut pip = Command::new(python_path());
        pip.args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-input",
        ]);
        pip.args(PYTHON_PACKAGES.iter().map(|(p, v)| format!("{p}=={v}")));
        cmd::run(&mut pip)?;
        Outcome::Installed
    };
    for &(package, wanted) in PYTHON_PACKAGES {
        match version(package) {
            Some(v) if v == wanted => report(package, &v, outcome),
            other => {
                return Err(format!(
                    "Python package {package}: wanted {wanted}, found {other:?} in {}",
                    venv_dir().display()
                ))
            }
        }
    }
    Ok(())
}
