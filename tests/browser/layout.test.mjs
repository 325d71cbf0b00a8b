// The result panel is drawn where it is seen: beside every step on wide screens, in
// print (it is the report), and on a phone on the result step only, where the live
// strip above each step carries the verdict instead. Switching between them (a
// rotated tablet, a resized window, printing) draws or removes it at once.

import { assert, test } from "./lib/harness.mjs";
import { examples, goStep, shareLink, typeInto } from "./lib/app.mjs";

const PANEL = "section.panel";
const CELL = "#f-ce-2024-professional-offline";

test("on a phone the result panel is drawn on the result step only; wide screens and print draw it at every step", async (t) => {
  const { page } = t;
  await page.setViewportSize({ width: 360, height: 640 });
  const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
  await t.goto(shareLink(example.text));
  assert.equal(await t.verdictStatus(), "not_eligible");

  await goStep(page, "ce");
  assert.equal(await page.locator(PANEL).count(), 0, "no panel beside a step on a phone");
  const live = page.locator("[data-live-status]");
  assert.equal(await live.getAttribute("data-live-status"), "not_eligible");
  await typeInto(page, CELL, "70");
  assert.equal(await live.getAttribute("data-live-status"), "eligible", "the live strip follows the input");

  // Print: the panel is the report, whatever the step and the width.
  await page.emulateMedia({ media: "print" });
  await page.locator(`${PANEL} [data-verdict-status="eligible"]`).waitFor();
  await page.emulateMedia({ media: "screen" });
  await page.locator(PANEL).waitFor({ state: "detached" });

  // Wide: beside the form, at once, and gone again when narrow.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator(`${PANEL} [data-verdict-status="eligible"]`).waitFor();
  assert.equal(await page.inputValue(CELL), "70", "nothing typed was lost");
  await page.setViewportSize({ width: 360, height: 640 });
  await page.locator(PANEL).waitFor({ state: "detached" });

  await goStep(page, "result");
  assert.equal(await t.verdictStatus(), "eligible");
  assert.equal(await page.locator(PANEL).count(), 1);
});

test("printing from a step on a phone prints the report", async (t) => {
  const { page } = t;
  await page.setViewportSize({ width: 360, height: 640 });
  const example = (await examples()).find((e) => e.name === "shanxi_senior_economist_without_exam");
  await t.goto(shareLink(example.text));
  assert.equal(await t.verdictStatus(), "not_eligible");
  await goStep(page, "about");
  assert.equal(await page.locator(PANEL).count(), 0);
  // What the browser's own print (Ctrl+P, the share menu) does first: beforeprint.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.locator(`${PANEL} [data-verdict-status="not_eligible"]`).waitFor({ state: "attached" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.locator(PANEL).waitFor({ state: "detached" });
});
