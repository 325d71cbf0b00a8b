// Installable and offline when hosted: the manifest, and the service worker
// (www/sw.js, filled in by cargo xtask build). A page visited once reloads and
// works with the network off (and its server gone); a new version installs in the
// background and waits: the open page, a half-filled form, is never reloaded.

import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { assert, test } from "./lib/harness.mjs";
import { assertVerdict, examples, ready, typeInto } from "./lib/app.mjs";
import { DIST, goOffline, profileFragment } from "./lib/offline.mjs";
import { serveDir } from "./lib/server.mjs";

const SW = { context: { serviceWorkers: "allow" } };

/** A copy of dist/ served on its own port (so the test may stop it, or change it). */
async function ownServer(t) {
  const dir = await mkdtemp(join(tmpdir(), "zhicheng-sw-"));
  await cp(DIST, dir, { recursive: true });
  const server = await serveDir(dir);
  // Closed when the test ends, even when it fails (an open server keeps the runner alive).
  t.cleanup(() => server.close());
  t.allowOrigin(server.url);
  return { dir, server };
}

async function activated(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
}

test(
  "visited once, the app reloads and works with the network off",
  async (t) => {
    const { server } = await ownServer(t);
    const example = (await examples()).find((e) => e.name === "huzhou_assistant_engineer_associate_degree");
    const { page } = t;
    await page.goto(server.url + profileFragment(example.text));
    await ready(page);
    const sw = await activated(page);
    assert.equal(sw.script, `${server.url}sw.js`);
    const caches = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    assert.equal(caches.names.length, 1);
    // The build id is the hash in Trunk's file names, written without leading zeros.
    assert.match(caches.names[0], /^zhicheng-[0-9a-f]{1,16}$/);
    for (const file of ["/", "/manifest.webmanifest", "/batch-worker.js", "/icons/icon-192.png"]) {
      assert.ok(caches.urls.includes(file), `${file} is cached`);
    }
    assert.ok(!caches.urls.includes("/offline.html"), "the offline file is a separate download");

    await server.close();
    await goOffline(t.context);
    await page.reload();
    await ready(page);
    await assertVerdict(t, example.expected);
    assert.equal(await page.evaluate(() => globalThis.zhichengBoot.source), "network");
  },
  SW,
);

test(
  "a new version waits for the next visit: the open page and its form are left alone",
  async (t) => {
    const { dir, server } = await ownServer(t);
    const { page } = t;
    try {
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
      assert.ok(waiting.waiting, "the new version waits");
      assert.equal(await page.inputValue("#f-birth-date"), "1985-03-04", "the form was not reset");
      assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation").length), 1);
      const names = await page.evaluate(() => caches.keys());
      assert.ok(names.includes("zhicheng-next000000000000"), "the new version is cached beside the old");
    } finally {
      await server.close();
    }
  },
  SW,
);

test("the web app manifest and its icons are this origin's own", async (t) => {
  await t.goto("/");
  await ready(t.page);
  const href = await t.page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = JSON.parse(await readFile(join(DIST, href), "utf8"));
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.display, "standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes("192x192") && sizes.includes("512x512"));
  for (const icon of manifest.icons) {
    assert.ok(!/^[a-z]+:/.test(icon.src), `${icon.src} is a file of the app`);
    const response = await t.page.request.get(new URL(icon.src, t.baseUrl).href);
    assert.equal(response.status(), 200, icon.src);
  }
});
