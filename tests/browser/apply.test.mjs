// 去哪里申报 / Where to apply, on the result step: a target in each rule set shows the
// right committee, deadline and phone (a tel: link), or plainly that the notice gives
// no plan; a citation opens its clause with the notice's number, issuer and date and
// a link to the whole notice, served with the app byte for byte as rules/sources/;
// the materials checklist keeps its ticks only when the user chose to remember; the
// section prints on its own.

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

import { expect, test } from "./lib/fixtures.mjs";
import { DESKTOP, PHONE, ROOT, assertAccessible, assertNoSideScroll, goStep, goto, ready, screen } from "./lib/app.mjs";

/** Chooses a target on step 1 and opens the result step. */
async function target(page, { ruleSet, title, specialty }) {
  await goStep(page, "target");
  await page.check(`#f-rule-set-${ruleSet}`);
  await page.selectOption("#f-title", title);
  if (specialty !== undefined) {
    const tag = await page.locator("#f-specialty").evaluate((e) => e.tagName);
    if (tag === "SELECT") await page.selectOption("#f-specialty", specialty);
    else await page.fill("#f-specialty", specialty);
  }
  await goStep(page, "result");
  await page.locator(`[data-apply="${ruleSet}"]`).waitFor();
  return page.locator(`[data-apply="${ruleSet}"]`);
}

/** The first committee shown (the engine's most likely). */
function firstCommittee(section) {
  return section.locator("[data-likely] [data-committee]").first();
}

test.describe(() => {
  test.use(PHONE);
  test(
    "a target in each rule set: its committee, deadline and phone, or no plan",
    async ({ page, context }) => {
      await goto(page, "/");
      await ready(page);

      // 湖州: 高级工程师 in 轻纺 goes through the city's second engineering committee.
      let apply = await target(page, { ruleSet: "zj-huzhou-2021", title: "senior_engineer", specialty: "轻纺工程" });
      let committee = firstCommittee(apply);
      await expect(committee).toHaveAttribute("data-committee", "市第二工程专业中级职务评审委员会");
      await expect.poll(() => committee.locator('[data-cell="deadline"]').innerText()).toMatch(/6月/);
      const phone = committee.locator('a[data-phone="2033099"]');
      expect(await phone.getAttribute("href")).toMatch(/^tel:0572-?2033099$/);
      await expect(committee).toHaveAttribute("data-match", "likely");
      await expect.poll(() => committee.locator("[data-why]").innerText()).toMatch(/推荐高级工程师至上级评委会/);
      await expect.poll(() => committee.locator("[data-why]").innerText()).toMatch(/列明“轻纺”，与你的专业相符/);
      // Committees of other specialties are there, folded away.
      await expect.poll(() => apply.locator(".other-committees > summary").innerText()).toMatch(/其他评委会（\d+ 个/);
      await assertNoSideScroll(page, "where to apply, huzhou");
      await assertAccessible(page, "where to apply at 360 px");
      await screen(page, "360-apply-huzhou");

      // A citation opens the clause: the quoted row, the notice's number, issuer, date,
      // and a link to the whole notice.
      const cite = committee.locator(".cite").first();
      await cite.locator("summary").click();
      const body = await cite.locator(".cite-body").innerText();
      expect(body).toMatch(/市第二工程专业中级职务评审委员会/);
      expect(body).toMatch(/湖人社函〔2021〕57号/);
      expect(body).toMatch(/湖州市人力资源和社会保障局/);
      expect(body).toMatch(/发文日期：\d{4}-\d{2}-\d{2}/);
      const whole = cite.locator("a.whole-notice");
      expect(await whole.getAttribute("href")).toMatch(/\/sources\/002_05190cabac024bd2\.txt$/);
      const [tab] = await Promise.all([context.waitForEvent("page"), whole.click()]);
      await tab.waitForLoadState();
      await expect.poll(() => tab.locator("body").innerText()).toMatch(/湖人社函〔2021〕57号/);
      await tab.close();

      // 经信厅高工: 材料 → the provincial materials committee; the notice's deadline and phone.
      apply = await target(page, { ruleSet: "zj-jxt-gaogong-2020", title: "senior_engineer", specialty: "materials" });
      committee = firstCommittee(apply);
      await expect(committee).toHaveAttribute("data-committee", "省材料工程技术人员高级工程师职务任职资格评审委员会");
      await expect(apply.locator("[data-deadline]")).toHaveAttribute("data-deadline", "2020-10-10");
      await expect.poll(() => apply.locator("[data-contacts]").innerText()).toMatch(/0571-88228292/);
      expect(await apply.locator('[data-contacts] a[data-phone="0571-88228292"]').getAttribute("href")).toMatch(/^tel:0571-?88228292$/);
      expect((await apply.locator("[data-material]").count()) > 5, "the materials checklist").toBeTruthy();
      await screen(page, "360-apply-jxt");

      // 莲都 助理工程师: the district's initial committees, each with its phone.
      apply = await target(page, { ruleSet: "zj-liandu-2024", title: "assistant_engineer", specialty: "" });
      const names = await apply.locator("[data-likely] [data-committee]").evaluateAll((els) => els.map((e) => e.dataset.committee));
      expect(names.includes("丽水市莲都区初级农业专业技术职务评审委员会"), names.join(" / ")).toBeTruthy();
      expect(names.includes("大中专毕业生初定"), "the initial determination for graduates").toBeTruthy();
      await expect(apply.locator('a[data-phone="2609539"]')).toHaveCount(1);
      // Only for new graduates, and said so: last of those shown.
      expect(names.at(-1)).toBe("大中专毕业生初定");
      await expect(apply.locator('[data-committee="大中专毕业生初定"]')).toHaveAttribute("data-match", "restricted");
      await expect.poll(() => apply.locator('[data-committee="大中专毕业生初定"] [data-why]').innerText()).toMatch(/仅限“大中专毕业生初定”/);
      // What the notice does not give is said plainly.
      await expect.poll(() => apply.locator(".apply-materials").innerText()).toMatch(/通知没有列出申报材料清单/);

      // 山西: the notice gives no plan, and says so.
      apply = await target(page, { ruleSet: "sx-2020", title: "senior_economist" });
      await expect.poll(() => apply.locator("[data-no-plan]").innerText()).toMatch(/本通知没有列出评审委员会、申报截止时间、联系电话或申报材料/);
      await expect(apply.locator("[data-committee]")).toHaveCount(0);
      await assertAccessible(page, "no plan at 360 px");
      await screen(page, "360-apply-no-plan");
      await page.click("#lang-toggle");
      await expect.poll(() => apply.locator("[data-no-plan]").innerText()).toMatch(/This notice lists no committees/);
      await expect.poll(() => apply.locator("#apply-heading").innerText()).toMatch(/Where to apply/);
    },
  );
});

