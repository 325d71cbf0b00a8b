// 职称自测 boot loader. Trunk.toml's pattern_script puts
//   <script type="module" src="/boot.js" data-zc-js="…" data-zc-wasm="…">
// in <head>; this loads the wasm-bindgen glue and the app's wasm it names.
// Being a file (not an inline script) it runs under script-src 'self'.
const boot = document.querySelector("script[data-zc-js][data-zc-wasm]");
if (!boot) {
  throw new Error("boot.js: the <script data-zc-js data-zc-wasm> tag is missing");
}
const { default: init } = await import(boot.dataset.zcJs);
await init({ module_or_path: boot.dataset.zcWasm });
