// Helpers that drive the app the way a person does: open a page, open a step, type a
// profile in field by field, open a share link, read the verdict, run axe-core, save
// screenshots.

import { expect } from "@playwright/test";
import { readFile, readdir, mkdir } from "node:fs/promises";
import { join } from "node:path";

import { ROOT, SCREENS } from "./paths.mjs";

export { ROOT, SCREENS };
export const EXAMPLES = join(ROOT, "tests", "examples");

export const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The shared examples: [{ name, text, profile, expected }]. */
export async function examples() {
  const names = (await readdir(EXAMPLES))
    .filter((f) => f.endsWith(".profile.json"))
    .map((f) => f.replace(/\.profile\.json$/, ""))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(EXAMPLES, `${name}.profile.json`), "utf8");
      const expected = JSON.parse(await readFile(join(EXAMPLES, `${name}.expected.json`), "utf8"));
      return { name, text, profile: JSON.parse(text), expected };
    }),
  );
}

/** Opens `path` of the served app (the test's baseURL) and expects HTTP success. */
export async function goto(page, path = "/") {
  const response = await page.goto(path);
  expect(response?.ok(), `GET ${path}: HTTP ${response?.status()}`).toBe(true);
  return response;
}

/**
 * Waits for the app to show a result and returns the verdict status
 * (`data-verdict-status`); fails with the app's message on an input error or
 * when the form still lacks something (`data-verdict-incomplete`).
 */
export async function verdictStatus(page) {
  const shown = page.locator("[data-verdict-status], [data-input-error], [data-verdict-incomplete]").first();
  await shown.waitFor({ timeout: 30_000 });
  const status = await shown.getAttribute("data-verdict-status");
  if (status === null) throw new Error(`the app shows no verdict: ${await shown.innerText()}`);
  return status;
}

/** Waits until the app has rendered into #app. */
export async function ready(page) {
  await page.locator("#app .site-header").waitFor({ timeout: 30_000 });
  // A saved page holds a rendering before the app starts: wait for the app itself
  // (the `interactive` mark it sets after its first render, src/web.rs).
  await page.waitForFunction(() => performance.getEntriesByName("interactive", "mark").length > 0, null, {
    timeout: 30_000,
  });
}

/** Opens a step with the stepper. */
export async function goStep(page, step) {
  await page.click(`.stepper [data-step="${step}"]`);
  await page.locator(`[data-current-step="${step}"], .panel.on-result`).first().waitFor();
}

/** Types text into an input the way a person does: key by key. */
export async function typeInto(page, selector, text) {
  const input = page.locator(selector);
  await input.fill("");
  await input.pressSequentially(String(text));
  await input.press("Tab");
}

async function setChecked(page, selector, on) {
  await page.locator(selector).setChecked(Boolean(on));
}

async function openPart(page, id) {
  const part = page.locator(`#${id}`);
  if ((await part.getAttribute("open")) === null) await part.locator("summary").click();
}

/**
 * Enters a zhicheng-profile/1 through the form, step by step, by typing and
 * choosing, then opens the result step.
 */
