//! `cargo xtask setup`: makes sure every tool the build and tests need is
//! here, in the pinned version, installing only what is missing.
//!
//! Each check is cheap (a `--version` call, a file's date, a dpkg query), so a
//! machine that has everything gets through in well under a second.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use crate::cmd::{self, Result};

mod python;
pub use python::python_path;

/// The Rust target the web app is compiled to.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Trunk, pinned: 0.22 needs a newer rustc than the one we use.
pub const TRUNK_VERSION: &str = "0.21.14";
/// cargo-deny, pinned: the dependency policy check (deny.toml).
pub const CARGO_DENY_VERSION: &str = "0.20.2";
/// cargo-fuzz, pinned: libFuzzer runs of fuzz/.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// Debian packages for the browser the browser tests drive (skipped when CHROMIUM
/// names another): the browser, its driver, and a CJK font so screenshots show
/// Chinese text instead of empty boxes.
pub const CHROMIUM_PACKAGES: &[&str] = &["chromium", "chromium-driver", "fonts-wqy-microhei"];
/// Debian packages for the static server the browser tests serve dist/ with, as
/// deploy/nginx.conf configures it (skipped when NGINX names another nginx): nginx
/// and its brotli module.
pub const NGINX_PACKAGES: &[&str] = &["nginx", "libnginx-mod-http-brotli-filter"];
/// The npm packages of package.json, reported after `npm ci`.
pub const NPM_PACKAGES: &[&str] = &[
    "binaryen",
    "@playwright/test",
    "playwright-core",
    "axe-core",
    "jsqr",
    "terser",
];
/// Where the browser tests expect Chromium unless CHROMIUM is set.
pub const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";
/// Where the browser tests expect nginx unless NGINX is set.
pub const DEFAULT_NGINX: &str = "/usr/sbin/nginx";

/// Whether a tool was already present or this run installed it.
#[derive(Clone, Copy)]
enum Outcome {
    Found,
    Installed,
}

fn report(tool: &str, version: &str, outcome: Outcome) {
    let word = match outcome {
        Outcome::Found => "found",
        Outcome::Installed => "installed",
    };
    println!("setup: {tool:<20} {version:<24} {word}");
}

/// Ensures every tool; stops at the first that cannot be had.
pub fn run() -> Result {
    rust_target()?;
    rust_components()?;
    trunk()?;
    wasm_bindgen()?;
    cargo_tool("cargo-deny", "deny", CARGO_DENY_VERSION)?;
    cargo_tool("cargo-fuzz", "fuzz", CARGO_FUZZ_VERSION)?;
    debian_packages()?;
    npm_packages()?;
    python::packages()?;
    Ok(())
}

/// The path of the Chromium the browser tests drive.
pub fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| DEFAULT_CHROMIUM.to_owned())
}

/// The path of the nginx the browser tests serve dist/ with.
pub fn nginx_path() -> String {
    std::env::var("NGINX").unwrap_or_else(|_| DEFAULT_NGINX.to_owned())
}

fn rust_target() -> Result {
    let sysroot = cmd::output(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("cannot run `rustc --print sysroot`: is Rust installed (rustup)?")?;
    let target_dir = Path::new(&sysroot).join("lib/rustlib").join(WASM_TARGET);
    if target_dir.is_dir() {
        report("rust target", WASM_TARGET, Outcome::Found);
        return Ok(());
    }
    cmd::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
        .map_err(|e| format!("{e}\nthe web app needs the Rust target {WASM_TARGET} (rustup)"))?;
    report("rust target", WASM_TARGET, Outcome::Installed);
    Ok(())
}

fn rust_components() -> Result {
    for (component, subcommand) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        let mut check = cmd::cargo();
        check.args([subcommand, "--version"]);
        if let Some(version) = cmd::output(&mut check) {
            report(component, first_version(&version), Outcome::Found);
            continue;
        }
        cmd::run(Command::new("rustup").args(["component", "add", component]))?;
        let version = cmd::output(&mut check).unwrap_or_default();
        report(component, first_version(&version), Outcome::Installed);
    }
    Ok(())
}

