// The browser tests' fixtures (@playwright/test): every test file imports `test` and
// `expect` from here.
//
// - `app` (per worker): the built app as served for this run: dist/ through nginx
//   with deploy/nginx.conf (started once by global-setup.mjs), or ZC_BASE_URL.
//   `baseURL` is its address, so `page.goto("/embed.html")` opens the app's files.
// - `context` and every page in it carry the guards below; `guards` is what they saw.
//   After the test body, a test fails on
//     - a console error or an uncaught page error, in any page or frame,
//     - a Content-Security-Policy violation (securitypolicyviolation events, in every
//       frame of every open page),
//     - a request to another origin than the app's (or a data: URL; a test may allow
//       an origin it serves itself, `guards.allowOrigin`, and `allowFiles` allows the
//       file: and blob: URLs of a page opened from a file), which is also aborted,
//     - an HTTP error response.
//   The guards run before the context closes, so a failing test keeps its screenshot
//   and trace (tests/browser/artifacts/results/).
// - `allowFiles` (option): `test.use({ allowFiles: true })` for the offline file and
//   saved pages.
// - `ownServer()`: a copy of dist/ served by its own nginx, which the test may stop or
//   change (the service worker's tests); stopped when the test ends, passed or failed.
// - `hrPage(appOrigin)`: the embedding demo as an HR office's page on another origin
//   (127.0.0.2), embedding the app from `appOrigin`.
// - `offlineTools`: the file:// helpers (lib/offline.mjs) bound to the test's context:
//   `goOffline()`, `open(fileUrl)`, `onlyRequested(allowed)`.

import { test as base, expect } from "@playwright/test";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { DIST } from "./paths.mjs";
import { startNginx } from "./nginx.mjs";
import { serveDir } from "./server.mjs";
import { assertOnlyRequested, goOffline } from "./offline.mjs";
import { ready } from "./app.mjs";

export { expect };

// Runs in every frame before any page script, CSP or not (it is injected by the
// DevTools protocol, not by the page).
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

/** What the guards of one test saw, and what it allows. */
export class Guards {
  constructor(origin, allowFiles) {
    this.allowed = new Set([origin]);
    if (allowFiles) this.allowed.add("null");
    /** Every request's URL, in order. */
    this.requests = [];
    this.consoleErrors = [];
    this.consoleWarnings = [];
    this.pageErrors = [];
    this.httpErrors = [];
    /** Console messages a test expects (`expectConsole`): [{ pattern, seen }]. */
    this.expected = [];
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

  /**
   * A console warning or error the test causes on purpose (e.g. the browser refusing a
   * frame's message to an origin that is not its parent's): it must appear, and does
   * not fail the guards. Returns { seen }, the count so far.
   */
  expectConsole(pattern) {
    const entry = { pattern, seen: 0 };
    this.expected.push(entry);
    return entry;
  }

  async attach(context) {
    await context.addInitScript(CSP_LISTENER);
    // Nothing may leave the machine, even if a regression asks for it: other
    // origins are aborted here (and still reported by check below).
    await context.route(
      (url) => url.protocol !== "data:" && !this.allows(url.href),
      (route) => route.abort("blockedbyclient"),
    );
    context.on("request", (request) => this.requests.push(request.url()));
    context.on("response", (response) => {
      if (response.status() >= 400) this.httpErrors.push(`${response.status()} ${response.url()}`);
    });
    context.on("console", (message) => {
      const text = `${message.text()} (${message.location().url || "?"})`;
      if (message.type() !== "error" && message.type() !== "warning") return;
      const expected = this.expected.find((e) => e.pattern.test(message.text()));
      if (expected) expected.seen += 1;
      else if (message.type() === "error") this.consoleErrors.push(text);
      else this.consoleWarnings.push(text);
    });
    context.on("weberror", (error) => this.pageErrors.push(String(error.error())));
  }

  /** The guards every test must pass; throws listing every breach. */
  async check(context) {
    const problems = [];
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      for (const frame of page.frames()) {
        if (frame.isDetached()) continue;
        const violations = await frame.evaluate(() => window.__zcCspViolations ?? []).catch(() => []);
        for (const v of violations) {
          problems.push(`CSP violation in ${frame.url()}: ${v.directive} blocked ${v.blocked} at ${v.source} ${v.sample ?? ""}`);
        }
      }
    }
    for (const text of this.consoleErrors) problems.push(`console error: ${text}`);
    for (const text of this.pageErrors) problems.push(`uncaught page error: ${text}`);
    for (const text of this.httpErrors) problems.push(`HTTP error: ${text}`);
    for (const url of this.requests) {
      if (!this.allows(url)) problems.push(`request left the origin: ${url}`);
    }
    for (const { pattern, seen } of this.expected) {
      if (seen === 0) problems.push(`the console message ${pattern} that the test expects did not appear`);
    }
    // (What serviceWorkers: "block" says in every page that registers one is left out.)
    for (const text of this.consoleWarnings) {
      if (!/^Service Worker registration blocked by Playwright/.test(text)) console.log(`(console warning: ${text})`);
    }
    if (problems.length > 0) {
      throw new Error(`page guards failed:\n  - ${problems.join("\n  - ")}`);
    }
  }
}

