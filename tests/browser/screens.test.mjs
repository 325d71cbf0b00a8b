// Every step at 360 px (phone) and 1280 px (desktop): a screenshot for reviewers
// in tests/browser/artifacts/screens/, no horizontal scrolling, and axe-core with
// no serious or critical violation.

import { expect, test } from "./lib/fixtures.mjs";
import {
  DESKTOP,
  PHONE,
  assertAccessible,
  assertNoSideScroll,
  examples,
  goStep,
  goto,
  ready,
  screen,
  shareLink,
  verdictStatus,
} from "./lib/app.mjs";
import { ownCase } from "./lib/cases.mjs";

const STEPS = ["target", "about", "education", "other", "ce", "result"];
const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");

for (const [width, device] of [
  [360, PHONE],
  [1280, DESKTOP],
]) {
  test.describe(() => {
    test.use(device);
    test(
      `every step at ${width} px: screenshot, no side scrolling, axe`,
      async ({ page, baseURL }) => {
        const check = async (name) => {
          await assertNoSideScroll(page, name);
          await assertAccessible(page, `${name} at ${width} px`);
          await screen(page, `${width}-${name}`);
        };

        // An empty form: what is still missing.
        await goto(page, "/");
        await ready(page);
        await check("0-start");
        await goStep(page, "result");
        await check("0-result-empty");

        // A filled-in profile (not eligible: professional hours short in 2024),
        // opened by a share link while the app is open (only the fragment changes).
        await page.goto(new URL(shareLink(example.text), baseURL).href);
        await verdictStatus(page);
        await page.click('[data-notice] .dismiss');
        for (const [i, step] of STEPS.entries()) {
          await goStep(page, step);
          if (step === "other") {
            for (const summary of await page.locator(".part summary").all()) await summary.click();
            await page.click("#add-assessment");
            await page.click("#add-sanction");
          }
          if (step === "result") {
            // A citation opened: the clause text, the notice's number, issuer and date.
            const cite = page.locator('[data-check-id="ce_hours"] .cite').first();
            await cite.locator("summary").click();
            await expect.poll(() => cite.locator(".cite-body").innerText()).toMatch(/莲人社〔2024〕42号[\s\S]*2024-05-22/);
          }
          await check(`${i + 1}-${step}`);
        }

        // The result in English.
        await page.click("#lang-toggle");
        await check("7-result-en");
        await goStep(page, "ce");
        await check("8-ce-en");
      },
    );
  });
}

// The other two verdicts (needs review, not covered), and a projection year.
const CASES = ["path_none_exceptional_review", "jxt_other_specialty_not_covered"];

test.describe(() => {
  test.use(PHONE);
  test(
    "every kind of verdict at 360 px: screenshot and axe",
    async ({ page }) => {
      for (const name of CASES) {
        const { text, expected } = await ownCase(name);
        await page.goto("about:blank");
        await goto(page, shareLink(text));
        expect(await verdictStatus(page)).toBe(expected.status);
        await assertNoSideScroll(page, name);
        await assertAccessible(page, name);
        await screen(page, `360-verdict-${expected.status}`);
      }
    },
  );
});

test.describe(() => {
  test.use(DESKTOP);
  test(
    "the print stylesheet shows the report only",
    async ({ page }) => {
      await goto(page, shareLink(example.text));
      await verdictStatus(page);
      await page.emulateMedia({ media: "print" });
      for (const hidden of [".stepper", ".data-panel", ".lang-toggle", ".notices", "#print"]) {
        expect(await page.locator(hidden).isVisible(), `${hidden} is not printed`).toBe(false);
      }
      for (const shown of ["[data-verdict-status]", ".checks", ".ce-table", "[data-rules-version]", ".report-meta"]) {
        expect(await page.locator(shown).first().isVisible(), `${shown} is printed`).toBeTruthy();
      }
      await screen(page, "print-report");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages >= 1 && pages <= 2, `the report is ${pages} pages`).toBeTruthy();
    },
  );
});
