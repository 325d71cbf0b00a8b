// The single-file offline build, dist/offline.html (cargo xtask build), opened
// from file:// with the network off: each shared example by its share link shows
// its verdict, and the browser sees no request but the file itself; batch
// screening (its worker from a blob), the notices' text and the CSP.

import { expect, test } from "./lib/fixtures.mjs";
import { assertVerdict, examples, verdictStatus } from "./lib/app.mjs";
import { OFFLINE_FILE, cspOf, fileUrl, profileFragment, readFile } from "./lib/offline.mjs";
import { template } from "./lib/roster.mjs";

const URL_OF_FILE = fileUrl(OFFLINE_FILE);

test.use({ allowFiles: true });

for (const example of await examples()) {
  test(`offline.html from file://, network off: ${example.name}`, async ({ page, offlineTools }) => {
    await offlineTools.open(URL_OF_FILE + profileFragment(example.text));
    await assertVerdict(page, example.expected);
    offlineTools.onlyRequested([URL_OF_FILE]);
  });
}

test(
  "offline.html: one file, a CSP with hashes and no 'self', no download link of itself",
  async ({ page, offlineTools }) => {
    const html = await readFile(OFFLINE_FILE, "utf8");
    console.log(`        offline.html: ${(html.length / 1024).toFixed(0)} KB`);
    expect(html, "the stylesheet is inline").not.toMatch(/<link[^>]+rel="stylesheet"/);
    expect(html, "no script file").not.toMatch(/<script[^>]+\ssrc=/);
    expect(html).not.toMatch(/rel="manifest"/);
    await offlineTools.open(URL_OF_FILE);
    const csp = await cspOf(page);
    expect(csp).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' blob: 'wasm-unsafe-eval'; worker-src blob:; style-src 'sha256-/);
    expect(csp).not.toMatch(/'self'|unsafe-inline|'unsafe-eval'/);
    await expect(page.locator("#download-offline")).toHaveCount(0);
    await expect(page.locator('[data-offline="inline"]')).toHaveCount(1);
    expect(await page.evaluate(() => globalThis.zhichengBoot.source)).toBe("payload");
    offlineTools.onlyRequested([URL_OF_FILE]);
  },
);

test(
  "offline.html: the plan, the calendar file, the QR code and the row for HR work with no network",
  async ({ page, offlineTools }) => {
    const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
    await offlineTools.open(URL_OF_FILE + profileFragment(example.text));
    expect(await verdictStatus(page)).toBe(example.expected.status);
    await page.click('.stepper [data-step="result"]');
    await expect(page.locator("#plan [data-plan-year]").first()).toBeVisible();
    for (const [button, name] of [
      ["#add-to-calendar", "zhicheng-calendar.ics"],
      ["#export-for-hr", "zhicheng-for-hr.csv"],
    ]) {
      const [file] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      expect(file.suggestedFilename()).toBe(name);
      expect((await readFile(await file.path())).length).toBeGreaterThan(100);
    }
    const qr = page.locator("figure.qr");
    await expect(qr).toHaveAttribute("data-qr-link", /^file:.*#z=/);
    await expect(qr.locator("[data-qr-from-file]"), "the code's link opens on this device only: said").toBeVisible();
    offlineTools.onlyRequested([URL_OF_FILE]);
  },
);

test(
  "offline.html: batch screening runs its worker from a blob",
  async ({ page, offlineTools }) => {
    await offlineTools.open(URL_OF_FILE);
    await page.click('[data-page="batch"]');
    await page.locator(".batch-page").waitFor();
    const { bytes, rows } = await template();
    await page.setInputFiles("#batch-roster", { name: "roster.csv", mimeType: "text/csv", buffer: bytes });
    await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor();
    await page.click("#batch-start");
    await page.locator('.batch-page:is([data-batch-state="done"], [data-batch-state="failed"])').waitFor({ timeout: 30_000 });
    const failed = page.locator("[data-batch-failed]");
    if (await failed.count()) throw new Error(`the batch failed: ${await failed.innerText()}`);
    await expect(page.locator("[data-batch-row]")).toHaveCount(rows.length);
    offlineTools.onlyRequested([URL_OF_FILE]);
  },
);

test(
  "offline.html: a notice's whole text opens from the file",
  async ({ page, context, offlineTools }) => {
    const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
    await offlineTools.open(URL_OF_FILE + profileFragment(example.text));
    await verdictStatus(page);
    const link = page.locator("a.whole-notice").first();
    await link.waitFor({ state: "attached" });
    expect(await link.getAttribute("href")).toMatch(/^blob:null\//);
    const [popup] = await Promise.all([context.waitForEvent("page"), link.evaluate((a) => a.click())]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.locator("body").innerText()).toMatch(/〔20\d\d〕\d+号/);
    await popup.close();
    offlineTools.onlyRequested([URL_OF_FILE]);
  },
);
