// The one Chromium of the browser tests and the benchmarks: the Debian package's
// binary (or $CHROMIUM), never a downloaded one, with no network of its own (no
// background requests, updates, sync or QUIC) so that every request a page makes is
// the page's. playwright.config.mjs gives the tests' runner these; the benchmarks'
// scripts start it with launchChromium.

import { chromium } from "playwright-core";

/** The browser binary: $CHROMIUM, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM || "/usr/bin/chromium";

/** Flags for a quiet headless Chromium that sends nothing by itself. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Starts the browser (each launch gets a fresh temporary profile, removed on close). */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
