// Full keyboard use: steps open with Enter and move the focus to their heading,
// citations open from the keyboard, focus is visible, and the verdict is
// announced through a live region.

import { expect, test } from "./lib/fixtures.mjs";
import { examples, goto, ready, shareLink, verdictStatus } from "./lib/app.mjs";

test("steps, fields and citations work from the keyboard", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  await expect(page.locator("[tabindex]:not([tabindex='-1']):not([tabindex='0'])"), "no positive tabindex").toHaveCount(0);

  // Tab from the top reaches the language switch and the stepper.
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.dataset.step || ""));
    if (seen.at(-1) === "about") break;
  }
  expect(seen.includes("lang-toggle"), seen.join(",")).toBeTruthy();
  expect(seen.at(-1), seen.join(",")).toBe("about");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline, "the focus is visible").not.toBe("none");
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("step-heading");
  await expect(page.locator('.stepper [aria-current="step"]')).toHaveAttribute("data-step", "about");

  // Type a date and pick a radio button with the keyboard alone.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-birth-date");
  await page.keyboard.type("19800510");
  await page.keyboard.press("Tab");
  await expect(page.locator("#f-birth-date")).toHaveValue("1980-05-10");
  await page.keyboard.press("Space");
  await expect(page.locator("#f-retirement-group-male")).toBeChecked();
});

test("citations open from the keyboard; the live region announces the verdict", async ({ page }) => {
  const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
  await goto(page, shareLink(example.text));
  await verdictStatus(page);
  await expect.poll(() => page.locator("#announcer[aria-live='polite']").innerText()).toMatch(/暂不符合申报条件/);
  const cite = page.locator('[data-check-id="ce_hours"] .cite').first();
  await cite.locator("summary").focus();
  await page.keyboard.press("Enter");
  expect(await cite.getAttribute("open")).not.toBe(null);
  const body = await cite.locator(".cite-body").innerText();
  expect(body).toMatch(/原文/);
  expect(body).toMatch(/丽水市莲都区人力资源和社会保障局/);
  // A summary of a national document is labelled as ours.
  const national = page.locator('[data-check-id="retirement"] .cite').first();
  await national.locator("summary").click();
  await expect.poll(() => national.locator(".cite-body").innerText()).toMatch(/摘要（非原文）/);
});
