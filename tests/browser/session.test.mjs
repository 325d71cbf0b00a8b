// Sends nothing: a whole session on the hosted app (service worker on) — typing a
// profile in, a CSV import, an export, the print layout, the language switch — makes
// no request after the first load, and every request of that load (the service
// worker's included) goes to the page's own origin (the guards of lib/fixtures.mjs
// check that).

import { expect, test } from "./lib/fixtures.mjs";
import { enterProfile, examples, goStep, goto, ready, verdictStatus } from "./lib/app.mjs";

const CE_CSV = Buffer.from("年度,类别,学时,是否网络学习\r\n2024,专业科目,24,否\r\n", "utf8");

test.describe(() => {
  test.use({ serviceWorkers: "allow" });
  test(
    "a whole session makes no request after the first load",
    async ({ page, guards }) => {
      await goto(page, "/");
      await ready(page);
      // The first load is over once the page keeps its payload and the service
      // worker has installed (and cached the app).
      await page.evaluate(() => globalThis.zhichengBoot.kept);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForLoadState("networkidle");
      const firstLoad = guards.requests.length;
      expect(firstLoad >= 4, `the first load made ${firstLoad} requests`).toBeTruthy();

      const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
      await enterProfile(page, example.profile);
      expect(await verdictStatus(page)).toBe(example.expected.status);

      await goStep(page, "ce");
      await page.setInputFiles("#csv-file", { name: "hours.csv", mimeType: "text/csv", buffer: CE_CSV });
      await page.locator("[data-csv-report]").waitFor();

      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-profile")]);
      expect(download.suggestedFilename()).toBe("zhicheng-profile.json");

      await goStep(page, "result");
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ fullPage: true });
      await page.emulateMedia({ media: "screen" });

      await page.click("#lang-toggle");
      await page.locator("html[lang=en]").waitFor({ state: "attached" });
      await page.click("#lang-toggle");
      await page.waitForLoadState("networkidle");

      expect(guards.requests.slice(firstLoad), "requests after the first load").toStrictEqual([]);
    },
  );
});
