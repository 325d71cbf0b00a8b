//! What the page ships, minified in Trunk's post-build hook (after crate::imports,
//! before crate::prerender): the wasm-bindgen glue and the inline boot script by
//! terser (package.json; ES modules, compressed, their names mangled), and the
//! stylesheet by [`css`] (comments and spare spaces out): ≈ 2.3, 1.7 and 1.3 KB once
//! compressed (docs/performance.md); and, once the first screen is prerendered, the
//! page's own comments ([`html_comments`], Yew's hydration markers kept): ≈ 0.7 KB.
//! www/boot.js, which turns the glue into a classic script for the offline file's
//! batch worker, reads the minified form (its `export`s mid-line). The page's CSP
//! allows the inline script and stylesheet by the hashes of [`boot`]'s and [`css`]'s
//! output (crate::offline's tests check www/index.html and deploy/nginx.conf).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::cmd::{self, Result};

/// terser, as package.json pins it and `cargo xtask setup` installs it.
fn terser() -> PathBuf {
    cmd::repo_root().join("node_modules/.bin/terser")
}

/// `text`, an ES module, minified by terser (compressed, its names mangled).
pub fn js(text: &str) -> Result<String> {
    let program = terser();
    let mut child = cmd::command(&program)
        .args(["--module", "--compress", "--mangle"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "could not start {} ({e}): run `cargo xtask setup`",
                program.display()
            )
        })?;
    let mut stdin = child.stdin.take().ok_or("terser's input was not piped")?;
    // terser reads all of its input before it writes: no deadlock on a full pipe.
    stdin
        .write_all(text.as_bytes())
        .map_err(|e| format!("terser: {e}"))?;
    drop(stdin);
    let out = child
        .wait_with_output()
        .map_err(|e| format!("terser: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "terser failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("terser printed non-UTF-8: {e}"))
}

/// Rewrites the file at `path` as `change` makes its text, saying what it did
/// (`done`) and the sizes before and after.
fn rewrite(path: &Path, done: &str, change: impl FnOnce(&str) -> Result<String>) -> Result {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let new = change(&text)?;
    std::fs::write(path, &new).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "{done} {} ({} KB, was {} KB)",
        path.display(),
        new.len() / 1000,
        text.len() / 1000
    );
    Ok(())
}

/// Minifies the glue of the app Trunk built into `dist`, in place.
pub fn glue_in(dist: &Path) -> Result {
    let (glue, _) = crate::imports::app_files(dist)?;
    rewrite(&glue, "minified", js)
}

/// What must never be in a script put inline in the page.
const NOT_INLINE: [&str; 3] = ["</script", "<script", "<!--"];

/// `boot`, www/boot.js, as the page holds it: minified, and refused if the result
/// could end or confuse the `<script>` it goes in.
pub fn boot(boot: &str) -> Result<String> {
    let small = js(boot)?;
    let lower = small.to_ascii_lowercase();
    match NOT_INLINE.iter().find(|bad| lower.contains(*bad)) {
        Some(bad) => Err(format!(
            "www/boot.js minified holds {bad}: it cannot go inline"
        )),
        None => Ok(small),
    }
}

/// Minifies the boot script Trunk put inline in `dist`/index.html, in place. The page's
/// CSP allows it by the hash of [`boot`]'s output (www/index.html; crate::offline's
/// tests check it).
pub fn boot_in(dist: &Path) -> Result {
    rewrite(
        &dist.join("index.html"),
        "minified the boot script in",
        |html| {
            let text = crate::offline::inline_module(html)
                .ok_or("dist/index.html has no inline boot script")?;
            Ok(html.replacen(text, &boot(text)?, 1))
        },
    )
}

/// How Yew's server-side rendering marks where a component starts and ends, which its
/// hydration reads back: comments that begin so are kept.
const YEW_MARKERS: [&str; 2] = ["<!--<[", "<!--</["];

