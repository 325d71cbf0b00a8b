// The embedding demo, www/embed.html, a plain HR page with the app three ways:
// 1. the widget (<div data-zhicheng>, shadow DOM): presets, compact, accent colour;
//    the host's styles and the widget's stay as they were; a shared example typed in;
// 2. the iframe: it follows its content's height, and the host hears nothing but
//    heights and (opted in) the verdict status;
// 3. the JavaScript API: the expected verdict of every shared example, and the CLI's
//    errors for bad input.

import { assert, test } from "./lib/harness.mjs";
import { assertVerdict, enterProfile, examples } from "./lib/app.mjs";

const EXAMPLES = await examples();

async function openDemo(t) {
  // Every message the host page receives, to check what crosses from the frame.
  await t.page.addInitScript(() => {
    if (window !== window.top) return;
    window.__zcMessages = [];
    window.addEventListener("message", (e) => window.__zcMessages.push(e.data));
  });
  await t.goto("/embed.html");
  await t.page.locator("#widget-host .site-header").waitFor({ timeout: 30_000 });
}

const STYLE_KEYS = ["fontFamily", "fontSize", "fontWeight", "borderRadius", "textTransform", "letterSpacing", "paddingTop", "paddingLeft", "lineHeight"];

function styleOf(locator) {
  return locator.evaluate((e, keys) => {
    const s = getComputedStyle(e);
    return Object.fromEntries(keys.map((k) => [k, s[k]]));
  }, STYLE_KEYS);
}

test("the widget: presets, compact, accent, and neither page's styles reach the other", async (t) => {
  const { page } = t;
  // The app's own page, for the widget's styles to match.
  const own = await t.newPage();
  await own.goto(t.baseUrl);
  await own.locator("#lang-toggle").waitFor();
  const ownToggle = await styleOf(own.locator("#lang-toggle"));
  await own.close();

  await openDemo(t);
  const widget = page.locator("#widget-host");
  assert.ok(await widget.evaluate((e) => e.shadowRoot !== null), "the widget has a shadow root");
  assert.equal(await widget.evaluate((e) => e.shadowRoot.adoptedStyleSheets.length), 1, "the app's stylesheet");
  // Presets and compact mode.
  assert.equal(await page.inputValue("#widget-host #f-title"), "senior_engineer");
  assert.equal(await page.isChecked("#widget-host #f-rule-set-zj-liandu-2024"), true);
  assert.equal(await widget.locator(".tagline, .site-footer, .pages, .data-panel").count(), 0);
  // The accent colour comes from the host (data-accent → --zc-accent).
  const primary = await widget.locator(".app").evaluate((e) => getComputedStyle(e).getPropertyValue("--primary").trim());
  assert.equal(primary, "#8a1538");
  // The host page keeps its own language, title and button styles.
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.match(await page.title(), /人力资源和社会保障局/);
  const host = await page.locator("#host-button").evaluate((e) => {
    const s = getComputedStyle(e);
    return [s.backgroundColor, s.color, s.borderRadius, s.textTransform, s.letterSpacing, s.fontWeight];
  });
  assert.deepEqual(host, ["rgb(138, 21, 56)", "rgb(255, 255, 255)", "0px", "uppercase", "2px", "700"]);
  // The widget's buttons look as on the app's own page, whatever the host's rules say.
  assert.deepEqual(await styleOf(widget.locator("#lang-toggle")), ownToggle);
});

test("the widget: a shared example typed in gives its verdict", async (t) => {
  await openDemo(t);
  const example = EXAMPLES.find((e) => e.name === "liandu_senior_engineer_eligible");
  await enterProfile(t.page, example.profile);
  await assertVerdict(t, example.expected);
});

