// CE records from CSV: UTF-8 with a BOM and GBK (what Chinese Excel writes) both
// import; each bad line is reported by number and reason, the good ones imported.

import { assert, test } from "./lib/harness.mjs";
import { PHONE, goStep, ready, screen } from "./lib/app.mjs";

// "年度,类别,学时\r\n2023,专业科目,30\r\n2023,一般公需,abc\r\n2023,行业公需科目,6\r\n"
// in GBK, made with: python3 -c "print(list('…'.encode('gbk')))"
const GBK = Buffer.from([
  196, 234, 182, 200, 44, 192, 224, 177, 240, 44, 209, 167, 202, 177, 13, 10, 50, 48, 50, 51, 44, 215, 168, 210, 181,
  191, 198, 196, 191, 44, 51, 48, 13, 10, 50, 48, 50, 51, 44, 210, 187, 176, 227, 185, 171, 208, 232, 44, 97, 98, 99,
  13, 10, 50, 48, 50, 51, 44, 208, 208, 210, 181, 185, 171, 208, 232, 191, 198, 196, 191, 44, 54, 13, 10,
]);

const UTF8_BOM = Buffer.from(
  "\ufeff年度,类别,学时,网络课件,主管部门认可,备注\r\n" +
    "2024,专业科目,24,否,否,课程 A\r\n" +
    "2024,行业公需科目,-3,否,否,这一行学时是负数\r\n" +
    "2024,一般公需科目,12,是,否,\r\n",
  "utf8",
);

async function startOnCe(t) {
  await t.goto("/");
  await ready(t.page);
  await t.page.check("#f-rule-set-zj-liandu-2024");
  await goStep(t.page, "ce");
}

async function records(page) {
  return page.locator(".record-list [data-row]").evaluateAll((rows) =>
    rows.map((r) => ({
      year: r.querySelector('[id$="-year"]').value,
      category: r.querySelector("select").value,
      hours: r.querySelector('[id$="-hours"]').value,
      online: r.querySelector('[id$="-online"]').checked,
    })),
  );
}

test("a UTF-8 file with a BOM: the bad line is named, the rest imported", async (t) => {
  const { page } = t;
  await startOnCe(t);
  await page.setInputFiles("#csv-file", { name: "hours-utf8.csv", mimeType: "text/csv", buffer: UTF8_BOM });
  const report = page.locator("[data-csv-report]");
  await report.waitFor();
  assert.equal(await report.getAttribute("data-csv-imported"), "2");
  const error = page.locator('[data-csv-error-line="3"]');
  assert.match(await error.innerText(), /第 3 行.*学时.*-3.*必须大于 0/);
  assert.deepEqual(await records(page), [
    { year: "2024", category: "professional", hours: "24", online: false },
    { year: "2024", category: "general_public", hours: "12", online: true },
  ]);
  // The records add to the grid's cells of their year.
  assert.match(await page.locator('[data-ce-year="2024"]').innerText(), /\+24/);
  await screen(page, "360-csv-import");
  // The error follows the language.
  await page.click("#lang-toggle");
  assert.match(await error.innerText(), /line 3: hours "-3": must be greater than 0/);
  // Undo takes the import back.
  await page.click("#lang-toggle");
  await report.getByRole("button", { name: "撤销" }).click();
  assert.equal(await page.locator(".record-list [data-row]").count(), 0);
}, { context: PHONE });

test("a GBK file from Chinese Excel is decoded; its bad line is named", async (t) => {
  const { page } = t;
  await startOnCe(t);
  await page.setInputFiles("#csv-file", { name: "学时-gbk.csv", mimeType: "text/csv", buffer: GBK });
  const report = page.locator("[data-csv-report]");
  await report.waitFor();
  assert.equal(await report.getAttribute("data-csv-imported"), "2");
  assert.equal(await report.getAttribute("data-csv-errors"), "1");
  assert.match(await page.locator('[data-csv-error-line="3"]').innerText(), /第 3 行.*abc/);
  assert.deepEqual(await records(page), [
    { year: "2023", category: "professional", hours: "30", online: false },
    { year: "2023", category: "industry_public", hours: "6", online: false },
  ]);
  assert.match(await report.innerText(), /学时-gbk\.csv/);
});

test("the template downloads, and imports as it is", async (t) => {
  const { page } = t;
  await startOnCe(t);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv-template")]);
  assert.equal(download.suggestedFilename(), "zhicheng-ce-template.csv");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(path);
  assert.ok(bytes.toString("utf8").startsWith("\ufeff年度,类别,学时"), "UTF-8 with BOM, Chinese header");
  await page.setInputFiles("#csv-file", { name: "template.csv", mimeType: "text/csv", buffer: bytes });
  await page.locator("[data-csv-report]").waitFor();
  assert.equal(await page.getAttribute("[data-csv-report]", "data-csv-imported"), "3");
  assert.equal(await page.getAttribute("[data-csv-report]", "data-csv-errors"), "0");
  // What was entered downloads as CSV too.
  const [records] = await Promise.all([page.waitForEvent("download"), page.click("#csv-export")]);
  const text = await readFile(await records.path(), "utf8");
  assert.equal(text.trim().split(/\r?\n/).length, 4, text);
});
