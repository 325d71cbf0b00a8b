//! After `trunk build`: the files of dist/ that Trunk cannot write (run by
//! `cargo xtask build` and the test's wasm-build step, from the same dist/, so one
//! wasm build serves both):
//!
//! - `dist/offline.html`: the whole app in one file that works opened from `file://`
//!   with the network off. It is dist/index.html (its stylesheet inline already:
//!   crate::prerender) with its own CSP, and the wasm-bindgen glue, the wasm and every other file the app may
//!   open (the batch worker, the notices' text, the roster template) as inert payload
//!   blocks (`<script type="application/x-zhicheng-asset">`, gzip + base64) that the
//!   inline boot script (www/boot.js) prefers over fetching. Its CSP has no `'self'`:
//!   the boot script and the style by hash, the glue and the batch worker from `blob:`
//!   ([`offline_csp`]).
//! - `dist/sw.js`: www/sw.js with the build's id and the list of files to precache.
//!
//! The CSP hashes and base64 are `sha256.rs` (sha2, base64); gzip is zopfli, so the
//! payload is always compressed and a failure to compress fails the build.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::Result;
use crate::sha256::{base64, csp_hash};

/// The single-file build's name in dist/ (src/offline.rs links to it).
pub const OFFLINE_FILE: &str = "offline.html";
/// The service worker's name in dist/.
pub const SW_FILE: &str = "sw.js";
/// The type of an inert payload block (www/boot.js).
pub const PAYLOAD_TYPE: &str = "application/x-zhicheng-asset";
/// Files of dist/ the offline file leaves out: the page itself and the hosted page's
/// extras (service worker, install manifest and icons, the embedding demo).
const NOT_INLINE: &[&str] = &[
    "index.html",
    OFFLINE_FILE,
    SW_FILE,
    "manifest.webmanifest",
    "embed.html",
    "embed.js",
    "embed-demo.css",
    "embed-demo.js",
    "zhicheng.d.ts",
];

/// The CSP of the offline file: `boot` and `style` are the hash sources of its inline
/// boot script and stylesheet.
pub fn offline_csp(boot: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src {boot} blob: 'wasm-unsafe-eval'; worker-src blob:; \
         style-src {style}; img-src data: blob:; connect-src 'none'; base-uri 'none'; \
         form-action 'none'"
    )
}

/// What Trunk wrote: the page and the names of its files.
struct Built {
    html: String,
    /// dist/-relative names of the glue, the wasm and the stylesheet.
    glue: String,
    wasm: String,
    css: String,
}

/// Writes dist/offline.html and dist/sw.js from what `trunk build` left in `dist`.
pub fn finish(dist: &Path) -> Result {
    let built = read_built(dist)?;
    let files = dist_files(dist)?;
    write_service_worker(dist, &built, &files)?;
    let offline = offline_html(dist, &built, &files)?;
    let path = dist.join(OFFLINE_FILE);
    fs::write(&path, &offline).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "wrote dist/{OFFLINE_FILE} ({} KB) and dist/{SW_FILE}",
        offline.len() / 1024
    );
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    String::from_utf8(read(path)?).map_err(|e| format!("{}: not UTF-8: {e}", path.display()))
}

fn read_built(dist: &Path) -> Result<Built> {
    let html = read_text(&dist.join("index.html"))?;
    let tag = element(&html, "<script type=\"application/x-zhicheng\"")
        .ok_or("dist/index.html has no <script type=\"application/x-zhicheng\"> (Trunk.toml pattern_script)")?;
    let glue = attribute(tag, "data-zc-js").ok_or("the boot tag has no data-zc-js")?;
    let wasm = attribute(tag, "data-zc-wasm").ok_or("the boot tag has no data-zc-wasm")?;
    // Inlined by crate::prerender, which names the file on the boot tag.
    let css = attribute(tag, "data-zc-css")
        .ok_or("the boot tag has no data-zc-css (the stylesheet inlined by prerender.rs)")?;
    let local = |url: &str| url.trim_start_matches('/').to_string();
    Ok(Built {
        glue: local(glue),
        wasm: local(wasm),
        css: local(css),
        html,
    })
}

