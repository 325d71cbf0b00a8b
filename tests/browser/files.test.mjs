// Export the profile as a zhicheng-profile/1 file and import it again; a file
// that is not a profile is refused with the place of the problem.

import { readFile } from "node:fs/promises";
import { assert, test } from "./lib/harness.mjs";
import { examples, ready, shareLink } from "./lib/app.mjs";

test("export, clear, import: the same verdict", async (t) => {
  const { page } = t;
  const example = (await examples()).find((e) => e.name === "jxt_2019_online_hours_over_cap");
  await t.goto(shareLink(example.text));
  assert.equal(await t.verdictStatus(), example.expected.status);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-profile")]);
  assert.equal(download.suggestedFilename(), "zhicheng-profile.json");
  const text = await readFile(await download.path(), "utf8");
  const exported = JSON.parse(text);
  assert.equal(exported.format, "zhicheng-profile/1");
  assert.equal(exported.target.specialty, "materials");
  assert.equal(exported.ce_records.length, example.profile.ce_records.length);

  await page.click("#clear-data");
  await page.locator("[data-verdict-incomplete]").first().waitFor({ state: "attached" });
  await page.setInputFiles("#import-profile", { name: "mine.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.locator('[data-notice="imported"]').waitFor();
  assert.equal(await t.verdictStatus(), example.expected.status);
  assert.equal(await page.getAttribute('.stepper [aria-current="step"]', "data-step"), "result");
});

test("a file that is not a profile is refused, naming the problem", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  await page.setInputFiles("#import-profile", {
    name: "other.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format":"zhicheng-verdict/1"}'),
  });
  const notice = page.locator('[data-notice="import-failed"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /other\.json.*format/);
  assert.equal(await page.isChecked("#remember"), false);
});

test("the share link box holds the link and explains it", async (t) => {
  const { page } = t;
  const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
  await t.goto(shareLink(example.text));
  await t.verdictStatus();
  await page.click("#make-share-link");
  const link = await page.inputValue("#share-link");
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#profile=[A-Za-z0-9_-]+$/);
  // The link opens the same profile in a new page.
  const other = await t.newPage();
  await other.goto(link);
  assert.equal(await t.verdictStatus(other), "eligible");
});
