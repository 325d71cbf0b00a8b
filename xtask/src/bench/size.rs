//! `cargo xtask bench size`: what a first visit downloads, against its floor.
//!
//! - The transfer: the files the page fetches from navigation until it is interactive
//!   and the network has been quiet for a moment (tests/browser/bench/transfer.mjs
//!   records them in headless Chromium: index.html with the boot script inline, the
//!   wasm-bindgen glue, the wasm with the rule data compiled in, the stylesheet),
//!   each compressed with brotli at quality 11 (node's `zlib.brotliCompressSync`, as a
//!   static host would serve them), against the budget of 300 KB (issue 15's for the
//!   whole app, all its parts once; issue 7's 150 KB is now the first screen's) and against the
//!   empty Yew app built in the same run ([`super::reference`]). What the service
//!   worker precaches once the page is idle is listed too (no budget).
//! - The first screen's transfer: what the first step needs to be seen, now that
//!   `cargo xtask build` prerenders it into dist/index.html: that page, its stylesheet
//!   inline (and any it still links), brotli 11, against [`FIRST_SCREEN_BUDGET`] and beside the
//!   empty Yew app's whole first visit (which shows nothing before its wasm runs).
//!   The wasm and its glue, which the form needs to work, are not part of it; they
//!   are in the first visit above.
//! - `offline.html`, raw: at most 650 KB (issue 15).
//! - What the wasm is made of: its parts, each compressed alone ([`super::parts`]), and
//!   its largest items by `twiggy top`, both of wasm-opt's output with its names kept,
//!   into results.md. twiggy is installed here on first use
//!   (`cargo install twiggy --version 0.8.0 --locked`), not by `cargo xtask setup`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

use super::{file_size, kb, Bench, Figure};
use crate::cmd::{self, Result};

/// The whole first visit's budget, brotli, in bytes (1 KB = 1,000 bytes): issue 15's
/// for the whole app, all its parts once (everything fetched until the form is
/// interactive: the app has one wasm, so a first visit holds all of it).
pub const TRANSFER_BUDGET: u64 = 300_000;
/// The first screen's budget (the HTML with the prerendered first step, and its
/// stylesheet), brotli, in bytes: issue 15's (issue 7 had 150 KB for the whole visit).
pub const FIRST_SCREEN_BUDGET: u64 = 150_000;
/// The mark of dist/index.html's prerendered app root (xtask/src/prerender.rs).
pub const PRERENDERED_MARK: &str = "data-zc-prerendered";
/// The offline file's budget, raw, in bytes (issue 15).
pub const OFFLINE_BUDGET: u64 = 650_000;
/// twiggy, pinned; installed by the first `cargo xtask bench size`.
pub const TWIGGY_VERSION: &str = "0.8.0";
/// Items of `twiggy top` written into results.md.
pub const TOP_ITEMS: usize = 25;

/// One file as tests/browser/bench/transfer.mjs reports it.
#[derive(Debug, PartialEq)]
pub struct Transferred {
    /// `app`, `reference` (fetched on the first visit), `first-screen` (the app's
    /// index.html and the stylesheets it links) or `precache` (the app's service
    /// worker, once idle).
    pub group: String,
    pub path: String,
    pub raw: u64,
    pub brotli: u64,
}

/// The `FILE GROUP PATH RAW BROTLI` lines of transfer.mjs.
pub fn parse_transfer(output: &str) -> Vec<Transferred> {
    output
        .lines()
        .filter_map(|l| {
            let mut w = l.strip_prefix("FILE ")?.split_whitespace();
            Some(Transferred {
                group: w.next()?.to_string(),
                path: w.next()?.to_string(),
                raw: w.next()?.parse().ok()?,
                brotli: w.next()?.parse().ok()?,
            })
        })
        .collect()
}

/// What kind of file a path is, for the table.
fn kind(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "wasm" => "wasm (rule data compiled in)",
        "js" => "JS (wasm-bindgen glue)",
        "html" => "HTML (boot script inline)",
        "css" => "CSS",
        _ => "other",
    }
}