/// The first element of `html` starting with `start`, up to its `>`.
pub fn element<'a>(html: &'a str, start: &str) -> Option<&'a str> {
    let at = html.find(start)?;
    let end = html[at..].find('>')? + at + 1;
    Some(&html[at..end])
}

/// The value of `name="…"` in a start tag.
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// Every file under `dist`, as `/`-separated relative paths, sorted.
fn dist_files(dist: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result {
        let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out)?;
            } else {
                out.push(format!("{prefix}{name}"));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dist, "", &mut files)?;
    files.sort();
    Ok(files)
}

/// The build's id: the content hash Trunk put in the wasm's name.
fn build_id(built: &Built) -> String {
    let stem = built.wasm.trim_end_matches(".wasm").trim_end_matches("_bg");
    stem.rsplit('-').next().unwrap_or(stem).to_string()
}

fn write_service_worker(dist: &Path, built: &Built, files: &[String]) -> Result {
    let template_path = crate::cmd::repo_root().join("www").join(SW_FILE);
    let template = read_text(&template_path)?;
    let assets: Vec<String> = std::iter::once("./".to_string())
        .chain(
            files
                .iter()
                .filter(|f| !matches!(f.as_str(), OFFLINE_FILE | SW_FILE | "index.html"))
                .cloned(),
        )
        .map(|f| format!("{f:?}"))
        .collect();
    let sw = fill_service_worker(&template, &build_id(built), &assets.join(", "))?;
    let path = dist.join(SW_FILE);
    fs::write(&path, sw).map_err(|e| format!("{}: {e}", path.display()))
}

/// www/sw.js with its `// zc:build` and `// zc:assets` lines filled in.
fn fill_service_worker(template: &str, build: &str, assets: &str) -> Result<String> {
    let mut out = String::with_capacity(template.len() + assets.len());
    let mut filled = 0;
    for line in template.lines() {
        if line.ends_with("// zc:build") {
            out.push_str(&format!("const BUILD = {build:?}; // zc:build"));
            filled += 1;
        } else if line.ends_with("// zc:assets") {
            out.push_str(&format!("const ASSETS = [{assets}]; // zc:assets"));
            filled += 1;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if filled != 2 {
        return Err("www/sw.js must have one `// zc:build` and one `// zc:assets` line".into());
    }
    Ok(out)
}

/// The MIME type of a payload file, for its `blob:` URL.
fn mime(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "txt" | "md" => "text/plain;charset=utf-8",
        "csv" => "text/csv;charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Zopfli's passes over each payload: 5 take about a second for the wasm and make it
/// ≈ 5 % smaller than zlib's best level (≈ 19 KB, 26 KB once in base64); more passes
/// gain little.
const ZOPFLI_ITERATIONS: u64 = 5;

/// `bytes` compressed as gzip by zopfli (pure Rust: no system tool, so the offline
/// file is always compressed; an error is a build failure, never an uncompressed file
/// over its budget). The browser's DecompressionStream("gzip") reads it like any gzip.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(ZOPFLI_ITERATIONS).expect("not zero"),
        ..zopfli::Options::default()
    };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)
        .map_err(|e| format!("offline.html: cannot gzip a payload ({e}); nothing is written"))?;
    Ok(out)
}

/// One inert payload block.
fn payload_block(name: &str, bytes: &[u8]) -> Result<String> {
    Ok(format!(
        "<script type=\"{PAYLOAD_TYPE}\" data-zc-asset=\"{name}\" data-zc-type=\"{}\" \
         data-zc-encoding=\"gzip\">{}</script>\n",
        mime(name),
        base64(&gzip(bytes)?)
    ))
}

