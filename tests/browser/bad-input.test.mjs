// Bad input (a date that does not exist, negative hours) is shown next to its
// field, in either language, and never wipes anything else.

import { expect, test } from "./lib/fixtures.mjs";
import { PHONE, goStep, goto, ready, screen, typeInto } from "./lib/app.mjs";

test.describe(() => {
  test.use(PHONE);
  test(
    "a date that does not exist and negative hours, next to their fields",
    async ({ page }) => {
      await goto(page, "/");
      await ready(page);
      await page.check("#f-rule-set-zj-liandu-2024");
      await page.selectOption("#f-title", "senior_engineer");

      await goStep(page, "about");
      await typeInto(page, "#f-birth-date", "1980-02-30");
      const dateError = page.locator('[data-field-error="f-birth-date"]');
      await expect.poll(() => dateError.innerText()).toMatch(/“1980-02-30”不是存在的日期/);
      await expect(page.locator("#f-birth-date")).toHaveAttribute("aria-invalid", "true");
      expect(await page.getAttribute("#f-birth-date", "aria-describedby")).toMatch(/f-birth-date-error/);
      await page.check("#f-retirement-group-male");

      await goStep(page, "ce");
      await typeInto(page, "#f-ce-2024-professional-offline", "60");
      await typeInto(page, "#f-ce-2024-general_public-offline", "-5");
      const hoursError = page.locator('[data-field-error="f-ce-2024-general_public-offline"]');
      await expect.poll(() => hoursError.innerText()).toMatch(/学时必须大于 0/);
      await screen(page, "360-bad-hours");

      // The result lists both, each a link to its field.
      await goStep(page, "result");
      const todo = page.locator("[data-verdict-incomplete]");
      await expect.poll(() => todo.innerText()).toMatch(/出生日期.*不是存在的日期/);
      await screen(page, "360-bad-input-result");
      await expect.poll(() => todo.innerText()).toMatch(/2024 年一般公需科目（非网络）学时.*必须大于 0/);

      // English, then back: same errors, nothing lost.
      await page.click("#lang-toggle");
      await expect.poll(() => todo.innerText()).toMatch(/"1980-02-30" is not a date that exists/);
      await page.click('[data-go-field="f-ce-2024-general_public-offline"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-ce-2024-general_public-offline");
      await expect.poll(() => hoursError.innerText()).toMatch(/must be greater than 0/);
      await page.click("#lang-toggle");
      await expect(page.locator("#f-ce-2024-general_public-offline")).toHaveValue("-5");
      await expect(page.locator("#f-ce-2024-professional-offline")).toHaveValue("60");
      await goStep(page, "about");
      await expect(page.locator("#f-birth-date")).toHaveValue("1980-02-30");
      await expect(page.locator("#f-retirement-group-male")).toBeChecked();
      await goStep(page, "target");
      await expect(page.locator("#f-title")).toHaveValue("senior_engineer");

      // Fixing the date clears its error; other ways of writing a date are tidied.
      await goStep(page, "about");
      await typeInto(page, "#f-birth-date", "1980/2/29");
      await expect(page.locator("#f-birth-date")).toHaveValue("1980-02-29");
      await expect(page.locator('[data-field-error="f-birth-date"]')).toHaveCount(0);
    },
  );
});
