// nginx for the browser tests: dist/ served as deploy/nginx.conf configures a real
// host. Each server is its own nginx (not root's: its prefix, pid file, logs and
// temporary files under target/nginx/NAME/), listening on the loopback at a free port,
// with a main config written here around deploy/nginx.conf (its `zc:listen` and
// `zc:root` lines filled in). `cargo xtask test browser` stops any nginx whose pid file
// is still there when Playwright exits.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

import { ROOT } from "./paths.mjs";

/** The nginx binary: $NGINX, else Debian's. */
export const NGINX_PATH = process.env.NGINX || "/usr/sbin/nginx";
/** Debian's brotli module (libnginx-mod-http-brotli-filter); without it, gzip only. */
export const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so";
export const DEPLOY_CONF = join(ROOT, "deploy", "nginx.conf");
/** Where each server's prefix is (xtask/src/steps.rs looks for pid files here). */
export const NGINX_DIR = join(ROOT, "target", "nginx");

/** A free TCP port on `host`. */
export function freePort(host = "127.0.0.1") {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, host, () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Replaces the directive of the line marked `# MARK` (exactly one such line). */
function fill(text, mark, directive) {
  const pattern = new RegExp(`^([ \\t]*)[^\\n#]*# ${mark}[ \\t]*$`, "gm");
  const found = text.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`deploy/nginx.conf: expected one line marked "# ${mark}", found ${found}`);
  return text.replace(pattern, (_, indent) => `${indent}${directive} # ${mark}`);
}

/** deploy/nginx.conf for `root` on host:port (brotli lines dropped without the module). */
export async function siteConfig({ root, host, port, brotli }) {
  let text = await readFile(DEPLOY_CONF, "utf8");
  text = fill(text, "zc:listen", `listen ${host}:${port};`);
  text = fill(text, "zc:root", `root ${resolve(root)};`);
  if (!brotli) text = text.replace(/^.*# zc:brotli[ \t]*\n/gm, "");
  return text;
}

/** The main config around the site: everything of nginx's in `prefix`. */
function mainConfig(prefix, { brotli }) {
  const root = process.getuid?.() === 0;
  return `# Written by tests/browser/lib/nginx.mjs for a browser test run; deploy/nginx.conf is the site.
daemon off;
master_process on;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
${root ? "# Run as root (CI): the workers stay root so that they can read dist/ wherever the clone is.\nuser root;\n" : ""}${brotli ? `load_module ${BROTLI_MODULE};\n` : ""}
events {
    worker_connections 256;
}

http {
    access_log ${prefix}/access.log;
    client_body_temp_path ${prefix}/tmp/body;
    proxy_temp_path ${prefix}/tmp/proxy;
    fastcgi_temp_path ${prefix}/tmp/fastcgi;
    uwsgi_temp_path ${prefix}/tmp/uwsgi;
    scgi_temp_path ${prefix}/tmp/scgi;
    sendfile on;
    include ${prefix}/site.conf;
}
`;
}

let serial = 0;

/**
 * Starts nginx serving `root` on `host` (a free port): resolves to
 * { url, origin, port, prefix, stop() } once it answers. `stop()` ends it (SIGTERM,
 * then SIGKILL) and may be called more than once.
 */
export async function startNginx(root, { host = "127.0.0.1", name = "app" } = {}) {
  if (!existsSync(NGINX_PATH)) {
    throw new Error(`no nginx at ${NGINX_PATH}: run \`cargo xtask setup\` (Debian's nginx) or set NGINX`);
  }
  const brotli = existsSync(BROTLI_MODULE);
  serial += 1;
  const prefix = join(NGINX_DIR, `${name}-${process.pid}-${serial}`);
  await rm(prefix, { recursive: true, force: true });
  await mkdir(join(prefix, "tmp"), { recursive: true });
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort(host);
    await writeFile(join(prefix, "site.conf"), await siteConfig({ root, host, port, brotli }));
    await writeFile(join(prefix, "nginx.conf"), mainConfig(prefix, { brotli }));
    const child = spawn(NGINX_PATH, ["-p", prefix, "-e", join(prefix, "error.log"), "-c", join(prefix, "nginx.conf")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise((ok) => child.once("exit", (code, signal) => ok({ code, signal })));
    const url = `http://${host}:${port}/`;
    const up = await Promise.race([answers(url), exited.then(() => false)]);
    if (up) {
      let stopped;
      return {
        url,
        origin: new URL(url).origin,
        port,
        prefix,
        brotli,
        stop() {
          stopped ??= (async () => {
            if (child.exitCode === null && child.signalCode === null) {
              child.kill("SIGTERM");
              const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
              await exited;
              clearTimeout(timer);
            }
          })();
          return stopped;
        },
      };
    }
    child.kill("SIGKILL");
    const log = await readFile(join(prefix, "error.log"), "utf8").catch(() => "");
    const why = `${stderr}${log}`.trim();
    // Another process took the port between the probe and nginx: once more.
    if (attempt < 3 && /Address already in use/.test(why)) continue;
    throw new Error(`nginx did not start (${NGINX_PATH}, ${prefix}/nginx.conf):\n${why}`);
  }
}

/** Resolves true once `url` answers 200 (polls for 10 seconds at most). */
async function answers(url) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return false;
}
