// What the benchmarks of tests/browser/bench/ share (they are not tests: `cargo
// xtask bench` runs them and reads the last line each prints): the browser, a page
// as a mid-range phone sees it, and medians.

export { serveDir } from "../lib/server.mjs";

/** The phone: the browser tests' width and height (lib/app.mjs PHONE). */
export const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** CPU slowdown for a mid-range phone (CDP Emulation.setCPUThrottlingRate). */
export const CPU_THROTTLING = 4;
/**
 * A slow phone network for CDP Network.emulateNetworkConditions (throughputs in
 * bytes per second): 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up.
 */
export const SLOW_PHONE_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
  connectionType: "cellular3g",
};
/** The mark the app (and the reference app) sets after its first render. */
export const INTERACTIVE_MARK = "interactive";

export { launchChromium as launch } from "../lib/chromium.mjs";

/**
 * A page in a fresh context (no HTTP cache, no service worker, nothing stored), the
 * phone's viewport, the CPU slowed `throttling` times and, if `network` is given
 * (e.g. SLOW_PHONE_NETWORK), the network emulated so. Console errors and page
 * errors are collected in `page.errors`; `cdp` is the page's DevTools session.
 */
export async function phonePage(browser, throttling = CPU_THROTTLING, network = null) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttling });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  return { context, page, cdp };
}

/**
 * Opens `url` and resolves to the milliseconds from navigation start to the
 * `interactive` mark. The mark's time is taken by the page itself; this only reads it,
 * through the DevTools protocol (a tiny expression, no script injected into the page),
 * every 100 ms, so that the waiting costs the throttled page next to nothing.
 */
export async function timeToInteractive(page, url, timeout = 60_000) {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url, { waitUntil: "commit" });
  const expression = `performance.getEntriesByName(${JSON.stringify(INTERACTIVE_MARK)}, "mark")[0]?.startTime ?? null`;
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const { result } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
    if (typeof result.value === "number") {
      await cdp.detach();
      return result.value;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}: no "${INTERACTIVE_MARK}" mark within ${timeout / 1000} s`);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `12.3,45.6,…` for a RESULT line. */
export function list(values) {
  return values.map((v) => v.toFixed(2)).join(",");
}
