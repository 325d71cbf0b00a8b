//! The reference of the size and start-up figures: an empty Yew app (bench/empty-yew/:
//! one heading, and the `interactive` mark the app also sets), its own workspace,
//! built by Trunk in the same run as the app, with the same release profile and the
//! same wasm-opt level and options (both checked, here and by the tests below), into
//! target/bench/empty-yew/dist. It shares the app's target directory, so Yew and its
//! dependencies are compiled once for both.

use std::path::{Path, PathBuf};

use crate::cmd::{self, Result};

/// Where the reference app lives, from the repository root.
pub const DIR: &str = "bench/empty-yew";

/// Builds the reference app; returns its dist/. Refuses if its release profile or
/// wasm-opt level differs from the app's.
pub fn build(bench_dir: &Path) -> Result<PathBuf> {
    let root = cmd::repo_root();
    let read =
        |path: &str| std::fs::read_to_string(root.join(path)).map_err(|e| format!("{path}: {e}"));
    if release_profile(&read("Cargo.toml")?)
        != release_profile(&read(&format!("{DIR}/Cargo.toml"))?)
    {
        return Err(format!(
            "{DIR}/Cargo.toml's [profile.release] differs from the root Cargo.toml's"
        ));
    }
    if wasm_opt(&read("www/index.html")?) != wasm_opt(&read(&format!("{DIR}/index.html"))?) {
        return Err(format!(
            "{DIR}/index.html runs wasm-opt otherwise than www/index.html"
        ));
    }
    let dist = bench_dir.join("empty-yew").join("dist");
    cmd::run(
        cmd::command("trunk")
            .current_dir(cmd::repo_root().join(DIR))
            .env("CARGO_TARGET_DIR", super::target_dir())
            .args(["build", "--release", "--dist"])
            .arg(&dist),
    )?;
    Ok(dist)
}

/// The lines of a Cargo.toml's `[profile.release]` table, without comments and blanks.
pub fn release_profile(manifest: &str) -> Vec<String> {
    manifest
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .skip_while(|l| *l != "[profile.release]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// How the page's `<link data-trunk rel="rust">` runs wasm-opt: its `data-wasm-opt`
/// level and `data-wasm-opt-params` (each `None` when absent).
pub fn wasm_opt(index_html: &str) -> Option<(Option<String>, Option<String>)> {
    let start = index_html.find("<link data-trunk rel=\"rust\"")?;
    let link = &index_html[start..start + index_html[start..].find('>')?];
    let attr = |name: &str| {
        let key = format!("{name}=\"");
        let at = link.find(&key)? + key.len();
        let len = link[at..].find('"')?;
        Some(link[at..at + len].to_string())
    };
    Some((attr(" data-wasm-opt"), attr("data-wasm-opt-params")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> String {
        std::fs::read_to_string(cmd::repo_root().join(path)).unwrap()
    }

    #[test]
    fn the_reference_is_built_as_the_app_is() {
        let app = release_profile(&read("Cargo.toml"));
        assert!(app.contains(&"opt-level = \"z\"".to_string()), "{app:?}");
        assert_eq!(
            release_profile(&read(&format!("{DIR}/Cargo.toml"))),
            app,
            "{DIR}/Cargo.toml's [profile.release] must equal the root Cargo.toml's"
        );
        let app = wasm_opt(&read("www/index.html"));
        assert!(app.as_ref().is_some_and(|(level, _)| level.is_some()));
        assert_eq!(
            wasm_opt(&read(&format!("{DIR}/index.html"))),
            app,
            "{DIR}/index.html must run wasm-opt as www/index.html does"
        );
        // The same wasm-bindgen (Trunk takes its version from the lock file).
        let locked = |path: &str| crate::setup::locked_version(&read(path), "wasm-bindgen");
        assert_eq!(locked(&format!("{DIR}/Cargo.lock")), locked("Cargo.lock"));
    }

    #[test]
    fn profiles_and_levels_are_read() {
        let toml = "[package]\nname = \"x\"\n[profile.release]\n# size\nopt-level = \"z\" # small\nlto = true\n\n[profile.cli]\nopt-level = 3\n";
        assert_eq!(release_profile(toml), ["opt-level = \"z\"", "lto = true"]);
        assert_eq!(
            wasm_opt(
                r#"<link data-trunk rel="css" href="a.css"><link data-trunk rel="rust" data-wasm-opt="2" data-wasm-opt-params="--converge">"#
            ),
            Some((Some("2".into()), Some("--converge".into())))
        );
        assert_eq!(
            wasm_opt(r#"<link data-trunk rel="rust" data-wasm-opt="z">"#),
            Some((Some("z".into()), None))
        );
        assert_eq!(wasm_opt("<link rel=\"icon\">"), None);
    }
}
