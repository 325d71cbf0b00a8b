//! `cargo xtask bench firstscreen`: the prerendered first screen over a slow phone
//! network. `cargo xtask build` prerenders the header, the stepper and the first step
//! (with the notices) into dist/index.html, which the wasm hydrates; this suite
//! measures what that buys where it matters, on a slow connection, with the files
//! compressed as a real host serves them.
//!
//! tests/browser/bench/first-screen.mjs serves the app's dist/ and the empty Yew app's
//! ([`super::reference`]) with brotli at quality 11 (tests/browser/lib/server.mjs
//! with `brotli`), and loads each [`RUNS`] times, alternating, in headless
//! Chromium: 360×640, a fresh context per load (no HTTP cache, service workers
//! blocked), the CPU slowed 4× and the network emulated (CDP
//! `Network.emulateNetworkConditions`: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s
//! up). Per load, from navigation start: the first contentful paint, when the first
//! step's heading was first painted (see the script), when the last byte of the wasm
//! arrived (its resource timing entry's `responseEnd`) and the `interactive` mark.
//! Figures (medians):
//!
//! - the first step visible, within budget when it comes before the wasm has finished
//!   downloading: the median before the median, and each load before its own wasm;
//! - the first contentful paint and the time to interactive, each beside the empty Yew
//!   app's (no budget: the app's interactive still waits for its whole wasm).

use super::page::spread;
use super::{kb, median_f64, result_field, result_numbers, Bench, Figure};
use crate::cmd::Result;

/// Loads of each app.
pub const RUNS: usize = 7;
/// The script.
const SCRIPT: &str = "tests/browser/bench/first-screen.mjs";

/// What first-screen.mjs printed on its RESULT line (milliseconds from navigation
/// start, one per load).
#[derive(Debug, PartialEq)]
pub struct Loads {
    pub app_fcp: Vec<f64>,
    pub app_visible: Vec<f64>,
    pub app_wasm_end: Vec<f64>,
    pub app_interactive: Vec<f64>,
    /// Loads whose first step was shown to be in the first contentful paint (the rest
    /// were timed by polling).
    pub app_in_first_paint: usize,
    /// Whether the app's index.html holds the first step prerendered.
    pub prerendered: bool,
    pub reference_fcp: Vec<f64>,
    pub reference_wasm_end: Vec<f64>,
    pub reference_interactive: Vec<f64>,
}

/// The RESULT line of first-screen.mjs's `output`; an error names what is missing or
/// does not add up.
pub fn parse(output: &str) -> Result<Loads> {
    let list = |name: &str| result_numbers(output, SCRIPT, name);
    let count = |name: &str| {
        result_field(output, name)
            .and_then(|v| v.parse::<usize>().ok())
            .ok_or_else(|| format!("{SCRIPT} printed no {name}"))
    };
    let loads = Loads {
        app_fcp: list("app_fcp_ms")?,
        app_visible: list("app_visible_ms")?,
        app_wasm_end: list("app_wasm_end_ms")?,
        app_interactive: list("app_interactive_ms")?,
        app_in_first_paint: count("app_visible_in_first_paint")?,
        prerendered: count("app_heading_prerendered")? == 1,
        reference_fcp: list("reference_fcp_ms")?,
        reference_wasm_end: list("reference_wasm_end_ms")?,
        reference_interactive: list("reference_interactive_ms")?,
    };
    let n = loads.app_fcp.len();
    let lengths = [
        loads.app_visible.len(),
        loads.app_wasm_end.len(),
        loads.app_interactive.len(),
        loads.reference_fcp.len(),
        loads.reference_wasm_end.len(),
        loads.reference_interactive.len(),
    ];
    if lengths.iter().any(|&l| l != n) || loads.app_in_first_paint > n {
        return Err(format!("{SCRIPT} printed lists of different lengths"));
    }
    Ok(loads)
}

