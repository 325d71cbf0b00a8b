// The transfer-size benchmark (not a test): `cargo xtask bench size` runs it.
//
//   node tests/browser/bench/transfer.mjs APP_DIST REFERENCE_DIST
//   FILE GROUP PATH RAW_BYTES BROTLI_BYTES     (one line per file)
//
// Serves each directory on 127.0.0.1 and loads it once in headless Chromium (a fresh
// context: no HTTP cache, no service worker), recording every request from navigation
// until the page has set its `interactive` mark and then made no request for a second
// and a half: what a first visit downloads (GROUP `app` or `reference`). Each file is
// compressed with brotli at quality 11 (node's zlib), as a static host serves it. For
// the app, GROUP `precache` lists the files of its service worker's list (dist/sw.js,
// `ASSETS`) that the first visit did not fetch: what the service worker downloads in
// the background once the page is idle. GROUP `first-screen` is what the app's first
// screen needs to be seen, the prerendered first step being in the HTML: index.html
// (its stylesheet inline) and any stylesheet it still links; not the glue or the wasm, which the
// form needs to work (they are in GROUP `app`).

import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import zlib from "node:zlib";

import { launch, phonePage, serveDir, timeToInteractive } from "./lib.mjs";

const [appDir, referenceDir] = process.argv.slice(2);
if (!appDir || !referenceDir) {
  console.error("usage: node tests/browser/bench/transfer.mjs APP_DIST REFERENCE_DIST");
  process.exit(2);
}

const QUIET_MS = 1500;

function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

/** The dist/-relative path of a URL of the server. */
function local(url) {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

async function report(group, dir, path) {
  const bytes = await readFile(join(dir, normalize(path)));
  console.log(`FILE ${group} ${path} ${bytes.length} ${brotli(bytes)}`);
}

/** The paths a first visit of `dir` fetches. */
async function firstVisit(browser, dir) {
  const server = await serveDir(dir);
  try {
    // No CPU throttling: only what is fetched matters here.
    const { context, page } = await phonePage(browser, 1);
    const origin = new URL(server.url).origin;
    const fetched = new Set();
    let last = Date.now();
    page.on("request", (request) => {
      last = Date.now();
      if (request.url().startsWith(origin)) fetched.add(local(request.url()));
      // blob: (the glue run from its own text) and data: are no download.
      else if (!/^(data|blob):/.test(request.url())) throw new Error(`a request to another origin: ${request.url()}`);
    });
    await timeToInteractive(page, server.url);
    while (Date.now() - last < QUIET_MS) await new Promise((resolve) => setTimeout(resolve, 100));
    if (page.errors.length) throw new Error(page.errors.join("; "));
    await context.close();
    return [...fetched].sort();
  } finally {
    await server.close();
  }
}

/** The dist/-relative paths of the stylesheets an HTML page links. */
function stylesheets(html) {
  return [...html.matchAll(/<link\b[^>]*>/gi)]
    .map(([tag]) => tag)
    .filter((tag) => /\srel=(["']?)([^"'>]*\s)?stylesheet[\s"'>]/i.test(tag))
    .map((tag) => tag.match(/\shref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i))
    .filter(Boolean)
    .map((m) => local(new URL(m[1] ?? m[2] ?? m[3], "http://127.0.0.1/").href));
}

const browser = await launch();
try {
  const app = await firstVisit(browser, appDir);
  for (const path of app) await report("app", appDir, path);
  // The built page has its stylesheet inline (xtask/src/prerender.rs): then the first
  // screen is index.html alone.
  const sheets = stylesheets(await readFile(join(appDir, "index.html"), "utf8"));
  for (const path of ["index.html", ...sheets]) {
    if (!app.includes(path)) throw new Error(`the first visit did not fetch ${path}`);
    await report("first-screen", appDir, path);
  }
  for (const path of await firstVisit(browser, referenceDir)) await report("reference", referenceDir, path);
  const sw = await readFile(join(appDir, "sw.js"), "utf8");
  const list = sw.match(/^const ASSETS = (\[.*\]); \/\/ zc:assets$/m);
  if (!list) throw new Error(`${appDir}/sw.js has no filled-in ASSETS line (cargo xtask build)`);
  for (const asset of JSON.parse(list[1])) {
    const path = asset === "./" ? "index.html" : asset;
    if (!app.includes(path)) await report("precache", appDir, path);
  }
} finally {
  await browser.close();
}