test("the iframe follows its content's height; the host hears only heights and the status", async (t) => {
  const { page } = t;
  await openDemo(t);
  const frameElement = page.locator("#frame-host");
  const frame = page.frame({ url: /embed=frame/ });
  assert.ok(frame, "the frame is loaded");
  assert.match(frame.url(), /status_to=http/, "the host opted in to the status");
  await frame.locator("#app .site-header").waitFor();
  assert.equal(await frame.getAttribute("html", "lang"), "en");

  const heights = async () => ({
    outer: await frameElement.evaluate((e) => e.clientHeight),
    inner: await frame.locator("#app").evaluate((e) => Math.ceil(e.getBoundingClientRect().height)),
  });
  const matches = async () => {
    for (let i = 0; i < 50; i += 1) {
      const h = await heights();
      if (Math.abs(h.outer - h.inner) <= 1) return h.inner;
      await page.waitForTimeout(100);
    }
    assert.fail(`the frame's height does not follow its content: ${JSON.stringify(await heights())}`);
  };
  const first = await matches();

  const example = EXAMPLES.find((e) => e.name === "jxt_2019_online_hours_over_cap");
  await enterProfile(frame, example.profile);
  await assertVerdict(t, example.expected, frame);
  const second = await matches();
  assert.notEqual(second, first, "the height changed with the content");
  await page.locator(`#frame-status[data-status="${example.expected.status}"]`).waitFor();

  const messages = await page.evaluate(() => window.__zcMessages);
  assert.ok(messages.length >= 2);
  for (const m of messages) {
    const keys = Object.keys(m).sort().join(",");
    assert.ok(
      (m.type === "zhicheng:height" && keys === "height,type") || (m.type === "zhicheng:status" && keys === "status,type"),
      `the host received ${JSON.stringify(m)}`,
    );
  }
});

test("the JavaScript API: every shared example's verdict, and the CLI's errors", async (t) => {
  const { page } = t;
  await openDemo(t);
  for (const example of EXAMPLES) {
    for (const input of [example.profile, example.text]) {
      const v = await page.evaluate((p) => window.Zhicheng.evaluate(p), input);
      assert.equal(v.format, "zhicheng-verdict/1");
      assert.equal(v.status, example.expected.status, example.name);
      const ids = (s) => v.checks.filter((c) => c.status === s).map((c) => c.id).sort();
      assert.deepEqual(ids("fail"), example.expected.fail, `${example.name}: fail`);
      assert.deepEqual(ids("review"), example.expected.review, `${example.name}: review`);
      assert.deepEqual(Object.fromEntries(v.ce_years.map((y) => [y.year, y.compliant])), example.expected.ce);
      assert.equal(v.service === null ? null : v.service.counted_months, example.expected.service_months);
      assert.ok(v.earliest_eligible_year === null || typeof v.earliest_eligible_year === "number");
    }
  }
  // Bad input: the same line as `zhicheng check` prints (and exits 2 with).
  const bad = JSON.parse(EXAMPLES[0].text);
  bad.person.birth_date = "1990-02-30";
  const cases = [
    [
      bad,
      "person.birth_date",
      'person.birth_date: "1990-02-30" is not a date that exists (write YYYY-MM-DD) — “1990-02-30”不是存在的日期（格式 YYYY-MM-DD）',
    ],
    [
      '{"format":"zhicheng-profile/1",',
      "$",
      "$: not valid JSON at line 1, column 32: the text ends too early — 不是有效的 JSON（第 1 行第 32 列：内容不完整，提前结束）",
    ],
  ];
  for (const [input, path, line] of cases) {
    const error = await page.evaluate(async (p) => {
      try {
        await window.Zhicheng.evaluate(p);
        return null;
      } catch (e) {
        return { isError: e instanceof Error, name: e.name, message: e.message, path: e.path, en: e.message_en, zh: e.message_zh };
      }
    }, input);
    assert.ok(error?.isError, "an Error is thrown");
    assert.equal(error.name, "ZhichengInputError");
    assert.equal(error.message, line);
    assert.equal(error.path, path);
    assert.equal(`${error.path}: ${error.en} — ${error.zh}`, line);
  }
  // The demo page's own form calls the API.
  await page.click("#api-check");
  await page.locator('.hr-verdict[data-status="not_eligible"]').waitFor();
});
