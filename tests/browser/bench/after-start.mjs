// The after-start benchmark (not a test): `cargo xtask bench afterstart` runs it.
//
//   node tests/browser/bench/after-start.mjs APP_DIST [RUNS] [SECONDS]
//   RESULT longest_ms=A,B,… blocking_ms=C,D,…
//
// What the page does on its main thread once the form is interactive, when the person
// starts typing: the boot script's idle work (the service worker registered, the
// glue and the wasm kept in the page for "Save page as…", gzip and base64 of ≈ 0.9 MB)
// and whatever else runs then. Loads the app RUNS times, each in a fresh browser
// context as startup.mjs does (360×640, the CPU slowed 4×, no HTTP cache, service
// workers blocked), records a DevTools trace from navigation to SECONDS after the
// `interactive` mark and reads, among the tasks of the page's main thread
// (CrRendererMain) that start after the mark:
// - longest: the longest task, in ms;
// - blocking: the total blocking time, the sum over tasks of what exceeds 50 ms (a
//   long task in the W3C Long Tasks API's sense): how long input could wait.
// It also checks that the page then holds its payload (boot.js `kept`), so the work
// measured is the work done.

import { launch, list, median, phonePage, serveDir, timeToInteractive, INTERACTIVE_MARK } from "./lib.mjs";

const [appDir, runsArg = "5", secondsArg = "4"] = process.argv.slice(2);
if (!appDir) {
  console.error("usage: node tests/browser/bench/after-start.mjs APP_DIST [RUNS] [SECONDS]");
  process.exit(2);
}
const runs = Number(runsArg);
const seconds = Number(secondsArg);
/** A task longer than this is a long task (W3C Long Tasks API). */
const LONG_TASK_MS = 50;

/** The trace's events until Tracing.end. */
async function traced(cdp, during) {
  const events = [];
  const collect = (d) => events.push(...d.value);
  cdp.on("Tracing.dataCollected", collect);
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    categories: "disabled-by-default-devtools.timeline,blink.user_timing",
    transferMode: "ReportEvents",
  });
  await during();
  await cdp.send("Tracing.end");
  await complete;
  cdp.off("Tracing.dataCollected", collect);
  return events;
}

/** The main thread's tasks that start after the mark, as durations in ms. */
function tasksAfterMark(events) {
  const mark = events.find((e) => e.name === INTERACTIVE_MARK && e.cat?.includes("blink.user_timing"));
  if (!mark) throw new Error(`the trace holds no "${INTERACTIVE_MARK}" mark`);
  const thread = `${mark.pid}:${mark.tid}`;
  return events
    .filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === "X" && e.name === "RunTask" && e.ts >= mark.ts)
    .map((e) => (e.dur ?? 0) / 1000);
}

const server = await serveDir(appDir);
const browser = await launch();
try {
  const longest = [];
  const blocking = [];
  for (let i = 0; i < runs; i += 1) {
    const { context, page, cdp } = await phonePage(browser);
    const events = await traced(cdp, async () => {
      await timeToInteractive(page, server.url);
      await page.waitForTimeout(seconds * 1000);
    });
    const kept = await page.evaluate(() =>
      Promise.race([globalThis.zhichengBoot?.kept.then(() => true), new Promise((r) => setTimeout(() => r(false), 1))]),
    );
    if (!kept) throw new Error(`run ${i + 1}: the page had not kept its payload ${seconds} s after start`);
    if (page.errors.length) throw new Error(`run ${i + 1}: ${page.errors.join("; ")}`);
    const tasks = tasksAfterMark(events);
    longest.push(Math.max(0, ...tasks));
    blocking.push(tasks.reduce((sum, ms) => sum + Math.max(0, ms - LONG_TASK_MS), 0));
    console.log(`run ${i + 1}: longest task ${longest.at(-1).toFixed(1)} ms, blocking ${blocking.at(-1).toFixed(1)} ms (${tasks.length} tasks)`);
    await context.close();
  }
  console.log(`medians: longest ${median(longest).toFixed(1)} ms, blocking ${median(blocking).toFixed(1)} ms`);
  console.log(`RESULT longest_ms=${list(longest)} blocking_ms=${list(blocking)}`);
} finally {
  await browser.close();
  await server.close();
}