pub fn run(b: &mut Bench) -> Result {
    let app = b.app_dist()?;
    let reference = b.reference_dist()?;
    let out = super::node(
        "tests/browser/bench/transfer.mjs",
        &[app.clone().into_os_string(), reference.into_os_string()],
    )?;
    let files = parse_transfer(&out);
    let group = |g: &'static str| files.iter().filter(move |f| f.group == g);
    let total = |g: &'static str| group(g).map(|f| f.brotli).sum::<u64>();
    let (app_total, ref_total) = (total("app"), total("reference"));
    if app_total == 0 || ref_total == 0 {
        return Err("transfer.mjs reported no files".into());
    }
    let listed = |g: &'static str| {
        group(g)
            .map(|f| format!("`{}` {} ({} raw)", f.path, kb(f.brotli), kb(f.raw)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    b.figures.push(Figure {
        name: "Transfer size of a first visit (brotli)".into(),
        value: kb(app_total),
        budget: format!("≤ {}", kb(TRANSFER_BUDGET)),
        reference: format!("{} (empty Yew app)", kb(ref_total)),
        ratio: format!("{:.2}× the reference", app_total as f64 / ref_total as f64),
        ok: Some(app_total <= TRANSFER_BUDGET),
        note: format!(
            "every file headless Chromium fetched from navigation until the page was \
             interactive and the network quiet (tests/browser/bench/transfer.mjs), each \
             compressed with brotli at quality 11; the rule data is compiled into the wasm. \
             This is the whole app as a first visit needs it to work (the wasm included), \
             budget {} (issue 15: the whole app, all its parts once); the first screen alone is the figure below. App: {}. Reference, the empty Yew app of bench/empty-yew built in the same run \
             with the same release profile and wasm-opt level: {}. 1 KB = 1,000 bytes.",
            kb(TRANSFER_BUDGET),
            listed("app"),
            listed("reference")
        ),
    });
    // Each kind of file, against the reference's file of that kind.
    let mut kinds: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for f in group("app") {
        kinds.entry(kind(&f.path)).or_default().0 += f.brotli;
    }
    for f in group("reference") {
        kinds.entry(kind(&f.path)).or_default().1 += f.brotli;
    }
    for (what, (a, r)) in [
        "wasm (rule data compiled in)",
        "JS (wasm-bindgen glue)",
        "HTML (boot script inline)",
        "CSS",
        "other",
    ]
    .iter()
    .filter_map(|k| kinds.get(k).map(|v| (k, *v)))
    {
        b.figures.push(Figure {
            name: format!("· of which {what}"),
            value: kb(a),
            reference: if r > 0 { kb(r) } else { String::new() },
            ratio: if r > 0 {
                format!("{:.2}×", a as f64 / r as f64)
            } else {
                String::new()
            },
            ..Figure::default()
        });
    }
    let first_screen = total("first-screen");
    if first_screen == 0 {
        return Err("transfer.mjs reported no first-screen files".into());
    }
    let index = app.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let prerendered = html.contains(PRERENDERED_MARK);
    b.figures.push(Figure {
        name: "First screen transfer (what the first step needs to be seen: the HTML, its \
               stylesheet inline)"
            .into(),
        value: kb(first_screen),
        budget: format!("≤ {}", kb(FIRST_SCREEN_BUDGET)),
        reference: format!("{} (empty Yew app, its whole first visit)", kb(ref_total)),
        ratio: format!(
            "{:.2}× the reference",
            first_screen as f64 / ref_total as f64
        ),
        ok: Some(first_screen <= FIRST_SCREEN_BUDGET),
        note: format!(
            "dist/index.html, its stylesheet inline (xtask/src/prerender.rs), and any \
             stylesheet it still links (`rel=\"stylesheet\"`), each compressed with brotli at quality 11 (tests/browser/bench/transfer.mjs): {}. {} \
             The wasm and its glue, which the form needs to work (to be interactive), are \
             not part of this figure; they are counted in the first visit above. The \
             reference is the empty Yew app's whole first visit, as it shows nothing \
             before its wasm has run.",
            listed("first-screen"),
            if prerendered {
                "The page holds the first step prerendered by `cargo xtask build` (its \
                 header, stepper and first step with the notices), which the browser paints \
                 once this HTML is in."
            } else {
                "**This dist/index.html holds no prerendered first screen \
                 (`data-zc-prerendered`): there the first step needs the wasm too, so this \
                 figure is not what the first step needs.**"
            }
        ),
    });
    let precache: u64 = total("precache");
    b.figures.push(Figure {
        name: "Service worker precache, once the page is idle (brotli)".into(),
        value: kb(precache),
        note: format!(
            "the files of dist/sw.js's list not already fetched on the first visit, which the \
             service worker downloads in the background after it (not part of the budget): {}",
            listed("precache")
        ),
        ..Figure::default()
    });
    let offline = file_size(&app.join(crate::offline::OFFLINE_FILE))?;
    b.figures.push(Figure {
        name: "`offline.html` (raw)".into(),
        value: kb(offline),
        budget: format!("≤ {}", kb(OFFLINE_BUDGET)),
        ok: Some(offline <= OFFLINE_BUDGET),
        note: "dist/offline.html as `cargo xtask build` writes it: the whole app in one file \
               (wasm, glue, worker, notices' text: gzip + base64)"
            .into(),
        ..Figure::default()
    });
    contributors(b)
}

/// The wasm's parts ([`super::parts`]) and its largest items by twiggy, as sections of
/// results.md: both of wasm-opt's output with its names kept, so their sizes are of
/// what ships (before compression, for twiggy).
fn contributors(b: &mut Bench) -> Result {
    let bindgen = super::target_dir()
        .join("wasm-bindgen")
        .join("release")
        .join("zhicheng-app_bg.wasm");
    let shipped = std::fs::read_dir(crate::offline::dist_dir())
        .map_err(|e| format!("dist/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with("_bg.wasm"))
        .ok_or("dist/ holds no *_bg.wasm")?;
    let wasm = super::parts::run(b, &bindgen, &shipped)?;
    let twiggy = twiggy()?;
    let csv = cmd::output(
        Command::new(&twiggy)
            .args(["top", "-n", "1000000", "-f", "csv"])
            .arg(&wasm),
    )
    .ok_or_else(|| format!("`twiggy top {}` failed", wasm.display()))?;
    let items = parse_twiggy_csv(&csv);
    let total: u64 = items.iter().map(|(_, s)| s).sum();
    let mut section = format!(
        "## The wasm's largest items (twiggy {TWIGGY_VERSION})\n\n\
         `twiggy top` of {} ({}: wasm-opt's output with its names kept, as the parts \
         above; the names subsection is not shipped). A component's view that wasm-opt \
         inlines into Yew's generic `CompStateInner::view` is found under that \
         name.\n\n| bytes | share | item |\n|---|---|---|\n",
        wasm.strip_prefix(cmd::repo_root())
            .unwrap_or(&wasm)
            .display(),
        kb(total)
    );
    for (name, size) in items.iter().take(TOP_ITEMS) {
        let _ = writeln!(
            section,
            "| {size} | {:.1}% | `{}` |",
            100.0 * *size as f64 / total as f64,
            name.replace('|', "\\|")
        );
    }
    b.sections.push(section);
    Ok(())
}

/// twiggy on PATH in the pinned version, installed with cargo if it is not.
fn twiggy() -> Result<String> {
    let version = || cmd::output(Command::new("twiggy").arg("--version"));
    // `twiggy-opt 0.8.0`: the name is its command-line parser's.
    let pinned = || {
        version()
            .is_some_and(|v| v.starts_with("twiggy") && v.ends_with(&format!(" {TWIGGY_VERSION}")))
    };
    if !pinned() {
        println!("bench: installing twiggy {TWIGGY_VERSION} (once; `cargo install`)");
        cmd::run(cmd::cargo().args([
            "install",
            "twiggy",
            "--version",
            TWIGGY_VERSION,
            "--locked",
        ]))?;
        if !pinned() {
            return Err(format!(
                "installed twiggy {TWIGGY_VERSION}, but `twiggy --version` on PATH says {:?}",
                version()
            ));
        }
    }
    Ok("twiggy".into())
}

/// `(name, shallow bytes)` from `twiggy top -f csv`, largest first.
pub fn parse_twiggy_csv(csv: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    for line in csv.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent: the
        // name may be quoted and hold commas, the rest never does.
        let fields: Vec<&str> = line.rsplitn(5, ',').collect();
        if fields.len() < 5 {
            continue;
        }
        let name = fields[4];
        let name = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
            Some(quoted) => quoted.replace("\"\"", "\""),
            None => name.to_string(),
        };
        if let Ok(size) = fields[3].parse::<u64>() {
            if !name.starts_with('Σ') && !name.starts_with("...") {
                out.push((name, size));
            }
        }
    }
    out.sort_by_key(|item| std::cmp::Reverse(item.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_lines_are_read() {
        let out = "loading…\nFILE app index.html 10978 3926\nFILE reference x_bg.wasm 116375 42497\nFILE app bad\nFILE first-screen styles-1.css 30000 5900\n";
        let files = parse_transfer(out);
        assert_eq!(files.len(), 3);
        assert_eq!(files[2].group, "first-screen");
        assert_eq!(files[2].brotli, 5900);
        assert_eq!(
            files[0],
            Transferred {
                group: "app".into(),
                path: "index.html".into(),
                raw: 10978,
                brotli: 3926
            }
        );
        assert_eq!(
            kind("zhicheng-app-1_bg.wasm"),
            "wasm (rule data compiled in)"
        );
        assert_eq!(kind("styles-1.css"), "CSS");
    }

    #[test]
    fn twiggy_csv_is_read() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"\"\"function names\"\" subsection\",212669,19.0,,\n\
                   zhicheng_app::app::self_check::h1,17056,1.5,,\n\
                   \"<a, b as c>::d::h2\",100,0.1,,\n\
                   \"core::ptr::drop_in_place<yew::virtual_dom::VNode>::h3\",50,0.1,,\n\
                   Σ [3 Total Rows],1,1,,\n";
        let items = parse_twiggy_csv(csv);
        assert_eq!(items.len(), 4);
        assert_eq!(
            items[0],
            ("\"function names\" subsection".to_string(), 212_669)
        );
        assert_eq!(items[2].0, "<a, b as c>::d::h2");
    }
}
