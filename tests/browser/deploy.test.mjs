// The deployment keeps the app's promises: dist/ served by nginx with deploy/nginx.conf
// (every browser test runs against it; lib/global-setup.mjs) sends, on each kind of
// file, the headers README "Deploying" lists: each page's CSP as a header equal to its
// <meta>, cache lifetimes (hashed files immutable for a year, the rest revalidated),
// CORS only on what embed.js fetches from another origin, the right types, gzip and
// brotli, nosniff, no referrer, a Permissions-Policy. And the app runs from it under
// both CSPs with no violation, the offline file too.

import { request as httpRequest } from "node:http";
import { copyFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { expect, test } from "./lib/fixtures.mjs";
import { assertVerdict, examples, goto, ready, shareLink } from "./lib/app.mjs";
import { DIST } from "./lib/offline.mjs";

const YEAR_IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/** GET `path` of `base` as a browser would, without decoding: { status, headers, body }. */
function get(base, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, base), { headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

function metaCsp(html) {
  const found = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
  expect(found.length, "one CSP <meta>").toBe(1);
  return found[0][1];
}

/** The built files, by kind. */
async function builtFiles() {
  const names = await readdir(DIST);
  const one = (re) => {
    const found = names.filter((n) => re.test(n));
    expect(found.length, `one file like ${re}`).toBe(1);
    return `/${found[0]}`;
  };
  const sources = (await readdir(join(DIST, "sources"))).filter((n) => n.endsWith(".txt"));
  return {
    glue: one(/^zhicheng-app-[0-9a-f]{1,16}\.js$/),
    wasm: one(/^zhicheng-app-[0-9a-f]{1,16}_bg\.wasm$/),
    css: one(/^styles-[0-9a-f]{1,16}\.css$/),
    source: `/sources/${sources[0]}`,
  };
}

test.describe("nginx with deploy/nginx.conf", () => {
  test.beforeEach(({ app }) => {
    test.skip(!app.nginx, "ZC_BASE_URL: not served by nginx");
  });

  test("each kind of file gets its headers", async ({ app }) => {
    const files = await builtFiles();
    // path → [content type, cache, CORS, CSP of the page (by its <meta>)]
    const kinds = [
      ["/", "text/html; charset=utf-8", REVALIDATE, null, "index.html"],
      ["/index.html", "text/html; charset=utf-8", REVALIDATE, "*", "index.html"],
      ["/index.html?embed=frame&lang=en", "text/html; charset=utf-8", REVALIDATE, null, "index.html"],
      ["/offline.html", "text/html; charset=utf-8", REVALIDATE, null, "offline.html"],
      ["/embed.html", "text/html; charset=utf-8", REVALIDATE, null, "embed.html"],
      [files.glue, "text/javascript; charset=utf-8", YEAR_IMMUTABLE, "*", null],
      [files.wasm, "application/wasm", YEAR_IMMUTABLE, "*", null],
      [files.css, "text/css; charset=utf-8", YEAR_IMMUTABLE, "*", null],
      ["/sw.js", "text/javascript; charset=utf-8", REVALIDATE, null, null],
      ["/embed.js", "text/javascript; charset=utf-8", REVALIDATE, null, null],
      ["/batch-worker.js", "text/javascript; charset=utf-8", REVALIDATE, null, null],
      ["/embed-demo.js", "text/javascript; charset=utf-8", REVALIDATE, null, null],
      ["/embed-demo.css", "text/css; charset=utf-8", REVALIDATE, null, null],
      ["/manifest.webmanifest", "application/manifest+json; charset=utf-8", REVALIDATE, null, null],
      ["/icons/icon-192.png", "image/png", REVALIDATE, null, null],
      ["/icons/icon.svg", "image/svg+xml; charset=utf-8", REVALIDATE, null, null],
      [files.source, "text/plain; charset=utf-8", REVALIDATE, null, null],
      ["/sources/README.md", "text/plain; charset=utf-8", REVALIDATE, null, null],
      ["/roster-template.csv", "text/csv; charset=utf-8", REVALIDATE, null, null],
      ["/zhicheng.d.ts", "text/plain; charset=utf-8", REVALIDATE, null, null],
    ];
    for (const [path, type, cache, cors, page] of kinds) {
      // As an HR page on another origin asks (the CORS header does not depend on it).
      const { status, headers, body } = await get(app.url, path, { origin: "http://127.0.0.2:8000" });
      expect(status, path).toBe(200);
      expect(headers["content-type"], `${path}: type`).toBe(type);
      expect(headers["cache-control"], `${path}: cache`).toBe(cache);
      expect(headers["access-control-allow-origin"], `${path}: CORS`).toBe(cors ?? undefined);
      expect(headers["x-content-type-options"], `${path}: nosniff`).toBe("nosniff");
      expect(headers["referrer-policy"], `${path}: referrer`).toBe("no-referrer");
      expect(headers["permissions-policy"], `${path}: permissions`).toMatch(/^(?:[a-z-]+=\(\), )+[a-z-]+=\(\)$/);
      expect(headers["permissions-policy"], `${path}: the clipboard stays (share link)`).not.toMatch(/clipboard/);
      expect(headers["x-frame-options"], `${path}: the app may be framed (embedding)`).toBe(undefined);
      if (page) {
        expect(headers["content-security-policy"], `${path}: the CSP header is the page's <meta>`).toBe(metaCsp(body.toString("utf8")));
        const built = await readFile(join(DIST, page), "utf8");
        expect(body.toString("utf8"), `${path} is ${page}`).toBe(built);
      } else {
        expect(headers["content-security-policy"], `${path}: no CSP (a worker's would bind it)`).toBe(undefined);
        expect(body.equals(await readFile(join(DIST, decodeURIComponent(path.split("?")[0])))), `${path}: the file as built`).toBe(true);
      }
      expect(headers.etag, `${path}: revalidated by its ETag`).toBeTruthy();
    }
    // Nothing else: a file that is not there, a directory, a path outside the root.
    for (const path of ["/nothing.js", "/icons/", "/../Cargo.toml"]) {
      const { status, headers } = await get(app.url, path);
      expect([403, 404], `${path}: HTTP ${status}`).toContain(status);
      expect(headers["access-control-allow-origin"], `${path}: CORS`).toBe(undefined);
    }
  });

  // Trunk names a file by its content's 64-bit hash in hex without leading zeros: one
  // build in sixteen has a name of 15 digits or fewer. Such a build once lost its CORS
  // header (the widget could not load on an HR page) and its year of caching.
  test("a hashed name of fewer than 16 digits is a hashed file too", async ({ ownServer }) => {
    const files = await builtFiles();
    const { dir, server } = await ownServer();
    const shortened = {
      glue: files.glue.replace(/-[0-9a-f]+\.js$/, "-6d834861aa27274.js"),
      wasm: files.wasm.replace(/-[0-9a-f]+_bg\.wasm$/, "-6d834861aa27274_bg.wasm"),
      css: files.css.replace(/-[0-9a-f]+\.css$/, "-1.css"),
    };
    for (const kind of Object.keys(shortened)) {
      await copyFile(join(dir, files[kind]), join(dir, shortened[kind]));
      const { status, headers } = await get(server.url, shortened[kind], { origin: "http://127.0.0.2:8000" });
      expect(status, shortened[kind]).toBe(200);
      expect(headers["cache-control"], `${shortened[kind]}: cache`).toBe(YEAR_IMMUTABLE);
      expect(headers["access-control-allow-origin"], `${shortened[kind]}: CORS`).toBe("*");
    }
    // The service worker's test for a hashed file (cache-first) agrees.
    const sw = await readFile(join(DIST, "sw.js"), "utf8");
    const hashed = new RegExp(sw.match(/const HASHED = \/(.+)\/;/)[1]);
    for (const name of [files.glue, files.wasm, files.css, ...Object.values(shortened)]) {
      expect(hashed.test(name), `sw.js: ${name} is hashed`).toBe(true);
    }
    for (const name of ["/sw.js", "/embed.js", "/batch-worker.js", "/index.html", "/roster-template.csv", "/icons/icon-192.png", files.source]) {
      expect(hashed.test(name), `sw.js: ${name} is not hashed`).toBe(false);
    }
  });

  test("compressed: gzip, and brotli with Debian's module", async ({ app }) => {
    const files = await builtFiles();
    // (Files under 1 KB, the manifest, are sent as they are.)
    for (const path of ["/", files.glue, files.wasm, files.css, "/sw.js", "/embed.js", files.source]) {
      const gzip = await get(app.url, path, { "accept-encoding": "gzip" });
      expect(gzip.headers["content-encoding"], `${path}: gzip`).toBe("gzip");
      expect(gzip.headers.vary, `${path}: Vary`).toMatch(/Accept-Encoding/);
      const br = await get(app.url, path, { "accept-encoding": "br, gzip" });
      expect(br.headers["content-encoding"], `${path}: brotli`).toBe(process.env.ZC_NGINX_BROTLI === "0" ? "gzip" : "br");
      const plain = await get(app.url, path, { "accept-encoding": "identity" });
      expect(plain.headers["content-encoding"], `${path}: none asked`).toBe(undefined);
      expect(gzip.body.length, `${path}: smaller`).toBeLessThan(plain.body.length);
    }
  });

  test("the app runs from nginx under the header CSP and its <meta>, with no violation", async ({ page, app }) => {
    const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
    const response = await goto(page, shareLink(example.text));
    const csp = await response.headerValue("content-security-policy");
    expect(csp, "the page came with its CSP header").toMatch(/^default-src 'none'; script-src 'sha256-/);
    await ready(page);
    await assertVerdict(page, example.expected);
    await page.evaluate(() => globalThis.zhichengBoot.kept);
    // The batch page's worker (its script from the server, no CSP header of its own).
    await page.click('[data-page="batch"]');
    await page.locator(".batch-page").waitFor();
    await page.setInputFiles("#batch-roster", {
      name: "roster.csv",
      mimeType: "text/csv",
      buffer: await readFile(join(DIST, "roster-template.csv")),
    });
    await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor();
    await page.click("#batch-start");
    await page.locator('.batch-page[data-batch-state="done"]').waitFor({ timeout: 30_000 });
    // The offline file from the server runs too, under its own header and <meta>.
    const offline = await goto(page, `/offline.html${shareLink(example.text).slice(1)}`);
    expect(await offline.headerValue("content-security-policy")).toMatch(/connect-src 'none'/);
    await ready(page);
    await assertVerdict(page, example.expected);
    expect(await page.evaluate(() => globalThis.zhichengBoot.source)).toBe("payload");
    // The guards (lib/fixtures.mjs) fail the test on any CSP violation or console error.
    expect(new URL(page.url()).origin).toBe(app.origin);
  });
});
