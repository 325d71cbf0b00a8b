// The re-evaluation benchmark (not a test): `cargo xtask bench reeval` runs it.
//
//   node tests/browser/bench/reeval.mjs DIST [CHANGES]
//   RESULT runs_ms=A,B,… status=eligible,not_eligible
//
// Opens the app of DIST (served on 127.0.0.1) with the shared example
// liandu_2024_professional_hours_short as a share link, on a phone (360×640) with the
// CPU slowed 4×, goes to the CE step, and then CHANGES times sets the 2024
// professional hours cell (#f-ce-2024-professional-offline) alternately to 70 and
// 58, each a change that turns the verdict (eligible ⇄ not eligible). Each is timed
// in the page with performance.now(): from just before the `input` event is
// dispatched (what typing a key does) to the verdict shown having changed in the DOM
// (a MutationObserver: the engine's evaluation, the new view and Yew's DOM update; not
// the paint after it). The verdict shown is the first visible of the result panel's
// banner (`data-verdict-status`; beside the form on wide screens) and the live strip
// above the step (`data-live-status`; on a phone, where the panel is drawn on the
// result step only).

import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { launch, list, median, phonePage, serveDir, timeToInteractive } from "./lib.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const EXAMPLE = "liandu_2024_professional_hours_short";
const CELL = "#f-ce-2024-professional-offline";
const VALUES = [
  ["70", "eligible"],
  ["58", "not_eligible"],
];

/** The status of the verdict shown (see above); run in the page. */
function shownStatus() {
  for (const el of document.querySelectorAll("[data-verdict-status], [data-live-status]")) {
    if (el.offsetParent !== null) return el.dataset.verdictStatus ?? el.dataset.liveStatus;
  }
  return null;
}

const [dist, changesArg = "40"] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node tests/browser/bench/reeval.mjs DIST [CHANGES]");
  process.exit(2);
}
const changes = Number(changesArg);

const profile = await readFile(join(ROOT, "tests", "examples", `${EXAMPLE}.profile.json`));
const link = `#profile=${Buffer.from(JSON.stringify(JSON.parse(profile))).toString("base64url")}`;

const server = await serveDir(dist);
const browser = await launch();
try {
  const { context, page } = await phonePage(browser);
  await timeToInteractive(page, server.url + link);
  await page.click('.stepper [data-step="ce"]');
  await page.locator(CELL).waitFor();
  const start = await page.evaluate(shownStatus);
  if (start !== "not_eligible") throw new Error(`the example opened as ${start}, not not_eligible`);
  const times = [];
  const seen = new Set();
  for (let i = 0; i < changes; i += 1) {
    const [value, expected] = VALUES[i % 2];
    const { ms, status } = await page.evaluate(
      ([selector, value]) =>
        new Promise((done) => {
          // The element showing the verdict, found before the change (shownStatus,
          // again: a function cannot be passed into the page); read after it without
          // asking for layout, which would add a layout to the time measured.
          const el = [...document.querySelectorAll("[data-verdict-status], [data-live-status]")].find(
            (e) => e.offsetParent !== null,
          );
          const shown = () => el?.dataset.verdictStatus ?? el?.dataset.liveStatus;
          const input = document.querySelector(selector);
          const before = shown();
          const observer = new MutationObserver(() => {
            const now = shown();
            if (now && now !== before) {
              const ms = performance.now() - t0;
              observer.disconnect();
              done({ ms, status: now });
            }
          });
          observer.observe(document.getElementById("app"), {
            subtree: true,
            childList: true,
            attributes: true,
            attributeFilter: ["data-verdict-status", "data-live-status"],
          });
          // A change that never shows is reported rather than waited for.
          setTimeout(() => {
            observer.disconnect();
            done({ ms: NaN, status: shown() });
          }, 10_000);
          input.value = value;
          const t0 = performance.now();
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      [CELL, value],
    );
    if (status !== expected) throw new Error(`change ${i + 1}: ${value} hours gave ${status}, not ${expected}`);
    seen.add(status);
    times.push(ms);
    // Let the page settle (paint, effects) before the next change, as between keys.
    await page.waitForTimeout(50);
  }
  if (page.errors.length) throw new Error(page.errors.join("; "));
  await context.close();
  console.log(`${changes} changes: median ${median(times).toFixed(2)} ms (${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} ms)`);
  console.log(`RESULT runs_ms=${list(times)} status=${[...seen].join(",")}`);
} finally {
  await browser.close();
  await server.close();
}
