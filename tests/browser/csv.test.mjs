// CE records from CSV: UTF-8 with a BOM and GBK (what Chinese Excel writes) both
// import; each bad line is reported by number and reason, the good ones imported.

import { expect, test } from "./lib/fixtures.mjs";
import { PHONE, goStep, goto, ready, screen } from "./lib/app.mjs";

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

async function startOnCe(page) {
  await goto(page, "/");
  await ready(page);
  await page.check("#f-rule-set-zj-liandu-2024");
  await goStep(page, "ce");
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

test.describe(() => {
  test.use(PHONE);
  test("a UTF-8 file with a BOM: the bad line is named, the rest imported", async ({ page }) => {
    await startOnCe(page);
    await page.setInputFiles("#csv-file", { name: "hours-utf8.csv", mimeType: "text/csv", buffer: UTF8_BOM });
    const report = page.locator("[data-csv-report]");
    await report.waitFor();
    await expect(report).toHaveAttribute("data-csv-imported", "2");
    const error = page.locator('[data-csv-error-line="3"]');
    await expect.poll(() => error.innerText()).toMatch(/第 3 行.*学时.*-3.*必须大于 0/);
    expect(await records(page)).toStrictEqual([
      { year: "2024", category: "professional", hours: "24", online: false },
      { year: "2024", category: "general_public", hours: "12", online: true },
    ]);
    // The records add to the grid's cells of their year.
    await expect.poll(() => page.locator('[data-ce-year="2024"]').innerText()).toMatch(/\+24/);
    await screen(page, "360-csv-import");
    // The error follows the language.
    await page.click("#lang-toggle");
    await expect.poll(() => error.innerText()).toMatch(/line 3: hours "-3": must be greater than 0/);
    // Undo takes the import back.
    await page.click("#lang-toggle");
    await report.getByRole("button", { name: "撤销" }).click();
    await expect(page.locator(".record-list [data-row]")).toHaveCount(0);
  },
  );
});

test("a GBK file from Chinese Excel is decoded; its bad line is named", async ({ page }) => {
  await startOnCe(page);
  await page.setInputFiles("#csv-file", { name: "学时-gbk.csv", mimeType: "text/csv", buffer: GBK });
  const report = page.locator("[data-csv-report]");
  await report.waitFor();
  await expect(report).toHaveAttribute("data-csv-imported", "2");
  await expect(report).toHaveAttribute("data-csv-errors", "1");
  await expect.poll(() => page.locator('[data-csv-error-line="3"]').innerText()).toMatch(/第 3 行.*abc/);
  expect(await records(page)).toStrictEqual([
    { year: "2023", category: "professional", hours: "30", online: false },
    { year: "2023", category: "industry_public", hours: "6", online: false },
  ]);
  await expect.poll(() => report.innerText()).toMatch(/学时-gbk\.csv/);
});

test("the template downloads, and imports as it is", async ({ page }) => {
  await startOnCe(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv-template")]);
  expect(download.suggestedFilename()).toBe("zhicheng-ce-template.csv");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(path);
  expect(bytes.toString("utf8").startsWith("\ufeff年度,类别,学时"), "UTF-8 with BOM, Chinese header").toBeTruthy();
  await page.setInputFiles("#csv-file", { name: "template.csv", mimeType: "text/csv", buffer: bytes });
  await page.locator("[data-csv-report]").waitFor();
  await expect(page.locator("[data-csv-report]")).toHaveAttribute("data-csv-imported", "3");
  await expect(page.locator("[data-csv-report]")).toHaveAttribute("data-csv-errors", "0");
  // What was entered downloads as CSV too.
  const [records] = await Promise.all([page.waitForEvent("download"), page.click("#csv-export")]);
  const text = await readFile(await records.path(), "utf8");
  expect(text.trim().split(/\r?\n/).length, text).toBe(4);
});
