// Export the profile as a zhicheng-profile/1 file and import it again; a file
// that is not a profile is refused with the place of the problem.

import { readFile } from "node:fs/promises";
import { expect, test } from "./lib/fixtures.mjs";
import { examples, goto, ready, shareLink, verdictStatus } from "./lib/app.mjs";

test("export, clear, import: the same verdict", async ({ page }) => {
  const example = (await examples()).find((e) => e.name === "jxt_2019_online_hours_over_cap");
  await goto(page, shareLink(example.text));
  expect(await verdictStatus(page)).toBe(example.expected.status);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-profile")]);
  expect(download.suggestedFilename()).toBe("zhicheng-profile.json");
  const text = await readFile(await download.path(), "utf8");
  const exported = JSON.parse(text);
  expect(exported.format).toBe("zhicheng-profile/1");
  expect(exported.target.specialty).toBe("materials");
  expect(exported.ce_records.length).toBe(example.profile.ce_records.length);

  await page.click("#clear-data");
  await page.locator("[data-verdict-incomplete]").first().waitFor({ state: "attached" });
  await page.setInputFiles("#import-profile", { name: "mine.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.locator('[data-notice="imported"]').waitFor();
  expect(await verdictStatus(page)).toBe(example.expected.status);
  await expect(page.locator('.stepper [aria-current="step"]')).toHaveAttribute("data-step", "result");
});

test("a file that is not a profile is refused, naming the problem", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  await page.setInputFiles("#import-profile", {
    name: "other.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format":"zhicheng-verdict/1"}'),
  });
  const notice = page.locator('[data-notice="import-failed"]');
  await notice.waitFor();
  await expect.poll(() => notice.innerText()).toMatch(/other\.json.*format/);
  await expect(page.locator("#remember")).not.toBeChecked();
});

test("the share link box holds the link and explains it", async ({ page, context }) => {
  const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
  await goto(page, shareLink(example.text));
  await verdictStatus(page);
  await page.click("#make-share-link");
  const link = await page.inputValue("#share-link");
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#profile=[A-Za-z0-9_-]+$/);
  // The link opens the same profile in a new page.
  const other = await context.newPage();
  await other.goto(link);
  expect(await verdictStatus(other)).toBe("eligible");
});
