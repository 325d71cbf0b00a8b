// The first-screen benchmark (not a test): `cargo xtask bench firstscreen` runs it.
//
//   node tests/browser/bench/first-screen.mjs APP_DIST REFERENCE_DIST [RUNS]
//   RESULT app_fcp_ms=A,B,… app_visible_ms=… app_wasm_end_ms=… app_interactive_ms=…
//          reference_fcp_ms=… reference_wasm_end_ms=… reference_interactive_ms=… …
//
// Serves both directories as a real host does (lib/server.mjs with `brotli`: brotli 11
// for the HTML, CSS, JS and wasm, the right Content-Type) and loads each RUNS times,
// alternately, each in a fresh browser context (no HTTP cache, service workers
// blocked) as a phone on a slow network sees it: 360×640, the CPU slowed 4× (CDP
// Emulation.setCPUThrottlingRate) and the network emulated with CDP
// Network.emulateNetworkConditions (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up;
// lib.mjs SLOW_PHONE_NETWORK). One unthrottled load of each first, not counted,
// makes the server compress what a load fetches (once; kept in memory).
//
// Per load, in ms from navigation start, all read through the DevTools protocol
// (small expressions evaluated every 50 ms, no script injected into the page):
// - fcp: the `first-contentful-paint` paint entry;
// - visible (app only): when the first step's heading (`#step-heading` in
//   `section[data-current-step="target"]`) was first painted. If the served HTML
//   holds it in the prerendered `<div id="app" data-zc-prerendered>`, the whole HTML
//   had been parsed by the first contentful paint (the navigation entry's
//   domInteractive ≤ fcp: every element of it was in the DOM then) and the heading was
//   rendered (checkVisibility, its box inside the 360×640 viewport) at the first look
//   after that paint, before the app was interactive, then it was in the first paint:
//   visible = fcp ("in the first paint"). Otherwise visible = the page's
//   performance.now() at the first look that found it rendered (within 50 ms, and a
//   frame, of its paint: "polled").
// - wasm_end: the responseEnd of the resource timing entry of the .wasm (the last
//   byte of the wasm received);
// - interactive: the `interactive` performance mark each app sets once it has
//   rendered (the app: hydrated) with its event handlers.
// The reference is the empty Yew app (one heading, the same mark): its first paint
// is its only content, and it has no first step; its `visible` is its fcp.

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { CPU_THROTTLING, INTERACTIVE_MARK, SLOW_PHONE_NETWORK, launch, list, median, phonePage, serveDir } from "./lib.mjs";

