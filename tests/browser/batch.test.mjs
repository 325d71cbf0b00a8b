// 批量筛查 / Batch: the template's rows (the five shared examples) through the batch
// page, each row's status and failing checks, the downloaded results CSV (BOM,
// header, statuses, each check in its column, a formula-like id escaped), a row's
// full verdict, filters and sorting; a bad row in the middle; a file that cannot be
// used; cancel; and the page answering clicks while 10,000 people are checked.

import { readFile } from "node:fs/promises";

import { expect, test } from "./lib/fixtures.mjs";
import { DESKTOP, PHONE, assertAccessible, assertNoSideScroll, examples, goto, ready, screen } from "./lib/app.mjs";
import { bigRoster, parseCsv, template, withId } from "./lib/roster.mjs";

const EXAMPLES = await examples();
const FORMULA_ID = "=1+2";

async function openBatch(page) {
  await goto(page, "/");
  await ready(page);
  await page.click('[data-page="batch"]');
  await page.locator(".batch-page").waitFor();
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
  if (await failed.count()) throw new Error(`the batch failed: ${await failed.innerText()}`);
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

for (const [width, device] of [
  [360, PHONE],
  [1280, DESKTOP],
]) {
  test.describe(() => {
    test.use(device);
    test(
      `the shared examples through the batch page at ${width} px: statuses, the results CSV, a full verdict`,
      async ({ page }) => {
        await openBatch(page);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("batch-heading");
        await assertNoSideScroll(page, "batch page");
        await assertAccessible(page, `the batch page at ${width} px`);
        await screen(page, `${width}-batch-0-start`);

        await run(page, "roster.csv", await templateWithFormula());
        const rows = await rowsShown(page);
        expect(rows.length).toBe(6);
        for (const e of EXAMPLES) {
          const row = rows.find((r) => r.id === e.name);
          expect(row, `row ${e.name}`).toBeTruthy();
          expect(row.status, e.name).toBe(e.expected.status);
          expect(row.fail, `${e.name}: failing checks`).toStrictEqual(e.expected.fail);
          expect(row.review, `${e.name}: checks to review`).toStrictEqual(e.expected.review);
        }
        expect(rows.find((r) => r.id === FORMULA_ID).status).toBe("eligible");
        expect(rows.map((r) => r.line)).toStrictEqual([2, 3, 4, 5, 6, 7]);
        await expect(page.locator(".batch-tally")).toHaveAttribute("data-total", "6");
        await expect.poll(() => page.locator("#batch-announcer").innerText()).toMatch(/筛查完成：共 6 人/);
        await assertNoSideScroll(page, "batch results");
        await assertAccessible(page, `the batch results at ${width} px`);
        await screen(page, `${width}-batch-1-results`);

        // The results CSV: UTF-8 with BOM, the header, a row per person, each check's
        // status in its own column, the formula-like id escaped.
        const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-download")]);
        expect(download.suggestedFilename()).toBe("roster-results.csv");
        const bytes = await readFile(await download.path());
        expect([...bytes.subarray(0, 3)], "UTF-8 BOM").toStrictEqual([0xef, 0xbb, 0xbf]);
        const csv = parseCsv(bytes.toString("utf8").slice(1));
        const header = csv[0];
        expect(header.slice(0, 6)).toStrictEqual(["person_id", "name", "line", "status", "status_zh", "earliest_eligible_year"]);
        expect(header.slice(-2)).toStrictEqual(["summary_zh", "error"]);
        const body = csv.slice(1).filter((r) => r.length > 1);
        expect(body.length).toBe(6);
        const byId = Object.fromEntries(body.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
        for (const e of EXAMPLES) {
          const r = byId[e.name];
          expect(r.status, `CSV ${e.name}`).toBe(e.expected.status);
          for (const id of e.expected.fail) expect(r[id], `CSV ${e.name} ${id}`).toBe("fail");
          expect(r.retirement, `CSV ${e.name} retirement`).toBe("pass");
        }
        expect(byId[`'${FORMULA_ID}`], "a cell starting with = gets a leading '").toBeTruthy();
        expect(byId[`'${FORMULA_ID}`].status).toBe("eligible");
        expect(byId[`'${FORMULA_ID}`].line).toBe("7");

        // A row opens the person's full verdict (every check, with its text and sources).
        const jxt = rows.find((r) => r.id === "jxt_2019_online_hours_over_cap");
        await page.click(`#batch-open-${jxt.line}`);
        const detail = page.locator(`[data-detail-line="${jxt.line}"]`);
        await detail.waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(`batch-detail-${jxt.line}`);
        await expect(detail.locator("[data-verdict-status]")).toHaveAttribute("data-verdict-status", "not_eligible");
        await expect(detail.locator('[data-check-id="ce_hours"]')).toHaveAttribute("data-check-status", "fail");
        expect((await detail.locator('[data-check-id="retirement"] .check-message').innerText()).length > 0).toBeTruthy();
        await expect.poll(() => detail.locator(".report-meta").innerText()).toMatch(/浙经信人事〔2020〕84号/);
        await assertAccessible(page, `a full verdict at ${width} px`);
        await screen(page, `${width}-batch-2-verdict`);
        await page.click("#batch-close");
        await expect(detail).toHaveCount(0);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(`batch-open-${jxt.line}`);

        // Filters: by status, by a failing check; sorting by status puts failures first.
        await page.selectOption("#batch-filter-status", "not_eligible");
        expect((await rowsShown(page)).map((r) => r.status)).toStrictEqual(["not_eligible", "not_eligible", "not_eligible"]);
        await page.selectOption("#batch-filter-status", "");
        await page.selectOption("#batch-filter-check", "exam");
        expect((await rowsShown(page)).map((r) => r.id)).toStrictEqual(["shanxi_senior_economist_without_exam"]);
        await page.selectOption("#batch-filter-check", "");
        await page.selectOption("#batch-sort", "status");
        expect((await rowsShown(page)).map((r) => r.status)).toStrictEqual(["not_eligible", "not_eligible", "not_eligible", "eligible", "eligible", "eligible"]);
        if (width === 1280) {
          await page.click('.sort-button[data-sort="status"]');
          expect((await rowsShown(page))[0].status).toBe("eligible");
          await expect(page.locator('th:has([data-sort="status"])')).toHaveAttribute("aria-sort", "descending");
        }

        // Everything in English too.
        await page.click("#lang-toggle");
        await expect.poll(() => page.locator("#batch-heading").innerText()).toMatch(/Batch/);
        await expect.poll(() => page.locator(".batch-tally").innerText()).toMatch(/6 people/);
        await assertAccessible(page, `the batch results in English at ${width} px`);
        await screen(page, `${width}-batch-3-results-en`);
      },
    );
  });
}

test.describe(() => {
  test.use(PHONE);
  test(
    "a bad row in the middle is shown with its line and reason; the others are checked",
    async ({ page }) => {
      const { header, rows } = await template();
      const bad = rows[1].replace("1980-05-10", "1980-02-30");
      expect(bad).not.toBe(rows[1]);
      // UTF-8 without BOM, LF line ends, a blank line: the numbering counts it.
      const text = [header, rows[0], bad, "", rows[2], rows[3], rows[4]].join("\n") + "\n";
      await openBatch(page);
      await run(page, "名单.csv", Buffer.from(text, "utf8"));
      const shown = await rowsShown(page);
      expect(shown.map((r) => [r.line, r.status])).toStrictEqual([
          [2, "eligible"],
          [3, "error"],
          [5, "not_eligible"],
          [6, "eligible"],
          [7, "not_eligible"],
        ]);
      const error = page.locator('[data-batch-row="3"] [data-row-error]');
      await expect.poll(() => error.innerText()).toMatch(/第 3 行：“出生日期”列：“1980-02-30”不是存在的日期/);
      await expect(page.locator("#batch-open-3"), "a bad row has no verdict to open").toHaveCount(0);
      await expect(page.locator('[data-tally="error"]')).toHaveAttribute("data-tally", "error");
      await screen(page, "360-batch-bad-row");
      await page.click("#lang-toggle");
      await expect.poll(() => error.innerText()).toMatch(/line 3: column 出生日期: "1980-02-30" is not a date that exists/);

      // A file without the required columns cannot be used: the reason, and no table.
      await page.click("#lang-toggle");
      await run(page, "wrong.csv", Buffer.from("姓名,部门\n张三,办公室\n", "utf8"));
      const refused = page.locator("[data-batch-file-error]");
      await expect.poll(() => refused.innerText()).toMatch(/wrong\.csv 无法使用：表头缺少.*人员编号/);
      await expect(page.locator("[data-batch-row]")).toHaveCount(0);
    },
  );
});

// "人员编号,姓名,适用规则,申报职称,…\r\nG1,张三,晋人社厅函〔2020〕628号,技术员,…" in GBK, as
// Chinese Excel saves "CSV": python3 -c "print(base64.b64encode('…'.encode('gbk')))".
const GBK_ROSTER = Buffer.from(
  "yMvUsbHgusUs0NXD+yzKytPDuebU8izJ6rGo1rCzxiyz9sn6yNXG2izNy9DdxOrB5MDgsfAstaXOu9DU1sos0afA+iyyzrzTuaTX98qxvOQNCkcxLNXFyP0svfrIy8nnzPy6r6GyMjAyMKGzNjI4usUsvLzK9dSxLDE5OTAtMDEtMDEsxNAsxvPStSyxvr/GLDIwMTktMDctMDENCg==",
  "base64",
);

test("a roster saved by Chinese Excel (GBK) is decoded", async ({ page }) => {
  await openBatch(page);
  await run(page, "gbk.csv", GBK_ROSTER);
  const row = page.locator('[data-batch-row="2"]');
  await expect(row).toHaveAttribute("data-person-id", "G1");
  expect(await row.getAttribute("data-status")).not.toBe("error");
  await expect.poll(() => row.locator(".col-name").innerText()).toMatch(/张三/);
});

test("a CE records file adds hours by person; its warnings are listed", async ({ page }) => {
  const { header, rows } = await template();
  // The liandu example short of 2024 professional hours, given them in a records file.
  const short = rows.find((r) => r.startsWith("liandu_2024_professional_hours_short,"));
  await openBatch(page);
  await choose(page, "#batch-records", "学时.csv", Buffer.from(
    "人员编号,年度,类别,学时\r\nliandu_2024_professional_hours_short,2024,专业科目,40\r\nNOBODY,2024,专业科目,8\r\n",
    "utf8",
  ));
  await page.locator("#batch-remove-records").waitFor();
  await run(page, "r.csv", Buffer.from(`${header}\r\n${short}\r\n`, "utf8"));
  expect((await rowsShown(page)).map((r) => r.status)).toStrictEqual(["eligible"]);
  await page.click(".batch-warnings summary");
  await expect.poll(() => page.locator(".batch-warnings").innerText()).toMatch(/NOBODY/);
});

test("cancel stops the worker; the page answers while 10,000 people are checked", async ({ page }) => {
  await openBatch(page);
  const roster = await bigRoster(10_000);
  await choose(page, "#batch-roster", "big.csv", roster);
  await page.locator('#batch-roster-chosen[data-chosen="true"]').waitFor();

  // Whether the page stays live is shown by what it draws, not by a stopwatch: every
  // count of people checked that the page rendered while the worker ran is recorded.
  // The longest main-thread pause is printed as a figure (a timer every 10 ms).
  await page.evaluate(() => {
    window.__zcGaps = { last: performance.now(), max: 0 };
    window.__zcTimer = setInterval(() => {
      const now = performance.now();
      window.__zcGaps.max = Math.max(window.__zcGaps.max, now - window.__zcGaps.last);
      window.__zcGaps.last = now;
    }, 10);
    window.__zcCounts = new Set();
    window.__zcWatch = new MutationObserver(() => {
      const shown = document.querySelector(".batch-progress")?.getAttribute("data-checked");
      if (shown !== undefined && shown !== null) window.__zcCounts.add(Number(shown));
    });
    window.__zcWatch.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const workers = [];
  page.on("worker", (w) => workers.push(w));
  await page.click("#batch-start");
  await page.locator('[data-batch-state="running"]').waitFor();
  // A click made while it runs is handled: the language switches.
  const clicked = Date.now();
  await page.click("#lang-toggle");
  await page.locator("#batch-heading", { hasText: "Batch" }).waitFor();
  const answered = Date.now() - clicked;
  const stillRunning = (await page.getAttribute(".batch-page", "data-batch-state")) === "running";
  await page.locator('[data-batch-state="done"]').waitFor({ timeout: 60_000 });
  const { gap, counts } = await page.evaluate(() => {
    clearInterval(window.__zcTimer);
    window.__zcWatch.disconnect();
    return { gap: window.__zcGaps.max, counts: [...window.__zcCounts].sort((a, b) => a - b) };
  });
  const between = counts.filter((n) => n > 0 && n < 10_000);
  console.log(
    `        (10,000 people: ${between.length} progress counts drawn during the run; the click answered in ${answered} ms${stillRunning ? " while running" : ""}; longest main-thread pause ${gap.toFixed(0)} ms)`,
  );
  // The worker reports as it goes and the page draws each report: had the checking run
  // on the main thread, nothing would be drawn between none and all.
  expect(between.length >= 2, `progress drawn during the run: ${JSON.stringify(counts)}`).toBeTruthy();
  await expect(page.locator(".batch-tally")).toHaveAttribute("data-total", "10000");
  expect(workers.length, "one worker per run").toBe(1);
  await expect.poll(() => page.locator("[data-shown]").innerText()).toMatch(/1–50 of 10000/);
  await page.click("#batch-next");
  await expect(page.locator("[data-batch-row]").first()).toHaveAttribute("data-batch-row", "52");

  // Cancel: the worker is stopped, no results are shown, and it can start again. The
  // cancel button is clicked as soon as the page shows the run (in the observer of that
  // change, before the worker's first message can arrive): a run of 10,000 takes under
  // half a second, which a click from outside the page may miss.
  await page.click("#lang-toggle");
  await page.evaluate(() => {
    const watch = new MutationObserver(() => {
      if (!document.querySelector('[data-batch-state="running"]')) return;
      watch.disconnect();
      document.getElementById("batch-cancel").click();
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.click("#batch-start");
  await page.locator('[data-batch-state="cancelled"]').waitFor();
  await expect.poll(() => page.locator("[data-batch-cancelled]").innerText()).toMatch(/已取消/);
  await expect(page.locator("[data-batch-row]")).toHaveCount(0);
  for (let i = 0; i < 50 && page.workers().length > 0; i += 1) await page.waitForTimeout(100);
  expect(page.workers().length, "the worker is terminated").toBe(0);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("batch-start");
});

test("the template downloads from the page as it is in the repository; the format is described", async ({ page }) => {
  await openBatch(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#batch-template")]);
  expect(download.suggestedFilename()).toBe("zhicheng-roster-template.csv");
  const { bytes } = await template();
  expect((await readFile(await download.path())).equals(bytes), "the template is served byte for byte").toBeTruthy();
  await page.click("#batch-format-details summary");
  const format = await page.locator("#batch-format-details").innerText();
  for (const column of ["人员编号（person_id）", "适用规则（rule_set）", "出生日期（birth_date）", "学历（education）"]) {
    expect(format.includes(column), column).toBeTruthy();
  }
});
