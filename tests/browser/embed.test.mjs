// The embedding demo, www/embed.html, a plain HR page with the app three ways:
// 1. the widget (<div data-zhicheng>, shadow DOM): presets, compact, accent colour;
//    the host's styles and the widget's stay as they were; a shared example typed in;
// 2. the iframe: it follows its content's height, and the host hears nothing but
//    heights and (opted in) the verdict status, from the app's origin; a frame told
//    another origin (status_to) posts its status to nobody here;
// 3. the JavaScript API: the expected verdict of every shared example, and the CLI's
//    errors for bad input.
//
// Every test runs on both setups:
// - "one origin": the demo as dist/ has it, beside the app (both from nginx);
// - "two origins": the HR page on 127.0.0.2 (its own server, lib/fixtures.mjs
//   hrPage), the app on 127.0.0.1 (nginx with deploy/nginx.conf: CORS for what
//   embed.js fetches), the page's CSP allowing the app's origin as README says. No
//   request goes anywhere but these two origins, and the HR page's origin serves
//   nothing but its own page, script and stylesheet.

import { expect, test } from "./lib/fixtures.mjs";
import { assertVerdict, enterProfile, examples, goto } from "./lib/app.mjs";

const EXAMPLES = await examples();
const SETUPS = ["one origin", "two origins"];
/** An origin that is neither the HR page's nor the app's (nothing is served there). */
const ELSEWHERE = "http://127.0.0.3:9";

/**
 * Opens the demo HR page for `setup` and waits for the widget; resolves to the HR
 * page's { origin, page }.
 */
async function openDemo(page, { setup, app, hrPage }) {
  // Every message the host page receives, with its origin and the frame it came
  // from, to check what crosses from the frames.
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.__zcMessages = [];
    window.addEventListener("message", (e) => {
      const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source);
      window.__zcMessages.push({ origin: e.origin, frame: frame?.id ?? null, data: e.data });
    });
  });
  const host = setup === "two origins" ? await hrPage(app.origin) : { origin: app.origin, page: new URL("/embed.html", app.url).href };
  await goto(page, host.page);
  await page.locator("#widget-host .site-header").waitFor({ timeout: 30_000 });
  return host;
}

/**
 * Two origins: every request went to the app's origin or the HR page's, and the HR
 * page's served only its own files (the app's all came from the app's origin).
 */
function assertRequestsSplit(requests, app, host) {
  if (host.origin === app.origin) return;
  const wrong = requests
    .filter((url) => !/^(data|blob):/.test(url))
    .filter((url) => {
      const { origin, pathname } = new URL(url);
      if (origin === app.origin) return false;
      return origin !== host.origin || !["/embed.html", "/embed-demo.css", "/embed-demo.js"].includes(pathname);
    });
  expect(wrong, "requests to other origins, or for the app's files to the HR page's origin").toStrictEqual([]);
  const fromApp = requests.filter((url) => url.startsWith(`${app.origin}/`)).map((url) => new URL(url).pathname);
  expect(fromApp, "embed.js from the app's origin").toContain("/embed.js");
}

const STYLE_KEYS = ["fontFamily", "fontSize", "fontWeight", "borderRadius", "textTransform", "letterSpacing", "paddingTop", "paddingLeft", "lineHeight"];

function styleOf(locator) {
  return locator.evaluate((e, keys) => {
    const s = getComputedStyle(e);
    return Object.fromEntries(keys.map((k) => [k, s[k]]));
  }, STYLE_KEYS);
}

