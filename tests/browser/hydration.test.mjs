// The first screen, prerendered by `cargo xtask build` (src/prerender.rs), is on the
// page before the wasm arrives; the app then hydrates it (src/main.rs): what the
// person typed, chose or ticked before is kept, and a share link or remembered data
// still opens on its own step. With JavaScript off the page says the check needs it
// and shows each notice's date, schedule and phone numbers (src/views/no_script.rs).

import { expect, test } from "./lib/fixtures.mjs";
import { PHONE, assertVerdict, examples, goto, ready } from "./lib/app.mjs";
import { profileFragment } from "./lib/offline.mjs";

const interactive = (page) => page.evaluate(() => performance.getEntriesByName("interactive", "mark").length > 0);

/** Holds back every .wasm response until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test.describe(() => {
  test.use(PHONE);

  test("the first step is on screen before the wasm, and what was entered then is kept", async ({ page }) => {
    const release = await holdWasm(page);
    await goto(page, "/");
    const prerendered = page.locator("#app[data-zc-prerendered]");
    await expect(prerendered).toHaveCount(1);
    await expect(page.locator('[data-current-step="target"] #step-heading')).toBeVisible();
    const notices = page.locator("#f-rule-set input[type=radio]");
    expect(await notices.count(), "the notices to choose from").toBeGreaterThanOrEqual(4);
    // Entered before the app has started, as a person on a slow connection would.
    const chosen = notices.first();
    const ruleSet = await chosen.getAttribute("value");
    await page.locator(`label[for="f-rule-set-${ruleSet}"]`).click();
    const title = await page.locator("#f-title option").nth(1).getAttribute("value");
    await page.selectOption("#f-title", title);
    await page.locator("#f-specialty").fill("机械工程");
    await page.locator("#f-exceptional").check();
    expect(await interactive(page), "the app has not started").toBe(false);
    // The app hydrates the page: the same elements, not a new drawing.
    await page.evaluate(() => (document.querySelector(".app-name").zcBefore = true));

    release();
    await ready(page);
    await expect(prerendered, "the app took the page over").toHaveCount(0);
    expect(await page.evaluate(() => document.querySelector(".app-name").zcBefore), "hydrated, not redrawn").toBe(true);
    await expect(page.locator(".site-header"), "the app is shown once").toHaveCount(1);
    await expect(page.locator(`#f-rule-set-${ruleSet}`)).toBeChecked();
    await expect(page.locator("#f-title")).toHaveValue(title);
    await expect(page.locator("#f-specialty")).toHaveValue("机械工程");
    await expect(page.locator("#f-exceptional")).toBeChecked();
    // In the app's state, not only on screen: the year of the chosen notice is offered.
    await expect(page.locator("#f-evaluation-year")).toBeVisible();
    // And it works on: the next step opens.
    await page.click('.stepper [data-step="about"]');
    await expect(page.locator('[data-current-step="about"]')).toBeVisible();
  });

  test("a page changed before the app started (a translator's <font>s) is drawn anew, keeping what was typed", async ({ page }) => {
    const release = await holdWasm(page);
    await goto(page, "/");
    await expect(page.locator("#app[data-zc-prerendered]")).toHaveCount(1);
    await page.locator("#f-specialty").fill("环保工程");
    // What a page translator does to each text: wrap it in <font> elements.
    await page.evaluate(() => {
      for (const heading of document.querySelectorAll("#app h1, #app h2")) {
        const font = document.createElement("font");
        font.append(...heading.childNodes);
        heading.append(font);
      }
      document.querySelector(".app-name").zcBefore = true;
    });
    release();
    await ready(page);
    await expect(page.locator(".site-header"), "the app is shown once").toHaveCount(1);
    expect(await page.evaluate(() => document.querySelector(".app-name").zcBefore), "drawn anew").toBeUndefined();
    await expect(page.locator("#app font")).toHaveCount(0);
    await expect(page.locator("#f-specialty")).toHaveValue("环保工程");
  });

  test("a share link and remembered data still open on their own step", async ({ page, context }) => {
    const [example] = await examples();
    await goto(page, `/${profileFragment(example.text)}`);
    await ready(page);
    await expect(page.locator("#app[data-zc-prerendered]")).toHaveCount(0);
    await assertVerdict(page, example.expected);
    await expect(page.locator('.stepper [data-step="result"][aria-current="step"]')).toHaveCount(1);

    // Remembered on this device, at the CE step: a new visit opens there.
    const other = await context.newPage();
    await goto(other, "/");
    await ready(other);
    await other.click('.stepper [data-step="ce"]');
    await other.locator("#remember").check();
    await other.close();
    const again = await context.newPage();
    await goto(again, "/");
    await ready(again);
    await expect(again.locator('[data-current-step="ce"]')).toBeVisible();
    await expect(again.locator("#remember")).toBeChecked();
  });
});

test.describe(() => {
  test.use({ javaScriptEnabled: false });

  test("with JavaScript off the page says so and shows each notice's dates, committees and phone numbers", async ({ page, request }) => {
    await goto(page, "/");
    await expect(page.locator("#no-script-heading")).toBeVisible();
    await expect(page.locator("#no-script-heading")).toContainText("JavaScript");
    await expect(page.locator("#app"), "the form that cannot work is hidden").toBeHidden();
    const notices = page.locator("[data-no-script-rule-set]");
    expect(await notices.count()).toBeGreaterThanOrEqual(4);
    await expect(page.locator(".no-script [data-notice-date]").first()).toBeVisible();
    await expect(page.locator(".no-script [data-deadline]").first()).toBeVisible();
    await expect(page.locator(".no-script [data-contacts] [data-phone]").first()).toBeVisible();
    // The committees, folded, open without JavaScript: each one's deadline and phones.
    const committees = page.locator("details.no-script-committees").first();
    await committees.locator("summary").click();
    await expect(committees.locator("[data-no-script-committee] [data-phone]").first()).toBeVisible();
    // Each notice's whole text opens without JavaScript.
    for (const href of await page.locator(".no-script a.whole-notice").evaluateAll((as) => as.map((a) => a.href))) {
      expect((await request.get(href)).ok(), href).toBe(true);
    }
  });
});
