// Keeping data on the device: nothing is stored until "remember" is ticked; then
// it survives a reload until "clear my data". Share links never overwrite what is
// remembered without asking, and storage that throws does not break the check.

import { readFile } from "node:fs/promises";
import { expect, test } from "./lib/fixtures.mjs";
import { examples, goStep, goto, ready, shareLink, verdictStatus } from "./lib/app.mjs";

const KEY = "zhicheng:v1";

async function stored(page) {
  return page.evaluate((key) => {
    const ours = Object.keys(localStorage).filter((k) => k.startsWith("zhicheng:"));
    return { ours, value: localStorage.getItem(key) };
  }, KEY);
}

async function typeSome(page, birth) {
  await page.check("#f-rule-set-zj-liandu-2024");
  await goStep(page, "about");
  await page.fill("#f-birth-date", birth);
}

test("remember, reload, find the data; clear it, reload, find nothing", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  await typeSome(page, "1980-05-10");
  expect((await stored(page)).ours, "nothing is stored before opting in").toStrictEqual([]);

  await page.check("#remember");
  await page.fill("#f-birth-date", "1981-06-11");
  const saved = JSON.parse((await stored(page)).value);
  expect(saved.v).toBe(1);
  expect(saved.form.birth_date, "later edits are saved too").toBe("1981-06-11");

  await page.reload();
  await ready(page);
  await expect(page.locator("#remember")).toBeChecked();
  await expect(page.locator('.stepper [aria-current="step"]')).toHaveAttribute("data-step", "about");
  await expect(page.locator("#f-birth-date")).toHaveValue("1981-06-11");
  await goStep(page, "target");
  await expect(page.locator("#f-rule-set-zj-liandu-2024")).toBeChecked();

  await page.click("#clear-data");
  expect((await stored(page)).ours).toStrictEqual([]);
  await expect(page.locator("#f-rule-set-zj-liandu-2024"), "the form is emptied").not.toBeChecked();
  await page.locator('[data-notice="cleared"]').waitFor();

  await page.reload();
  await ready(page);
  await expect(page.locator("#remember")).not.toBeChecked();
  await expect(page.locator("#f-rule-set-zj-liandu-2024")).not.toBeChecked();
  await goStep(page, "about");
  await expect(page.locator("#f-birth-date")).toHaveValue("");
  expect((await stored(page)).ours).toStrictEqual([]);
});

test("without opting in, a reload starts empty", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  await typeSome(page, "1980-05-10");
  await page.reload();
  await ready(page);
  await goStep(page, "about");
  await expect(page.locator("#f-birth-date")).toHaveValue("");
});

test("a share link does not overwrite remembered data unless asked", async ({ page, baseURL }) => {
  const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
  await goto(page, "/");
  await ready(page);
  await typeSome(page, "1970-01-01");
  await page.check("#remember");
  const mine = (await stored(page)).value;

  // Opened in the same tab (the fragment changes) …
  await page.goto(new URL(shareLink(example.text), baseURL).href);
  expect(await verdictStatus(page)).toBe("eligible");
  await page.locator('[data-notice="shared-over-saved"]').waitFor();
  await expect(page.locator("#remember"), "nothing is being remembered now").not.toBeChecked();
  await goStep(page, "about");
  await page.fill("#f-birth-date", "1980-05-11");
  expect((await stored(page)).value, "remembered data is untouched").toBe(mine);
  // … and back to what was remembered.
  await page.click("#back-to-saved");
  await expect(page.locator("#f-birth-date")).toHaveValue("1970-01-01");
  expect(new URL(page.url()).hash).toBe("");

  // Opened by a fresh page load, then kept on purpose.
  await page.goto("about:blank");
  await goto(page, shareLink(example.text));
  await page.locator('[data-notice="shared-over-saved"]').waitFor();
  expect((await stored(page)).value).toBe(mine);
  await page.click("#remember-shared");
  expect(JSON.parse((await stored(page)).value).form.birth_date).toBe("1980-05-10");
  await expect(page.locator("#remember")).toBeChecked();
});

