// 去哪里申报 / Where to apply, on the result step: a target in each rule set shows the
// right committee, deadline and phone (a tel: link), or plainly that the notice gives
// no plan; a citation opens its clause with the notice's number, issuer and date and
// a link to the whole notice, served with the app byte for byte as rules/sources/;
// the materials checklist keeps its ticks only when the user chose to remember; the
// section prints on its own.

import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

import { assert, test } from "./lib/harness.mjs";
import { DESKTOP, PHONE, ROOT, assertAccessible, assertNoSideScroll, goStep, ready, screen } from "./lib/app.mjs";

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

/** The first committee listed as likely (specialty matches or cannot be told). */
function firstCommittee(section) {
  return section.locator("[data-likely] [data-committee]").first();
}

test(
  "a target in each rule set: its committee, deadline and phone, or no plan",
  async (t) => {
    const { page } = t;
    await t.goto("/");
    await ready(page);

    // 湖州: 高级工程师 in 轻纺 goes through the city's second engineering committee.
    let apply = await target(page, { ruleSet: "zj-huzhou-2021", title: "senior_engineer", specialty: "轻纺工程" });
    let committee = firstCommittee(apply);
    assert.equal(await committee.getAttribute("data-committee"), "市第二工程专业中级职务评审委员会");
    assert.match(await committee.locator('[data-cell="deadline"]').innerText(), /6月/);
    const phone = committee.locator('a[data-phone="2033099"]');
    assert.match(await phone.getAttribute("href"), /^tel:0572-?2033099$/);
    assert.match(await committee.innerText(), /推荐到上级评委会/);
    assert.match(await committee.innerText(), /专业相符：轻纺/);
    // Committees of other specialties are there, folded away.
    assert.match(await apply.locator(".other-committees > summary").innerText(), /其他专业的评委会（\d+ 个）/);
    await assertNoSideScroll(page, "where to apply, huzhou");
    await assertAccessible(page, "where to apply at 360 px");
    await screen(page, "360-apply-huzhou");

    // A citation opens the clause: the quoted row, the notice's number, issuer, date,
    // and a link to the whole notice.
    const cite = committee.locator(".cite").first();
    await cite.locator("summary").click();
    const body = await cite.locator(".cite-body").innerText();
    assert.match(body, /市第二工程专业中级职务评审委员会/);
    assert.match(body, /湖人社函〔2021〕57号/);
    assert.match(body, /湖州市人力资源和社会保障局/);
    assert.match(body, /发文日期：\d{4}-\d{2}-\d{2}/);
    const whole = cite.locator("a.whole-notice");
    assert.match(await whole.getAttribute("href"), /\/sources\/002_05190cabac024bd2\.txt$/);
    const [tab] = await Promise.all([t.context.waitForEvent("page"), whole.click()]);
    await tab.waitForLoadState();
    assert.match(await tab.locator("body").innerText(), /湖人社函〔2021〕57号/);
    await tab.close();

    // 经信厅高工: 材料 → the provincial materials committee; the notice's deadline and phone.
    apply = await target(page, { ruleSet: "zj-jxt-gaogong-2020", title: "senior_engineer", specialty: "materials" });
    committee = firstCommittee(apply);
    assert.equal(await committee.getAttribute("data-committee"), "省材料工程技术人员高级工程师职务任职资格评审委员会");
    assert.equal(await apply.locator("[data-deadline]").getAttribute("data-deadline"), "2020-10-10");
    assert.match(await apply.locator("[data-contacts]").innerText(), /0571-88228292/);
    assert.match(await apply.locator('[data-contacts] a[data-phone="0571-88228292"]').getAttribute("href"), /^tel:0571-?88228292$/);
    assert.ok((await apply.locator("[data-material]").count()) > 5, "the materials checklist");
    await screen(page, "360-apply-jxt");

    // 莲都 助理工程师: the district's initial committees, each with its phone.
    apply = await target(page, { ruleSet: "zj-liandu-2024", title: "assistant_engineer", specialty: "" });
    const names = await apply.locator("[data-likely] [data-committee]").evaluateAll((els) => els.map((e) => e.dataset.committee));
    assert.ok(names.includes("丽水市莲都区初级农业专业技术职务评审委员会"), names.join(" / "));
    assert.ok(names.includes("大中专毕业生初定"), "the initial determination for graduates");
    assert.equal(await apply.locator('a[data-phone="2609539"]').count(), 1);
    assert.match(await apply.locator('[data-committee="大中专毕业生初定"]').innerText(), /大中专毕业生初定（不经评审）/);
    // What the notice does not give is said plainly.
    assert.match(await apply.locator(".apply-materials").innerText(), /通知没有列出申报材料清单/);

    // 山西: the notice gives no plan, and says so.
    apply = await target(page, { ruleSet: "sx-2020", title: "senior_economist" });
    assert.match(await apply.locator("[data-no-plan]").innerText(), /本通知没有列出评审委员会、申报截止时间、联系电话或申报材料/);
    assert.equal(await apply.locator("[data-committee]").count(), 0);
    await assertAccessible(page, "no plan at 360 px");
    await screen(page, "360-apply-no-plan");
    await page.click("#lang-toggle");
    assert.match(await apply.locator("[data-no-plan]").innerText(), /This notice lists no committees/);
    assert.match(await apply.locator("#apply-heading").innerText(), /Where to apply/);
  },
  { context: PHONE },
);

