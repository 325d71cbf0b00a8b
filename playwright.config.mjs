// The browser tests (tests/browser/*.test.mjs) on @playwright/test, driving Debian's
// Chromium (never a downloaded browser): `cargo xtask test browser` runs
// `playwright test` with this; `npx playwright test embed` runs one file (after
// `cargo xtask build`). See README "Set-up" and tests/browser/lib/fixtures.mjs.

import { defineConfig } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests/browser/lib/chromium.mjs";

export default defineConfig({
  testDir: "tests/browser",
  testMatch: "*.test.mjs",
  // Failing tests' screenshots and traces (emptied at the start of each run);
  // tests/browser/artifacts/screens/ is the reviewers' screenshots, beside it.
  outputDir: "tests/browser/artifacts/results",
  globalSetup: "./tests/browser/lib/global-setup.mjs",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The whole run stops by itself, whatever a test does.
  globalTimeout: 8 * 60_000,
  // 2 cores: one browser each for two workers.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["./tests/browser/lib/summary-reporter.mjs"]],
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1024, height: 900 },
    locale: "zh-CN",
    serviceWorkers: "block",
    trace: "retain-on-failure",
    screenshot: { mode: "only-on-failure", fullPage: true },
  },
});
