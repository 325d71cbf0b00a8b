// The browser-batch benchmark (not a test): `cargo xtask bench browser-batch` runs
// it. Serves dist/ as the browser tests do, opens the batch page in headless
// Chromium, chooses ROSTER (a generated roster) and times each run from the click on
// "start" to the results shown (the worker's checking, the rows sent back, the table
// drawn). Prints one line per run and a last line for the xtask to read:
//
//   node tests/browser/bench/batch.mjs ROSTER [RUNS [DIST]]
//   RESULT people=10000 bytes=… decode_ms=… runs_ms=812.3,790.1,…
//
// DIST: the built app (default $ZC_DIST, else dist/); CHROMIUM: the browser binary.

import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../lib/chromium.mjs";
import { serveDir } from "../lib/server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const [roster, runsArg = "5", dist = process.env.ZC_DIST ?? join(ROOT, "dist")] = process.argv.slice(2);
if (!roster) {
  console.error("usage: node tests/browser/bench/batch.mjs ROSTER [RUNS [DIST]]");
  process.exit(2);
}
const runs = Number(runsArg);

const server = await serveDir(dist);
const browser = await launchChromium();
try {
  const times = [];
  const decodes = [];
  let people = 0;
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(server.url);
    await page.locator("#app .site-header").waitFor({ timeout: 30_000 });
    await page.click('[data-page="batch"]');
    const chosen = Date.now();
    await page.setInputFiles("#batch-roster", roster);
    await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor({ timeout: 30_000 });
    decodes.push(Date.now() - chosen);
    // Timed in the page: from the click to the frame after the results are drawn.
    const result = await page.evaluate(
      () =>
        new Promise((done) => {
          const section = document.querySelector(".batch-page");
          const observer = new MutationObserver(() => {
            const state = section.dataset.batchState;
            if (state === "running") return;
            observer.disconnect();
            requestAnimationFrame(() => done({ state, ms: performance.now() - start }));
          });
          observer.observe(section, { attributes: true, attributeFilter: ["data-batch-state"] });
          const start = performance.now();
          document.getElementById("batch-start").click();
        }),
    );
    if (result.state !== "done") throw new Error(`run ${i + 1}: the batch ended as ${result.state}`);
    people = Number(await page.getAttribute(".batch-tally", "data-total"));
    if (errors.length) throw new Error(`run ${i + 1}: ${errors.join("; ")}`);
    times.push(result.ms);
    console.log(`run ${i + 1}: ${people} people in ${result.ms.toFixed(0)} ms (file read and decoded in ${decodes.at(-1)} ms)`);
    await context.close();
  }
  const { size } = await stat(roster);
  const decode = decodes.sort((a, b) => a - b)[Math.floor(decodes.length / 2)];
  console.log(`RESULT people=${people} bytes=${size} decode_ms=${decode} runs_ms=${times.map((t) => t.toFixed(1)).join(",")}`);
} finally {
  await browser.close();
  await server.close();
}