fn offline_html(dist: &Path, built: &Built, files: &[String]) -> Result<String> {
    let mut html = built.html.clone();

    // The stylesheet is inline already (crate::prerender); its text, for its hash.
    let css = read_text(&dist.join(&built.css))?;
    if !html.contains(&format!("<style>{css}</style>")) {
        return Err(format!(
            "dist/index.html does not hold {} inline",
            built.css
        ));
    }

    // No preloads (the files are inline), no service worker, no install manifest:
    // none of them works from a file.
    while let Some(link) = element(&html, "<link rel=\"preload\"") {
        html = html.replacen(&link.to_string(), "", 1);
    }
    if let Some(manifest) = element(&html, "<link rel=\"manifest\"") {
        html = html.replacen(&manifest.to_string(), "", 1);
    }
    let sw = attribute(
        element(&html, "<script type=\"application/x-zhicheng\"").ok_or("no boot tag")?,
        "data-zc-sw",
    )
    .map(|v| format!(" data-zc-sw=\"{v}\""));
    if let Some(sw) = sw {
        html = html.replacen(&sw, "", 1);
    }

    // The CSP: the inline boot script and style by hash.
    let boot = inline_module(&html).ok_or("dist/index.html has no inline boot script")?;
    let csp = offline_csp(&csp_hash(boot), &csp_hash(&css));
    let meta = element(&html, "<meta http-equiv=\"Content-Security-Policy\"")
        .ok_or("dist/index.html has no CSP <meta>")?
        .to_string();
    html = html.replacen(
        &meta,
        &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"),
        1,
    );

    // The payload, at the end of <body>.
    let mut payload = String::new();
    payload.push_str(&payload_block("glue", &read(&dist.join(&built.glue))?)?);
    payload.push_str(&payload_block("wasm", &read(&dist.join(&built.wasm))?)?);
    for file in files {
        let skip = NOT_INLINE.contains(&file.as_str())
            || file.starts_with("icons/")
            || [&built.glue, &built.wasm, &built.css].contains(&file);
        if !skip {
            payload.push_str(&payload_block(file, &read(&dist.join(file))?)?);
        }
    }
    let body_end = html
        .rfind("</body>")
        .ok_or("dist/index.html has no </body>")?;
    html.insert_str(body_end, &payload);
    Ok(html)
}

/// The text of the page's inline module script (the boot script).
pub fn inline_module(html: &str) -> Option<&str> {
    let open = "<script type=\"module\">";
    let start = html.find(open)? + open.len();
    let end = html[start..].find("</script>")? + start;
    Some(&html[start..end])
}