test.describe(() => {
  test.use(DESKTOP);
  test(
    "where to apply at 1280 px, in both languages",
    async ({ page }) => {
      await goto(page, "/");
      await ready(page);
      await target(page, { ruleSet: "zj-jxt-gaogong-2020", title: "senior_engineer", specialty: "materials" });
      await assertNoSideScroll(page, "where to apply at 1280 px");
      await assertAccessible(page, "where to apply at 1280 px");
      await screen(page, "1280-apply-jxt");
      await page.click("#lang-toggle");
      await assertAccessible(page, "where to apply in English");
      await screen(page, "1280-apply-jxt-en");
    },
  );
});

test("the materials ticked stay on this device only when remembered; the section prints alone", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  const ticks = async () =>
    page.locator("[data-material] input").evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.id));
  const jxt = { ruleSet: "zj-jxt-gaogong-2020", title: "senior_engineer", specialty: "materials" };
  await target(page, jxt);
  await page.check("#material-1");
  await page.check("#material-3");
  expect(await ticks()).toStrictEqual(["material-1", "material-3"]);
  expect(await page.evaluate(() => localStorage.length), "nothing stored without remember").toBe(0);
  await page.reload();
  await ready(page);
  await target(page, jxt);
  expect(await ticks(), "gone after a reload").toStrictEqual([]);

  // Remembered: kept under the one key, with the form.
  await page.check("#remember");
  await page.check("#material-2");
  const stored = await page.evaluate(() => localStorage.getItem("zhicheng:v1"));
  expect(stored).toMatch(/"materials":\{"zj-jxt-gaogong-2020":\[2\]\}/);
  await page.reload();
  await ready(page);
  await goStep(page, "result");
  expect(await ticks()).toStrictEqual(["material-2"]);
  await page.uncheck("#material-2");
  expect(await page.evaluate(() => localStorage.getItem("zhicheng:v1"))).not.toMatch(/"materials":/);

  // The report's print leaves where to apply out; its own button prints it alone:
  // the committees, dates and the checklist, not the verdict.
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".apply").isVisible(), "not in the report's print").toBe(false);
  await page.evaluate(() => document.documentElement.classList.add("print-apply"));
  for (const shown of [".apply-materials", ".apply-committees", ".apply-schedule"]) {
    expect(await page.locator(shown).isVisible(), `${shown} is printed`).toBeTruthy();
  }
  for (const hidden of [".incomplete", ".stepper", ".apply-ce", "#print-apply", ".data-panel"]) {
    expect(await page.locator(hidden).first().isVisible(), `${hidden} is not printed`).toBe(false);
  }
  await screen(page, "print-apply");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages >= 1 && pages <= 2, `where to apply prints on ${pages} pages`).toBeTruthy();
});

test("the notices' whole text is served with the app, byte for byte as rules/sources/", async ({ page, baseURL }) => {
  const dir = join(ROOT, "rules", "sources");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt"));
  expect(files.length).toBe(4);
  for (const file of files) {
    const response = await page.request.get(new URL(`sources/${file}`, baseURL).href);
    expect(response.status(), file).toBe(200);
    expect((await response.body()).equals(await readFile(join(dir, file))), `${file} differs from rules/sources/`).toBeTruthy();
  }
});
