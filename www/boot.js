// 职称自测 boot script. Trunk inlines this file verbatim into index.html as an
// inline module script (index.html, rel="inline"); the CSP allows it by its
// sha256 ('sha256-…' in index.html, checked by `cargo test -p xtask`): after
// editing this file, put the new hash there (the test prints it).
//
// It starts the app from one of two sources, preferring the first:
//   1. an inline payload: script elements of type application/x-zhicheng-asset
//      with data-zc-asset="NAME" and data-zc-encoding="gzip|base64", whose
//      text is base64 (inert data blocks, never run): the wasm-bindgen glue
//      ("glue"), the wasm ("wasm") and, in the offline build, other files by
//      their path in dist/. dist/offline.html has them (cargo xtask build), and
//      so does a page saved with "Save page as…": see 3.
//   2. the network: the glue and wasm named by the data-zc-js and
//      data-zc-wasm attributes of the tag Trunk writes (Trunk.toml
//      pattern_script), each fetched once.
// Either way the glue runs from a blob: URL of its text, so the page keeps
// the glue and the wasm bytes without a second request, and:
//   3. once started and idle, a hosted page puts them into its own DOM as
//      the payload of 1 (gzip by the browser's CompressionStream, base64), so
//      a copy saved by the browser (the live DOM) starts offline from file://.
//   4. on http(s) it registers the service worker named by data-zc-sw.
// The app (src/main.rs) replaces <div id="app"> when it starts, so a saved,
// already rendered page is not rendered twice. globalThis.zhichengBoot tells
// the app how it was started and where its files are (src/web/assets.rs).

const PAYLOAD_TYPE = "application/x-zhicheng-asset";
const tag = document.querySelector("script[data-zc-js][data-zc-wasm]");
const inline = new Map(
  [...document.querySelectorAll(`script[type="${PAYLOAD_TYPE}"][data-zc-asset]`)].map((el) => [
    el.dataset.zcAsset,
    el,
  ]),
);
const fromPayload = inline.has("glue") && inline.has("wasm");

