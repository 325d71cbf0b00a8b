// Chinese by default, English by the toggle: the page, the form, the verdict's
// messages and the live announcement all switch, and back.

import { expect, test } from "./lib/fixtures.mjs";
import { examples, goStep, goto, shareLink, verdictStatus } from "./lib/app.mjs";

const CJK = /[\u4e00-\u9fff]/;

test("the language toggle switches everything, and back", async ({ page }) => {
  const example = (await examples()).find((e) => e.name === "shanxi_senior_economist_without_exam");
  await goto(page, shareLink(example.text));
  expect(await verdictStatus(page)).toBe("not_eligible");
  const banner = page.locator("[data-verdict-status]");
  await expect.poll(() => banner.innerText()).toMatch(/暂不符合申报条件/);
  await expect.poll(() => page.locator("#announcer").innerText()).toMatch(/检查结果：暂不符合申报条件/);

  await page.click("#lang-toggle");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await page.title()).toMatch(/Self-Check/);
  await expect.poll(() => banner.innerText()).toMatch(/not eligible/i);
  await expect.poll(() => page.locator('[data-check-id="exam"] .check-message').innerText()).toMatch(/exam/i);
  await expect.poll(() => page.locator('[data-check-id="exam"] .check-hint').innerText()).toMatch(/^What to do:/);
  await expect.poll(() => page.locator("#announcer").innerText()).toMatch(/^Result: not eligible/);
  for (const label of await page.locator(".stepper .step-name").allInnerTexts()) {
    expect(label, label).not.toMatch(CJK);
  }
  await goStep(page, "about");
  expect((await page.locator('label[for="f-birth-date"]').innerText()).trim()).toBe("Date of birth");
  for (const text of await page.locator(".step :is(h2, label, legend, .hint, .intro)").allInnerTexts()) {
    expect(text, text).not.toMatch(CJK);
  }
  expect((await page.locator("#lang-toggle").innerText()).trim()).toBe("中文");

  await page.click("#lang-toggle");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect((await page.locator('label[for="f-birth-date"]').innerText()).trim()).toBe("出生日期");
  // Nothing typed was lost by switching.
  await expect(page.locator("#f-birth-date")).toHaveValue("1980-05-10");
});
