// The start-up benchmark (not a test): `cargo xtask bench startup` runs it.
//
//   node tests/browser/bench/startup.mjs APP_DIST REFERENCE_DIST SCREEN_DIST [RUNS]
//   RESULT app_ms=A,B,… reference_ms=C,D,… screen_ms=E,F,…
//
// SCREEN_DIST is the reference with the app's first screen as static HTML
// (xtask/src/bench/reference.rs with_first_screen): what drawing that screen costs
// with none of the app's code.
//
// Serves the three directories on 127.0.0.1 and loads each RUNS times, in turn (so
// other work on the machine slows them alike), each time in a fresh browser context
// (no HTTP cache, no service worker, nothing stored) with a phone's viewport
// (360×640) and the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate). The figure
// is the time from navigation start to the page being interactive: the
// `performance.mark("interactive")` that the app sets in an effect after its first
// render (src/app.rs; the reference app does the same), at which point its DOM is in
// place with its event handlers. For the app it also checks that the first form
// field is then present and enabled.

import { launch, list, median, phonePage, serveDir, timeToInteractive } from "./lib.mjs";

const [appDir, referenceDir, screenDir, runsArg = "7"] = process.argv.slice(2);
if (!appDir || !referenceDir || !screenDir) {
  console.error("usage: node tests/browser/bench/startup.mjs APP_DIST REFERENCE_DIST SCREEN_DIST [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg);

/** The first field of the first step. */
const FIRST_FIELD = "#main :is(input, select, textarea)";

const servers = {
  app: await serveDir(appDir),
  reference: await serveDir(referenceDir),
  screen: await serveDir(screenDir),
};
const browser = await launch();
try {
  const times = { app: [], reference: [], screen: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const which of ["app", "reference", "screen"]) {
      const { context, page } = await phonePage(browser);
      const ms = await timeToInteractive(page, servers[which].url);
      if (which === "screen" && !(await page.$("#first-screen #step-heading"))) {
        throw new Error(`run ${i + 1}: the reference with the first screen does not show it`);
      }
      if (which === "app") {
        const field = await page.$eval(FIRST_FIELD, (e) => ({ id: e.id, disabled: e.disabled }));
        if (field.disabled) throw new Error(`run ${i + 1}: the first field (#${field.id}) is disabled`);
      }
      if (page.errors.length) throw new Error(`run ${i + 1} (${which}): ${page.errors.join("; ")}`);
      times[which].push(ms);
      await context.close();
    }
    const last = (which) => times[which].at(-1).toFixed(0);
    console.log(`run ${i + 1}: app ${last("app")} ms, reference ${last("reference")} ms, reference with the first screen ${last("screen")} ms`);
  }
  const mid = (which) => median(times[which]).toFixed(0);
  console.log(`medians: app ${mid("app")} ms, reference ${mid("reference")} ms, reference with the first screen ${mid("screen")} ms`);
  console.log(`RESULT app_ms=${list(times.app)} reference_ms=${list(times.reference)} screen_ms=${list(times.screen)}`);
} finally {
  await browser.close();
  for (const server of Object.values(servers)) await server.close();
}
