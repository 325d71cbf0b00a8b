// Before the browser tests: dist/ served by nginx as deploy/nginx.conf configures a
// real host (lib/nginx.mjs), once for the whole run; its address goes to the workers
// as ZC_APP_URL. The returned function stops it when the run ends, whatever the
// tests did. ZC_BASE_URL tests an already running server instead (e.g. trunk serve;
// the tests of nginx's headers are then skipped).

import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

import { DIST } from "./paths.mjs";
import { NGINX_DIR, startNginx } from "./nginx.mjs";

/** Removes what earlier runs' servers left in target/nginx/ (not a running one's). */
async function removeStoppedServers() {
  const entries = await readdir(NGINX_DIR).catch(() => []);
  for (const name of entries) {
    const dir = join(NGINX_DIR, name);
    if (!existsSync(join(dir, "nginx.pid"))) await rm(dir, { recursive: true, force: true });
  }
}

export default async function globalSetup() {
  if (process.env.ZC_BASE_URL) {
    console.log(`browser: testing ${process.env.ZC_BASE_URL}`);
    return undefined;
  }
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error(`${DIST}/index.html is missing: build the app first (cargo xtask build)`);
  }
  await removeStoppedServers();
  const server = await startNginx(DIST, { name: "app" });
  process.env.ZC_APP_URL = server.url;
  process.env.ZC_NGINX_BROTLI = server.brotli ? "1" : "0";
  console.log(`browser: ${DIST} served by nginx at ${server.url} (${server.prefix}/nginx.conf${server.brotli ? "" : ", no brotli module"})`);
  return () => server.stop();
}
