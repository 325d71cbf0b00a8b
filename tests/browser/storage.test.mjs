// Keeping data on the device: nothing is stored until "remember" is ticked; then
// it survives a reload until "clear my data". Share links never overwrite what is
// remembered without asking, and storage that throws does not break the check.

import { readFile } from "node:fs/promises";
import { assert, test } from "./lib/harness.mjs";
import { examples, goStep, ready, shareLink } from "./lib/app.mjs";

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

test("remember, reload, find the data; clear it, reload, find nothing", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  await typeSome(page, "1980-05-10");
  assert.deepEqual((await stored(page)).ours, [], "nothing is stored before opting in");

  await page.check("#remember");
  await page.fill("#f-birth-date", "1981-06-11");
  const saved = JSON.parse((await stored(page)).value);
  assert.equal(saved.v, 1);
  assert.equal(saved.form.birth_date, "1981-06-11", "later edits are saved too");

  await page.reload();
  await ready(page);
  assert.equal(await page.isChecked("#remember"), true);
  assert.equal(await page.getAttribute('.stepper [aria-current="step"]', "data-step"), "about");
  assert.equal(await page.inputValue("#f-birth-date"), "1981-06-11");
  await goStep(page, "target");
  assert.equal(await page.isChecked("#f-rule-set-zj-liandu-2024"), true);

  await page.click("#clear-data");
  assert.deepEqual((await stored(page)).ours, []);
  assert.equal(await page.isChecked("#f-rule-set-zj-liandu-2024"), false, "the form is emptied");
  await page.locator('[data-notice="cleared"]').waitFor();

  await page.reload();
  await ready(page);
  assert.equal(await page.isChecked("#remember"), false);
  assert.equal(await page.isChecked("#f-rule-set-zj-liandu-2024"), false);
  await goStep(page, "about");
  assert.equal(await page.inputValue("#f-birth-date"), "");
  assert.deepEqual((await stored(page)).ours, []);
});

test("without opting in, a reload starts empty", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  await typeSome(page, "1980-05-10");
  await page.reload();
  await ready(page);
  await goStep(page, "about");
  assert.equal(await page.inputValue("#f-birth-date"), "");
});

test("a share link does not overwrite remembered data unless asked", async (t) => {
  const { page } = t;
  const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
  await t.goto("/");
  await ready(page);
  await typeSome(page, "1970-01-01");
  await page.check("#remember");
  const mine = (await stored(page)).value;

  // Opened in the same tab (the fragment changes) …
  await page.goto(new URL(shareLink(example.text), t.baseUrl).href);
  assert.equal(await t.verdictStatus(), "eligible");
  await page.locator('[data-notice="shared-over-saved"]').waitFor();
  assert.equal(await page.isChecked("#remember"), false, "nothing is being remembered now");
  await goStep(page, "about");
  await page.fill("#f-birth-date", "1980-05-11");
  assert.equal((await stored(page)).value, mine, "remembered data is untouched");
  // … and back to what was remembered.
  await page.click("#back-to-saved");
  assert.equal(await page.inputValue("#f-birth-date"), "1970-01-01");
  assert.equal(new URL(page.url()).hash, "");

  // Opened by a fresh page load, then kept on purpose.
  await page.goto("about:blank");
  await t.goto(shareLink(example.text));
  await page.locator('[data-notice="shared-over-saved"]').waitFor();
  assert.equal((await stored(page)).value, mine);
  await page.click("#remember-shared");
  assert.equal(JSON.parse((await stored(page)).value).form.birth_date, "1980-05-10");
  assert.equal(await page.isChecked("#remember"), true);
});

test("a broken share link says so in both languages and changes nothing", async (t) => {
  const { page } = t;
  await t.goto("/");
  await ready(page);
  await typeSome(page, "1970-01-01");
  await page.check("#remember");
  const mine = (await stored(page)).value;

  await page.goto("about:blank");
  await t.goto("/#profile=this-is-not*base64!");
  const notice = page.locator('[data-notice="share-error"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /无法打开这个分享链接.*base64url/);
  await page.click("#lang-toggle");
  assert.match(await notice.innerText(), /This share link cannot be opened.*base64url/);
  await page.click("#lang-toggle");
  assert.equal(await page.inputValue("#f-birth-date"), "1970-01-01", "the remembered data is shown");

  // Valid base64 that is not a profile names the field.
  const notProfile = Buffer.from('{"format":"zhicheng-profile/1"}').toString("base64url");
  await page.goto("about:blank");
  await t.goto(`/#profile=${notProfile}`);
  await notice.waitFor();
  assert.match(await notice.innerText(), /rule_set/);
  assert.equal((await stored(page)).value, mine, "stored data is untouched");
});

test("storage that throws shows a notice and the check still works", async (t) => {
  const { page } = t;
  await t.context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
  await t.goto(shareLink(example.text));
  assert.equal(await t.verdictStatus(), "eligible");
  await page.check("#remember");
  await page.locator('[data-notice="storage-failed"]').waitFor();
  await goStep(page, "about");
  await page.fill("#f-birth-date", "1960-01-01");
  await goStep(page, "result");
  assert.equal(await t.verdictStatus(), "not_eligible", "the verdict still follows every change");
});

for (const [kind, raw, says] of [
  ["damaged", '{"v":1,"lang":"zh","form":', "已损坏"],
  ["from another version", '{"v":0,"profile":{"rule_set":"zj-liandu-2024"}}', "版本 0"],
]) {
  test(`remembered data that is ${kind} is reported, offered for download, and cleared only on request`, async (t) => {
    const { page } = t;
    await t.context.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem("seeded")) {
          localStorage.setItem(key, value);
          sessionStorage.setItem("seeded", "1");
        }
      },
      [KEY, raw],
    );
    await t.goto("/");
    await ready(page);
    const notice = page.locator('[data-notice="storage-unreadable"]');
    await notice.waitFor();
    assert.ok((await notice.innerText()).includes(says), await notice.innerText());
    assert.equal(await notice.getAttribute("role"), "alert");
    assert.equal((await stored(page)).value, raw, "nothing is deleted or overwritten by itself");

    // The check still works while the notice waits.
    const example = (await examples()).find((e) => e.name === "liandu_senior_engineer_eligible");
    const fragment = shareLink(example.text).slice(shareLink(example.text).indexOf("#"));
    await page.evaluate((f) => {
      location.hash = f;
    }, fragment);
    assert.equal(await t.verdictStatus(), "eligible");
    assert.equal((await stored(page)).value, raw, "a share link does not overwrite it either");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-saved")]);
    assert.equal(download.suggestedFilename(), "zhicheng-saved-data.json");
    assert.equal(await readFile(await download.path(), "utf8"), raw, "the download is the data as stored");

    await page.click("#clear-saved");
    await page.locator('[data-notice="cleared"]').waitFor();
    assert.deepEqual((await stored(page)).ours, []);
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('[data-notice="storage-unreadable"]').count(), 0);
  });
}

test("a browser with storage disabled still runs the check", async (t) => {
  const { page } = t;
  await t.context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  const example = (await examples()).find((e) => e.name === "liandu_2024_professional_hours_short");
  await t.goto(shareLink(example.text));
  assert.equal(await t.verdictStatus(), "not_eligible");
  await page.check("#remember");
  await page.locator('[data-notice="storage-failed"]').waitFor();
  await page.click("#clear-data");
  assert.equal(await page.isChecked("#remember"), false);
});
