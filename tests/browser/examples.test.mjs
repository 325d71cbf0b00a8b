// Each shared example (tests/examples/) entered through the form by typing, on a
// phone, and opened by a share link, reaches its expected verdict.

import { test } from "./lib/harness.mjs";
import { PHONE, assertVerdict, enterProfile, examples, ready, shareLink } from "./lib/app.mjs";

for (const example of await examples()) {
  test(
    `typed in: ${example.name}`,
    async (t) => {
      await t.goto("/");
      await ready(t.page);
      await enterProfile(t.page, example.profile);
      await assertVerdict(t, example.expected);
    },
    { context: PHONE },
  );

  test(`share link: ${example.name}`, async (t) => {
    await t.goto(shareLink(example.text));
    await assertVerdict(t, example.expected);
    // A share link opens on the result.
    await t.page.locator(".panel.on-result").waitFor();
  });
}