for (const setup of SETUPS) {
  test.describe(setup, () => {
    test("the widget: presets, compact, accent, and neither page's styles reach the other", async ({ page, context, app, guards, hrPage }) => {
      // The app's own page, for the widget's styles to match.
      const own = await context.newPage();
      await own.goto(app.url);
      await own.locator("#lang-toggle").waitFor();
      const ownToggle = await styleOf(own.locator("#lang-toggle"));
      await own.close();

      const host = await openDemo(page, { setup, app, hrPage });
      const widget = page.locator("#widget-host");
      expect(await widget.evaluate((e) => e.shadowRoot !== null), "the widget has a shadow root").toBeTruthy();
      expect(await widget.evaluate((e) => e.shadowRoot.adoptedStyleSheets.length), "the app's stylesheet").toBe(1);
      // Presets and compact mode.
      await expect(page.locator("#widget-host #f-title")).toHaveValue("senior_engineer");
      await expect(page.locator("#widget-host #f-rule-set-zj-liandu-2024")).toBeChecked();
      await expect(widget.locator(".tagline, .site-footer, .pages, .data-panel")).toHaveCount(0);
      // The accent colour comes from the host (data-accent → --zc-accent).
      const primary = await widget.locator(".app").evaluate((e) => getComputedStyle(e).getPropertyValue("--primary").trim());
      expect(primary).toBe("#8a1538");
      // The host page keeps its own language, title and button styles.
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      expect(await page.title()).toMatch(/人力资源和社会保障局/);
      const button = await page.locator("#host-button").evaluate((e) => {
        const s = getComputedStyle(e);
        return [s.backgroundColor, s.color, s.borderRadius, s.textTransform, s.letterSpacing, s.fontWeight];
      });
      expect(button).toStrictEqual(["rgb(138, 21, 56)", "rgb(255, 255, 255)", "0px", "uppercase", "2px", "700"]);
      // The widget's buttons look as on the app's own page, whatever the host's rules say.
      expect(await styleOf(widget.locator("#lang-toggle"))).toStrictEqual(ownToggle);
      // The widget's files came from the app's origin.
      expect(await page.evaluate(() => globalThis.zhichengBoot.url("sources/x.txt"))).toBe(`${app.origin}/sources/x.txt`);
      assertRequestsSplit(guards.requests, app, host);
    });

    test("the widget: a shared example typed in gives its verdict", async ({ page, app, guards, hrPage }) => {
      const host = await openDemo(page, { setup, app, hrPage });
      const example = EXAMPLES.find((e) => e.name === "liandu_senior_engineer_eligible");
      await enterProfile(page, example.profile);
      await assertVerdict(page, example.expected);
      assertRequestsSplit(guards.requests, app, host);
    });

    test("the iframe follows its content's height; the host hears only heights and the status", async ({ page, app, guards, hrPage }) => {
      const host = await openDemo(page, { setup, app, hrPage });
      const frameElement = page.locator("#frame-host");
      const frame = page.frame({ url: /embed=frame/ });
      expect(frame, "the frame is loaded").toBeTruthy();
      expect(frame.url(), "the host opted in to the status").toMatch(/status_to=http/);
      const address = new URL(frame.url());
      expect(address.origin, "the frame is the app, on its own origin").toBe(app.origin);
      expect(address.searchParams.get("status_to"), "embed.js names the HR page's origin").toBe(host.origin);
      await frame.locator("#app .site-header").waitFor();
      await expect(frame.locator("html")).toHaveAttribute("lang", "en");

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
        throw new Error(`the frame's height does not follow its content: ${JSON.stringify(await heights())}`);
      };
      const first = await matches();

      const example = EXAMPLES.find((e) => e.name === "jxt_2019_online_hours_over_cap");
      await enterProfile(frame, example.profile);
      await assertVerdict(frame, example.expected);
      const second = await matches();
      expect(second, "the height changed with the content").not.toBe(first);
      await page.locator(`#frame-status[data-status="${example.expected.status}"]`).waitFor();

      const messages = await page.evaluate(() => window.__zcMessages);
      expect(messages.length >= 2).toBeTruthy();
      for (const { origin, frame: from, data: m } of messages) {
        const keys = Object.keys(m).sort().join(",");
        expect((m.type === "zhicheng:height" && keys === "height,type") || (m.type === "zhicheng:status" && keys === "status,type"), `the host received ${JSON.stringify(m)}`).toBeTruthy();
        expect(origin, `${JSON.stringify(m)} is from the app's origin`).toBe(app.origin);
        expect(from, `${JSON.stringify(m)} is from the frame`).toBe("frame-host");
      }
      const statuses = messages.filter((m) => m.data.type === "zhicheng:status").map((m) => m.data.status);
      expect(statuses.at(-1), "the verdict status arrived").toBe(example.expected.status);
      assertRequestsSplit(guards.requests, app, host);
    });

    test("a frame told another origin (status_to) posts its status to nobody here; heights still arrive", async ({ page, app, guards, hrPage }) => {
      const host = await openDemo(page, { setup, app, hrPage });
      // The browser refuses each of the frame's status messages. In one process (one
      // origin) it says so in the console, naming the origin the frame was told and the
      // real one: expected, and counted. Across origins (the frame in its own process) it
      // drops them without a word; there the demo's own frame, the same app told this
      // page's origin, is the control: its status arrives.
      const refused =
        setup === "one origin"
          ? guards.expectConsole(
              new RegExp(`postMessage.*target origin provided \\('${ELSEWHERE.replaceAll(".", "\\.")}'\\) does not match the recipient window's origin \\('${host.origin.replaceAll(".", "\\.")}'\\)`),
            )
          : null;
      // A second frame, added as an HR page would, telling the status to ELSEWHERE.
      await page.evaluate(
        ([src, id]) => {
          const frame = document.createElement("iframe");
          frame.id = id;
          frame.title = "职称自测";
          frame.src = src;
          document.querySelector("#frame").append(frame);
        },
        [`${app.origin}/index.html?embed=frame&lang=en&status_to=${encodeURIComponent(ELSEWHERE)}`, "frame-elsewhere"],
      );
      const elsewhere = { url: /status_to=http%3A%2F%2F127\.0\.0\.3/ };
      await expect.poll(() => Boolean(page.frame(elsewhere)), { message: "the second frame is loaded" }).toBe(true);
      const frame = page.frame(elsewhere);
      // Chromium does not draw a frame of another origin while it is out of view (no
      // animation frames), and Playwright waits for an element to be still over two of
      // them before it clicks: the new frame, at the foot of the demo, is brought into
      // view first (a click on it timed out once when the run was slow).
      await page.locator("#frame-elsewhere").scrollIntoViewIfNeeded();
      await frame.locator("#app .site-header").waitFor();
      const example = EXAMPLES.find((e) => e.name === "shanxi_senior_economist_without_exam");
      await enterProfile(frame, example.profile);
      await assertVerdict(frame, example.expected);
      // Its first status (none yet, at start) and the verdict's: both refused.
      if (refused) await expect.poll(() => refused.seen, { message: "the browser refused the frame's status messages" }).toBeGreaterThanOrEqual(2);

      const messages = await page.evaluate(() => window.__zcMessages);
      const fromIt = messages.filter((m) => m.frame === "frame-elsewhere");
      expect(fromIt.length, "its heights arrive").toBeGreaterThan(0);
      expect(fromIt.filter((m) => m.data.type !== "zhicheng:height"), "nothing but heights from it").toStrictEqual([]);
      // The demo's own frame, told this page's origin, still reports to it (its status at start).
      expect(messages.some((m) => m.frame === "frame-host" && m.data.type === "zhicheng:status")).toBeTruthy();
      assertRequestsSplit(guards.requests, app, host);
    });

    test("the JavaScript API: every shared example's verdict, and the CLI's errors", async ({ page, app, guards, hrPage }) => {
      const host = await openDemo(page, { setup, app, hrPage });
      for (const example of EXAMPLES) {
        for (const input of [example.profile, example.text]) {
          const v = await page.evaluate((p) => window.Zhicheng.evaluate(p), input);
          expect(v.format).toBe("zhicheng-verdict/1");
          expect(v.status, example.name).toBe(example.expected.status);
          const ids = (s) => v.checks.filter((c) => c.status === s).map((c) => c.id).sort();
          expect(ids("fail"), `${example.name}: fail`).toStrictEqual(example.expected.fail);
          expect(ids("review"), `${example.name}: review`).toStrictEqual(example.expected.review);
          expect(Object.fromEntries(v.ce_years.map((y) => [y.year, y.compliant]))).toStrictEqual(example.expected.ce);
          expect(v.service === null ? null : v.service.counted_months).toBe(example.expected.service_months);
          expect(v.earliest_eligible_year === null || typeof v.earliest_eligible_year === "number").toBeTruthy();
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
        expect(error?.isError, "an Error is thrown").toBeTruthy();
        expect(error.name).toBe("ZhichengInputError");
        expect(error.message).toBe(line);
        expect(error.path).toBe(path);
        expect(`${error.path}: ${error.en} — ${error.zh}`).toBe(line);
      }
      // The demo page's own form calls the API.
      await page.click("#api-check");
      await page.locator('.hr-verdict[data-status="not_eligible"]').waitFor();
      assertRequestsSplit(guards.requests, app, host);
    });
  });
}
