// Sizes of files compressed with brotli at quality 11 (node's zlib, as transfer.mjs
// compresses what a static host serves). `cargo xtask bench size` runs it on the parts
// of the wasm (xtask/src/bench/parts.rs).
//
//   node tests/browser/bench/brotli.mjs FILE…
//   SIZE FILE RAW_BYTES BROTLI_BYTES     (one line per file)

import { readFile } from "node:fs/promises";
import zlib from "node:zlib";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node tests/browser/bench/brotli.mjs FILE…");
  process.exit(2);
}

for (const file of files) {
  const bytes = await readFile(file);
  const compressed = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  console.log(`SIZE ${file} ${bytes.length} ${compressed.length}`);
}
