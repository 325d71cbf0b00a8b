// Bad input (a date that does not exist, negative hours) is shown next to its
// field, in either language, and never wipes anything else.

import { assert, test } from "./lib/harness.mjs";
import { PHONE, goStep, ready, screen, typeInto } from "./lib/app.mjs";

test(
  "a date that does not exist and negative hours, next to their fields",
  async (t) => {
    const { page } = t;
    await t.goto("/");
    await ready(page);
    await page.check("#f-rule-set-zj-liandu-2024");
    await page.selectOption("#f-title", "senior_engineer");

    await goStep(page, "about");
    await typeInto(page, "#f-birth-date", "1980-02-30");
    const dateError = page.locator('[data-field-error="f-birth-date"]');
    assert.match(await dateError.innerText(), /“1980-02-30”不是存在的日期/);
    assert.equal(await page.getAttribute("#f-birth-date", "aria-invalid"), "true");
    assert.match(await page.getAttribute("#f-birth-date", "aria-describedby"), /f-birth-date-error/);
    await page.check("#f-retirement-group-male");

    await goStep(page, "ce");
    await typeInto(page, "#f-ce-2024-professional-offline", "60");
    await typeInto(page, "#f-ce-2024-general_public-offline", "-5");
    const hoursError = page.locator('[data-field-error="f-ce-2024-general_public-offline"]');
    assert.match(await hoursError.innerText(), /学时必须大于 0/);
    await screen(page, "360-bad-hours");

    // The result lists both, each a link to its field.
    await goStep(page, "result");
    const todo = page.locator("[data-verdict-incomplete]");
    assert.match(await todo.innerText(), /出生日期.*不是存在的日期/);
    await screen(page, "360-bad-input-result");
    assert.match(await todo.innerText(), /2024 年一般公需科目（非网络）学时.*必须大于 0/);

    // English, then back: same errors, nothing lost.
    await page.click("#lang-toggle");
    assert.match(await todo.innerText(), /"1980-02-30" is not a date that exists/);
    await page.click('[data-go-field="f-ce-2024-general_public-offline"]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), "f-ce-2024-general_public-offline");
    assert.match(await hoursError.innerText(), /must be greater than 0/);
    await page.click("#lang-toggle");
    assert.equal(await page.inputValue("#f-ce-2024-general_public-offline"), "-5");
    assert.equal(await page.inputValue("#f-ce-2024-professional-offline"), "60");
    await goStep(page, "about");
    assert.equal(await page.inputValue("#f-birth-date"), "1980-02-30");
    assert.equal(await page.isChecked("#f-retirement-group-male"), true);
    await goStep(page, "target");
    assert.equal(await page.inputValue("#f-title"), "senior_engineer");

    // Fixing the date clears its error; other ways of writing a date are tidied.
    await goStep(page, "about");
    await typeInto(page, "#f-birth-date", "1980/2/29");
    assert.equal(await page.inputValue("#f-birth-date"), "1980-02-29");
    assert.equal(await page.locator('[data-field-error="f-birth-date"]').count(), 0);
  },
  { context: PHONE },
);