test("a broken share link says so in both languages and changes nothing", async ({ page }) => {
  await goto(page, "/");
  await ready(page);
  await typeSome(page, "1970-01-01");
  await page.check("#remember");
  const mine = (await stored(page)).value;

  await page.goto("about:blank");
  await goto(page, "/#profile=this-is-not*base64!");
  const notice = page.locator('[data-notice="share-error"]');
  await notice.waitFor();
  await expect.poll(() => notice.innerText()).toMatch(/无法打开这个分享链接.*base64url/);
  await page.click("#lang-toggle");
  await expect.poll(() => notice.innerText()).toMatch(/This share link cannot be opened.*base64url/);
  await page.click("#lang-toggle");
  await expect(page.locator("#f-birth-date"), "the remembered data is shown").toHaveValue("1970-01-01");

  // Valid base64 that is not a profile names the field.
  const notProfile = Buffer.from('{"format":"zhicheng-profile/1"}').toString("base64url");
  await page.goto("about:blank");
  await goto(page, `/#profile=${notProfile}`);
  await notice.waitFor();
  await expect.poll(() => notice.innerText()).toMatch(/rule_set/);
  expect((await stored(page)).value, "stored data is untouched").toBe(mine);
});

test("storage that throws shows a notice and the check still works", async ({ page, context }) => {
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
  await goto(page, shareLink(example.text));
  expect(await verdictStatus(page)).toBe("eligible");
  await page.check("#remember");
  await page.locator('[data-notice="storage-failed"]').waitFor();
  await goStep(page, "about");
  await page.fill("#f-birth-date", "1960-01-01");
  await goStep(page, "result");
  expect(await verdictStatus(page), "the verdict still follows every change").toBe("not_eligible");
});

for (const [kind, raw, says] of [
  ["damaged", '{"v":1,"lang":"zh","form":', "已损坏"],
  ["from another version", '{"v":0,"profile":{"rule_set":"zj-liandu-2024"}}', "版本 0"],
]) {
  test(`remembered data that is ${kind} is reported, offered for download, and cleared only on request`, async ({ page, context }) => {
    await context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem("seeded")) {
          localStorage.setItem(key, value);
          sessionStorage.setItem("seeded", "1");
        }
      },
      [KEY, raw],
    );
    await goto(page, "/");
    await ready(page);
    const notice = page.locator('[data-notice="storage-unreadable"]');
    await notice.waitFor();
    expect((await notice.innerText()).includes(says), await notice.innerText()).toBeTruthy();
    await expect(notice).toHaveAttribute("role", "alert");
    expect((await stored(page)).value, "nothing is deleted or overwritten by itself").toBe(raw);

    // The check still works while the notice waits.
    const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
    const fragment = shareLink(example.text).slice(shareLink(example.text).indexOf("#"));
    await page.evaluate((f) => {
      location.hash = f;
    }, fragment);
    expect(await verdictStatus(page)).toBe("eligible");
    expect((await stored(page)).value, "a share link does not overwrite it either").toBe(raw);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-saved")]);
    expect(download.suggestedFilename()).toBe("zhicheng-saved-data.json");
    expect(await readFile(await download.path(), "utf8"), "the download is the data as stored").toBe(raw);

    await page.click("#clear-saved");
    await page.locator('[data-notice="cleared"]').waitFor();
    expect((await stored(page)).ours).toStrictEqual([]);
    await page.reload();
    await ready(page);
    await expect(page.locator('[data-notice="storage-unreadable"]')).toHaveCount(0);
  });
}

test("a browser with storage disabled still runs the check", async ({ page, context }) => {
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
  await goto(page, shareLink(example.text));
  expect(await verdictStatus(page)).toBe("not_eligible");
  await page.check("#remember");
  await page.locator('[data-notice="storage-failed"]').waitFor();
  await page.click("#clear-data");
  await expect(page.locator("#remember")).not.toBeChecked();
});
