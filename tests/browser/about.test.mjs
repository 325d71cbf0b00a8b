// 规则来源 / About these rules: every bundled rule set with its notice (number,
// issuer, date), what it covers and leaves out, and the rules version; the verdict
// and the printed report name the rule set and its notice.

import { expect, test } from "./lib/fixtures.mjs";
import {
  DESKTOP,
  PHONE,
  assertAccessible,
  assertNoSideScroll,
  examples,
  goto,
  ready,
  screen,
  shareLink,
  verdictStatus,
} from "./lib/app.mjs";

// The four rule sets and their notices (rules/*.toml, rules/documents.toml).
const RULE_SETS = [
  { id: "zj-liandu-2024", notice: "莲人社〔2024〕42号", issuer: "丽水市莲都区人力资源和社会保障局", date: "2024-05-22" },
  { id: "zj-huzhou-2021", notice: "湖人社函〔2021〕57号", issuer: "湖州市人力资源和社会保障局", date: "2021-05-25" },
  { id: "zj-jxt-gaogong-2020", notice: "浙经信人事〔2020〕84号", issuer: "浙江省经济和信息化厅", date: "2020-07-28" },
  { id: "sx-2020", notice: "晋人社厅函〔2020〕628号", issuer: "山西省人力资源和社会保障厅", date: "2020-07-04" },
];

async function openAbout(page) {
  await goto(page, "/");
  await ready(page);
  await page.click('[data-page="about"]');
  await page.locator(".about-page").waitFor();
}

for (const [width, device] of [
  [360, PHONE],
  [1280, DESKTOP],
]) {
  test.describe(() => {
    test.use(device);
    test(
      `about these rules at ${width} px: every rule set, its notice and the rules version`,
      async ({ page }) => {
        await openAbout(page);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("about-heading");
        const version = (await page.locator(".site-footer").innerText()).match(/规则版本 (\S+)/)[1];
        await expect.poll(() => page.locator(".about-page [data-rules-version]").innerText()).toBe(version);
        await expect(page.locator(".rule-set")).toHaveCount(RULE_SETS.length);
        for (const rs of RULE_SETS) {
          const item = page.locator(`.rule-set[data-rule-set="${rs.id}"]`);
          await expect.poll(() => item.locator("[data-notice]").innerText(), { message: rs.id }).toBe(rs.notice);
          const text = await item.innerText();
          expect(text.includes(rs.issuer), `${rs.id}: issuer`).toBeTruthy();
          await expect.poll(() => item.locator("[data-notice-date]").innerText(), { message: `${rs.id}: date` }).toBe(rs.date);
          expect((await item.locator("[data-covers]").innerText()).length > 4, `${rs.id}: covers`).toBeTruthy();
          expect((await item.locator("[data-leaves-out]").innerText()).length > 4, `${rs.id}: leaves out`).toBeTruthy();
          expect(await item.locator(".rule-set-id a.whole-notice").getAttribute("href")).toMatch(/\/sources\/\d{3}_[0-9a-f]+\.txt$/);
        }
        await assertNoSideScroll(page, "about these rules");
        await assertAccessible(page, `about these rules at ${width} px`);
        await screen(page, `${width}-about`);
        await page.click("#lang-toggle");
        await expect.poll(() => page.locator("#about-heading").innerText()).toMatch(/About these rules/);
        await expect.poll(() => page.locator('.rule-set[data-rule-set="sx-2020"]').innerText()).toMatch(/Shanxi Provincial Department of Human Resources and Social Security/);
        await assertAccessible(page, `about these rules in English at ${width} px`);
        await screen(page, `${width}-about-en`);
      },
    );
  });
}

test.describe(() => {
  test.use(DESKTOP);
  test(
    "the verdict and the printed report name the rule set and its notice",
    async ({ page }) => {
      const example = (await examples()).find((e) => e.name === "jxt_2019_online_hours_over_cap");
      await goto(page, shareLink(example.text));
      await verdictStatus(page);
      await expect.poll(() => page.locator(".banner-sub").innerText()).toMatch(/浙经信人事〔2020〕84号/);
      const meta = page.locator('.report-meta [data-rule-set="zj-jxt-gaogong-2020"]');
      await expect.poll(() => meta.innerText()).toMatch(/浙经信人事〔2020〕84号（浙江省经济和信息化厅，2020-07-28）/);
      await page.emulateMedia({ media: "print" });
      expect(await meta.isVisible(), "the rule set and notice are printed").toBeTruthy();
      expect(await page.locator(".report-meta [data-notice]").isVisible()).toBeTruthy();
    },
  );
});