/// `html` without its comments (www/index.html's notes for whoever edits it), but for
/// Yew's component markers. The page's inline script and stylesheet never hold `<!--`
/// ([`boot`], crate::prerender), so every `<!--` is a comment of the page's own.
pub fn html_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let end = rest[start..]
            .find("-->")
            .map_or(rest.len(), |e| start + e + "-->".len());
        let keep = YEW_MARKERS.iter().any(|m| rest[start..].starts_with(m));
        out.push_str(&rest[..if keep { end } else { start }]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Takes the page's own comments out of `dist`/index.html, once prerendered.
pub fn page_in(dist: &Path) -> Result {
    rewrite(
        &dist.join("index.html"),
        "took the comments out of",
        |html| Ok(html_comments(html)),
    )
}

/// Characters that need no space on either side in CSS: a space beside one is dropped.
const CSS_PUNCTUATION: &[u8] = b"{};,>";

/// `text`, a stylesheet, without its comments and the spaces it can do without: each
/// run of white space (or comment) becomes one space, none beside `{ } ; , >`, and no
/// `;` before a `}`. Strings are kept as they are; nothing else changes (a space before
/// `(` or around `+`, `-`, `:` and `~` is kept, where dropping it could change the
/// meaning: `and (`, `calc(1px + 2px)`, `a :hover`).
pub fn css(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii_whitespace() {
            space = true;
            at += 1;
            continue;
        }
        if bytes[at..].starts_with(b"/*") {
            space = true;
            at = text[at + 2..]
                .find("*/")
                .map_or(bytes.len(), |end| at + 2 + end + 2);
            continue;
        }
        let end = if b == b'"' || b == b'\'' {
            string_end(bytes, at)
        } else {
            at + 1
        };
        let after_punctuation = out.last().is_none_or(|p| CSS_PUNCTUATION.contains(p));
        if space && !after_punctuation && !CSS_PUNCTUATION.contains(&b) {
            out.push(b' ');
        }
        space = false;
        if b == b'}' && out.last() == Some(&b';') {
            out.pop();
        }
        out.extend_from_slice(&bytes[at..end]);
        at = end;
    }
    String::from_utf8(out).expect("only ASCII bytes were taken out")
}

/// Where the string starting with the quote at `start` ends (after its closing quote,
/// or at the end of the text).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b if b == quote => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// Minifies the stylesheet Trunk copied into `dist` (the one www/index.html links,
/// which crate::prerender then puts inline), in place.
pub fn stylesheet_in(dist: &Path) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let link = crate::offline::element(&html, "<link rel=\"stylesheet\"")
        .ok_or("dist/index.html has no <link rel=\"stylesheet\">")?;
    let href = crate::offline::attribute(link, "href").ok_or("the stylesheet link has no href")?;
    rewrite(
        &dist.join(href.trim_start_matches('/')),
        "minified",
        |text| Ok(css(text)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_comments_go_and_yews_markers_stay() {
        assert_eq!(
            html_comments(
                "<head><!-- a note\n over lines --><meta x></head><div><!--<[App]>--><p>1\
                 <!-- y --></p><!--</[App]>--></div><!-- never closed"
            ),
            "<head><meta x></head><div><!--<[App]>--><p>1</p><!--</[App]>--></div>"
        );
        assert_eq!(html_comments("<p>no comment</p>"), "<p>no comment</p>");
    }

    #[test]
    fn comments_and_spare_spaces_go() {
        assert_eq!(
            css("/* a */\n.a  .b > .c,\n.d {\n  color: red; /* x */\n  margin: 0 auto;\n}\n"),
            ".a .b>.c,.d{color: red;margin: 0 auto}"
        );
        assert_eq!(
            css("@media (min-width: 40em) and (max-width: 60em) {\n  .a { top: 1px }\n}"),
            "@media (min-width: 40em) and (max-width: 60em){.a{top: 1px}}"
        );
    }

    #[test]
    fn what_could_change_meaning_is_kept() {
        assert_eq!(
            css(".a :hover { width: calc(100% - 2px + 1em); }"),
            ".a :hover{width: calc(100% - 2px + 1em)}"
        );
        assert_eq!(css("a/**/b{}"), "a b{}", "a comment separates like a space");
        assert_eq!(css("a ~ b + c{}"), "a ~ b + c{}");
    }

    #[test]
    fn strings_are_kept_as_they_are() {
        assert_eq!(
            css(".a::before { content: \"▸  /* not a comment */ ;\" ; }"),
            ".a::before{content: \"▸  /* not a comment */ ;\"}"
        );
        assert_eq!(
            css(".a { content: 'it\\'s  ;}' }"),
            ".a{content: 'it\\'s  ;}'}"
        );
        assert_eq!(css("a{content:\"open"), "a{content:\"open");
    }

    #[test]
    fn the_apps_stylesheet_keeps_every_rule() {
        let source =
            std::fs::read_to_string(crate::cmd::repo_root().join("www/styles.css")).unwrap();
        let small = css(&source);
        assert!(
            small.len() < source.len() * 4 / 5,
            "{} of {}",
            small.len(),
            source.len()
        );
        let count = |t: &str, c: char| t.chars().filter(|x| *x == c).count();
        let without_comments = {
            let mut t = source.clone();
            while let Some(start) = t.find("/*") {
                let end = t[start..].find("*/").map_or(t.len(), |e| start + e + 2);
                t.replace_range(start..end, " ");
            }
            t
        };
        for c in ['{', '}', '(', ')', '"', ':'] {
            assert_eq!(count(&small, c), count(&without_comments, c), "{c}");
        }
        assert_eq!(css(&small), small, "minifying twice changes nothing");
    }
}
