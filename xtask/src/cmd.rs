//! Running external programs: the project's PATH, echoing, and failure messages.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The error type of every xtask step: a message for the person at the terminal.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of xtask/).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent directory")
        .to_path_buf()
}

/// Where `cargo install` puts binaries.
pub fn cargo_bin_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".cargo").join("bin")
}

/// Puts node_modules/.bin first on PATH (its wasm-opt must win over any other,
/// e.g. Debian's older binaryen), then cargo's bin dir (freshly installed trunk
/// and wasm-bindgen), then the PATH we were started with. Every program the
/// xtask starts inherits it.
pub fn init_path(root: &Path) {
    let first = [root.join("node_modules").join(".bin"), cargo_bin_dir()];
    let mut dirs = first.to_vec();
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path).filter(|d| !first.contains(d)));
    }
    let path = std::env::join_paths(dirs).expect("PATH entries contain no separator");
    // Edition 2021: set_var is safe; we are still single-threaded here.
    std::env::set_var("PATH", path);
}

/// The cargo that started us (`cargo xtask` sets CARGO), else `cargo` on PATH.
pub fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    Command::new(cargo)
}

/// A command run from the repository root.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(repo_root());
    cmd
}

/// How a command is shown to the user: program and arguments.
pub fn display(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program())
        .file_name()
        .unwrap_or(cmd.get_program())
        .to_string_lossy()
        .into_owned();
    std::iter::once(program)
        .chain(cmd.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs `cmd` with inherited stdio, echoing it first; fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result {
    let shown = display(cmd);
    println!("$ {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `cmd` as [`run`] does, in a process group of its own; if it has not ended
/// after `limit`, the whole group (the program and everything it started) is killed
/// and the run fails.
#[cfg(unix)]
pub fn run_limited(cmd: &mut Command, limit: std::time::Duration) -> Result {
    use std::os::unix::process::CommandExt;

    let shown = display(cmd);
    println!("$ {shown}");
    let mut child = cmd
        .process_group(0)
        .spawn()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("`{shown}`: {e}"))? {
            return if status.success() {
                Ok(())
            } else {
                Err(format!("`{shown}` failed ({status})"))
            };
        }
        if start.elapsed() > limit {
            // The group's id is the child's pid (process_group(0)).
            let group = format!("-{}", child.id());
            let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            let _ = child.wait();
            return Err(format!(
                "`{shown}` did not end within {} s: stopped",
                limit.as_secs()
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[cfg(not(unix))]
pub fn run_limited(cmd: &mut Command, _limit: std::time::Duration) -> Result {
    run(cmd)
}

/// Runs `cmd` quietly and returns its trimmed stdout if it exits 0; None if it
/// cannot be started or fails (used for "is this tool here, which version?").
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Finds `program` on PATH (an executable file), without running it.
pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_shows_program_name_and_args() {
        let mut cmd = Command::new("/usr/bin/cargo");
        cmd.args(["fmt", "--all", "--check"]);
        assert_eq!(display(&cmd), "cargo fmt --all --check");
    }

    #[test]
    fn repo_root_holds_the_workspace_manifest() {
        assert!(repo_root().join("Cargo.toml").is_file());
        assert!(repo_root().join("xtask").is_dir());
    }
}