/** The app under test: what global-setup.mjs started, or ZC_BASE_URL. */
function servedApp() {
  const url = process.env.ZC_BASE_URL || process.env.ZC_APP_URL;
  if (!url) throw new Error("no app to test: run through `npx playwright test` (global-setup.mjs serves dist/)");
  return { url, origin: new URL(url).origin, nginx: !process.env.ZC_BASE_URL };
}

export const test = base.extend({
  allowFiles: [false, { option: true }],

  app: [async ({}, use) => use(servedApp()), { scope: "worker" }],

  baseURL: async ({ app }, use) => use(app.url),

  guards: async ({ app, allowFiles }, use) => use(new Guards(app.origin, allowFiles)),

  context: async ({ context, guards }, use) => {
    await guards.attach(context);
    await use(context);
    await guards.check(context);
  },

  ownServer: async ({ guards }, use) => {
    const started = [];
    await use(async () => {
      const dir = await mkdtemp(join(tmpdir(), "zhicheng-own-"));
      await cp(DIST, dir, { recursive: true });
      const server = await startNginx(dir, { name: "own" });
      started.push({ server, dir });
      guards.allowOrigin(server.url);
      return { dir, server };
    });
    for (const { server, dir } of started) {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },

  hrPage: async ({ guards }, use) => {
    const started = [];
    await use(async (appOrigin) => {
      const hr = await serveHrPage(appOrigin);
      started.push(hr);
      guards.allowOrigin(hr.url);
      return hr;
    });
    for (const hr of started) await hr.close();
  },

  offlineTools: async ({ context, page, guards }, use) => {
    await use({
      /** Takes the test's context off the network (lib/offline.mjs). */
      goOffline: () => goOffline(context),
      /** Off the network, opens `url` (a file: URL) in `target` and waits for the app. */
      async open(url, target = page) {
        await goOffline(context);
        await target.goto(url);
        await ready(target);
      },
      /** Asserts that every request since the `since`-th was one of `allowed` or a blob:. */
      onlyRequested(allowed, since = 0) {
        assertOnlyRequested(guards.requests.slice(since), allowed);
      },
    });
  },
});

/** Replaces `from` by `to` in `text`, which must hold it exactly once. */
function replaceOnce(text, from, to, what) {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`embed.html: expected ${what} once, found it ${count} times`);
  return text.replace(from, () => to);
}

/**
 * The embedding demo (dist/embed.html and its own script and stylesheet) served on
 * 127.0.0.2 as an HR office would serve it, with the app from `appOrigin`: embed.js and
 * the iframe's address point there, and the page's CSP allows that origin as README
 * "Embedding in an HR page" says (script-src, connect-src, style-src, frame-src).
 */
async function serveHrPage(appOrigin) {
  const dir = await mkdtemp(join(tmpdir(), "zhicheng-hr-"));
  let html = await readFile(join(DIST, "embed.html"), "utf8");
  const csp =
    `default-src 'none'; script-src 'self' ${appOrigin} 'wasm-unsafe-eval'; style-src 'self' ${appOrigin}; ` +
    `img-src 'self' data:; connect-src ${appOrigin}; frame-src ${appOrigin}; base-uri 'none'; form-action 'none'`;
  html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, (meta) =>
    replaceOnce(meta, meta, `<meta http-equiv="Content-Security-Policy" content="${csp}">`, "the CSP"),
  );
  html = replaceOnce(html, '<script src="embed.js" defer>', `<script src="${appOrigin}/embed.js" defer>`, "embed.js");
  html = replaceOnce(html, 'id="frame-host" data-zhicheng-frame data-status data-src="index.html?', `id="frame-host" data-zhicheng-frame data-status data-src="${appOrigin}/index.html?`, "the frame's data-src");
  await writeFile(join(dir, "embed.html"), html);
  for (const file of ["embed-demo.css", "embed-demo.js"]) await cp(join(DIST, file), join(dir, file));
  const server = await serveDir(dir, { host: "127.0.0.2", headers: { "content-security-policy": csp } });
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    page: new URL("embed.html", server.url).href,
    csp,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
