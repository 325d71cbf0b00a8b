//! The reference of the size and start-up figures: an empty Yew app (bench/empty-yew/:
//! one heading, and the `interactive` mark the app also sets), its own workspace,
//! built by Trunk in the same run as the app, with the same release profile and the
//! same wasm-opt level and options (both checked, here and by the tests below), into
//! target/bench/empty-yew/dist. It shares the app's target directory, so Yew and its
//! dependencies are compiled once for both.
//!
//! A second reference comes from it, for the start-up figure: [`with_first_screen`],
//! the empty app's page holding the app's prerendered first screen and inline
//! stylesheet as static HTML (not hydrated). It shows what drawing the first screen
//! issue 15 asks to be in the HTML costs on its own, with none of the app's code.

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

/// Where the app's prerendered first screen starts in dist/index.html (crate::prerender).
const APP_ROOT: &str = "<div id=\"app\" data-zc-prerendered=";

/// The empty app's page with the app's first screen: the app's inline `<style>` at the
/// end of its head, the app's prerendered `<div id="app">` (renamed `first-screen`, so
/// nothing takes it for the app's root) at the start of its body, before the empty
/// `<div id="app">` the reference renders into, and the app's `lang`. An error names what is missing from either page.
pub fn first_screen_page(app_page: &str, reference_page: &str) -> Result<String> {
    let style_start = app_page
        .find("<style>")
        .ok_or("the app's dist/index.html has no inline <style>")?;
    let style_end = app_page[style_start..]
        .find("</style>")
        .map(|at| style_start + at + "</style>".len())
        .ok_or("the app's inline <style> is not closed")?;
    let screen_start = app_page
        .find(APP_ROOT)
        .ok_or("the app's dist/index.html has no prerendered <div id=\"app\">")?;
    let body_end = app_page
        .rfind("</body>")
        .ok_or("the app's page has no </body>")?;
    let screen_end = app_page[..body_end]
        .rfind("</div>")
        .filter(|end| *end > screen_start)
        .map(|end| end + "</div>".len())
        .ok_or("the app's prerendered <div id=\"app\"> is not closed")?;
    let screen = app_page[screen_start..screen_end].replacen(
        "<div id=\"app\"",
        "<div id=\"first-screen\"",
        1,
    );
    let lang = |page: &str| {
        let at = page.find("<html lang=\"")? + "<html lang=\"".len();
        Some(page[at..at + page[at..].find('"')?].to_string())
    };
    let (app_lang, reference_lang) = (
        lang(app_page).ok_or("the app's page has no <html lang>")?,
        lang(reference_page).ok_or("the reference's page has no <html lang>")?,
    );
    if reference_page.matches("</head>").count() != 1
        || reference_page.matches("<body>").count() != 1
    {
        return Err("the reference's page must hold </head> and <body> once".into());
    }
    if !reference_page.contains("<div id=\"app\"></div>") {
        // Yew empties the element it renders into: into <body>, it would take the screen.
        return Err("the reference's page has no <div id=\"app\"></div> to render into".into());
    }
    Ok(reference_page
        .replacen(
            &format!("<html lang=\"{reference_lang}\""),
            &format!("<html lang=\"{app_lang}\""),
            1,
        )
        .replacen(
            "</head>",
            &format!("{}</head>", &app_page[style_start..style_end]),
            1,
        )
        .replacen("<body>", &format!("<body>{screen}"), 1))
}

/// Writes the reference with the app's first screen ([`first_screen_page`]) into
/// `out`: the reference's files, its index.html replaced. Returns `out`.
pub fn with_first_screen(app_dist: &Path, reference_dist: &Path, out: &Path) -> Result<PathBuf> {
    let read =
        |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let page = first_screen_page(
        &read(&app_dist.join("index.html"))?,
        &read(&reference_dist.join("index.html"))?,
    )?;
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for entry in std::fs::read_dir(reference_dist)
        .map_err(|e| format!("{}: {e}", reference_dist.display()))?
    {
        let path = entry
            .map_err(|e| format!("{}: {e}", reference_dist.display()))?
            .path();
        if path.is_file() && path.file_name().is_some_and(|n| n != "index.html") {
            let to = out.join(path.file_name().unwrap_or_default());
            std::fs::copy(&path, &to)
                .map_err(|e| format!("{} → {}: {e}", path.display(), to.display()))?;
        }
    }
    let index = out.join("index.html");
    std::fs::write(&index, page).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(out.to_path_buf())
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
    fn the_first_screen_goes_into_the_empty_apps_page() {
        let app = "<!doctype html><html lang=\"zh-CN\"><head><style>.a{color:red}</style></head>\
                   <body><noscript>x</noscript><div id=\"app\" data-zc-prerendered=\"2\"><div class=\"a\"><p>职称</p></div></div>\n</body></html>";
        let reference = "<html lang=\"en\"><head><script type=\"module\">init()</script></head><body><div id=\"app\"></div></body></html>";
        assert_eq!(
            first_screen_page(app, reference).unwrap(),
            "<html lang=\"zh-CN\"><head><script type=\"module\">init()</script><style>.a{color:red}</style></head>\
             <body><div id=\"first-screen\" data-zc-prerendered=\"2\"><div class=\"a\"><p>职称</p></div></div><div id=\"app\"></div></body></html>"
        );
        let unstyled = app.replace("<style>.a{color:red}</style>", "");
        assert!(first_screen_page(&unstyled, reference)
            .unwrap_err()
            .contains("<style>"));
        let not_prerendered = app.replace(" data-zc-prerendered=\"2\"", "");
        assert!(first_screen_page(&not_prerendered, reference)
            .unwrap_err()
            .contains("prerendered"));
        assert!(first_screen_page(app, "<html><head></head><body></body></html>").is_err());
        let into_body = reference.replace("<div id=\"app\"></div>", "");
        assert!(first_screen_page(app, &into_body)
            .unwrap_err()
            .contains("render into"));
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
