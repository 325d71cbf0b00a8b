// 职称自测 service worker: a page visited once keeps working offline.
//
// `cargo xtask build` (xtask/src/offline.rs) writes dist/sw.js from this file,
// filling in BUILD (from the wasm's content hash) and ASSETS (every file of
// dist/ but offline.html and this one). This template, as Trunk copies it (e.g.
// under `trunk serve`), precaches nothing and lets every request through.
//
// - install: ASSETS into the cache "zhicheng-BUILD"; no skipWaiting, so a new
//   version waits until no page uses the old one: it applies on the next visit
//   and never reloads a page (a half-filled form) under the user's hands.
// - activate: every other "zhicheng-…" cache is deleted.
// - fetch (same origin, GET): files with a content hash in their name are
//   immutable: cache first. Everything else (the page, the manifest, …):
//   network first, so an update is seen at once online, and the cached copy
//   when offline.
// It makes no request of its own but the install's, all to this origin.

const BUILD = "dev"; // zc:build
const ASSETS = []; // zc:assets
const CACHE = `zhicheng-${BUILD}`;
// Trunk's content hash: a 64-bit number in hex without leading zeros (1 to 16 digits),
// on the wasm, its glue and the stylesheet (as deploy/nginx.conf; not `icon-192.png`).
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener("install", (event) => {
  if (ASSETS.length === 0) return;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("zhicheng-") && k !== CACHE).map((k) => caches.delete(k))),
      ),
  );
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (offline) {
    const cached =
      (await caches.match(request, { ignoreSearch: request.mode === "navigate" })) ??
      (request.mode === "navigate" ? await caches.match("./") : undefined);
    if (cached) return cached;
    throw offline;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (ASSETS.length === 0 || request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
