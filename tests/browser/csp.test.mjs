// Sends nothing: every built HTML file has a strict CSP (default-src 'none', no
// 'unsafe-inline' or 'unsafe-eval', every inline script and style allowed by its
// sha256) and names no other origin; the app runs under it with no violation (the
// harness fails any test on a CSP violation).

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { assert, test } from "./lib/harness.mjs";
import { ready } from "./lib/app.mjs";
import { DIST } from "./lib/offline.mjs";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The sources a directive allows. */
function directive(csp, name) {
  const part = csp.split(";").map((p) => p.trim()).find((p) => p.startsWith(`${name} `));
  return part ? part.split(/\s+/).slice(1) : null;
}

const HTML_FILES = (await readdir(DIST)).filter((f) => f.endsWith(".html")).sort();

test("every built HTML file has a strict CSP that allows its inline code by hash", async () => {
  assert.deepEqual(HTML_FILES, ["embed.html", "index.html", "offline.html"]);
  for (const file of HTML_FILES) {
    const html = (await readFile(join(DIST, file), "utf8")).replace(/<!--[\s\S]*?-->/g, "");
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    assert.equal(metas.length, 1, `${file}: one CSP <meta>`);
    const csp = metas[0][1];
    assert.match(csp, /^default-src 'none';/, file);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|\*|https?:/, file);
    for (const name of ["base-uri", "form-action"]) assert.deepEqual(directive(csp, name), ["'none'"], `${file}: ${name}`);
    const scripts = directive(csp, "script-src");
    assert.ok(scripts.includes("'wasm-unsafe-eval'"), `${file}: wasm`);
    // Inline scripts (not data blocks) and styles, each by its hash.
    for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      const type = attrs.match(/type="([^"]+)"/)?.[1] ?? "";
      if (attrs.includes(" src=") || !(type === "" || type === "module")) continue;
      assert.ok(scripts.includes(sha256(body)), `${file}: an inline script not allowed by its hash`);
    }
    for (const [, body] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
      assert.ok(directive(csp, "style-src").includes(sha256(body)), `${file}: an inline style not allowed by its hash`);
    }
    assert.doesNotMatch(html, /\sstyle="/, `${file}: no style attributes`);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\/[^"]*"/, `${file}: nothing from another origin`);
  }
  const hosted = await readFile(join(DIST, "index.html"), "utf8");
  assert.deepEqual(directive(hosted.match(/Content-Security-Policy" content="([^"]+)"/)[1], "connect-src"), ["'self'"]);
});

test("the hosted app and the embedding demo run under their CSP with no violation", async (t) => {
  await t.goto("/");
  await ready(t.page);
  await t.page.evaluate(() => globalThis.zhichengBoot.kept);
  const embed = await t.newPage();
  await embed.goto(new URL("/embed.html", t.baseUrl).href);
  await embed.locator("#widget-host .site-header").waitFor({ timeout: 30_000 });
  await embed.frame({ url: /embed=frame/ }).locator("#app .site-header").waitFor();
  // checkGuards (after every test) fails on any violation reported by any of them.
});
