// "Save page as…": a hosted page, once started and idle, keeps its own glue and
// wasm in its DOM as an inert payload (www/boot.js), so the serialized DOM that the
// browser writes works opened from file:// with the network off. The hosted page
// pays nothing for it: each of its files is fetched once, and index.html carries
// no payload.

import { stat } from "node:fs/promises";
import { join } from "node:path";

import { assert, test } from "./lib/harness.mjs";
import { assertVerdict, examples, ready } from "./lib/app.mjs";
import { DIST, fileUrl, goOffline, profileFragment, readFile, saveLikeBrowser } from "./lib/offline.mjs";

const EXAMPLES = await examples();

/** Opens the hosted app, waits until it holds its payload, and saves it like a browser. */
async function saveHosted(t, fragment = "") {
  await t.goto(`/${fragment}`);
  await ready(t.page);
  await t.page.evaluate(() => globalThis.zhichengBoot.kept);
  const blocks = await t.page.locator('script[type="application/x-zhicheng-asset"]').count();
  assert.equal(blocks, 2, "the glue and the wasm are in the DOM");
  return saveLikeBrowser(t.page);
}

test(
  "a hosted page saved as a file works offline: every shared example",
  async (t) => {
    const saved = await saveHosted(t);
    await goOffline(t.context);
    const before = t.requests.length;
    for (const example of EXAMPLES) {
      const page = await t.newPage();
      await page.goto(fileUrl(saved, profileFragment(example.text)));
      await ready(page);
      await assertVerdict(t, example.expected, page);
      // Rendered once: the app replaced the saved rendering.
      assert.equal(await page.locator(".site-header").count(), 1, "the app is shown once");
      assert.equal(await page.evaluate(() => globalThis.zhichengBoot.source), "payload");
    }
    const folder = fileUrl(join(saved, ".."));
    const others = t.requests.slice(before).filter((url) => !url.startsWith("blob:") && !url.startsWith(folder));
    assert.deepEqual(others, [], "the saved page asked for nothing but its own files");
  },
  { files: true },
);

test("the hosted page's transfer did not grow: each file once, no payload in index.html", async (t) => {
  const sizes = new Map();
  t.context.on("requestfinished", async (request) => {
    const { responseBodySize } = await request.sizes();
    const path = new URL(request.url()).pathname;
    sizes.set(path, (sizes.get(path) ?? 0) + responseBodySize);
  });
  const responses = [];
  t.context.on("response", (r) => responses.push(new URL(r.url()).pathname));
  await t.goto("/");
  await ready(t.page);
  await t.page.evaluate(() => globalThis.zhichengBoot.kept);
  await t.page.waitForLoadState("networkidle");

  const html = await readFile(join(DIST, "index.html"), "utf8");
  assert.doesNotMatch(html, /<script type="application\/x-zhicheng-asset"/, "index.html carries no payload");
  assert.ok(html.length < 16 * 1024, `index.html is ${html.length} bytes`);
  // What a load fetched: the page, its stylesheet, the glue and the wasm, each once.
  const boot = html.match(/data-zc-js="([^"]+)" data-zc-wasm="([^"]+)"/);
  const css = html.match(/<link rel="stylesheet" href="([^"]+)"/)[1];
  const expected = ["/", css, boot[1], boot[2]].sort();
  assert.deepEqual([...responses].filter((p) => !p.startsWith("/manifest")).sort(), expected, "each file fetched once");
  let budget = 0;
  for (const path of expected) budget += (await stat(join(DIST, path === "/" ? "index.html" : path))).size;
  let total = 0;
  for (const [path, size] of sizes) if (!path.startsWith("/manifest")) total += size;
  console.log(`        hosted page load: ${total} bytes (its four files: ${budget} bytes)`);
  assert.ok(total <= budget, `the hosted page fetched ${total} bytes, more than its files' ${budget}`);
});
