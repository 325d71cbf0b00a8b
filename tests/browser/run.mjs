// Runs every tests/browser/*.test.mjs (or those whose file name contains an
// argument) in headless Chromium against the built app.
//
//   node tests/browser/run.mjs [FILTER...]
//
// Environment:
//   ZC_DIST      directory to serve (default: dist/ at the repository root)
//   ZC_BASE_URL  test an already running server instead (e.g. trunk serve)
//   CHROMIUM     the browser binary (default: /usr/bin/chromium)
//
// `cargo xtask test` builds dist/ and runs this. Screenshots go to
// tests/browser/artifacts/ (gitignored).

import { readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { TestContext, takeRegistered } from "./lib/harness.mjs";
import { CHROMIUM_PATH, launchChromium } from "./lib/chromium.mjs";
import { serveDir } from "./lib/server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const TEST_TIMEOUT_MS = 60_000;

async function collectTests(filters) {
  const files = (await readdir(HERE))
    .filter((f) => f.endsWith(".test.mjs"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  const tests = [];
  for (const file of files) {
    await import(pathToFileURL(join(HERE, file)).href);
    for (const t of takeRegistered()) tests.push({ ...t, file });
  }
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const tests = await collectTests(process.argv.slice(2));
  if (tests.length === 0) {
    console.error("browser: no tests found (tests/browser/*.test.mjs)");
    return 1;
  }

  let server = null;
  let baseUrl = process.env.ZC_BASE_URL;
  if (!baseUrl) {
    server = await serveDir(process.env.ZC_DIST ?? join(ROOT, "dist"));
    baseUrl = server.url;
  }
  const browser = await launchChromium();
  console.log(`browser: ${browser.version()} (${CHROMIUM_PATH}) against ${baseUrl}`);

  let passed = 0;
  let failed = 0;
  try {
    for (const { name, fn, options, file } of tests) {
      const t = new TestContext({ browser, baseUrl, name, options });
      const started = Date.now();
      try {
        await withTimeout(
          (async () => {
            await t.open();
            await fn(t);
            await t.checkGuards();
          })(),
          TEST_TIMEOUT_MS,
          name,
        );
        passed += 1;
        console.log(`  ok    ${file} › ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`  FAIL  ${file} › ${name} (${Date.now() - started} ms)`);
        console.log(String(error?.stack ?? error).replace(/^/gm, "        "));
        await t.screenshot(`FAILED-${file.replace(/\.test\.mjs$/, "")}-${name.replace(/\W+/g, "_")}`).catch(() => {});
      } finally {
        for (const w of t.consoleWarnings) console.log(`        (console warning: ${w})`);
        await t.close().catch(() => {});
      }
    }
  } finally {
    await browser.close();
    await server?.close();
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const code = await main().catch((error) => {
  console.error(`browser: runner error: ${error?.stack ?? error}`);
  return 1;
});
// Exit now: anything a failed test left open (a server, a timer) must not keep the
// runner, and so `cargo xtask test`, waiting.
process.exit(code);
