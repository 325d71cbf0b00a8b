// The page loads, renders into #app and shows the example profile's verdict.

import { assert, test } from "./lib/harness.mjs";

test("the example profile is eligible", async (t) => {
  const { page } = t;
  await t.goto("/");
  assert.equal(await t.verdictStatus(), "eligible");

  assert.equal(await page.title(), "职称自测");
  assert.equal((await page.locator("h1").innerText()).trim(), "职称自测");
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");

  // The app renders into its root element and leaves the rest of the page be.
  assert.equal(await page.locator("body > #app [data-verdict-status]").count(), 1);
  assert.equal(await page.locator("body > noscript").count(), 1);
  assert.equal(await page.locator('head > script[type="module"][src$="/boot.js"]').count(), 1);

  const checks = page.locator("#app [data-check-id]");
  assert.ok((await checks.count()) > 0, "the checks are listed");
  for (const check of await checks.all()) {
    assert.ok((await check.getAttribute("data-check-status"))?.length > 0);
    assert.ok((await check.innerText()).trim().length > 0);
  }

  await t.screenshot("example-eligible");
});

test("an edit is checked at once: broken JSON shows the input error", async (t) => {
  const { page } = t;
  await t.goto("/");
  await t.verdictStatus();
  await page.fill("#profile", "{ not json");
  const error = page.locator("#app [data-input-error]");
  await error.waitFor({ timeout: 10_000 });
  assert.ok((await error.innerText()).trim().length > 0);
  assert.equal(await page.locator("#app [data-verdict-status]").count(), 0);
  await t.screenshot("input-error");
});

test(
  "the page fits a phone screen",
  async (t) => {
    const { page } = t;
    await t.goto("/");
    assert.equal(await t.verdictStatus(), "eligible");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone's screen`);
    await t.screenshot("example-phone");
  },
  { context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
);
