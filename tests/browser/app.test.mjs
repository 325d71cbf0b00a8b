// The page loads, renders into #app only, starts in Chinese on step 1, stores
// nothing, and fits a phone's screen.

import { expect, test } from "./lib/fixtures.mjs";
import { PHONE, assertNoSideScroll, goto, ready } from "./lib/app.mjs";

test("the app starts on step 1 in Chinese and renders only into #app", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  expect(await page.title()).toBe("职称自测");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect((await page.locator("h1").innerText()).trim()).toBe("职称自测");
  await expect(page.locator("body > #app .site-header")).toHaveCount(1);
  await expect(page.locator("body > noscript")).toHaveCount(1);
  // One script: the inline boot script (www/boot.js); the app's files are named on an
  // inert tag and fetched by it.
  await expect(page.locator('script[type="module"]:not([src])')).toHaveCount(1);
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expect(page.locator('head > script[type="application/x-zhicheng"][data-zc-js][data-zc-wasm]')).toHaveCount(1);
  await expect(page.locator('.stepper [aria-current="step"]')).toHaveAttribute("data-step", "target");
  // No verdict yet: the panel lists what is missing, each a link to its field.
  await page.locator("[data-verdict-incomplete]").waitFor();
  await expect(page.locator("[data-verdict-status]")).toHaveCount(0);
  await page.click('[data-go-field="f-birth-date"]');
  await expect(page.locator('.stepper [aria-current="step"]')).toHaveAttribute("data-step", "about");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-birth-date");
  // Nothing is stored unless the user asks.
  await page.fill("#f-birth-date", "1980-05-10");
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test.describe(() => {
  test.use(PHONE);
  test(
    "the first screen fits a 360 px phone",
    async ({ page }) => {
      await goto(page, "/");
      await ready(page);
      await assertNoSideScroll(page, "step 1");
      // The result panel is its own step on a phone; a live line shows the status.
      expect(await page.locator(".panel").isVisible()).toBe(false);
      expect(await page.locator(".live-strip").isVisible()).toBeTruthy();
    },
  );
});