test(
  "where to apply at 1280 px, in both languages",
  async (t) => {
    const { page } = t;
    await t.goto("/");
    await ready(page);
    await target(page, { ruleSet: "zj-jxt-gaogong-2020", title: "senior_engineer", specialty: "materials" });
    await assertNoSideScroll(page, "where to apply at 1280 px");
    await assertAccessible(page, "where to apply at 1280 px");
    await screen(page, "1280-apply-jxt");
    await page.click("#lang-toggle");
    await assertAccessible(page, "where to apply in English");
    await screen(page, "1280-apply-jxt-en");
  },
  { context: DESKTOP },
);

test("the materials ticked stay on this device only when remembered; the section prints alone", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  const ticks = async () =>
    page.locator("[data-material] input").evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.id));
  const jxt = { ruleSet: "zj-jxt-gaogong-2020", title: "senior_engineer", specialty: "materials" };
  await target(page, jxt);
  await page.check("#material-1");
  await page.check("#material-3");
  assert.deepEqual(await ticks(), ["material-1", "material-3"]);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing stored without remember");
  await page.reload();
  await ready(page);
  await target(page, jxt);
  assert.deepEqual(await ticks(), [], "gone after a reload");

  // Remembered: kept under the one key, with the form.
  await page.check("#remember");
  await page.check("#material-2");
  const stored = await page.evaluate(() => localStorage.getItem("zhicheng:v1"));
  assert.match(stored, /"materials":\{"zj-jxt-gaogong-2020":\[2\]\}/);
  await page.reload();
  await ready(page);
  await goStep(page, "result");
  assert.deepEqual(await ticks(), ["material-2"]);
  await page.uncheck("#material-2");
  assert.doesNotMatch(await page.evaluate(() => localStorage.getItem("zhicheng:v1")), /"materials":/);

  // The report's print leaves where to apply out; its own button prints it alone:
  // the committees, dates and the checklist, not the verdict.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".apply").isVisible(), false, "not in the report's print");
  await page.evaluate(() => document.documentElement.classList.add("print-apply"));
  for (const shown of [".apply-materials", ".apply-committees", ".apply-schedule"]) {
    assert.ok(await page.locator(shown).isVisible(), `${shown} is printed`);
  }
  for (const hidden of [".incomplete", ".stepper", ".apply-ce", "#print-apply", ".data-panel"]) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  await screen(page, "print-apply");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 1 && pages <= 2, `where to apply prints on ${pages} pages`);
});

test("the notices' whole text is served with the app, byte for byte as rules/sources/", async (t) => {
  const dir = join(ROOT, "rules", "sources");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt"));
  assert.equal(files.length, 4);
  for (const file of files) {
    const response = await t.page.request.get(new URL(`sources/${file}`, t.baseUrl).href);
    assert.equal(response.status(), 200, file);
    assert.ok((await response.body()).equals(await readFile(join(dir, file))), `${file} differs from rules/sources/`);
  }
});
