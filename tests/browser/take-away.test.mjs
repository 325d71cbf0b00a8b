// From verdict to action (issue 17): the CE plan on the result is the engine's (the
// CLI's `zhicheng plan`, the same call) for every shared example; 加入日历 downloads
// the file `zhicheng calendar` prints, and Python's icalendar reads it; the QR code's
// modules, read back from the SVG, decode to a link that opens the same profile; the
// "for HR" rows and pasted links become a roster the batch page checks; large text
// enlarges the whole app and every step still fits 360 px. Screenshots at 360 px.

import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import jsQR from "jsqr";

import { expect, test } from "./lib/fixtures.mjs";
import { PHONE, ROOT, SCREENS, assertAccessible, assertNoSideScroll, examples, goStep, goto, ready, screen, shareLink } from "./lib/app.mjs";

const STEPS = ["target", "about", "education", "other", "ce", "result"];

/** The CLI of this checkout (built if needed) on a profile text. */
function cli(args, input) {
  return execFileSync("cargo", ["run", "--quiet", "-p", "zhicheng-cli", "--bin", "zhicheng", "--", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    maxBuffer: 16 << 20,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Saves SCREENS/NAME.png of one part of the page. */
async function shot(locator, name) {
  await locator.screenshot({ path: join(SCREENS, `${name}.png`) });
}

async function openResult(page, text) {
  // A share link after another is only a new fragment: start from a blank page.
  await page.goto("about:blank");
  await goto(page, shareLink(text));
  await ready(page);
  await goStep(page, "result");
  await page.locator("#plan").waitFor();
}

/** What the plan section shows. */
async function shownPlan(page) {
  return {
    outlook: await page.getAttribute("#plan", "data-plan-outlook"),
    summary: await page.locator("#plan [data-plan-summary]").innerText(),
    steps: await page
      .locator("#plan [data-plan-year]")
      .evaluateAll((els) => els.map((e) => [Number(e.dataset.planYear), e.dataset.planKind, e.querySelector("p").innerText])),
  };
}

/** The plain share link the app makes now (its own share box). */
async function plainLink(page) {
  await page.click("#make-share-link");
  return page.inputValue("#share-link");
}

/** The profile JSON the app would share now. */
async function sharedProfile(page) {
  const data = new URL(await plainLink(page)).hash.replace(/^#profile=/, "");
  return JSON.parse(Buffer.from(data, "base64url").toString("utf8"));
}

/** Reads the QR code drawn as one SVG path (`M x y h w v1 h-w z` per run of dark modules). */
async function decodeQr(page) {
  const figure = page.locator("figure.qr");
  await figure.waitFor();
  const { viewBox, d, link } = await figure.evaluate((f) => ({
    viewBox: f.querySelector("svg").getAttribute("viewBox"),
    d: f.querySelector("path").getAttribute("d"),
    link: f.dataset.qrLink,
  }));
  const side = Number(viewBox.split(" ")[2]);
  const dark = new Uint8Array(side * side);
  let runs = 0;
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i += 1) dark[Number(y) * side + Number(x) + i] = 1;
    runs += 1;
  }
  expect(runs, "the path is runs of modules").toBeGreaterThan(0);
  const scale = 4;
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let py = 0; py < width; py += 1) {
    for (let px = 0; px < width; px += 1) {
      const on = dark[Math.floor(py / scale) * side + Math.floor(px / scale)];
      const o = (py * width + px) * 4;
      pixels[o] = pixels[o + 1] = pixels[o + 2] = on ? 0 : 255;
      pixels[o + 3] = 255;
    }
  }
  const code = jsQR(pixels, width, width);
  expect(code, "jsQR finds a code in the SVG's modules").toBeTruthy();
  return { decoded: code.data, link };
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function openBatch(page) {
  await page.click('[data-page="batch"]');
  await page.locator(".batch-page").waitFor();
}

async function runBatch(page) {
  await page.click("#batch-start");
  await page.locator('.batch-page:is([data-batch-state="done"], [data-batch-state="file-error"])').waitFor({ timeout: 30_000 });
  return page.locator("[data-batch-row]").evaluateAll((rows) =>
    rows.map((r) => ({ id: r.dataset.personId, status: r.dataset.status, name: r.querySelector("[data-person-name]")?.innerText ?? null })),
  );
}

test.describe(() => {
  test.use(PHONE);

  test("the plan is the engine's for every shared example: steps, years and words as `zhicheng plan` gives them", async ({ page }) => {
    let steps = 0;
    for (const example of await examples()) {
      await openResult(page, example.text);
      const plan = JSON.parse(cli(["plan", "-"], example.text));
      const shown = await shownPlan(page);
      expect(shown.outlook, example.name).toBe(plan.outlook);
      expect(shown.summary, example.name).toBe(plan.summary.zh);
      expect(shown.steps, example.name).toStrictEqual(plan.steps.map((s) => [s.need.year, s.kind, s.text.zh]));
      steps += shown.steps.length;
      if (example.name === "liandu_2024_professional_hours_short") {
        await shot(page.locator("#plan"), "360-plan-liandu-hours-short");
      }
    }
    expect(steps, "the examples have steps to show").toBeGreaterThan(0);
    // In English, the English words.
    const example = (await examples()).find((e) => e.name === "jxt_2019_online_hours_over_cap");
    await openResult(page, example.text);
    await page.click("#lang-toggle");
    const plan = JSON.parse(cli(["plan", "-"], example.text));
    await expect(page.locator("#plan [data-plan-summary]")).toHaveText(plan.summary.en);
    await assertAccessible(page, "the result with its plan");

    // Printed: not in the report (two pages at most), but on its own with its button.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#plan").isVisible(), "not in the report's print").toBe(false);
    expect(await page.locator("#hand-off").isVisible(), "nor the hand-off").toBe(false);
    await page.evaluate(() => document.documentElement.classList.add("print-plan"));
    expect(await page.locator("#plan [data-plan-year]").first().isVisible(), "the steps are printed").toBeTruthy();
    for (const hidden of ["[data-verdict-status]", "#print-plan", "#add-to-calendar", "#hand-off", ".stepper"]) {
      expect(await page.locator(hidden).first().isVisible(), `${hidden} is not printed`).toBe(false);
    }
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages >= 1 && pages <= 2, `the plan prints on ${pages} pages`).toBeTruthy();
  });

  test("加入日历 downloads the calendar `zhicheng calendar` prints, and icalendar reads its events", async ({ page }) => {
    const python = process.env.ZHICHENG_PYTHON || join(ROOT, "target", "python", "bin", "python3");
    const dir = await mkdtemp(join(tmpdir(), "zc-ics-"));
    let events = 0;
    for (const example of await examples()) {
      await openResult(page, example.text);
      const plan = JSON.parse(cli(["plan", "-"], example.text));
      const button = page.locator("#add-to-calendar");
      if (plan.outlook === "not_covered") {
        await expect(button, `${example.name}: no calendar without a plan`).toHaveCount(0);
        continue;
      }
      for (const lang of ["zh", "en"]) {
        if ((await page.getAttribute("html", "lang")).startsWith("zh") !== (lang === "zh")) await page.click("#lang-toggle");
        const file = await download(page, "#add-to-calendar");
        expect(file.name).toBe("zhicheng-calendar.ics");
        const text = file.bytes.toString("utf8");
        const stamp = text.match(/^DTSTAMP:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z\r$/m);
        const expected = cli(
          ["calendar", "-", "--lang", lang, ...(stamp ? ["--stamp", `${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6]}Z`] : [])],
          example.text,
        );
        expect(text, `${example.name} (${lang}): the app's file is the CLI's`).toBe(expected);
        const path = join(dir, `${example.name}.${lang}.ics`);
        await writeFile(path, file.bytes);
        const [parsed] = JSON.parse(execFileSync(python, [join(ROOT, "crates", "cli", "tests", "ics_events.py"), path], { encoding: "utf8" }));
        expect(parsed.errors, path).toStrictEqual([]);
        expect(parsed.version).toBe("2.0");
        const vevents = text.match(/^BEGIN:VEVENT\r$/gm)?.length ?? 0;
        expect(parsed.events.length, path).toBe(vevents);
        for (const e of parsed.events) {
          expect(e.uid && e.summary && e.description, `${path}: ${JSON.stringify(e)}`).toBeTruthy();
          expect(e.stamp_is_utc).toBe(true);
        }
        events += vevents;
      }
      if (example.name === "jxt_2019_online_hours_over_cap") await shot(page.locator("#plan"), "360-plan-jxt-calendar-button");
    }
    expect(events, "the examples' calendars have events").toBeGreaterThan(0);
  });

  test("the QR code's modules decode to a short link that opens the same profile", async ({ page, browser }) => {
    for (const example of await examples()) {
      await openResult(page, example.text);
      const original = await sharedProfile(page);
      const { decoded, link } = await decodeQr(page);
      expect(decoded, example.name).toBe(link);
      expect(new URL(decoded).hash, "a compressed link").toMatch(/^#z=[A-Za-z0-9_-]+$/);
      expect(decoded.length, "shorter than the plain link").toBeLessThan(new URL(shareLink(example.text), page.url()).href.length);

      const phone = await browser.newPage(PHONE);
      await goto(phone, decoded);
      await ready(phone);
      await phone.locator('[data-notice="shared-loaded"], [data-verdict-status]').first().waitFor();
      expect(await sharedProfile(phone), `${example.name}: the scanned link opens the same profile`).toStrictEqual(original);
      await phone.close();
    }
    await shot(page.locator("#hand-off"), "360-hand-off-qr");

    // A damaged short link says so, and changes nothing.
    await page.goto("about:blank");
    await goto(page, "/#z=AAAA");
    await ready(page);
    await expect(page.locator(".notices")).toContainText("无法解压");
  });

  test("for HR: rows exported by two people, and links pasted, are checked together on the batch page", async ({ page }) => {
    const all = await examples();
    const people = [all.find((e) => e.name === "liandu_senior_engineer_eligible"), all.find((e) => e.name === "jxt_2019_online_hours_over_cap")];
    const files = [];
    const links = [];
    const plainLinks = [];
    for (const [i, example] of people.entries()) {
      await openResult(page, example.text);
      await page.fill("#for-hr-name", `申报人${i + 1}`);
      const file = await download(page, "#export-for-hr");
      expect(file.name).toBe("zhicheng-for-hr.csv");
      expect(file.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), "a BOM, for Excel").toBeTruthy();
      files.push({ name: `person-${i + 1}.csv`, mimeType: "text/csv", buffer: file.bytes });
      links.push((await decodeQr(page)).link);
      plainLinks.push(await plainLink(page));
    }
    await shot(page.locator(".for-hr"), "360-for-hr");

    await openBatch(page);
    await page.setInputFiles("#batch-roster", files);
    await expect(page.locator("#batch-roster-chosen")).toContainText("person-1.csv、person-2.csv");
    const fromFiles = await runBatch(page);
    expect(fromFiles.map((r) => r.status)).toStrictEqual(people.map((e) => e.expected.status));
    expect(fromFiles.every((r) => /^P-[0-9a-f]{8}$/.test(r.id)), "ids made from the data").toBeTruthy();

    // The same people as links (one short, one plain), with a line that is not one.
    const plain = plainLinks[1];
    await page.locator(".batch-links summary").click();
    await page.fill("#batch-links", `申报人1：${links[0]}\n\n申报人2 ${plain}\n这一行没有链接\n`);
    await page.click("#batch-read-links");
    await expect(page.locator("#batch-roster-chosen")).toContainText("粘贴的 2 个链接");
    await expect(page.locator("[data-batch-link-problems]")).toContainText("第 4 行");
    await shot(page.locator(".batch-files"), "360-batch-pasted-links");
    const fromLinks = await runBatch(page);
    expect(fromLinks.map((r) => r.status)).toStrictEqual(people.map((e) => e.expected.status));
    expect(fromLinks.map((r) => r.id), "the same person, the same id, by file or by link").toStrictEqual(fromFiles.map((r) => r.id));
    await assertNoSideScroll(page, "the batch page with pasted links");

    // Files whose columns differ are not joined.
    await page.setInputFiles("#batch-roster", [files[0], { name: "other.csv", mimeType: "text/csv", buffer: Buffer.from("人员编号,姓名\r\nA1,甲\r\n") }]);
    await expect(page.locator("[data-batch-file-problem]")).toContainText("other.csv：表头与 person-1.csv 不同");
  });

  test("large text enlarges the whole app, is kept with remember, and every step fits 360 px", async ({ page }) => {
    const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
    await goto(page, shareLink(example.text));
    await ready(page);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".app")).fontSize));
    const standard = await size();
    await page.click("#text-size-toggle");
    await expect(page.locator("#text-size-toggle")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveClass(/large-text/);
    expect(await size(), "the text is a quarter larger").toBeCloseTo(standard * 1.25, 1);
    const heading = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".app-name")).fontSize));
    expect(heading, "headings grow too").toBeCloseTo(1.5 * standard * 1.25, 1);

    for (const step of STEPS) {
      await goStep(page, step);
      await assertNoSideScroll(page, `large text, step ${step}`);
      await screen(page, `360-large-${step}`);
    }
    for (const where of ["batch", "about"]) {
      await page.click(`[data-page="${where}"]`);
      await assertNoSideScroll(page, `large text, ${where} page`);
      await screen(page, `360-large-${where}`);
    }
    await page.click('[data-page="self-check"]');
    await assertAccessible(page, "large text");

    // Not stored until "remember"; then it comes back.
    await page.evaluate(() => history.replaceState(null, "", location.pathname));
    expect(await page.evaluate(() => Object.keys(localStorage))).toStrictEqual([]);
    await page.check("#remember");
    expect(JSON.parse(await page.evaluate(() => localStorage.getItem("zhicheng:v1"))).text).toBe("large");
    await page.reload();
    await ready(page);
    await expect(page.locator("html")).toHaveClass(/large-text/);
    await page.click("#text-size-toggle");
    await expect(page.locator("html")).not.toHaveClass(/large-text/);
    expect(await size()).toBeCloseTo(standard, 1);
    await page.click("#clear-data");

    // A widget on an HR page: its own switch enlarges it (its rems follow --zc-rem),
    // and the host page's text stays as it is.
    await goto(page, "/embed.html");
    const widget = page.locator("#widget-host");
    await widget.locator(".site-header").waitFor({ timeout: 30_000 });
    const px = (selector) => widget.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const host = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const [name, button] = [await px(".app-name"), await px("#lang-toggle")];
    await widget.locator("#text-size-toggle").click();
    await expect(widget.locator("#text-size-toggle")).toHaveAttribute("aria-pressed", "true");
    expect(await px(".app-name"), "the widget's heading").toBeCloseTo(name * 1.25, 1);
    expect(await px("#lang-toggle"), "the widget's buttons").toBeCloseTo(button * 1.25, 1);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)), "the host page's text").toBe(host);
    await expect(page.locator("html")).not.toHaveClass(/large-text/);
  });
});
