// 批量筛查 / Batch: the template's rows (the five shared examples) through the batch
// page, each row's status and failing checks, the downloaded results CSV (BOM,
// header, statuses, each check in its column, a formula-like id escaped), a row's
// full verdict, filters and sorting; a bad row in the middle; a file that cannot be
// used; cancel; and the page answering clicks while 10,000 people are checked.

import { readFile } from "node:fs/promises";

import { assert, test } from "./lib/harness.mjs";
import { DESKTOP, PHONE, assertAccessible, assertNoSideScroll, examples, ready, screen } from "./lib/app.mjs";
import { bigRoster, parseCsv, template, withId } from "./lib/roster.mjs";

const EXAMPLES = await examples();
const FORMULA_ID = "=1+2";

async function openBatch(t) {
  await t.goto("/");
  await ready(t.page);
  await t.page.click('[data-page="batch"]');
  await t.page.locator(".batch-page").waitFor();
}

async function choose(page, selector, name, buffer) {
  await page.setInputFiles(selector, { name, mimeType: "text/csv", buffer });
}

async function run(page, name, buffer) {
  await choose(page, "#batch-roster", name, buffer);
  await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor();
  await page.click("#batch-start");
  await page.locator('.batch-page:is([data-batch-state="done"], [data-batch-state="file-error"], [data-batch-state="failed"])').waitFor({ timeout: 30_000 });
  const failed = page.locator("[data-batch-failed]");
  if (await failed.count()) assert.fail(`the batch failed: ${await failed.innerText()}`);
}

/** The template with a sixth person whose id a spreadsheet would run as a formula. */
async function templateWithFormula() {
  const { bytes, rows } = await template();
  const eligible = rows.find((r) => r.startsWith("liandu_senior_engineer_eligible,"));
  return Buffer.concat([bytes, Buffer.from(`${withId(eligible, FORMULA_ID)}\r\n`, "utf8")]);
}

async function rowsShown(page) {
  return page.locator("[data-batch-row]").evaluateAll((rows) =>
    rows.map((r) => ({
      line: Number(r.dataset.batchRow),
      id: r.dataset.personId,
      status: r.dataset.status,
      fail: [...r.querySelectorAll('[data-check-status="fail"]')].map((e) => e.dataset.check).sort(),
      review: [...r.querySelectorAll('[data-check-status="review"]')].map((e) => e.dataset.check).sort(),
    })),
  );
}

for (const [width, context] of [
  [360, PHONE],
  [1280, DESKTOP],
]) {
  test(
    `the shared examples through the batch page at ${width} px: statuses, the results CSV, a full verdict`,
    async (t) => {
      const { page } = t;
      await openBatch(t);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "batch-heading");
      await assertNoSideScroll(page, "batch page");
      await assertAccessible(page, `the batch page at ${width} px`);
      await screen(page, `${width}-batch-0-start`);

      await run(page, "roster.csv", await templateWithFormula());
      const rows = await rowsShown(page);
      assert.equal(rows.length, 6);
      for (const e of EXAMPLES) {
        const row = rows.find((r) => r.id === e.name);
        assert.ok(row, `row ${e.name}`);
        assert.equal(row.status, e.expected.status, e.name);
        assert.deepEqual(row.fail, e.expected.fail, `${e.name}: failing checks`);
        assert.deepEqual(row.review, e.expected.review, `${e.name}: checks to review`);
      }
      assert.equal(rows.find((r) => r.id === FORMULA_ID).status, "eligible");
      assert.deepEqual(
        rows.map((r) => r.line),
        [2, 3, 4, 5, 6, 7],
      );
      assert.equal(await page.getAttribute(".batch-tally", "data-total"), "6");
      assert.match(await page.locator("#batch-announcer").innerText(), /筛查完成：共 6 人/);
      await assertNoSideScroll(page, "batch results");
      await assertAccessible(page, `the batch results at ${width} px`);
      await screen(page, `${width}-batch-1-results`);

      // The results CSV: UTF-8 with BOM, the header, a row per person, each check's
      // status in its own column, the formula-like id escaped.
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-download")]);
      assert.equal(download.suggestedFilename(), "roster-results.csv");
      const bytes = await readFile(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
      const csv = parseCsv(bytes.toString("utf8").slice(1));
      const header = csv[0];
      assert.deepEqual(header.slice(0, 6), ["person_id", "name", "line", "status", "status_zh", "earliest_eligible_year"]);
      assert.deepEqual(header.slice(-2), ["summary_zh", "error"]);
      const body = csv.slice(1).filter((r) => r.length > 1);
      assert.equal(body.length, 6);
      const byId = Object.fromEntries(body.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
      for (const e of EXAMPLES) {
        const r = byId[e.name];
        assert.equal(r.status, e.expected.status, `CSV ${e.name}`);
        for (const id of e.expected.fail) assert.equal(r[id], "fail", `CSV ${e.name} ${id}`);
        assert.equal(r.retirement, "pass", `CSV ${e.name} retirement`);
      }
      assert.ok(byId[`'${FORMULA_ID}`], "a cell starting with = gets a leading '");
      assert.equal(byId[`'${FORMULA_ID}`].status, "eligible");
      assert.equal(byId[`'${FORMULA_ID}`].line, "7");

      // A row opens the person's full verdict (every check, with its text and sources).
      const jxt = rows.find((r) => r.id === "jxt_2019_online_hours_over_cap");
      await page.click(`#batch-open-${jxt.line}`);
      const detail = page.locator(`[data-detail-line="${jxt.line}"]`);
      await detail.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), `batch-detail-${jxt.line}`);
      assert.equal(await detail.locator("[data-verdict-status]").getAttribute("data-verdict-status"), "not_eligible");
      assert.equal(await detail.locator('[data-check-id="ce_hours"]').getAttribute("data-check-status"), "fail");
      assert.ok((await detail.locator('[data-check-id="retirement"] .check-message').innerText()).length > 0);
      assert.match(await detail.locator(".report-meta").innerText(), /浙经信人事〔2020〕84号/);
      await assertAccessible(page, `a full verdict at ${width} px`);
      await screen(page, `${width}-batch-2-verdict`);
      await page.click("#batch-close");
      assert.equal(await detail.count(), 0);
      assert.equal(await page.evaluate(() => document.activeElement?.id), `batch-open-${jxt.line}`);

      // Filters: by status, by a failing check; sorting by status puts failures first.
      await page.selectOption("#batch-filter-status", "not_eligible");
      assert.deepEqual((await rowsShown(page)).map((r) => r.status), ["not_eligible", "not_eligible", "not_eligible"]);
      await page.selectOption("#batch-filter-status", "");
      await page.selectOption("#batch-filter-check", "exam");
      assert.deepEqual((await rowsShown(page)).map((r) => r.id), ["shanxi_senior_economist_without_exam"]);
      await page.selectOption("#batch-filter-check", "");
      await page.selectOption("#batch-sort", "status");
      assert.deepEqual(
        (await rowsShown(page)).map((r) => r.status),
        ["not_eligible", "not_eligible", "not_eligible", "eligible", "eligible", "eligible"],
      );
      if (width === 1280) {
        await page.click('.sort-button[data-sort="status"]');
        assert.equal((await rowsShown(page))[0].status, "eligible");
        assert.equal(await page.getAttribute('th:has([data-sort="status"])', "aria-sort"), "descending");
      }

      // Everything in English too.
      await page.click("#lang-toggle");
      assert.match(await page.locator("#batch-heading").innerText(), /Batch/);
      assert.match(await page.locator(".batch-tally").innerText(), /6 people/);
      await assertAccessible(page, `the batch results in English at ${width} px`);
      await screen(page, `${width}-batch-3-results-en`);
    },
    { context },
  );
}

