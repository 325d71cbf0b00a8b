// "Save page as…": a hosted page, once started and idle, keeps its own glue and
// wasm in its DOM as an inert payload (www/boot.js), so the serialized DOM that the
// browser writes works opened from file:// with the network off. The hosted page
// pays nothing for it: each of its files is fetched once, and index.html carries
// no payload.

import { stat } from "node:fs/promises";
import { join } from "node:path";

import { expect, test } from "./lib/fixtures.mjs";
import { assertVerdict, examples, goto, ready } from "./lib/app.mjs";
import { DIST, fileUrl, profileFragment, readFile, saveLikeBrowser } from "./lib/offline.mjs";

const EXAMPLES = await examples();

/** Opens the hosted app, waits until it holds its payload, and saves it like a browser. */
async function saveHosted(page, fragment = "") {
  await goto(page, `/${fragment}`);
  await ready(page);
  await page.evaluate(() => globalThis.zhichengBoot.kept);
  const blocks = await page.locator('script[type="application/x-zhicheng-asset"]').count();
  expect(blocks, "the glue and the wasm are in the DOM").toBe(2);
  return saveLikeBrowser(page);
}

test.describe(() => {
  test.use({ allowFiles: true });
  test(
    "a hosted page saved as a file works offline: every shared example",
    async ({ page, context, guards, offlineTools }) => {
      const saved = await saveHosted(page);
      const before = guards.requests.length;
      for (const example of EXAMPLES) {
        const opened = await context.newPage();
        await offlineTools.open(fileUrl(saved, profileFragment(example.text)), opened);
        await assertVerdict(opened, example.expected);
        // Rendered once: the app replaced the saved rendering.
        await expect(opened.locator(".site-header"), "the app is shown once").toHaveCount(1);
        expect(await opened.evaluate(() => globalThis.zhichengBoot.source)).toBe("payload");
      }
      const folder = fileUrl(join(saved, ".."));
      const others = guards.requests.slice(before).filter((url) => !url.startsWith("blob:") && !url.startsWith(folder));
      expect(others, "the saved page asked for nothing but its own files").toStrictEqual([]);
    },
  );
});

test("the hosted page's transfer did not grow: each file once, no payload in index.html", async ({ page, context }) => {
  const sizes = new Map();
  context.on("requestfinished", async (request) => {
    const { responseBodySize } = await request.sizes();
    const path = new URL(request.url()).pathname;
    sizes.set(path, (sizes.get(path) ?? 0) + responseBodySize);
  });
  const responses = [];
  context.on("response", (r) => responses.push(new URL(r.url()).pathname));
  await goto(page, "/");
  await ready(page);
  await page.evaluate(() => globalThis.zhichengBoot.kept);
  await page.waitForLoadState("networkidle");

  const html = await readFile(join(DIST, "index.html"), "utf8");
  expect(html, "index.html carries no payload").not.toMatch(/<script type="application\/x-zhicheng-asset"/);
  // The page, its stylesheet inline, its prerendered first screen and its no-script
  // section: no payload.
  expect(html.length < 80 * 1024, `index.html is ${html.length} bytes`).toBeTruthy();
  expect(html, "the stylesheet is inline").not.toMatch(/<link[^>]+rel="stylesheet"/);
  // What a load fetched: the page, the glue and the wasm, each once.
  const boot = html.match(/data-zc-js="([^"]+)" data-zc-wasm="([^"]+)"/);
  const expected = ["/", boot[1], boot[2]].sort();
  expect([...responses].filter((p) => !p.startsWith("/manifest")).sort(), "each file fetched once").toStrictEqual(expected);
  let budget = 0;
  for (const path of expected) budget += (await stat(join(DIST, path === "/" ? "index.html" : path))).size;
  let total = 0;
  for (const [path, size] of sizes) if (!path.startsWith("/manifest")) total += size;
  console.log(`        hosted page load: ${total} bytes (its three files: ${budget} bytes)`);
  expect(total <= budget, `the hosted page fetched ${total} bytes, more than its files' ${budget}`).toBeTruthy();
});