function fromBase64(text) {
  const binary = atob(text.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The slice of work done at once by keepForSaving, in bytes: gzip and base64 of
 * the ~0.9 MB wasm at once are one long task (≈ 0.2 s on a slow phone, just when
 * the person starts typing); a slice is ≈ 10 ms there. A multiple of 3, so the
 * slices' base64 join without padding.
 */
const SLICE = 3 * 21845;

/** Lets the page handle input and draw before the next slice of work. */
function yieldToPage() {
  return typeof globalThis.scheduler?.yield === "function"
    ? globalThis.scheduler.yield()
    : new Promise((resolve) => setTimeout(resolve, 0));
}

/** `bytes` gzipped, a slice at a time (see SLICE). */
async function gzipInSlices(bytes) {
  const stream = new CompressionStream("gzip");
  const zipped = new Response(stream.readable).arrayBuffer();
  const writer = stream.writable.getWriter();
  for (let i = 0; i < bytes.length; i += SLICE) {
    await writer.write(bytes.subarray(i, i + SLICE));
    await yieldToPage();
  }
  await writer.close();
  return new Uint8Array(await zipped);
}

/** `bytes` in base64, a slice at a time (see SLICE). */
async function base64InSlices(bytes) {
  const parts = [];
  for (let i = 0; i < bytes.length; i += SLICE) {
    parts.push(toBase64(bytes.subarray(i, i + SLICE)));
    await yieldToPage();
  }
  return parts.join("");
}

async function through(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/** The bytes of an inline payload block. */
async function payloadBytes(el) {
  const raw = fromBase64(el.textContent);
  return el.dataset.zcEncoding === "gzip" ? through(raw, new DecompressionStream("gzip")) : raw;
}

/** Every inline payload block's bytes, by name (decoded before the app starts). */
const decoded = new Map();
const blobUrls = new Map();

/** A blob: URL of a decoded payload block (made once), or undefined. */
function payloadUrl(name, type) {
  if (!decoded.has(name)) return undefined;
  if (!blobUrls.has(name)) {
    const blob = new Blob([decoded.get(name)], { type: type ?? inline.get(name).dataset.zcType ?? "" });
    blobUrls.set(name, URL.createObjectURL(blob));
  }
  return blobUrls.get(name);
}

function absolute(path) {
  return new URL(path, document.baseURI).href;
}

let glueText;
/** Resolves to the wasm's bytes once they are all in. */
let wasmBytes;

async function start() {
  let wasm;
  if (fromPayload) {
    await Promise.all([...inline].map(async ([name, el]) => decoded.set(name, await payloadBytes(el))));
    glueText = new TextDecoder().decode(decoded.get("glue"));
    wasm = decoded.get("wasm");
    wasmBytes = Promise.resolve(wasm);
  } else {
    if (!tag) throw new Error("boot: the tag with data-zc-js and data-zc-wasm is missing");
    const [glueResponse, wasmResponse] = await Promise.all([
      fetch(tag.dataset.zcJs),
      fetch(tag.dataset.zcWasm),
    ]);
    if (!glueResponse.ok || !wasmResponse.ok) throw new Error("boot: the app's files could not be loaded");
    // Compile while downloading, and while the glue is read and imported below
    // (the compiling is the browser's, off this thread); keep a copy of the bytes.
    // A server that does not send application/wasm gets the bytes compiled instead.
    const copy = wasmResponse.clone();
    wasmBytes = copy.arrayBuffer().then((b) => new Uint8Array(b));
    wasm = WebAssembly.compileStreaming(wasmResponse).catch(() =>
      wasmBytes.then((bytes) => WebAssembly.compile(bytes)),
    );
    glueText = await glueResponse.text();
  }
  const glueUrl = URL.createObjectURL(new Blob([glueText], { type: "text/javascript" }));
  blobUrls.set("glue", glueUrl);
  const glue = await import(glueUrl);
  // A compiled WebAssembly.Module (network) or the bytes (payload).
  await glue.default({ module_or_path: await wasm });
}

globalThis.zhichengBoot = {
  /** "payload" (offline file or saved page) or "network" (hosted). */
  source: fromPayload ? "payload" : "network",
  /** A URL for a file of dist/ (path relative to it): a blob: URL when it is inline. */
  url(path, type) {
    return payloadUrl(path, type) ?? absolute(path);
  },
  /** Whether the file is in the inline payload. */
  has(path) {
    return inline.has(path);
  },
  /**
   * Starts the worker script `path` of dist/ and says how it gets the glue:
   * { worker, glue } where glue is the glue's URL for `import()` (hosted), or
   * null when the worker was built as a classic script with the glue's
   * exports as self.zhichengGlue (from a payload: a module worker cannot
   * start from a blob: URL on file:// pages).
   */
  worker(path) {
    if (!fromPayload) {
      return { worker: new Worker(absolute(path), { type: "module" }), glue: absolute(tag.dataset.zcJs) };
    }
    if (!decoded.has(path)) {
      throw new Error(`${path} is not in this saved page: use the offline file (offline.html)`);
    }
    const script = new TextDecoder().decode(decoded.get(path));
    const source = `${classicGlue(glueText)}\n${script}`;
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    return { worker: new Worker(url), glue: null };
  },
};

/**
 * The glue (an ES module) as a classic script that ends by setting
 * self.zhichengGlue to its exports: `export` is dropped from its declarations
 * and its `export { … }` list, and import.meta.url becomes the script's address.
 * The glue is minified (xtask/src/minify.rs): a statement may start mid-line,
 * after `;`, `}` or `)`.
 */
function classicGlue(text) {
  const exported = [];
  const body = text
    .replace(/\bimport\.meta\.url\b/g, "self.location.href")
    .replace(/(^|[;})\s])export\s*((?:async\s+)?function\s*\*?\s*|class\s+|const\s+|let\s+|var\s+)([\w$]+)/g, (_, before, kind, name) => {
      exported.push(`${name}: ${name}`);
      return `${before}${kind}${name}`;
    })
    .replace(/(^|[;})\s])export\s*\{([^}]*)\};?/g, (_, before, names) => {
      for (const n of names.split(",").map((x) => x.trim()).filter(Boolean)) {
        const [local, as] = n.split(/\s+as\s+/);
        exported.push(`${as ?? local}: ${local}`);
      }
      return `${before};`;
    });
  return `${body}\nself.zhichengGlue = { ${exported.join(", ")} };\n`;
}

/** Keeps the glue and the wasm in the DOM as an inert payload (see 3 above). */
async function keepForSaving() {
  if (fromPayload || typeof CompressionStream !== "function") return;
  for (const [name, bytes] of [
    ["glue", new TextEncoder().encode(glueText)],
    ["wasm", await wasmBytes],
  ]) {
    const block = document.createElement("script");
    block.type = PAYLOAD_TYPE;
    block.dataset.zcAsset = name;
    block.dataset.zcEncoding = "gzip";
    block.textContent = await base64InSlices(await gzipInSlices(bytes));
    document.body.append(block);
  }
  // A saved copy opened from file:// cannot check integrity (no CORS there), and has
  // no files beside it to preload (xtask/src/prerender.rs): it starts from the payload.
  for (const link of document.querySelectorAll("link[integrity]")) link.removeAttribute("integrity");
  for (const link of document.querySelectorAll('link[rel="preload"]')) link.remove();
}

function registerServiceWorker() {
  const script = tag?.dataset.zcSw;
  if (!script || !/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator)) return;
  // Blocked or unsupported (a private window, a test): the app works without it.
  navigator.serviceWorker.register(script).catch(() => {});
}

function whenIdle(f) {
  if ("requestIdleCallback" in globalThis) requestIdleCallback(() => f(), { timeout: 5000 });
  else setTimeout(f, 1000);
}

await start();
/** Resolves once the page holds its own payload (a hosted page, once idle). */
globalThis.zhichengBoot.kept = new Promise((resolve) =>
  whenIdle(() => {
    registerServiceWorker();
    keepForSaving().then(resolve, resolve);
  }),
);
