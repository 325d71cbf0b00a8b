// A static file server for the benchmarks that serves a directory as a real host
// does: text files and the wasm compressed with brotli at quality 11 (node's zlib,
// `Content-Encoding: br`, `Vary: Accept-Encoding`) when the request accepts br,
// each compressed once and kept in memory; with the right Content-Type. Nothing is
// cached by the browser (`Cache-Control: no-store`). lib/server.mjs (the tests'
// server, uncompressed) is left as it is; this one is for the figures that depend
// on the bytes on the wire (tests/browser/bench/first-screen.mjs).
//
// Chromium advertises br over http:// only to localhost (127.0.0.1 counts), which
// is where this listens.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotliCompress = promisify(zlib.brotliCompress);

/** Content-Type by extension; `compress`: sent brotli-compressed when accepted. */
export const TYPES = {
  ".html": { type: "text/html; charset=utf-8", compress: true },
  ".htm": { type: "text/html; charset=utf-8", compress: true },
  ".js": { type: "text/javascript; charset=utf-8", compress: true },
  ".mjs": { type: "text/javascript; charset=utf-8", compress: true },
  ".css": { type: "text/css; charset=utf-8", compress: true },
  ".wasm": { type: "application/wasm", compress: true },
  ".json": { type: "application/json", compress: true },
  ".webmanifest": { type: "application/manifest+json", compress: true },
  ".map": { type: "application/json", compress: true },
  ".svg": { type: "image/svg+xml", compress: true },
  ".txt": { type: "text/plain; charset=utf-8", compress: true },
  ".md": { type: "text/markdown; charset=utf-8", compress: true },
  ".csv": { type: "text/csv; charset=utf-8", compress: true },
  ".ts": { type: "text/plain; charset=utf-8", compress: true },
  ".xml": { type: "application/xml", compress: true },
  ".png": { type: "image/png", compress: false },
  ".jpg": { type: "image/jpeg", compress: false },
  ".jpeg": { type: "image/jpeg", compress: false },
  ".webp": { type: "image/webp", compress: false },
  ".ico": { type: "image/x-icon", compress: false },
  ".woff2": { type: "font/woff2", compress: false },
  ".pdf": { type: "application/pdf", compress: false },
};

/** `bytes` compressed as a static host would: brotli, quality 11. */
export function brotli11(bytes) {
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
 * Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close(), log } once
 * listening. `log` lists each response: { path, encoding, bytes } (bytes as sent).
 */
export async function serveCompressed(dir) {
  const root = resolve(dir);
  /** path → Promise<{ raw, br }>, made once per file. */
  const files = new Map();
  const log = [];
  const load = (file, compress) => {
    if (!files.has(file)) {
      files.set(
        file,
        readFile(file).then(async (raw) => ({ raw, br: compress ? await brotli11(raw) : null })),
      );
    }
    return files.get(file);
  };
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
      const { raw, br } = await load(file, kind.compress);
      const compressed = br !== null && acceptsBrotli(req.headers["accept-encoding"]);
      const body = compressed ? br : raw;
      res.writeHead(200, {
        "content-type": kind.type,
        "content-length": body.length,
        ...(compressed ? { "content-encoding": "br" } : {}),
        ...(kind.compress ? { vary: "Accept-Encoding" } : {}),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      log.push({ path, encoding: compressed ? "br" : "identity", bytes: body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}
