// The single-file offline build, dist/offline.html (cargo xtask build), opened
// from file:// with the network off: each shared example by its share link shows
// its verdict, and the browser sees no request but the file itself; batch
// screening (its worker from a blob), the notices' text and the CSP.

import { assert, test } from "./lib/harness.mjs";
import { assertVerdict, examples, ready } from "./lib/app.mjs";
import { OFFLINE_FILE, assertOnlyRequested, cspOf, fileUrl, goOffline, profileFragment, readFile } from "./lib/offline.mjs";
import { template } from "./lib/roster.mjs";

const FILE = { files: true };
const URL_OF_FILE = fileUrl(OFFLINE_FILE);

async function openOffline(t, fragment = "") {
  await goOffline(t.context);
  await t.page.goto(URL_OF_FILE + fragment);
  await ready(t.page);
}

for (const example of await examples()) {
  test(
    `offline.html from file://, network off: ${example.name}`,
    async (t) => {
      await openOffline(t, profileFragment(example.text));
      await assertVerdict(t, example.expected);
      assertOnlyRequested(t, [URL_OF_FILE]);
    },
    FILE,
  );
}

test(
  "offline.html: one file, a CSP with hashes and no 'self', no download link of itself",
  async (t) => {
    const html = await readFile(OFFLINE_FILE, "utf8");
    console.log(`        offline.html: ${(html.length / 1024).toFixed(0)} KB`);
    assert.doesNotMatch(html, /<link[^>]+rel="stylesheet"/, "the stylesheet is inline");
    assert.doesNotMatch(html, /<script[^>]+\ssrc=/, "no script file");
    assert.doesNotMatch(html, /rel="manifest"/);
    await openOffline(t);
    const csp = await cspOf(t.page);
    assert.match(csp, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' blob: 'wasm-unsafe-eval'; worker-src blob:; style-src 'sha256-/);
    assert.doesNotMatch(csp, /'self'|unsafe-inline|'unsafe-eval'/);
    assert.equal(await t.page.locator("#download-offline").count(), 0);
    assert.equal(await t.page.locator('[data-offline="inline"]').count(), 1);
    assert.equal(await t.page.evaluate(() => globalThis.zhichengBoot.source), "payload");
    assertOnlyRequested(t, [URL_OF_FILE]);
  },
  FILE,
);

test(
  "offline.html: batch screening runs its worker from a blob",
  async (t) => {
    await openOffline(t);
    const { page } = t;
    await page.click('[data-page="batch"]');
    await page.locator(".batch-page").waitFor();
    const { bytes, rows } = await template();
    await page.setInputFiles("#batch-roster", { name: "roster.csv", mimeType: "text/csv", buffer: bytes });
    await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor();
    await page.click("#batch-start");
    await page.locator('.batch-page:is([data-batch-state="done"], [data-batch-state="failed"])').waitFor({ timeout: 30_000 });
    const failed = page.locator("[data-batch-failed]");
    if (await failed.count()) assert.fail(`the batch failed: ${await failed.innerText()}`);
    assert.equal(await page.locator("[data-batch-row]").count(), rows.length);
    assertOnlyRequested(t, [URL_OF_FILE]);
  },
  FILE,
);

test(
  "offline.html: a notice's whole text opens from the file",
  async (t) => {
    const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
    await openOffline(t, profileFragment(example.text));
    await t.verdictStatus();
    const link = t.page.locator("a.whole-notice").first();
    await link.waitFor({ state: "attached" });
    assert.match(await link.getAttribute("href"), /^blob:null\//);
    const [popup] = await Promise.all([t.context.waitForEvent("page"), link.evaluate((a) => a.click())]);
    await popup.waitForLoadState();
    assert.match(await popup.locator("body").innerText(), /〔20\d\d〕\d+号/);
    await popup.close();
    assertOnlyRequested(t, [URL_OF_FILE]);
  },
  FILE,
);
