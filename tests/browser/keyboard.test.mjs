// Full keyboard use: steps open with Enter and move the focus to their heading,
// citations open from the keyboard, focus is visible, and the verdict is
// announced through a live region.

import { assert, test } from "./lib/harness.mjs";
import { examples, ready, shareLink } from "./lib/app.mjs";

test("steps, fields and citations work from the keyboard", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  assert.equal(await page.locator("[tabindex]:not([tabindex='-1']):not([tabindex='0'])").count(), 0, "no positive tabindex");

  // Tab from the top reaches the language switch and the stepper.
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.dataset.step || ""));
    if (seen.at(-1) === "about") break;
  }
  assert.ok(seen.includes("lang-toggle"), seen.join(","));
  assert.equal(seen.at(-1), "about", seen.join(","));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none", "the focus is visible");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "step-heading");
  assert.equal(await page.getAttribute('.stepper [aria-current="step"]', "data-step"), "about");

  // Type a date and pick a radio button with the keyboard alone.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-birth-date");
  await page.keyboard.type("19800510");
  await page.keyboard.press("Tab");
  assert.equal(await page.inputValue("#f-birth-date"), "1980-05-10");
  await page.keyboard.press("Space");
  assert.equal(await page.isChecked("#f-retirement-group-male"), true);
});

test("citations open from the keyboard; the live region announces the verdict", async (t) => {
  const { page } = t;
  const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
  await t.goto(shareLink(example.text));
  await t.verdictStatus();
  assert.match(await page.locator("#announcer[aria-live='polite']").innerText(), /暂不符合申报条件/);
  const cite = page.locator('[data-check-id="ce_hours"] .cite').first();
  await cite.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.notEqual(await cite.getAttribute("open"), null);
  const body = await cite.locator(".cite-body").innerText();
  assert.match(body, /原文/);
  assert.match(body, /丽水市莲都区人力资源和社会保障局/);
  // A summary of a national document is labelled as ours.
  const national = page.locator('[data-check-id="retirement"] .cite').first();
  await national.locator("summary").click();
  assert.match(await national.locator(".cite-body").innerText(), /摘要（非原文）/);
});
