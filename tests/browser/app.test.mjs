// The page loads, renders into #app only, starts in Chinese on step 1, stores
// nothing, and fits a phone's screen.

import { assert, test } from "./lib/harness.mjs";
import { PHONE, assertNoSideScroll, ready } from "./lib/app.mjs";

test("the app starts on step 1 in Chinese and renders only into #app", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  assert.equal(await page.title(), "职称自测");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal((await page.locator("h1").innerText()).trim(), "职称自测");
  assert.equal(await page.locator("body > #app .site-header").count(), 1);
  assert.equal(await page.locator("body > noscript").count(), 1);
  // One script: the inline boot script (www/boot.js); the app's files are named on an
  // inert tag and fetched by it.
  assert.equal(await page.locator('script[type="module"]:not([src])').count(), 1);
  assert.equal(await page.locator("script[src]").count(), 0);
  assert.equal(await page.locator('head > script[type="application/x-zhicheng"][data-zc-js][data-zc-wasm]').count(), 1);
  assert.equal(await page.getAttribute('.stepper [aria-current="step"]', "data-step"), "target");
  // No verdict yet: the panel lists what is missing, each a link to its field.
  await page.locator("[data-verdict-incomplete]").waitFor();
  assert.equal(await page.locator("[data-verdict-status]").count(), 0);
  await page.click('[data-go-field="f-birth-date"]');
  assert.equal(await page.getAttribute('.stepper [aria-current="step"]', "data-step"), "about");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "f-birth-date");
  // Nothing is stored unless the user asks.
  await page.fill("#f-birth-date", "1980-05-10");
  assert.equal(await page.evaluate(() => localStorage.length), 0);
});

test(
  "the first screen fits a 360 px phone",
  async (t) => {
    await t.goto("/");
    await ready(t.page);
    await assertNoSideScroll(t.page, "step 1");
    // The result panel is its own step on a phone; a live line shows the status.
    assert.equal(await t.page.locator(".panel").isVisible(), false);
    assert.ok(await t.page.locator(".live-strip").isVisible());
  },
  { context: PHONE },
);
