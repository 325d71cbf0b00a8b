// Each shared example (tests/examples/) entered through the form by typing, on a
// phone, and opened by a share link, reaches its expected verdict.

import { test } from "./lib/fixtures.mjs";
import { PHONE, assertVerdict, enterProfile, examples, goto, ready, shareLink } from "./lib/app.mjs";

for (const example of await examples()) {
  test.describe(() => {
    test.use(PHONE);
    test(
      `typed in: ${example.name}`,
      async ({ page }) => {
        await goto(page, "/");
        await ready(page);
        await enterProfile(page, example.profile);
        await assertVerdict(page, example.expected);
      },
    );
  });

  test(`share link: ${example.name}`, async ({ page }) => {
    await goto(page, shareLink(example.text));
    await assertVerdict(page, example.expected);
    // A share link opens on the result.
    await page.locator(".panel.on-result").waitFor();
  });
}
