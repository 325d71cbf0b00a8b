// Sends nothing: every built HTML file has a strict CSP (default-src 'none', no
// 'unsafe-inline' or 'unsafe-eval', every inline script and style allowed by its
// sha256) and names no other origin; the app runs under it with no violation (the
// guards of lib/fixtures.mjs fail any test on a CSP violation).

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { expect, test } from "./lib/fixtures.mjs";
import { goto, ready } from "./lib/app.mjs";
import { DIST } from "./lib/offline.mjs";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The sources a directive allows. */
function directive(csp, name) {
  const part = csp.split(";").map((p) => p.trim()).find((p) => p.startsWith(`${name} `));
  return part ? part.split(/\s+/).slice(1) : null;
}

const HTML_FILES = (await readdir(DIST)).filter((f) => f.endsWith(".html")).sort();

test("every built HTML file has a strict CSP that allows its inline code by hash", async () => {
  expect(HTML_FILES).toStrictEqual(["embed.html", "index.html", "offline.html"]);
  for (const file of HTML_FILES) {
    const html = (await readFile(join(DIST, file), "utf8")).replace(/<!--[\s\S]*?-->/g, "");
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    expect(metas.length, `${file}: one CSP <meta>`).toBe(1);
    const csp = metas[0][1];
    expect(csp, file).toMatch(/^default-src 'none';/);
    expect(csp, file).not.toMatch(/unsafe-inline|'unsafe-eval'|\*|https?:/);
    for (const name of ["base-uri", "form-action"]) expect(directive(csp, name), `${file}: ${name}`).toStrictEqual(["'none'"]);
    const scripts = directive(csp, "script-src");
    expect(scripts.includes("'wasm-unsafe-eval'"), `${file}: wasm`).toBeTruthy();
    // Inline scripts (not data blocks) and styles, each by its hash.
    for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      const type = attrs.match(/type="([^"]+)"/)?.[1] ?? "";
      if (attrs.includes(" src=") || !(type === "" || type === "module")) continue;
      expect(scripts.includes(sha256(body)), `${file}: an inline script not allowed by its hash`).toBeTruthy();
    }
    for (const [, body] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
      expect(directive(csp, "style-src").includes(sha256(body)), `${file}: an inline style not allowed by its hash`).toBeTruthy();
    }
    expect(html, `${file}: no style attributes`).not.toMatch(/\sstyle="/);
    expect(html, `${file}: nothing from another origin`).not.toMatch(/(src|href)="(https?:)?\/\/[^"]*"/);
  }
  const hosted = await readFile(join(DIST, "index.html"), "utf8");
  expect(directive(hosted.match(/Content-Security-Policy" content="([^"]+)"/)[1], "connect-src")).toStrictEqual(["'self'"]);
});

test("the hosted app and the embedding demo run under their CSP with no violation", async ({ page, context, baseURL }) => {
  await goto(page, "/");
  await ready(page);
  await page.evaluate(() => globalThis.zhichengBoot.kept);
  const embed = await context.newPage();
  await embed.goto(new URL("/embed.html", baseURL).href);
  await embed.locator("#widget-host .site-header").waitFor({ timeout: 30_000 });
  await embed.frame({ url: /embed=frame/ }).locator("#app .site-header").waitFor();
  // The guards (lib/fixtures.mjs, after every test) fail on any violation reported in
  // any frame of any of them.
});
