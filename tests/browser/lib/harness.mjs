// The browser-test harness: test files call `test(name, fn)`; run.mjs runs
// every registered test in a fresh browser context and, after each, checks
// the page-wide guards below, so every test asserts them for free:
//   - no console error and no uncaught page error,
//   - no Content-Security-Policy violation (securitypolicyviolation events),
//   - every request went to the page's own origin (or was a data: URL); a test
//     of a page opened from a file allows file: URLs and their blob:s
//     (options.files), and a test may allow another origin it serves itself
//     (t.allowOrigin),
//   - no HTTP error response.

import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export { assert };

export const ARTIFACTS = join(dirname(dirname(fileURLToPath(import.meta.url))), "artifacts");

const registry = [];

/**
 * Registers a browser test. `fn` gets a TestContext. `options.context` is
 * passed to browser.newContext (e.g. a phone's viewport); `options.files`
 * allows requests to file: URLs (and blob: URLs made by a file: page, whose
 * origin is "null") for tests of the offline file and of saved pages.
 */
export function test(name, fn, options = {}) {
  registry.push({ name, fn, options });
}

/** Takes the tests registered so far (run.mjs calls this after each import). */
export function takeRegistered() {
  return registry.splice(0, registry.length);
}

// Runs in every frame before any page script, CSP or not (it is injected by
// the DevTools protocol, not by the page).
const CSP_LISTENER = () => {
  window.__zcCspViolations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__zcCspViolations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}`,
      sample: event.sample,
    });
  });
};

/** What a test function gets. */
export class TestContext {
  constructor({ browser, baseUrl, name, options = {} }) {
    this.browser = browser;
    this.options = options;
    this.baseUrl = baseUrl;
    this.origin = new URL(baseUrl).origin;
    this.allowed = new Set([this.origin]);
    if (options.files) this.allowed.add("null");
    this.name = name;
    this.consoleErrors = [];
    this.consoleWarnings = [];
    this.pageErrors = [];
    this.requests = [];
    this.httpErrors = [];
    /** What `close` undoes, last first, whether the test passed or not (`t.cleanup`). */
    this.cleanups = [];
    this.pages = [];
  }

  async open() {
    this.context = await this.browser.newContext({
      viewport: { width: 1024, height: 900 },
      locale: "zh-CN",
      serviceWorkers: "block",
      ...this.options.context,
    });
    await this.context.addInitScript(CSP_LISTENER);
    // Nothing may leave the machine, even if a regression asks for it: other
    // origins are aborted here (and still reported by checkGuards below).
    await this.context.route(
      (url) => url.protocol !== "data:" && !this.allows(url.href),
      (route) => route.abort("blockedbyclient"),
    );
    this.context.on("request", (request) => this.requests.push(request.url()));
    this.context.on("response", (response) => {
      if (response.status() >= 400) this.httpErrors.push(`${response.status()} ${response.url()}`);
    });
    this.page = await this.newPage();
    return this;
  }

  /** Whether a request to `url` stays where this test allows. */
  allows(url) {
    const parsed = new URL(url);
    if (parsed.protocol === "data:") return true;
    // file: URLs (and a file page's blob: URLs) have the opaque origin "null".
    if (parsed.origin === "null") return this.allowed.has("null") && /^(file|blob):$/.test(parsed.protocol);
    return this.allowed.has(parsed.origin);
  }

  /** Allows requests to another origin that the test serves itself (e.g. its own server). */
  allowOrigin(origin) {
    this.allowed.add(new URL(origin).origin);
  }

  /** Opens another page in this test's context, with the same guards. */
  async newPage() {
    const page = await this.context.newPage();
    page.on("console", (message) => {
      const text = `${message.text()} (${message.location().url || "?"})`;
      if (message.type() === "error") this.consoleErrors.push(text);
      if (message.type() === "warning") this.consoleWarnings.push(text);
    });
    page.on("pageerror", (error) => this.pageErrors.push(String(error)));
    this.pages.push(page);
    return page;
  }

  /** Navigates the test's page to `path` (relative to the served app). */
  async goto(path = "/") {
    const response = await this.page.goto(new URL(path, this.baseUrl).href);
    assert.ok(response?.ok(), `GET ${path}: HTTP ${response?.status()}`);
    return response;
  }

  /**
   * Waits for the app to show a result and returns the verdict status
   * (`data-verdict-status`); fails with the app's message on an input error or
   * when the form still lacks something (`data-verdict-incomplete`).
   */
  async verdictStatus(page = this.page) {
    const shown = page
      .locator("[data-verdict-status], [data-input-error], [data-verdict-incomplete]")
      .first();
    await shown.waitFor({ timeout: 30_000 });
    const status = await shown.getAttribute("data-verdict-status");
    if (status === null) {
      assert.fail(`the app shows no verdict: ${await shown.innerText()}`);
    }
    return status;
  }

  /** Saves a full-page PNG to tests/browser/artifacts/NAME.png. */
  async screenshot(name, page = this.page) {
    await mkdir(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  }

  /** The guards every test must pass; throws listing every breach. */
  async checkGuards() {
    const problems = [];
    for (const page of this.pages) {
      if (page.isClosed()) continue;
      const violations = await page.evaluate(() => window.__zcCspViolations ?? []);
      for (const v of violations) {
        problems.push(`CSP violation: ${v.directive} blocked ${v.blocked} at ${v.source} ${v.sample ?? ""}`);
      }
    }
    for (const text of this.consoleErrors) problems.push(`console error: ${text}`);
    for (const text of this.pageErrors) problems.push(`uncaught page error: ${text}`);
    for (const text of this.httpErrors) problems.push(`HTTP error: ${text}`);
    for (const url of this.requests) {
      if (!this.allows(url)) problems.push(`request left the origin: ${url}`);
    }
    if (problems.length > 0) {
      throw new Error(`page guards failed:\n  - ${problems.join("\n  - ")}`);
    }
  }

  /** Runs `fn` when the test ends, passed or failed (e.g. closing its own server). */
  cleanup(fn) {
    this.cleanups.push(fn);
  }

  async close() {
    try {
      await this.context?.close();
    } finally {
      for (const fn of this.cleanups.reverse()) await fn();
    }
  }
}
