// Where to apply, as the notices intend (issue 13): a Huzhou 机械工程 engineer, a
// 防灾减灾 engineer and a Liandu senior engineer each see first what the notice
// intends for them; the app lists the committees in exactly the order `zhicheng
// where` prints (the same engine call); rows only for some people say so, and the
// employer box makes the company's own committee the likely one, kept only with
// "remember". Screenshots at 360 px for reviewers.

import { execFileSync } from "node:child_process";
import { join } from "node:path";

import { expect, test } from "./lib/fixtures.mjs";
import { PHONE, ROOT, SCREENS, assertAccessible, assertNoSideScroll, goStep, goto, ready, screen, shareLink } from "./lib/app.mjs";

const PEOPLE = {
  "huzhou-mechanical": { rule_set: "zj-huzhou-2021", title: "engineer", held: "assistant_engineer", specialty: "机械工程" },
  "huzhou-disaster": { rule_set: "zj-huzhou-2021", title: "engineer", held: "assistant_engineer", specialty: "防灾减灾" },
  "liandu-senior": { rule_set: "zj-liandu-2024", title: "senior_engineer", held: "engineer", specialty: "轻纺工程" },
};

function profileText({ rule_set, title, held, specialty }) {
  return JSON.stringify({
    format: "zhicheng-profile/1",
    rule_set,
    target: { series: "engineering", title, specialty },
    person: { birth_date: "1985-01-01", retirement_group: "male", employment: "enterprise" },
    education: "bachelor",
    titles: [{ title: held, obtained: "2015-01-01" }],
  });
}

/** `zhicheng where -` on the profile (the CLI of this checkout, built if needed). */
function cliWhere(text, ...args) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "-p", "zhicheng-cli", "--bin", "zhicheng", "--", "where", "-", ...args],
    { cwd: ROOT, input: text, encoding: "utf8", maxBuffer: 16 << 20 },
  );
  return JSON.parse(out);
}

/** (序号, match) of every committee of the section, in document order. */
async function shownOrder(page) {
  return page
    .locator(".apply-committees [data-committee-no]")
    .evaluateAll((els) => els.map((e) => [Number(e.dataset.committeeNo), e.dataset.match]));
}

async function openResult(page, text) {
  // A share link after another is only a new fragment: start from a blank page.
  await page.goto("about:blank");
  await goto(page, shareLink(text));
  await ready(page);
  await goStep(page, "result");
  await page.locator("[data-apply] .apply-committees").waitFor();
}

test.describe(() => {
  test.use(PHONE);

  test("the three people of the issue each see first the committee the notice intends, in the CLI's order", async ({ page }) => {
    for (const [name, person] of Object.entries(PEOPLE)) {
      const text = profileText(person);
      const cli = cliWhere(text);
      await openResult(page, text);
      const summary = page.locator("[data-apply-summary], [data-elsewhere]").first();
      await expect(summary).toBeVisible();
      const order = await shownOrder(page);
      expect(order, `${name}: the app's order is the CLI's`).toStrictEqual(cli.committees.map((c) => [c.row, c.match]));
      // Folded committees are in the page too (textContent: innerText is empty while folded).
      const whys = await page.locator(".apply-committees [data-why]").evaluateAll((els) => els.map((e) => e.textContent));
      expect(whys, `${name}: the same lines of why`).toStrictEqual(cli.committees.map((c) => c.why_zh));
      if (name === "huzhou-mechanical") {
        // The city committee for 机电工程 first; the two companies' own committees only for their staff.
        expect(order[0]).toStrictEqual([9, "likely"]);
        expect(order.slice(2, 4)).toStrictEqual([[41, "restricted"], [42, "restricted"]]);
        await expect.poll(() => summary.innerText()).toMatch(/最可能受理的是第 9 项：市第一工程专业中级职务评审委员会/);
        await expect.poll(() => page.locator('[data-committee-no="41"] [data-restriction]').innerText()).toMatch(/本公司的专技人才/);
      }
      if (name === "huzhou-disaster") {
        // No committee takes 防灾减灾 at 中级: said first, with the remark and the field's department.
        expect(order.some(([, m]) => m === "likely")).toBe(false);
        expect(order.at(-1)).toStrictEqual([9, "excluded"]);
        await expect.poll(() => summary.innerText()).toMatch(/防灾减灾\(初、中级除外\)/);
        await expect.poll(() => summary.innerText()).toMatch(/湖州市应急管理局/);
      }
      if (name === "liandu-senior") {
        // No district committee: the notice's own route (附件1 注).
        expect(order).toStrictEqual([]);
        expect(cli.plan).toBe("none_for_title");
        await expect.poll(() => summary.innerText()).toMatch(/报送至市各系列（专业）评委会办公室/);
      }
      await assertNoSideScroll(page, `where to apply: ${name}`);
      await assertAccessible(page, `where to apply: ${name}`);
      await screen(page, `360-where-${name}`);
      // The section alone, readable at phone width.
      await page.locator("[data-apply] .apply-committees").screenshot({ path: join(SCREENS, `360-where-${name}-committees.png`) });
    }
  });

  test("the employer says a company's own committee fits; kept only when remembered", async ({ page }) => {
    const text = profileText(PEOPLE["huzhou-mechanical"]);
    await openResult(page, text);
    await page.locator(".apply-who > summary").click();
    await page.fill("#apply-employer", "浙江三一装备有限公司");
    const cli = cliWhere(text, "--employer", "浙江三一装备有限公司");
    await expect.poll(() => shownOrder(page)).toStrictEqual(cli.committees.map((c) => [c.row, c.match]));
    expect((await shownOrder(page))[0]).toStrictEqual([42, "likely"]);
    expect(await page.evaluate(() => localStorage.length), "nothing stored without remember").toBe(0);
    await screen(page, "360-where-employer");
    // Remembered: the employer comes back after a reload; never in the share link.
    await page.check("#remember");
    await expect.poll(() => page.evaluate(() => localStorage.getItem("zhicheng:v1"))).toMatch(/"employer":"浙江三一装备有限公司"/);
    await page.goto("/");
    await ready(page);
    await goStep(page, "result");
    await expect(page.locator("#apply-employer")).toHaveValue("浙江三一装备有限公司");
    await expect(page.locator('[data-committee-no="42"]').first()).toHaveAttribute("data-match", "likely");
  });
});
