//! Trunk's post-build hook (Trunk.toml, `cargo xtask prerender`), for `trunk build`
//! and `trunk serve` alike: the first screen prerendered into the page Trunk is about
//! to publish (dist/index.html), and styled there. The app's own binary, built natively, is the prerenderer (src/prerender.rs):
//! what it prints for `app` goes into `<div id="app">` (marked `data-zc-prerendered`
//! with its number of elements, for src/main.rs to hydrate), and what it prints for
//! `no-script` into the page's `<noscript>`. The stylesheet Trunk linked is put inline (`<style>`, allowed by its
//! hash in www/index.html's CSP), so the first screen paints once the page alone has
//! arrived; the boot tag names the file (`data-zc-css`) for www/embed.js's widgets,
//! which still load it. The wasm and its glue are preloaded from the head ([`preload`]).
//! Run before crate::offline, so the offline file starts from the same page.

use std::fs;
use std::path::Path;

use crate::cmd::{self, Result};
use crate::offline::{attribute, element};

/// The app's empty root in www/index.html.
const EMPTY_ROOT: &str = "<div id=\"app\"></div>";
/// Where the no-script section goes, inside the `<noscript>` of www/index.html.
const NO_SCRIPT_SLOT: &str = "<!-- zhicheng:no-script -->";

/// What the prerenderer prints for `part` (`app` or `no-script`).
fn prerendered(part: &str) -> Result<String> {
    let mut run = cmd::cargo();
    run.current_dir(cmd::repo_root()).args([
        "run",
        "--quiet",
        "--package",
        "zhicheng-app",
        "--",
        part,
    ]);
    println!("$ {}", cmd::display(&run));
    let out = run
        .output()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the prerenderer failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("the prerenderer printed non-UTF-8: {e}"))
}

/// The number of elements in prerendered HTML: its start tags (Yew escapes `<` in text;
/// an attribute holding `<` and a letter would make the count too high, and the page
/// would be drawn anew rather than hydrated, which tests/browser/hydration.test.mjs
/// would show). The root carries it, and src/main.rs hydrates only a root that
/// still holds that many: a page changed before the app started (a translator's
/// `<font>` around each text, an extension's additions) is drawn anew instead, since
/// Yew's hydration cannot take a page other than the one it drew.
pub fn elements(html: &str) -> usize {
    html.as_bytes()
        .windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count()
}

/// `html` with the two parts in their places; an error names a missing place.
pub fn fill(html: &str, app: &str, no_script: &str) -> Result<String> {
    if html.matches(EMPTY_ROOT).count() != 1 {
        return Err(format!("dist/index.html must hold `{EMPTY_ROOT}` once"));
    }
    if html.matches(NO_SCRIPT_SLOT).count() != 1 {
        return Err(format!("dist/index.html must hold `{NO_SCRIPT_SLOT}` once"));
    }
    Ok(html
        .replacen(
            EMPTY_ROOT,
            &format!(
                "<div id=\"app\" data-zc-prerendered=\"{}\">{app}</div>",
                elements(app)
            ),
            1,
        )
        .replacen(NO_SCRIPT_SLOT, no_script, 1))
}

/// The start of the boot tag Trunk writes (Trunk.toml pattern_script).
pub(crate) const BOOT_TAG: &str = "<script type=\"application/x-zhicheng\"";

/// `html` with its one stylesheet link replaced by `<style>` holding `read(href)`, and
/// the file named on the boot tag (`data-zc-css`).
pub fn inline_stylesheet(html: &str, read: impl Fn(&str) -> Result<String>) -> Result<String> {
    let link = element(html, "<link rel=\"stylesheet\"")
        .ok_or("dist/index.html has no <link rel=\"stylesheet\">")?;
    let href = attribute(link, "href").ok_or("the stylesheet link has no href")?;
    let css = read(href)?;
    if css.to_ascii_lowercase().contains("</style") {
        return Err(format!("{href}: contains </style, cannot be inlined"));
    }
    if !html.contains(BOOT_TAG) {
        return Err("dist/index.html has no boot tag (Trunk.toml pattern_script)".into());
    }
    let file = href.trim_start_matches('/');
    Ok(html
        .replacen(link, &format!("<style>{css}</style>"), 1)
        .replacen(BOOT_TAG, &format!("{BOOT_TAG} data-zc-css=\"{file}\""), 1))
}

/// Where the preload links go: right after this element of the page's head, before
/// the stylesheet, so the browser asks for the app's files with the page's first bytes.
const PRELOAD_AFTER: &str = "<meta name=\"referrer\"";