fn trunk() -> Result {
    let installed = || {
        cmd::output(Command::new("trunk").arg("--version"))
            .map(|v| v.trim_start_matches("trunk").trim().to_owned())
    };
    if installed().as_deref() == Some(TRUNK_VERSION) {
        report("trunk", TRUNK_VERSION, Outcome::Found);
        return Ok(());
    }
    println!("setup: installing trunk {TRUNK_VERSION} (a one-time build of several minutes)");
    cmd::run(cmd::cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    match installed() {
        Some(v) if v == TRUNK_VERSION => {
            report("trunk", TRUNK_VERSION, Outcome::Installed);
            Ok(())
        }
        other => Err(format!(
            "installed trunk {TRUNK_VERSION}, but `trunk --version` on PATH says {other:?}: \
             put {} before other trunks on PATH",
            cmd::cargo_bin_dir().display()
        )),
    }
}

/// A cargo subcommand installed from crates.io with `--locked`, if its version differs.
fn cargo_tool(package: &str, subcommand: &str, version: &str) -> Result {
    let installed = || {
        cmd::output(cmd::cargo().args([subcommand, "--version"]))
            .map(|v| first_version(v.trim().trim_start_matches(package).trim()).to_owned())
    };
    if installed().as_deref() == Some(version) {
        report(package, version, Outcome::Found);
        return Ok(());
    }
    println!("setup: installing {package} {version} (a one-time build)");
    cmd::run(cmd::cargo().args(["install", package, "--version", version, "--locked"]))?;
    match installed() {
        Some(v) if v == version => {
            report(package, version, Outcome::Installed);
            Ok(())
        }
        other => Err(format!(
            "installed {package} {version}, but `cargo {subcommand} --version` says {other:?}"
        )),
    }
}

fn wasm_bindgen() -> Result {
    let lock = cmd::repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock)
        .map_err(|e| format!("cannot read {}: {e}", lock.display()))?;
    let wanted = locked_version(&lock, "wasm-bindgen")?;
    let installed = || {
        cmd::output(Command::new("wasm-bindgen").arg("--version"))
            .map(|v| v.trim_start_matches("wasm-bindgen").trim().to_owned())
    };
    // `wasm-bindgen 0.2.130` (older releases append a build hash).
    let matches = |v: &Option<String>| v.as_deref().map(first_version) == Some(wanted.as_str());
    if matches(&installed()) {
        report("wasm-bindgen-cli", &wanted, Outcome::Found);
        return Ok(());
    }
    println!("setup: installing wasm-bindgen-cli {wanted} (the version in Cargo.lock)");
    // Not --locked: wasm-bindgen-cli's own lock file does not build here.
    cmd::run(cmd::cargo().args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    if !matches(&installed()) {
        return Err(format!(
            "installed wasm-bindgen-cli {wanted}, but `wasm-bindgen --version` on PATH disagrees"
        ));
    }
    report("wasm-bindgen-cli", &wanted, Outcome::Installed);
    Ok(())
}

/// The single version of `package` recorded in a Cargo.lock.
pub fn locked_version(lock: &str, package: &str) -> Result<String> {
    let name_line = format!("name = \"{package}\"");
    let mut versions = Vec::new();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|l| l.strip_suffix('"'))
            {
                versions.push(version.to_owned());
            }
        }
    }
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("Cargo.lock has no package {package}")),
        many => Err(format!(
            "Cargo.lock has several versions of {package} ({}): the app needs exactly one",
            many.join(", ")
        )),
    }
}

/// The first whitespace-separated word: "1.8.0-stable (2025-01-01)" → "1.8.0-stable".
fn first_version(text: &str) -> &str {
    let text = text
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .trim();
    text.split_whitespace().next().unwrap_or("?")
}

