//! The page in headless Chromium as a mid-range phone runs it (360×640, the CPU slowed
//! 4× with the DevTools protocol's `Emulation.setCPUThrottlingRate`, each load in a
//! fresh context: no HTTP cache, no service worker):
//!
//! - `startup`: from navigation start to the form being interactive, defined as the
//!   `interactive` performance mark the app sets in an effect after its first render
//!   (src/web.rs; its first form field is then checked present and enabled), against
//!   the empty Yew app, which sets the same mark, in the same run: at most 1.5× its
//!   figure. Beside it, the same time for the empty app's page holding the app's
//!   prerendered first screen as static HTML (super::reference::with_first_screen):
//!   what drawing the first screen costs with none of the app's code, so the table
//!   shows how much of the budget the screen alone takes. tests/browser/bench/startup.mjs
//!   loads the three in turn, [`STARTUP_RUNS`] loads each; medians.
//! - `afterstart`: the page's main thread in the [`AFTER_START_SECONDS`] after that mark,
//!   when the person starts typing (tests/browser/bench/after-start.mjs, a DevTools
//!   trace of [`AFTER_START_RUNS`] loads): its longest task, at most
//!   [`LONG_TASK_MS`] (longer is a long task, in which input waits), and the total
//!   blocking time.
//! - `reeval`: from an `input` event in a CE hours cell to the verdict banner's status
//!   changed in the DOM (tests/browser/bench/reeval.mjs, timed in the page with
//!   `performance.now()`), [`REEVAL_CHANGES`] changes that each turn the verdict;
//!   median: at most 8 ms.

use super::{median_f64, result_numbers, Bench, Figure};
use crate::cmd::Result;

/// Loads of each app (at least 7).
pub const STARTUP_RUNS: usize = 11;
/// The start-up budget: this many times the empty Yew app's figure.
pub const STARTUP_BUDGET_RATIO: f64 = 1.5;
/// Loads traced for the after-start figure.
pub const AFTER_START_RUNS: usize = 5;
/// How long after the `interactive` mark the after-start figure looks.
pub const AFTER_START_SECONDS: usize = 4;
/// A task longer than this is a long task (the W3C Long Tasks API's threshold).
pub const LONG_TASK_MS: f64 = 50.0;
/// Timed changes of the re-evaluation figure.
pub const REEVAL_CHANGES: usize = 60;
/// The re-evaluation budget, in milliseconds.
pub const REEVAL_BUDGET_MS: f64 = 8.0;

/// `a–b ms` for a list of milliseconds, with `decimals`.
pub fn spread(xs: &[f64], decimals: usize) -> String {
    let lo = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.decimals$}–{hi:.decimals$} ms")
}

pub fn startup(b: &mut Bench) -> Result {
    let app = b.app_dist()?;
    let reference = b.reference_dist()?;
    let screen = super::reference::with_first_screen(
        &app,
        &reference,
        &b.dir.join("empty-yew").join("first-screen"),
    )?;
    let out = super::node(
        "tests/browser/bench/startup.mjs",
        &[
            app.into_os_string(),
            reference.into_os_string(),
            screen.into_os_string(),
            STARTUP_RUNS.to_string().into(),
        ],
    )?;
    let read = |name| result_numbers(&out, "startup.mjs", name);
    let (app_ms, ref_ms, screen_ms) = (read("app_ms")?, read("reference_ms")?, read("screen_ms")?);
    let (a, r, s) = (
        median_f64(app_ms.clone()),
        median_f64(ref_ms.clone()),
        median_f64(screen_ms.clone()),
    );
    let ratio = a / r;
    b.figures.push(Figure {
        name: "Start-up to an interactive form (360×640, 4× CPU)".into(),
        value: format!("{a:.0} ms"),
        budget: format!(
            "≤ {STARTUP_BUDGET_RATIO}× the reference ({:.0} ms)",
            STARTUP_BUDGET_RATIO * r
        ),
        reference: format!("{r:.0} ms (empty Yew app)"),
        ratio: format!("{ratio:.2}×"),
        ok: Some(ratio <= STARTUP_BUDGET_RATIO),
        note: format!(
            "medians of {} loads each, alternating with the reference (app {}, reference {}), \
             in headless Chromium, each in a fresh context (no HTTP cache, no service worker), \
             360×640, CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), served from \
             127.0.0.1 (no network throttling): from navigation start to the \
             `interactive` performance mark each app sets in an effect after its first \
             render, its DOM and event handlers in place (the app's first form field is \
             checked present and enabled then); read through CDP, not by script in the page \
             (tests/browser/bench/startup.mjs). Against the figure below (the empty app \
             with the first screen), the app takes {:.2}×",
            app_ms.len(),
            spread(&app_ms, 0),
            spread(&ref_ms, 0),
            a / s
        ),
    });
    b.figures.push(Figure {
        name: "Start-up of the empty Yew app with the app's first screen, static (360×640, 4× CPU)"
            .into(),
        value: format!("{s:.0} ms"),
        reference: format!("{r:.0} ms (empty Yew app)"),
        ratio: format!("{:.2}×", s / r),
        note: format!(
            "what drawing the first screen costs with none of the app's code, measured as the \
             figure above in the same loop (app, empty app, this page in turn; {} loads, {}): \
             the empty Yew app's page with the app's prerendered first screen (its \
             `<div id=\"app\">` as dist/index.html has it, renamed, not hydrated) and inline \
             stylesheet put in, and the app's `lang` (xtask/src/bench/reference.rs \
             with_first_screen); to its `interactive` mark. No budget: it shows how much of \
             the start-up budget (the ratio above) the first screen the issue asks to be in \
             the HTML takes on its own",
            screen_ms.len(),
            spread(&screen_ms, 0)
        ),
        ..Figure::default()
    });
    Ok(())
}