test(
  "a bad row in the middle is shown with its line and reason; the others are checked",
  async (t) => {
    const { page } = t;
    const { header, rows } = await template();
    const bad = rows[1].replace("1980-05-10", "1980-02-30");
    assert.notEqual(bad, rows[1]);
    // UTF-8 without BOM, LF line ends, a blank line: the numbering counts it.
    const text = [header, rows[0], bad, "", rows[2], rows[3], rows[4]].join("\n") + "\n";
    await openBatch(t);
    await run(page, "名单.csv", Buffer.from(text, "utf8"));
    const shown = await rowsShown(page);
    assert.deepEqual(
      shown.map((r) => [r.line, r.status]),
      [
        [2, "eligible"],
        [3, "error"],
        [5, "not_eligible"],
        [6, "eligible"],
        [7, "not_eligible"],
      ],
    );
    const error = page.locator('[data-batch-row="3"] [data-row-error]');
    assert.match(await error.innerText(), /第 3 行：“出生日期”列：“1980-02-30”不是存在的日期/);
    assert.equal(await page.locator("#batch-open-3").count(), 0, "a bad row has no verdict to open");
    assert.equal(await page.getAttribute('[data-tally="error"]', "data-tally"), "error");
    await screen(page, "360-batch-bad-row");
    await page.click("#lang-toggle");
    assert.match(await error.innerText(), /line 3: column 出生日期: "1980-02-30" is not a date that exists/);

    // A file without the required columns cannot be used: the reason, and no table.
    await page.click("#lang-toggle");
    await run(page, "wrong.csv", Buffer.from("姓名,部门\n张三,办公室\n", "utf8"));
    const refused = page.locator("[data-batch-file-error]");
    assert.match(await refused.innerText(), /wrong\.csv 无法使用：表头缺少.*人员编号/);
    assert.equal(await page.locator("[data-batch-row]").count(), 0);
  },
  { context: PHONE },
);

// "人员编号,姓名,适用规则,申报职称,…\r\nG1,张三,晋人社厅函〔2020〕628号,技术员,…" in GBK, as
// Chinese Excel saves "CSV": python3 -c "print(base64.b64encode('…'.encode('gbk')))".
const GBK_ROSTER = Buffer.from(
  "yMvUsbHgusUs0NXD+yzKytPDuebU8izJ6rGo1rCzxiyz9sn6yNXG2izNy9DdxOrB5MDgsfAstaXOu9DU1sos0afA+iyyzrzTuaTX98qxvOQNCkcxLNXFyP0svfrIy8nnzPy6r6GyMjAyMKGzNjI4usUsvLzK9dSxLDE5OTAtMDEtMDEsxNAsxvPStSyxvr/GLDIwMTktMDctMDENCg==",
  "base64",
);