fn debian_packages() -> Result {
    // A browser or an nginx named by the environment replaces its packages.
    let mut wanted: Vec<&str> = Vec::new();
    for (variable, path, packages) in [
        ("CHROMIUM", chromium_path(), CHROMIUM_PACKAGES),
        ("NGINX", nginx_path(), NGINX_PACKAGES),
    ] {
        if std::env::var_os(variable).is_some() {
            if !Path::new(&path).is_file() {
                return Err(format!("{variable}={path} is not a file"));
            }
            report(packages[0], &format!("(from ${variable})"), Outcome::Found);
        } else if cmd::which("dpkg-query").is_none() {
            if !Path::new(&path).is_file() {
                return Err(format!(
                    "no {path} and no Debian package tools: install {} and set \
                     {variable}=/path/to/{}",
                    packages[0], packages[0]
                ));
            }
            report(packages[0], &path, Outcome::Found);
        } else {
            wanted.extend(packages);
        }
    }
    let mut missing: Vec<&str> = Vec::new();
    for package in wanted {
        match deb_version(package) {
            Some(version) => report(package, &version, Outcome::Found),
            None => missing.push(package),
        }
    }
    if cmd::which("node").is_none() || cmd::which("npm").is_none() {
        missing.extend(["nodejs", "npm"]);
    }
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)?;
    for package in missing {
        let version = deb_version(package).unwrap_or_else(|| "?".to_owned());
        report(package, &version, Outcome::Installed);
    }
    Ok(())
}

/// The installed version of a Debian package, or None if it is not installed.
fn deb_version(package: &str) -> Option<String> {
    let out = cmd::output(Command::new("dpkg-query").args([
        "--show",
        "--showformat=${db:Status-Status} ${Version}",
        package,
    ]))?;
    let version = out.strip_prefix("installed ")?;
    Some(version.to_owned())
}

fn apt_install(packages: &[&str]) -> Result {
    let is_root = cmd::output(Command::new("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut c = if is_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("apt-get");
            sudo
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    if !is_root && cmd::which("sudo").is_none() {
        return Err(format!(
            "need to install {} with apt-get, but not root and no sudo",
            packages.join(" ")
        ));
    }
    println!("setup: installing Debian packages: {}", packages.join(" "));
    cmd::run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq"]);
    install.args(packages);
    cmd::run(&mut install)
}

fn npm_packages() -> Result {
    let root = cmd::repo_root();
    let node = cmd::output(Command::new("node").arg("--version"))
        .ok_or("`node --version` failed: the browser tests need Node.js 20 or later")?;
    report("node", node.trim_start_matches('v'), Outcome::Found);

    let lock = root.join("package-lock.json");
    // npm writes node_modules/.package-lock.json at the end of every install.
    let stamp = root.join("node_modules").join(".package-lock.json");
    let up_to_date = match (modified(&stamp), modified(&lock)) {
        (Some(installed), Some(locked)) => installed >= locked,
        (_, None) => return Err(format!("{} is missing", lock.display())),
        (None, _) => false,
    };
    let all_present = NPM_PACKAGES.iter().all(|p| npm_version(&root, p).is_some());
    let outcome = if up_to_date && all_present {
        Outcome::Found
    } else {
        // No npm package of ours downloads a browser (the tests drive Debian's
        // Chromium); this keeps it so should a later version of one try.
        cmd::run(
            cmd::command("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        )?;
        Outcome::Installed
    };
    for package in NPM_PACKAGES {
        let version = npm_version(&root, package)
            .ok_or_else(|| format!("npm package {package} is missing after `npm ci`"))?;
        report(package, &version, outcome);
    }
    Ok(())
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}

/// The version in node_modules/PACKAGE/package.json (a plain text search:
/// the xtask has no JSON parser, and the first "version" key is the package's).
fn npm_version(root: &Path, package: &str) -> Option<String> {
    let manifest = root.join("node_modules").join(package).join("package.json");
    let text = std::fs::read_to_string(manifest).ok()?;
    let after = &text[text.find("\"version\"")? + "\"version\"".len()..];
    let start = after.find('"')? + 1;
    let len = after[start..].find('"')?;
    Some(after[start..start + len].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.130"
"#;

    #[test]
    fn reads_the_locked_version() {
        assert_eq!(locked_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert!(locked_version(LOCK, "yew").is_err());
        let twice = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        assert!(locked_version(&twice, "wasm-bindgen").is_err());
    }

    #[test]
    fn first_version_skips_names_and_build_info() {
        assert_eq!(first_version("0.2.130"), "0.2.130");
        assert_eq!(first_version("0.2.87 (f0a8ae3b9)"), "0.2.87");
        assert_eq!(first_version("rustfmt 1.8.0-stable (2025)"), "1.8.0-stable");
        assert_eq!(first_version("clippy 0.1.95 (59807616e)"), "0.1.95");
    }
}