/// The verdict of "first step visible before the wasm has finished downloading": how
/// many loads showed it before their own wasm was in, and whether that holds of the
/// medians and of every load.
pub fn before_wasm(visible: &[f64], wasm_end: &[f64]) -> (usize, bool) {
    let each = visible.iter().zip(wasm_end).filter(|(v, w)| v < w).count();
    let medians = median_f64(visible.to_vec()) < median_f64(wasm_end.to_vec());
    (each, medians && each == visible.len())
}

/// The bytes a load was sent of one kind of file (`html`, `css`, `js`, `wasm`), if the
/// script printed them.
fn sent(output: &str, which: &str, kind: &str) -> Option<u64> {
    result_field(output, &format!("{which}_{kind}_sent_bytes"))?
        .parse()
        .ok()
}

pub fn run(b: &mut Bench) -> Result {
    let app = b.app_dist()?;
    let reference = b.reference_dist()?;
    let out = super::node(
        SCRIPT,
        &[
            app.into_os_string(),
            reference.into_os_string(),
            RUNS.to_string().into(),
        ],
    )?;
    let l = parse(&out)?;
    let n = l.app_fcp.len();
    let m = |xs: &Vec<f64>| median_f64(xs.clone());
    let (visible, wasm_end) = (m(&l.app_visible), m(&l.app_wasm_end));
    let (fcp, ref_fcp) = (m(&l.app_fcp), m(&l.reference_fcp));
    let (interactive, ref_interactive) = (m(&l.app_interactive), m(&l.reference_interactive));
    let (each, ok) = before_wasm(&l.app_visible, &l.app_wasm_end);
    let bytes = |which: &str| {
        ["html", "css", "js", "wasm"]
            .iter()
            .filter_map(|kind| sent(&out, which, kind).map(|b| format!("{kind} {}", kb(b))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let setting = format!(
        "medians of {n} loads each, alternating with the reference, in headless Chromium, \
         each in a fresh context (no HTTP cache, service workers blocked), 360×640, CPU \
         throttled 4× (CDP Emulation.setCPUThrottlingRate), network emulated with CDP \
         Network.emulateNetworkConditions (150 ms latency, 1.6 Mbit/s = 200,000 bytes/s \
         down, 750 kbit/s up), both apps served from 127.0.0.1 as a real host does: \
         `Content-Encoding: br` (brotli quality 11) for the HTML, CSS, JS and wasm, with \
         their Content-Type (tests/browser/lib/server.mjs with `brotli`; sent per load: \
         app {}; reference {}); times in ms from navigation start, read through CDP \
         Runtime.evaluate, no script injected into the page ({SCRIPT})",
        bytes("app"),
        bytes("reference")
    );
    let how_visible = if l.prerendered {
        format!(
            "the app's dist/index.html holds the first step prerendered (`#step-heading` in \
             `section[data-current-step=\"target\"]` inside `<div id=\"app\" \
             data-zc-prerendered>`). A load counts it visible at its first contentful paint \
             (the `first-contentful-paint` paint entry) when the whole HTML had been parsed \
             by then (the navigation entry's domInteractive ≤ that paint, so the heading was \
             in the DOM) and the first look after that paint, before the app was \
             interactive, found the heading rendered (checkVisibility, its box inside the \
             viewport); otherwise at the page's performance.now() of the first look (every \
             50 ms) that found it rendered. {} of {n} loads were counted at their first \
             paint",
            l.app_in_first_paint
        )
    } else {
        "the app's dist/index.html holds no prerendered first step: the heading \
         (`#step-heading` in `section[data-current-step=\"target\"]`) was timed at the \
         page's performance.now() of the first look (every 50 ms) that found it rendered \
         (checkVisibility, its box inside the viewport)"
            .to_string()
    };
    b.figures.push(Figure {
        name: "First step visible over a slow phone network".into(),
        value: format!(
            "{visible:.0} ms (the wasm in at {wasm_end:.0} ms; {each} of {n} loads before it)"
        ),
        budget: "before the wasm has finished downloading".into(),
        reference: format!("{ref_fcp:.0} ms (empty Yew app's first contentful paint)"),
        ratio: format!("{:.2}× the reference", visible / ref_fcp),
        ok: Some(ok),
        note: format!(
            "{setting}. The first step visible: {how_visible}. The wasm finished downloading: \
             the responseEnd of the .wasm's resource timing entry (app {}). Within budget \
             when the median first step visible comes before the median wasm's end and so \
             does every load ({each} of {n}). App {}; the reference, the empty Yew app, has \
             no first step: its first contentful paint (its only content, drawn by its wasm) \
             is given ({})",
            spread(&l.app_wasm_end, 0),
            spread(&l.app_visible, 0),
            spread(&l.reference_fcp, 0)
        ),
    });
    b.figures.push(Figure {
        name: "First contentful paint (slow network)".into(),
        value: format!("{fcp:.0} ms"),
        reference: format!("{ref_fcp:.0} ms (empty Yew app)"),
        ratio: format!("{:.2}×", fcp / ref_fcp),
        note: format!(
            "{setting}: the `first-contentful-paint` paint entry (app {}, reference {})",
            spread(&l.app_fcp, 0),
            spread(&l.reference_fcp, 0)
        ),
        ..Figure::default()
    });
    b.figures.push(Figure {
        name: "Interactive over a slow phone network".into(),
        value: format!("{interactive:.0} ms"),
        reference: format!("{ref_interactive:.0} ms (empty Yew app)"),
        ratio: format!("{:.2}×", interactive / ref_interactive),
        note: format!(
            "{setting}: the `interactive` performance mark each app sets once it has rendered \
             (the app: hydrated the prerendered page) with its event handlers (app {}, \
             reference {}); it waits for the whole wasm (app's in at {}, reference's at {}), \
             which the prerendered first screen does not make smaller or sooner \
             (informational, no budget)",
            spread(&l.app_interactive, 0),
            spread(&l.reference_interactive, 0),
            spread(&l.app_wasm_end, 0),
            spread(&l.reference_wasm_end, 0)
        ),
        ..Figure::default()
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT: &str = "run 1: …\n\
        RESULT app_fcp_ms=900.50,950,1000 app_visible_ms=900.50,950,1000 \
        app_wasm_end_ms=2400,2500,2600 app_interactive_ms=3000,3100,3200 \
        app_visible_in_first_paint=3 app_heading_prerendered=1 \
        reference_fcp_ms=800,820,840 reference_wasm_end_ms=700,720,740 \
        reference_interactive_ms=810,830,850 app_html_sent_bytes=20000 \
        app_wasm_sent_bytes=270000\n";

    #[test]
    fn the_result_line_is_read() {
        let l = parse(OUT).unwrap();
        assert_eq!(l.app_fcp, [900.5, 950.0, 1000.0]);
        assert_eq!(l.app_wasm_end, [2400.0, 2500.0, 2600.0]);
        assert_eq!(l.app_in_first_paint, 3);
        assert!(l.prerendered);
        assert_eq!(l.reference_interactive, [810.0, 830.0, 850.0]);
        assert_eq!(sent(OUT, "app", "wasm"), Some(270_000));
        assert_eq!(sent(OUT, "app", "css"), None);
        let short = OUT.replace("reference_fcp_ms=800,820,840", "reference_fcp_ms=800");
        assert!(parse(&short).is_err());
        let missing = OUT.replace("app_wasm_end_ms", "wasm_ms");
        assert!(parse(&missing).unwrap_err().contains("app_wasm_end_ms"));
        assert!(parse("no result").is_err());
    }

    #[test]
    fn the_first_step_must_come_before_the_wasm_in_every_load() {
        assert_eq!(before_wasm(&[900.0, 950.0], &[2400.0, 2500.0]), (2, true));
        // The medians hold, one load does not.
        assert_eq!(
            before_wasm(&[900.0, 950.0, 3000.0], &[2400.0, 2500.0, 2600.0]),
            (2, false)
        );
        // Shown when the wasm is in (not before it).
        assert_eq!(before_wasm(&[2400.0], &[2400.0]), (0, false));
    }
}