/// dist/ beside the repository root.
pub fn dist_dir() -> PathBuf {
    crate::cmd::repo_root().join("dist")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::repo_root;

    #[test]
    fn the_page_csp_allows_the_boot_script_by_its_hash() {
        let root = repo_root();
        let boot = read_text(&root.join("www/boot.js")).unwrap();
        let lower = boot.to_ascii_lowercase();
        for bad in ["</script", "<script", "<!--"] {
            assert!(
                !lower.contains(bad),
                "www/boot.js is inlined into a <script>: it must not contain {bad}"
            );
        }
        let index = read_text(&root.join("www/index.html")).unwrap();
        // The build minifies it (crate::minify, which refuses what could not go inline).
        let hash = csp_hash(&crate::minify::boot(&boot).unwrap());
        assert!(
            index.contains(&format!("script-src {hash} ")),
            "www/index.html's CSP must allow www/boot.js, minified by cargo xtask build \
             (xtask/src/minify.rs), by its hash: script-src {hash}"
        );
        assert!(!index.contains("unsafe-inline"));
    }

    #[test]
    fn the_page_csp_allows_the_inline_stylesheet_by_its_hash() {
        let root = repo_root();
        let css = crate::minify::css(&read_text(&root.join("www/styles.css")).unwrap());
        assert!(!css.to_ascii_lowercase().contains("</style"));
        let index = read_text(&root.join("www/index.html")).unwrap();
        let hash = csp_hash(&css);
        assert!(
            index.contains(&format!("style-src 'self' {hash};")),
            "www/index.html's CSP must allow www/styles.css, minified and inlined by cargo \
             xtask build (xtask/src/minify.rs, prerender.rs), by its hash: style-src 'self' {hash};"
        );
    }

    /// The `"…"` value given to `key` in deploy/nginx.conf's `map $uri $zc_csp`.
    fn deployed_csp<'a>(conf: &'a str, key: &str) -> Option<&'a str> {
        conf.lines().find_map(|line| {
            let value = line.trim().strip_prefix(key)?.trim().strip_prefix('"')?;
            value.strip_suffix("\";")
        })
    }

    /// The `content` of a page's CSP `<meta>`.
    fn meta_csp(html: &str) -> &str {
        let tag = element(html, "<meta http-equiv=\"Content-Security-Policy\"").unwrap();
        attribute(tag, "content").unwrap()
    }

    #[test]
    fn the_deployed_csp_headers_are_the_pages_own() {
        let root = repo_root();
        let conf = read_text(&root.join("deploy/nginx.conf")).unwrap();
        let boot = crate::minify::boot(&read_text(&root.join("www/boot.js")).unwrap()).unwrap();
        // Trunk copies the stylesheet, the build minifies it (crate::minify) and the
        // page and the offline file put it inline.
        let css = crate::minify::css(&read_text(&root.join("www/styles.css")).unwrap());
        let offline = offline_csp(&csp_hash(&boot), &csp_hash(&css));
        let index = read_text(&root.join("www/index.html")).unwrap();
        let embed = read_text(&root.join("www/embed.html")).unwrap();
        for (page, wanted) in [
            ("/index.html", meta_csp(&index)),
            ("/offline.html", offline.as_str()),
            ("/embed.html", meta_csp(&embed)),
        ] {
            assert_eq!(
                deployed_csp(&conf, page),
                Some(wanted),
                "deploy/nginx.conf must send {page} with its own CSP; write this line in \
                 its `map $uri $zc_csp`:\n    {page} \"{wanted}\";"
            );
        }
    }

    #[test]
    fn the_service_worker_template_is_filled_in() {
        let template = read_text(&repo_root().join("www/sw.js")).unwrap();
        let sw = fill_service_worker(&template, "0123abcd", "\"./\", \"a.js\"").unwrap();
        assert!(sw.contains("const BUILD = \"0123abcd\"; // zc:build"));
        assert!(sw.contains("const ASSETS = [\"./\", \"a.js\"]; // zc:assets"));
        assert!(fill_service_worker("nothing", "x", "y").is_err());
    }

    #[test]
    fn the_offline_csp_has_no_self_and_no_unsafe_inline() {
        let csp = offline_csp("'sha256-A'", "'sha256-B'");
        assert!(csp.starts_with("default-src 'none'; script-src 'sha256-A' blob: "));
        assert!(csp.contains("style-src 'sha256-B';"));
        assert!(!csp.contains("'self'") && !csp.contains("unsafe-inline"));
    }

    #[test]
    fn tags_and_attributes_are_found() {
        let html = r#"<head><script type="application/x-zhicheng" data-zc-js="/a-1.js" data-zc-wasm="/a-1_bg.wasm"></script>"#;
        let tag = element(html, "<script type=\"application/x-zhicheng\"").unwrap();
        assert_eq!(attribute(tag, "data-zc-js"), Some("/a-1.js"));
        assert_eq!(attribute(tag, "data-zc-wasm"), Some("/a-1_bg.wasm"));
        assert_eq!(attribute(tag, "src"), None);
        let built = Built {
            html: String::new(),
            glue: "zhicheng-app-768aa15024a3c731.js".into(),
            wasm: "zhicheng-app-768aa15024a3c731_bg.wasm".into(),
            css: String::new(),
        };
        assert_eq!(build_id(&built), "768aa15024a3c731");
    }

    #[test]
    fn payload_blocks_round_trip_through_gzip() {
        use base64::Engine as _;
        use std::io::Read as _;
        let text = "通知全文".repeat(50);
        let block = payload_block("sources/a.txt", text.as_bytes()).unwrap();
        assert!(block.starts_with(&format!("<script type=\"{PAYLOAD_TYPE}\" data-zc-asset=\"sources/a.txt\" data-zc-type=\"text/plain;charset=utf-8\" data-zc-encoding=\"gzip\">")));
        assert!(block.ends_with("</script>\n"));
        let data = &block[block.find('>').unwrap() + 1..block.rfind("</script>").unwrap()];
        let packed = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        assert!(packed.len() < text.len(), "compressed");
        let mut back = String::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
    }
}
