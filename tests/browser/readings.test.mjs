// What the notices ask that the checks do not say, shown where a person reads it
// (issue 13, part 3): the clauses this tool does not check (result and about page),
// where CE hours are registered, what other clauses ask of some applicants, a quote
// through another notice and a practice summary labelled as such, and the notice's
// publicity rule.

import { expect, test } from "./lib/fixtures.mjs";
import { examples, goStep, goto, ready, shareLink } from "./lib/app.mjs";

const jxt = (await examples()).find((e) => e.profile.rule_set === "zj-jxt-gaogong-2020");

test("the result lists the clauses it does not check, and cites readings as what they are", async ({ page }) => {
  await goto(page, shareLink(jxt.text));
  await ready(page);
  await goStep(page, "result");
  const panel = page.locator(".panel");
  const list = panel.locator("[data-leaves-out-list]");
  await expect(list).toBeVisible();
  await list.locator(":scope > summary").click();
  // 浙经信人事〔2020〕84号 二（二）: the epidemic front line; 五（二）: fees.
  await expect(list.locator('[data-leaves-out-clause="二（二）"]')).toContainText("疫情");
  await expect(list.locator('[data-leaves-out-clause="五（二）"]')).toContainText("费用");

  // fraud_ban cites the provincial rule as the notice quotes it.
  const fraud = panel.locator('[data-check-id="fraud_ban"]');
  const rule = fraud.locator(".cite").filter({ has: page.locator(".cite-ref", { hasText: /^浙人专〔2006〕351号 弄虚作假$/ }) });
  await rule.locator(":scope > summary").click();
  await expect(rule.locator("[data-quoted-in]")).toHaveAttribute("data-quoted-in", "浙经信人事〔2020〕84号 四");
  await expect(rule.locator("blockquote")).toContainText("从评审次年起3年内不得申报高一级专业技术资格");

  // A check no document in hand states cites practice, labelled as practice.
  const civil = panel.locator('[data-check-id="civil_servant"] .cite').first();
  await civil.locator(":scope > summary").click();
  await expect(civil.locator("[data-practice]")).toContainText("通行做法");

  // The paths follow the national standard: the notice's own rules are named.
  await expect(panel.locator('[data-check-id="qualification_path"]')).toContainText("浙江省专业技术资格评审工作实施细则");
});

test("where to apply: registration of CE hours, materials asked of some, publicity", async ({ page }) => {
  await goto(page, shareLink(jxt.text));
  await ready(page);
  await goStep(page, "result");
  const apply = page.locator('[data-apply="zj-jxt-gaogong-2020"]');
  const reg = apply.locator("[data-ce-registration]");
  await expect(reg).toContainText("浙江省工业和信息化领域专业技术人员继续教育学时登记管理系统");
  await expect(reg.locator("code.url")).toHaveText("http://jxjy.zjxw.gov.cn/iext/zgProject/index.jsp");
  // Shown as text, never a link: the app opens nothing by itself.
  await expect(reg.locator('a[href*="zjxw"]')).toHaveCount(0);
  // 三（四）: graduates before 2001 upload their registration form (with row 4).
  const row4 = apply.locator('[data-material="4"]');
  await expect(row4.locator('[data-conditional="三（四）"]')).toContainText("《高校毕业生登记表》");
  // 三（一）: publicity at the employer.
  await expect(apply.locator(".apply-notes")).toContainText("公示不少于5个工作日");
});

test("the about page lists each rule set's clauses left out, with their citations", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  await page.click('[data-page="about"]');
  const sx = page.locator('.rule-set[data-rule-set="sx-2020"] [data-leaves-out]');
  await expect(sx.locator('[data-leaves-out-clause="二（三）"]')).toContainText("毕业生");
  await expect(sx.locator('[data-leaves-out-clause="一（三） 农业经济"]')).toContainText("农业经济");
  await expect(sx.locator('[data-leaves-out-clause="二（二）"]')).toContainText("正高级");
});