const [appDir, referenceDir, runsArg = "7"] = process.argv.slice(2);
if (!appDir || !referenceDir) {
  console.error("usage: node tests/browser/bench/first-screen.mjs APP_DIST REFERENCE_DIST [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg);
const POLL_MS = 50;
const TIMEOUT_MS = 120_000;

/** The first step's heading, as the app renders it (prerendered or not). */
const HEADING = 'section[data-current-step="target"] #step-heading';

/**
 * Whether `html` holds the first step's heading inside the prerendered app root:
 * `<div id="app" data-zc-prerendered…>`, then `data-current-step="target"`, then
 * `id="step-heading"`, in that order.
 */
function headingPrerendered(html) {
  const root = html.search(/<div id="app"[^>]*\sdata-zc-prerendered[\s=>]/);
  if (root < 0) return false;
  const section = html.indexOf('data-current-step="target"', root);
  return section >= 0 && html.indexOf('id="step-heading"', section) >= 0;
}

const SEL = JSON.stringify(HEADING);
const MARK = JSON.stringify(INTERACTIVE_MARK);
/** Cheap: no style or layout (it runs before the first paint too). */
const LOOK = `(() => {
  const p = performance;
  const wasm = p.getEntriesByType("resource").find((e) => /\\.wasm(\\?|$)/.test(e.name));
  return {
    now: p.now(),
    fcp: p.getEntriesByName("first-contentful-paint", "paint")[0]?.startTime ?? null,
    interactive: p.getEntriesByName(${MARK}, "mark")[0]?.startTime ?? null,
    wasmEnd: wasm ? wasm.responseEnd : null,
    heading: document.querySelector(${SEL}) !== null,
  };
})()`;
/** Whether the heading is rendered in the viewport (style and layout: after the first paint only). */
const RENDERED = `(() => {
  const h = document.querySelector(${SEL});
  if (!h) return { now: performance.now(), rendered: false };
  const r = h.getBoundingClientRect();
  const shown = h.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
  return {
    now: performance.now(),
    interactive: performance.getEntriesByName(${MARK}, "mark").length > 0,
    rendered: shown && r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  };
})()`;
const FINAL = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const wasm = performance.getEntriesByType("resource").find((e) => /\\.wasm(\\?|$)/.test(e.name));
  return {
    domInteractive: nav.domInteractive,
    htmlEnd: nav.responseEnd,
    wasm: wasm && { name: wasm.name, responseEnd: wasm.responseEnd, encoded: wasm.encodedBodySize, decoded: wasm.decodedBodySize },
  };
})()`;

async function evaluate(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One load of `url` on `page`; `prerendered`: the served HTML holds the heading. */
async function load(page, cdp, url, { app, prerendered }) {
  await page.goto(url, { waitUntil: "commit" });
  const end = Date.now() + TIMEOUT_MS;
  let look;
  let seen = null; // the first look after the first paint that found the heading rendered
  let looksAfterPaint = 0;
  for (;;) {
    look = await evaluate(cdp, LOOK);
    if (app && seen === null && look.fcp !== null && look.heading) {
      looksAfterPaint += 1;
      const r = await evaluate(cdp, RENDERED);
      if (r.rendered) seen = { ...r, first: looksAfterPaint === 1 };
    }
    if (look.fcp !== null && look.interactive !== null && look.wasmEnd !== null && (!app || seen !== null)) break;
    if (Date.now() > end) throw new Error(`${url}: not loaded within ${TIMEOUT_MS / 1000} s: ${JSON.stringify(look)}`);
    await sleep(POLL_MS);
  }
  const final = await evaluate(cdp, FINAL);
  let visible = look.fcp;
  let how = "reference";
  if (app) {
    const inFirstPaint = prerendered && final.domInteractive <= look.fcp && seen.first && !seen.interactive;
    visible = inFirstPaint ? look.fcp : Math.max(look.fcp, seen.now);
    how = inFirstPaint ? "in the first paint" : "polled";
  }
  return {
    fcp: look.fcp,
    visible,
    how,
    wasmEnd: final.wasm.responseEnd,
    interactive: look.interactive,
    domInteractive: final.domInteractive,
  };
}

/** What the server sent for the last load: bytes by kind, and that it was compressed. */
function sent(server, { strict }) {
  const by = {};
  for (const { path, encoding, bytes } of server.log) {
    const kind = { wasm: "wasm", css: "css", html: "html", js: "js" }[path.split(".").pop()] ?? "other";
    if (strict && ["wasm", "css", "html"].includes(kind) && encoding !== "br") {
      throw new Error(`${path} was sent ${encoding}: the browser did not accept br`);
    }
    by[kind] = (by[kind] ?? 0) + bytes;
  }
  server.log.length = 0;
  return by;
}

const dirs = { app: appDir, reference: referenceDir };
const prerendered = headingPrerendered(await readFile(join(appDir, "index.html"), "utf8"));
console.log(
  prerendered
    ? "the app's index.html holds the first step's heading, prerendered"
    : "the app's index.html holds no prerendered first step: its heading is timed by polling",
);
const servers = {
  app: await serveDir(dirs.app, { brotli: true }),
  reference: await serveDir(dirs.reference, { brotli: true }),
};
const browser = await launch();
try {
  // Not counted: the server compresses each file the first time it is asked for it.
  for (const which of ["app", "reference"]) {
    const { context, page, cdp } = await phonePage(browser, 1);
    await load(page, cdp, servers[which].url, { app: which === "app", prerendered });
    if (page.errors.length) throw new Error(`warm-up (${which}): ${page.errors.join("; ")}`);
    await context.close();
    sent(servers[which], { strict: true });
  }
  const results = { app: [], reference: [] };
  const bytes = {};
  for (let i = 0; i < runs; i += 1) {
    for (const which of ["app", "reference"]) {
      const { context, page, cdp } = await phonePage(browser, CPU_THROTTLING, SLOW_PHONE_NETWORK);
      const r = await load(page, cdp, servers[which].url, { app: which === "app", prerendered });
      if (page.errors.length) throw new Error(`run ${i + 1} (${which}): ${page.errors.join("; ")}`);
      await context.close();
      bytes[which] = sent(servers[which], { strict: true });
      results[which].push(r);
    }
    const [a, r] = [results.app.at(-1), results.reference.at(-1)];
    console.log(
      `run ${i + 1}: app: first paint ${a.fcp.toFixed(0)} ms, first step visible ${a.visible.toFixed(0)} ms (${a.how}), ` +
        `wasm in ${a.wasmEnd.toFixed(0)} ms, interactive ${a.interactive.toFixed(0)} ms; ` +
        `reference: first paint ${r.fcp.toFixed(0)} ms, wasm in ${r.wasmEnd.toFixed(0)} ms, interactive ${r.interactive.toFixed(0)} ms`,
    );
  }
  const col = (which, key) => results[which].map((r) => r[key]);
  const m = (which, key) => median(col(which, key)).toFixed(0);
  console.log(
    `medians: app: first paint ${m("app", "fcp")} ms, first step visible ${m("app", "visible")} ms, ` +
      `wasm in ${m("app", "wasmEnd")} ms, interactive ${m("app", "interactive")} ms; ` +
      `reference: first paint ${m("reference", "fcp")} ms, wasm in ${m("reference", "wasmEnd")} ms, interactive ${m("reference", "interactive")} ms`,
  );
  const fields = [
    `app_fcp_ms=${list(col("app", "fcp"))}`,
    `app_visible_ms=${list(col("app", "visible"))}`,
    `app_wasm_end_ms=${list(col("app", "wasmEnd"))}`,
    `app_interactive_ms=${list(col("app", "interactive"))}`,
    `app_visible_in_first_paint=${results.app.filter((r) => r.how === "in the first paint").length}`,
    `app_heading_prerendered=${prerendered ? 1 : 0}`,
    `reference_fcp_ms=${list(col("reference", "fcp"))}`,
    `reference_wasm_end_ms=${list(col("reference", "wasmEnd"))}`,
    `reference_interactive_ms=${list(col("reference", "interactive"))}`,
    ...["app", "reference"].flatMap((which) =>
      Object.entries(bytes[which])
        .sort()
        .map(([kind, n]) => `${which}_${kind}_sent_bytes=${n}`),
    ),
  ];
  console.log(`RESULT ${fields.join(" ")}`);
} finally {
  await browser.close();
  await servers.app.close();
  await servers.reference.close();
}