export async function enterProfile(page, p) {
  const person = p.person;
  await goStep(page, "target");
  await page.check(`#f-rule-set-${p.rule_set}`);
  if (p.evaluation_year) await page.selectOption("#f-evaluation-year", String(p.evaluation_year));
  await page.selectOption("#f-title", p.target.title);
  if (p.target.specialty) {
    const tag = await page.locator("#f-specialty").evaluate((e) => e.tagName);
    if (tag === "SELECT") await page.selectOption("#f-specialty", p.target.specialty);
    else await typeInto(page, "#f-specialty", p.target.specialty);
  }
  await setChecked(page, "#f-exceptional", p.exceptional);

  await goStep(page, "about");
  await typeInto(page, "#f-birth-date", person.birth_date);
  await page.check(`#f-retirement-group-${person.retirement_group}`);
  await page.selectOption("#f-employment", person.employment);
  await setChecked(page, "#f-in-technical-post", person.in_technical_post ?? true);
  await setChecked(page, "#f-profession-matches", person.profession_matches ?? true);
  await setChecked(page, "#f-retired", person.retired);
  if (person.employment === "public_institution") {
    await setChecked(page, "#f-post-wage-paid", person.post_wage_paid ?? true);
    await setChecked(page, "#f-moved-from-government-organ", person.moved_from_government_organ);
  }

  await goStep(page, "education");
  await page.selectOption("#f-education", p.education);
  if (p.work_start) await typeInto(page, "#f-work-start", p.work_start);
  for (const [i, t] of (p.titles ?? []).entries()) {
    await page.click("#add-title");
    await page.selectOption(`#f-title-${i}-name`, t.title);
    await typeInto(page, `#f-title-${i}-obtained`, t.obtained);
  }

  await goStep(page, "other");
  const assessments = Object.entries(p.assessments ?? {});
  if (assessments.length) await openPart(page, "part-assessments");
  for (const [i, [year, grade]] of assessments.entries()) {
    await page.click("#add-assessment");
    await typeInto(page, `#f-assessment-${i}-year`, year);
    await page.selectOption(`#f-assessment-${i}-grade`, grade);
  }
  if (p.sanctions?.length) await openPart(page, "part-sanctions");
  for (const [i, s] of (p.sanctions ?? []).entries()) {
    await page.click("#add-sanction");
    await page.selectOption(`#f-sanction-${i}-kind`, s.kind);
    await typeInto(page, `#f-sanction-${i}-effective`, s.effective);
    await setChecked(page, `#f-sanction-${i}-official`, s.as_public_official);
  }
  if (p.fraud_findings?.length) await openPart(page, "part-fraud");
  for (const [i, f] of (p.fraud_findings ?? []).entries()) {
    await page.click("#add-fraud");
    await typeInto(page, `#f-fraud-${i}-year`, f.evaluation_year);
  }
  if (p.exams?.length) {
    await openPart(page, "part-exams");
    await setChecked(page, "#f-exam-passed", true);
    const years = p.exams.map((e) => e.year);
    if (years.every((y) => y !== undefined)) await typeInto(page, "#f-exam-year", Math.min(...years));
  }
  if (p.reference_date) {
    await openPart(page, "part-advanced");
    await typeInto(page, "#f-reference-date", p.reference_date);
  }

  await goStep(page, "ce");
  // Plain records go into the grid (summed per cell), the rest into the list.
  const cells = new Map();
  const listed = [];
  for (const r of p.ce_records ?? []) {
    if (r.note || r.authority_recognized) {
      listed.push(r);
      continue;
    }
    const key = `${r.year}-${r.category}-${r.online ? "online" : "offline"}`;
    cells.set(key, { year: r.year, hours: (cells.get(key)?.hours ?? 0) + r.hours });
  }
  for (const [key, { year, hours }] of cells) {
    if ((await page.locator(`[data-ce-year="${year}"]`).count()) === 0) {
      await typeInto(page, "#f-ce-new-year", year);
      await page.click("#ce-add-year");
    }
    await typeInto(page, `#f-ce-${key}`, Math.round(hours * 10) / 10);
  }
  for (const r of listed) {
    const i = await page.locator(".record-list [data-row]").count();
    await page.click("#add-record");
    await typeInto(page, `#f-record-${i}-year`, r.year);
    await page.selectOption(`#f-record-${i}-category`, r.category);
    await typeInto(page, `#f-record-${i}-hours`, r.hours);
    await setChecked(page, `#f-record-${i}-online`, r.online);
    await setChecked(page, `#f-record-${i}-authority`, r.authority_recognized);
    if (r.note) await typeInto(page, `#f-record-${i}-note`, r.note);
  }
  await goStep(page, "result");
}

/** The share link of a profile's JSON text. */
export function shareLink(text) {
  return `/#profile=${Buffer.from(text, "utf8").toString("base64url")}`;
}

/** Asserts the verdict the app shows matches an examples/*.expected.json. */
export async function assertVerdict(page, expected) {
  expect(await verdictStatus(page), "data-verdict-status").toBe(expected.status);
  const ids = async (status) =>
    (await page.locator(`.panel [data-check-status="${status}"]`).evaluateAll((els) => els.map((e) => e.dataset.checkId))).sort();
  expect(await ids("fail"), "failing checks").toStrictEqual(expected.fail);
  expect(await ids("review"), "checks to review").toStrictEqual(expected.review);
  const ce = await page
    .locator(".panel [data-ce-row]")
    .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.dataset.ceRow, r.dataset.ceCompliant === "true"])));
  expect(ce, "CE years").toStrictEqual(expected.ce);
  const service = page.locator(".panel [data-service-months]");
  if (expected.service_months === null) await expect(service).toHaveCount(0);
  else await expect(service).toHaveAttribute("data-service-months", String(expected.service_months));
}

/** Saves tests/browser/artifacts/screens/NAME.png (the whole page). */
export async function screen(page, name) {
  await mkdir(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/** Fails if the page is wider than the screen (horizontal scrolling). */
export async function assertNoSideScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: the page is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
}

let axeSource = null;

/**
 * Runs axe-core on the page (injected over the DevTools protocol, outside the
 * page's CSP) and fails on any serious or critical violation.
 */
export async function assertAccessible(page, what) {
  axeSource ??= await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " — " + n.failureSummary),
    }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n      ${v.nodes.join("\n      ")}`),
    `axe-core on ${what}`,
  ).toStrictEqual([]);
  return violations;
}