/// `html` with the wasm and its glue preloaded (`<link rel="preload" as="fetch">`, the
/// request www/boot.js's own `fetch` then takes over): their download starts while the
/// page is still arriving and its first screen is being drawn, not once the boot
/// script, a module, runs after the whole page is parsed. The offline file drops them
/// (crate::offline) and so does a page saved from the browser (www/boot.js).
pub fn preload(html: &str) -> Result<String> {
    let tag = element(html, BOOT_TAG).ok_or("dist/index.html has no boot tag")?;
    let glue = attribute(tag, "data-zc-js").ok_or("the boot tag has no data-zc-js")?;
    let wasm = attribute(tag, "data-zc-wasm").ok_or("the boot tag has no data-zc-wasm")?;
    let after = element(html, PRELOAD_AFTER)
        .ok_or("dist/index.html has no <meta name=\"referrer\"> to put the preloads after")?;
    let links = format!(
        "<link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\
         <link rel=\"preload\" href=\"{glue}\" as=\"fetch\" crossorigin=\"anonymous\">"
    );
    Ok(html.replacen(after, &format!("{after}{links}"), 1))
}

/// Prerenders into `dist`/index.html (Trunk's staging directory when Trunk runs it),
/// puts its stylesheet inline and preloads the app.
pub fn finish(dist: &Path) -> Result {
    let path = dist.join("index.html");
    let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (app, no_script) = (prerendered("app")?, prerendered("no-script")?);
    let filled = fill(&html, &app, &no_script)?;
    let filled = inline_stylesheet(&filled, |href| {
        let css = dist.join(href.trim_start_matches('/'));
        fs::read_to_string(&css).map_err(|e| format!("{}: {e}", css.display()))
    })?;
    let filled = preload(&filled)?;
    fs::write(&path, &filled).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "prerendered the first screen into {} ({} KB, no-script {} KB), its stylesheet inline",
        path.display(),
        app.len() / 1024,
        no_script.len() / 1024
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_parts_go_in_their_places_once() {
        let page = format!("<noscript>x{NO_SCRIPT_SLOT}</noscript>{EMPTY_ROOT}");
        assert_eq!(
            fill(&page, "<p>app</p>", "<p>n</p>").unwrap(),
            "<noscript>x<p>n</p></noscript><div id=\"app\" data-zc-prerendered=\"1\"><p>app</p></div>"
        );
        assert!(fill(EMPTY_ROOT, "", "").is_err(), "no slot");
        assert!(
            fill(&format!("{page}{EMPTY_ROOT}"), "", "").is_err(),
            "two roots"
        );
    }

    #[test]
    fn elements_are_counted_by_their_start_tags() {
        assert_eq!(
            elements("<!--<[App]>--><div class=\"a\"><p>x &lt;b</p><br></div><!--</[App]>-->"),
            3
        );
    }

    #[test]
    fn the_wasm_and_its_glue_are_preloaded_from_the_head() {
        let page = "<head><meta name=\"referrer\" content=\"no-referrer\"><style>x</style>\
                    <script type=\"application/x-zhicheng\" data-zc-js=\"/a.js\" data-zc-wasm=\"/a_bg.wasm\"></script>";
        let done = preload(page).unwrap();
        assert!(done.starts_with(
            "<head><meta name=\"referrer\" content=\"no-referrer\">\
             <link rel=\"preload\" href=\"/a_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\
             <link rel=\"preload\" href=\"/a.js\" as=\"fetch\" crossorigin=\"anonymous\"><style>"
        ), "{done}");
        assert!(preload("<head></head>").is_err());
    }

    #[test]
    fn the_stylesheet_goes_inline_and_the_boot_tag_names_it() {
        let page = "<head><link rel=\"stylesheet\" href=\"/styles-1.css\" integrity=\"x\"/></head>\
                    <script type=\"application/x-zhicheng\" data-zc-js=\"a.js\"></script>";
        let read = |href: &str| {
            assert_eq!(href, "/styles-1.css");
            Ok("body{margin:0}".to_string())
        };
        assert_eq!(
            inline_stylesheet(page, read).unwrap(),
            "<head><style>body{margin:0}</style></head>\
             <script type=\"application/x-zhicheng\" data-zc-css=\"styles-1.css\" data-zc-js=\"a.js\"></script>"
        );
        assert!(inline_stylesheet(page, |_| Ok("</style>".into())).is_err());
        assert!(inline_stylesheet("<p>", |_| Ok(String::new())).is_err());
    }
}