pub fn after_start(b: &mut Bench) -> Result {
    let app = b.app_dist()?;
    let out = super::node(
        "tests/browser/bench/after-start.mjs",
        &[
            app.into_os_string(),
            AFTER_START_RUNS.to_string().into(),
            AFTER_START_SECONDS.to_string().into(),
        ],
    )?;
    let read = |name| result_numbers(&out, "after-start.mjs", name);
    let (longest, blocking) = (read("longest_ms")?, read("blocking_ms")?);
    let (l, t) = (median_f64(longest.clone()), median_f64(blocking.clone()));
    b.figures.push(Figure {
        name: format!(
            "Longest task in the {AFTER_START_SECONDS} s after interactive (360×640, 4× CPU)"
        ),
        value: format!("{l:.0} ms (total blocking {t:.0} ms)"),
        budget: format!("≤ {LONG_TASK_MS:.0} ms (no long task)"),
        ok: Some(l <= LONG_TASK_MS),
        note: format!(
            "medians of {} loads ({}; total blocking time {}) in headless Chromium, each in a \
             fresh context, 360×640, CPU throttled 4×, served from 127.0.0.1: a DevTools \
             trace from navigation to {AFTER_START_SECONDS} s after the `interactive` mark; \
             of the page's main-thread tasks that start after the mark, the longest, and the \
             total blocking time (the sum of what each task takes over {LONG_TASK_MS:.0} ms: \
             how long a tap or a key could wait). The work then is the boot script's: the \
             service worker registered, and the glue and the wasm kept in the page for \
             \"Save page as…\" (gzip and base64 of ≈ 0.9 MB, done in slices of 64 KB; at \
             once, it was one task of ≈ 180 ms); each load checks that the page then holds \
             them (tests/browser/bench/after-start.mjs). No issue sets this budget: a task \
             over {LONG_TASK_MS:.0} ms is a long task in the W3C Long Tasks API's sense",
            longest.len(),
            spread(&longest, 0),
            spread(&blocking, 0)
        ),
        ..Figure::default()
    });
    Ok(())
}

pub fn reeval(b: &mut Bench) -> Result {
    let app = b.app_dist()?;
    let out = super::node(
        "tests/browser/bench/reeval.mjs",
        &[app.into_os_string(), REEVAL_CHANGES.to_string().into()],
    )?;
    let runs = result_numbers(&out, "reeval.mjs", "runs_ms")?;
    let m = median_f64(runs.clone());
    b.figures.push(Figure {
        name: "Re-evaluation on input (4× CPU)".into(),
        value: format!("{m:.1} ms"),
        budget: format!("≤ {REEVAL_BUDGET_MS} ms"),
        ok: Some(m <= REEVAL_BUDGET_MS),
        note: format!(
            "median of {} changes ({}) in headless Chromium, 360×640, CPU throttled 4×: the \
             shared example liandu_2024_professional_hours_short opened as a share link, on \
             the CE step, the 2024 professional hours set alternately to 70 and 58 (each \
             turns the verdict: eligible, not eligible); from just before the `input` event \
             is dispatched to the banner's `data-verdict-status` changed in the DOM (a \
             MutationObserver), timed in the page with performance.now(): the form's \
             reducer, the engine's evaluation, the views and Yew's DOM update, not the paint \
             (tests/browser/bench/reeval.mjs)",
            runs.len(),
            spread(&runs, 1)
        ),
        ..Figure::default()
    });
    Ok(())
}
