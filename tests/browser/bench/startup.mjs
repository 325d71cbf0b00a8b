// The start-up benchmark (not a test): `cargo xtask bench startup` runs it.
//
//   node tests/browser/bench/startup.mjs APP_DIST REFERENCE_DIST [RUNS]
//   RESULT app_ms=A,B,… reference_ms=C,D,…
//
// Serves both directories on 127.0.0.1 and loads each RUNS times, alternately (so
// other work on the machine slows both alike), each time in a fresh browser context
// (no HTTP cache, no service worker, nothing stored) with a phone's viewport
// (360×640) and the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate). The figure
// is the time from navigation start to the page being interactive: the
// `performance.mark("interactive")` that the app sets in an effect after its first
// render (src/app.rs; the reference app does the same), at which point its DOM is in
// place with its event handlers. For the app it also checks that the first form
// field is then present and enabled.

import { launch, list, median, phonePage, serveDir, timeToInteractive } from "./lib.mjs";

const [appDir, referenceDir, runsArg = "7"] = process.argv.slice(2);
if (!appDir || !referenceDir) {
  console.error("usage: node tests/browser/bench/startup.mjs APP_DIST REFERENCE_DIST [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg);

/** The first field of the first step. */
const FIRST_FIELD = "#main :is(input, select, textarea)";

const servers = { app: await serveDir(appDir), reference: await serveDir(referenceDir) };
const browser = await launch();
try {
  const times = { app: [], reference: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const which of ["app", "reference"]) {
      const { context, page } = await phonePage(browser);
      const ms = await timeToInteractive(page, servers[which].url);
      if (which === "app") {
        const field = await page.$eval(FIRST_FIELD, (e) => ({ id: e.id, disabled: e.disabled }));
        if (field.disabled) throw new Error(`run ${i + 1}: the first field (#${field.id}) is disabled`);
      }
      if (page.errors.length) throw new Error(`run ${i + 1} (${which}): ${page.errors.join("; ")}`);
      times[which].push(ms);
      await context.close();
    }
    console.log(`run ${i + 1}: app ${times.app.at(-1).toFixed(0)} ms, reference ${times.reference.at(-1).toFixed(0)} ms`);
  }
  console.log(`medians: app ${median(times.app).toFixed(0)} ms, reference ${median(times.reference).toFixed(0)} ms`);
  console.log(`RESULT app_ms=${list(times.app)} reference_ms=${list(times.reference)}`);
} finally {
  await browser.close();
  await servers.app.close();
  await servers.reference.close();
}
