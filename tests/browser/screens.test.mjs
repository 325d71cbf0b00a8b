// Every step at 360 px (phone) and 1280 px (desktop): a screenshot for reviewers
// in tests/browser/artifacts/screens/, no horizontal scrolling, and axe-core with
// no serious or critical violation.

import { assert, test } from "./lib/harness.mjs";
import {
  DESKTOP,
  PHONE,
  assertAccessible,
  assertNoSideScroll,
  examples,
  goStep,
  ready,
  screen,
  shareLink,
} from "./lib/app.mjs";
import { ownCase } from "./lib/cases.mjs";

const STEPS = ["target", "about", "education", "other", "ce", "result"];
const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");

for (const [width, context] of [
  [360, PHONE],
  [1280, DESKTOP],
]) {
  test(
    `every step at ${width} px: screenshot, no side scrolling, axe`,
    async (t) => {
      const { page } = t;
      const check = async (name) => {
        await assertNoSideScroll(page, name);
        await assertAccessible(page, `${name} at ${width} px`);
        await screen(page, `${width}-${name}`);
      };

      // An empty form: what is still missing.
      await t.goto("/");
      await ready(page);
      await check("0-start");
      await goStep(page, "result");
      await check("0-result-empty");

      // A filled-in profile (not eligible: professional hours short in 2024),
      // opened by a share link while the app is open (only the fragment changes).
      await page.goto(new URL(shareLink(example.text), t.baseUrl).href);
      await t.verdictStatus();
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
          assert.match(await cite.locator(".cite-body").innerText(), /莲人社〔2024〕42号[\s\S]*2024-05-22/);
        }
        await check(`${i + 1}-${step}`);
      }

      // The result in English.
      await page.click("#lang-toggle");
      await check("7-result-en");
      await goStep(page, "ce");
      await check("8-ce-en");
    },
    { context },
  );
}

// The other two verdicts (needs review, not covered), and a projection year.
const CASES = ["path_none_exceptional_review", "jxt_other_specialty_not_covered"];

test(
  "every kind of verdict at 360 px: screenshot and axe",
  async (t) => {
    const { page } = t;
    for (const name of CASES) {
      const { text, expected } = await ownCase(name);
      await page.goto("about:blank");
      await t.goto(shareLink(text));
      assert.equal(await t.verdictStatus(), expected.status);
      await assertNoSideScroll(page, name);
      await assertAccessible(page, name);
      await screen(page, `360-verdict-${expected.status}`);
    }
  },
  { context: PHONE },
);

test(
  "the print stylesheet shows the report only",
  async (t) => {
    const { page } = t;
    await t.goto(shareLink(example.text));
    await t.verdictStatus();
    await page.emulateMedia({ media: "print" });
    for (const hidden of [".stepper", ".data-panel", ".lang-toggle", ".notices", "#print"]) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    for (const shown of ["[data-verdict-status]", ".checks", ".ce-table", "[data-rules-version]", ".report-meta"]) {
      assert.ok(await page.locator(shown).first().isVisible(), `${shown} is printed`);
    }
    await screen(page, "print-report");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `the report is ${pages} pages`);
  },
  { context: DESKTOP },
);
