// Installable and offline when hosted: the manifest, and the service worker
// (www/sw.js, filled in by cargo xtask build). A page visited once reloads and
// works with the network off (and its server gone); a new version installs in the
// background and waits: the open page, a half-filled form, is never reloaded.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { expect, test } from "./lib/fixtures.mjs";
import { assertVerdict, examples, goto, ready, typeInto } from "./lib/app.mjs";
import { DIST, profileFragment } from "./lib/offline.mjs";

// Each of the first two tests serves a copy of dist/ with its own nginx (the
// `ownServer` fixture: deploy/nginx.conf, so sw.js comes with its real headers), which
// it may stop or change; the fixture stops it when the test ends, passed or failed.

async function activated(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
}

test.describe(() => {
  test.use({ serviceWorkers: "allow" });
  test(
    "visited once, the app reloads and works with the network off",
    async ({ page, offlineTools, ownServer }) => {
      const { server } = await ownServer();
      const example = (await examples()).find((e) => e.name === "huzhou_assistant_engineer_associate_degree");
      await page.goto(server.url + profileFragment(example.text));
      await ready(page);
      const sw = await activated(page);
      expect(sw.script).toBe(`${server.url}sw.js`);
      expect(sw.scope, "the service worker controls the whole origin").toBe(server.url);
      const caches = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      expect(caches.names.length).toBe(1);
      // The build id is the hash in Trunk's file names, written without leading zeros.
      expect(caches.names[0]).toMatch(/^zhicheng-[0-9a-f]{1,16}$/);
      for (const file of ["/", "/manifest.webmanifest", "/batch-worker.js", "/icons/icon-192.png"]) {
        expect(caches.urls.includes(file), `${file} is cached`).toBeTruthy();
      }
      expect(!caches.urls.includes("/offline.html"), "the offline file is a separate download").toBeTruthy();

      await server.stop();
      await offlineTools.goOffline();
      await page.reload();
      await ready(page);
      await assertVerdict(page, example.expected);
      expect(await page.evaluate(() => globalThis.zhichengBoot.source)).toBe("network");
    },
  );
});

test.describe(() => {
  test.use({ serviceWorkers: "allow" });
  test(
    "a new version waits for the next visit: the open page and its form are left alone",
    async ({ page, ownServer }) => {
      const { dir, server } = await ownServer();
      await page.goto(server.url);
      await ready(page);
      await activated(page);
      await page.click('.stepper [data-step="about"]');
      await typeInto(page, "#f-birth-date", "1985-03-04");

      // A new build: another sw.js (another BUILD), found by the browser's update check.
      const sw = await readFile(join(dir, "sw.js"), "utf8");
      await writeFile(join(dir, "sw.js"), sw.replace(/const BUILD = "[^"]+";/, 'const BUILD = "next000000000000";'));
      const waiting = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration.update();
        const worker = registration.installing ?? registration.waiting;
        if (worker && worker.state !== "installed") {
          await new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "installed" && resolve()));
        }
        return { waiting: Boolean(registration.waiting), active: registration.active.scriptURL };
      });
      expect(waiting.waiting, "the new version waits").toBeTruthy();
      await expect(page.locator("#f-birth-date"), "the form was not reset").toHaveValue("1985-03-04");
      expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
      const names = await page.evaluate(() => caches.keys());
      expect(names.includes("zhicheng-next000000000000"), "the new version is cached beside the old").toBeTruthy();
    },
  );
});

test("the web app manifest and its icons are this origin's own", async ({ page, baseURL }) => {
  await goto(page, "/");
  await ready(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = JSON.parse(await readFile(join(DIST, href), "utf8"));
  expect(manifest.start_url).toBe("./");
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes.includes("192x192") && sizes.includes("512x512")).toBeTruthy();
  for (const icon of manifest.icons) {
    expect(!/^[a-z]+:/.test(icon.src), `${icon.src} is a file of the app`).toBeTruthy();
    const response = await page.request.get(new URL(icon.src, baseURL).href);
    expect(response.status(), icon.src).toBe(200);
  }
});