test("a roster saved by Chinese Excel (GBK) is decoded", async (t) => {
  const { page } = t;
  await openBatch(t);
  await run(page, "gbk.csv", GBK_ROSTER);
  const row = page.locator('[data-batch-row="2"]');
  assert.equal(await row.getAttribute("data-person-id"), "G1");
  assert.notEqual(await row.getAttribute("data-status"), "error");
  assert.match(await row.locator(".col-name").innerText(), /张三/);
});

test("a CE records file adds hours by person; its warnings are listed", async (t) => {
  const { page } = t;
  const { header, rows } = await template();
  // The liandu example short of 2024 professional hours, given them in a records file.
  const short = rows.find((r) => r.startsWith("liandu_2024_professional_hours_short,"));
  await openBatch(t);
  await choose(page, "#batch-records", "学时.csv", Buffer.from(
    "人员编号,年度,类别,学时\r\nliandu_2024_professional_hours_short,2024,专业科目,40\r\nNOBODY,2024,专业科目,8\r\n",
    "utf8",
  ));
  await page.locator("#batch-remove-records").waitFor();
  await run(page, "r.csv", Buffer.from(`${header}\r\n${short}\r\n`, "utf8"));
  assert.deepEqual((await rowsShown(page)).map((r) => r.status), ["eligible"]);
  await page.click(".batch-warnings summary");
  assert.match(await page.locator(".batch-warnings").innerText(), /NOBODY/);
});

test("cancel stops the worker; the page answers while 10,000 people are checked", async (t) => {
  const { page } = t;
  await openBatch(t);
  const roster = await bigRoster(10_000);
  await choose(page, "#batch-roster", "big.csv", roster);
  await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor();

  // The main thread's longest pause while the worker runs (a timer every 10 ms).
  await page.evaluate(() => {
    window.__zcGaps = { last: performance.now(), max: 0 };
    window.__zcTimer = setInterval(() => {
      const now = performance.now();
      window.__zcGaps.max = Math.max(window.__zcGaps.max, now - window.__zcGaps.last);
      window.__zcGaps.last = now;
    }, 10);
  });
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  await page.click("#batch-start");
  await page.locator('[data-batch-state="running"]').waitFor();
  // A click is handled at once while it runs: the language switches.
  const clicked = Date.now();
  await page.click("#lang-toggle");
  await page.locator("#batch-heading", { hasText: "Batch" }).waitFor();
  const answered = Date.now() - clicked;
  const stillRunning = (await page.getAttribute(".batch-page", "data-batch-state")) === "running";
  await page.locator('[data-batch-state="done"]').waitFor({ timeout: 30_000 });
  const gap = await page.evaluate(() => {
    clearInterval(window.__zcTimer);
    return window.__zcGaps.max;
  });
  console.log(`        (10,000 people: the click answered in ${answered} ms${stillRunning ? " while running" : ""}; longest main-thread pause ${gap.toFixed(0)} ms)`);
  assert.ok(answered < 1000, `the click took ${answered} ms`);
  assert.ok(gap < 500, `the main thread paused ${gap.toFixed(0)} ms`);
  assert.equal(await page.getAttribute(".batch-tally", "data-total"), "10000");
  assert.equal(workers.length, 1, "one worker per run");
  assert.match(await page.locator("[data-shown]").innerText(), /1–50 of 10000/);
  await page.click("#batch-next");
  assert.equal(await page.locator("[data-batch-row]").first().getAttribute("data-batch-row"), "52");

  // Cancel: the worker is stopped, no results are shown, and it can start again.
  await page.click("#lang-toggle");
  await page.click("#batch-start");
  await page.locator('[data-batch-state="running"]').waitFor();
  await page.click("#batch-cancel");
  await page.locator('[data-batch-state="cancelled"]').waitFor();
  assert.match(await page.locator("[data-batch-cancelled]").innerText(), /已取消/);
  assert.equal(await page.locator("[data-batch-row]").count(), 0);
  for (let i = 0; i < 50 && page.workers().length > 0; i += 1) await page.waitForTimeout(100);
  assert.equal(page.workers().length, 0, "the worker is terminated");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "batch-start");
});

test("the template downloads from the page as it is in the repository; the format is described", async (t) => {
  const { page } = t;
  await openBatch(t);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-template")]);
  assert.equal(download.suggestedFilename(), "zhicheng-roster-template.csv");
  const { bytes } = await template();
  assert.ok((await readFile(await download.path())).equals(bytes), "the template is served byte for byte");
  await page.click("#batch-format-details summary");
  const format = await page.locator("#batch-format-details").innerText();
  for (const column of ["人员编号（person_id）", "适用规则（rule_set）", "出生日期（birth_date）", "学历（education）"]) {
    assert.ok(format.includes(column), column);
  }
});
