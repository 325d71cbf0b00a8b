// A tiny static file server: serves one directory on the loopback at a free port.
// The benchmarks serve dist/ with it; the browser tests serve the app with nginx
// (lib/nginx.mjs) and an HR page of another origin with this. No SPA fallback, no
// directory listings, nothing outside the directory.
//
// With `brotli: true` it serves as a real host does, for the figures that depend on
// the bytes on the wire (tests/browser/bench/first-screen.mjs): text files and the
// wasm compressed with brotli at quality 11 (node's zlib, `Content-Encoding: br`,
// `Vary: Accept-Encoding`) when the request accepts br, each compressed once and kept
// in memory. Chromium advertises br over http:// only to localhost (127.0.0.1 counts).

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotliCompress = promisify(zlib.brotliCompress);

/** Content-Type by extension; `compress`: sent brotli-compressed when asked to. */
const TYPES = {
  ".html": { type: "text/html; charset=utf-8", compress: true },
  ".js": { type: "text/javascript; charset=utf-8", compress: true },
  ".mjs": { type: "text/javascript; charset=utf-8", compress: true },
  ".css": { type: "text/css; charset=utf-8", compress: true },
  ".wasm": { type: "application/wasm", compress: true },
  ".json": { type: "application/json", compress: true },
  ".webmanifest": { type: "application/manifest+json", compress: true },
  ".svg": { type: "image/svg+xml", compress: true },
  ".txt": { type: "text/plain; charset=utf-8", compress: true },
  ".csv": { type: "text/csv; charset=utf-8", compress: true },
  ".ts": { type: "text/plain; charset=utf-8", compress: true },
  ".png": { type: "image/png", compress: false },
  ".ico": { type: "image/x-icon", compress: false },
};

/** `bytes` compressed as a static host would: brotli, quality 11. */
function brotli11(bytes) {
  return brotliCompress(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Whether an Accept-Encoding header value accepts br (`br`, or `*`, with q > 0). */
export function acceptsBrotli(header) {
  if (!header) return false;
  let star = false;
  for (const part of header.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (coding.trim() === "br") return weight > 0;
    if (coding.trim() === "*") star = weight > 0;
  }
  return star;
}

/**
 * Serves `dir` on `host` (default 127.0.0.1), adding `headers` to every response, with
 * `brotli` as a real host compresses (see above); resolves to { url, close(), log }
 * once listening. `log` lists each response: { path, encoding, bytes } (bytes as sent).
 */
export async function serveDir(dir, { host = "127.0.0.1", headers = {}, brotli = false } = {}) {
  const root = resolve(dir);
  /** path → Promise<{ raw, br }>, read and compressed once per file (a file served
   * uncompressed is read on each request, as it may change between them). */
  const files = new Map();
  const load = (file, compress) => {
    if (!compress) return readFile(file).then((raw) => ({ raw, br: null }));
    if (!files.has(file)) {
      files.set(
        file,
        readFile(file).then(async (raw) => ({ raw, br: compress ? await brotli11(raw) : null })),
      );
    }
    return files.get(file);
  };
  const log = [];
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      const kind = TYPES[extname(file).toLowerCase()] ?? { type: "application/octet-stream", compress: false };
      const compressible = brotli && kind.compress;
      const { raw, br } = await load(file, compressible);
      const compressed = compressible && acceptsBrotli(req.headers["accept-encoding"]);
      const body = compressed ? br : raw;
      res.writeHead(200, {
        "content-type": kind.type,
        "content-length": body.length,
        ...(compressed ? { "content-encoding": "br" } : {}),
        ...(compressible ? { vary: "Accept-Encoding" } : {}),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...headers,
      });
      log.push({ path, encoding: compressed ? "br" : "identity", bytes: body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, host, ok);
  });
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/`,
    log,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}
