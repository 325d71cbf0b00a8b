// Helpers for the offline tests: the built files, a page opened from file:// with
// the network off, and a copy of a page as the browser's "Save page as…" writes it.

import { expect } from "@playwright/test";
import { copyFile, mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { DIST } from "./paths.mjs";

export { DIST };
export const OFFLINE_FILE = join(DIST, "offline.html");

/** A file's address, with an optional fragment (e.g. `#profile=…`). */
export function fileUrl(path, fragment = "") {
  return pathToFileURL(path).href + fragment;
}

/** The `#profile=` fragment of a profile's JSON text (src/share.rs). */
export function profileFragment(text) {
  return `#profile=${Buffer.from(text, "utf8").toString("base64url")}`;
}

/**
 * Takes the browser context off the network: no connection at all
 * (setOffline), and every request but a file: or blob: one aborted.
 */
export async function goOffline(context) {
  await context.setOffline(true);
  await context.route(
    (url) => !/^(file|blob|data):$/.test(url.protocol),
    (route) => route.abort("internetdisconnected"),
  );
}

/**
 * Saves `page` as Chrome's "Save page as… Webpage, Complete" does: the live DOM
 * (`document.documentElement.outerHTML`, with the doctype) as NAME.html, and a
 * folder NAME_files/ with a copy of every stylesheet and script file it references
 * (from dist/), the references rewritten to point there. Returns the file's path.
 */
export async function saveLikeBrowser(page, name = "saved") {
  const dir = await mkdtemp(join(tmpdir(), "zhicheng-saved-"));
  let html = "<!doctype html>\n" + (await page.evaluate(() => document.documentElement.outerHTML));
  await mkdir(join(dir, `${name}_files`));
  const references = [...html.matchAll(/<(?:link[^>]*\shref|script[^>]*\ssrc)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((url) => !/^(data|blob|https?):/.test(url));
  for (const url of new Set(references)) {
    const local = url.replace(/^\//, "");
    const source = join(DIST, local);
    if (!(await stat(source).catch(() => null))?.isFile()) continue;
    const target = `${name}_files/${local.replaceAll("/", "_")}`;
    await copyFile(source, join(dir, target));
    html = html.replaceAll(`"${url}"`, `"${target}"`);
  }
  const path = join(dir, `${name}.html`);
  await writeFile(path, html);
  return path;
}

/** The value of the page's CSP <meta>. */
export async function cspOf(page) {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
}

/** Asserts every request in `requests` was one of `allowed` (file: URLs) or a blob:. */
export function assertOnlyRequested(requests, allowed) {
  const others = requests.filter((url) => !url.startsWith("blob:") && !allowed.some((a) => url.split("#")[0] === a));
  expect(others, "requests other than the file itself").toStrictEqual([]);
}

export { readFile };
