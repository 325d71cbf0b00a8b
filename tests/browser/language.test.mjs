// Chinese by default, English by the toggle: the page, the form, the verdict's
// messages and the live announcement all switch, and back.

import { assert, test } from "./lib/harness.mjs";
import { examples, goStep, shareLink } from "./lib/app.mjs";

const CJK = /[\u4e00-\u9fff]/;

test("the language toggle switches everything, and back", async (t) => {
  const { page } = t;
  const example = (await examples()).find((e) => e.name === "shanxi_senior_economist_without_exam");
  await t.goto(shareLink(example.text));
  assert.equal(await t.verdictStatus(), "not_eligible");
  const banner = page.locator("[data-verdict-status]");
  assert.match(await banner.innerText(), /暂不符合申报条件/);
  assert.match(await page.locator("#announcer").innerText(), /检查结果：暂不符合申报条件/);

  await page.click("#lang-toggle");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.title(), /Self-Check/);
  assert.match(await banner.innerText(), /not eligible/i);
  assert.match(await page.locator('[data-check-id="exam"] .check-message').innerText(), /exam/i);
  assert.match(await page.locator('[data-check-id="exam"] .check-hint').innerText(), /^What to do:/);
  assert.match(await page.locator("#announcer").innerText(), /^Result: not eligible/);
  for (const label of await page.locator(".stepper .step-name").allInnerTexts()) {
    assert.doesNotMatch(label, CJK, label);
  }
  await goStep(page, "about");
  assert.equal((await page.locator('label[for="f-birth-date"]').innerText()).trim(), "Date of birth");
  for (const text of await page.locator(".step :is(h2, label, legend, .hint, .intro)").allInnerTexts()) {
    assert.doesNotMatch(text, CJK, text);
  }
  assert.equal((await page.locator("#lang-toggle").innerText()).trim(), "中文");

  await page.click("#lang-toggle");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal((await page.locator('label[for="f-birth-date"]').innerText()).trim(), "出生日期");
  // Nothing typed was lost by switching.
  assert.equal(await page.inputValue("#f-birth-date"), "1980-05-10");
});
