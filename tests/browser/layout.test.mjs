// The result panel is drawn where it is seen: beside every step on wide screens, in
// print (it is the report), and on a phone on the result step only, where the live
// strip above each step carries the verdict instead. Switching between them (a
// rotated tablet, a resized window, printing) draws or removes it at once.

import { expect, test } from "./lib/fixtures.mjs";
import { examples, goStep, goto, shareLink, typeInto, verdictStatus } from "./lib/app.mjs";

const PANEL = "section.panel";
const CELL = "#f-ce-2024-professional-offline";

test("on a phone the result panel is drawn on the result step only; wide screens and print draw it at every step", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
  await goto(page, shareLink(example.text));
  expect(await verdictStatus(page)).toBe("not_eligible");

  await goStep(page, "ce");
  await expect(page.locator(PANEL), "no panel beside a step on a phone").toHaveCount(0);
  const live = page.locator("[data-live-status]");
  await expect(live).toHaveAttribute("data-live-status", "not_eligible");
  await typeInto(page, CELL, "70");
  await expect(live, "the live strip follows the input").toHaveAttribute("data-live-status", "eligible");

  // Print: the panel is the report, whatever the step and the width.
  await page.emulateMedia({ media: "print" });
  await page.locator(`${PANEL} [data-verdict-status="eligible"]`).waitFor();
  await page.emulateMedia({ media: "screen" });
  await page.locator(PANEL).waitFor({ state: "detached" });

  // Wide: beside the form, at once, and gone again when narrow.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator(`${PANEL} [data-verdict-status="eligible"]`).waitFor();
  await expect(page.locator(CELL), "nothing typed was lost").toHaveValue("70");
  await page.setViewportSize({ width: 360, height: 640 });
  await page.locator(PANEL).waitFor({ state: "detached" });

  await goStep(page, "result");
  expect(await verdictStatus(page)).toBe("eligible");
  await expect(page.locator(PANEL)).toHaveCount(1);
});

test("printing from a step on a phone prints the report", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const example = (await examples()).find((e) => e.name === "shanxi_senior_economist_without_exam");
  await goto(page, shareLink(example.text));
  expect(await verdictStatus(page)).toBe("not_eligible");
  await goStep(page, "about");
  await expect(page.locator(PANEL)).toHaveCount(0);
  // What the browser's own print (Ctrl+P, the share menu) does first: beforeprint.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.locator(`${PANEL} [data-verdict-status="not_eligible"]`).waitFor({ state: "attached" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.locator(PANEL).waitFor({ state: "detached" });
});
