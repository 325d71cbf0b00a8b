// 职称自测 on an HR page: one script, three ways (README "Embedding"; the demo is
// embed.html; TypeScript declarations: zhicheng.d.ts).
//
//   <script src="https://APP/embed.js" defer></script>
//
// 1. Widget: each <div data-zhicheng> gets a shadow root holding the app and its
//    stylesheet (adopted, with rem made px), so neither page's styles reach the
//    other. Options are data
//    attributes: data-rule-set, data-title, data-specialty (presets of the first
//    step), data-lang ("zh" or "en"), data-compact, data-accent (a colour; or set
//    the CSS custom property --zc-accent on the element).
// 2. Frame: each <iframe data-zhicheng-frame> showing APP/index.html?embed=frame
//    follows its content's height: the frame posts {type: "zhicheng:height"} (and
//    nothing about the applicant). With data-status, this script adds
//    status_to=<this page's origin> to the frame's address (data-src), and the frame
//    then posts the verdict status, which arrives as a "zhicheng:status" event on
//    the <iframe> (detail: {status}).
// 3. API: Zhicheng.evaluate(profile) → Promise of the verdict as plain objects; it
//    rejects with the CLI's error (message `path: English — 中文`, plus path,
//    message_en, message_zh).
//
// The app's files (wasm, glue, stylesheet) are loaded from beside this script, once,
// and only when a widget or the API needs them. Nothing is sent anywhere else.

(() => {
  "use strict";
  if (window.Zhicheng) return;
  const base = new URL(".", document.currentScript?.src ?? location.href);
  let loading;

  /** The app's wasm, started without a page of its own, and its stylesheet's URL. */
  function load() {
    loading ??= (async () => {
      const response = await fetch(new URL("index.html", base));
      if (!response.ok) throw new Error(`zhicheng: ${response.url}: HTTP ${response.status}`);
      // Only the tags that name the files are parsed: the built page has its stylesheet
      // inline, which a parse of the whole page in this one would apply to nothing but
      // still report to this page's CSP. The boot tag names the stylesheet's file
      // (xtask/src/prerender.rs); Trunk's development server still links it.
      const text = await response.text();
      const tags = [/<script\b[^>]*\bdata-zc-js=[^>]*>/, /<link\b[^>]*\brel="stylesheet"[^>]*>/]
        .map((pattern) => text.match(pattern)?.[0] ?? "")
        .join("");
      const page = new DOMParser().parseFromString(tags, "text/html");
      const tag = page.querySelector("script[data-zc-js][data-zc-wasm]");
      const css = tag?.dataset.zcCss ?? page.querySelector('link[rel="stylesheet"]')?.getAttribute("href");
      if (!tag || !css) throw new Error("zhicheng: index.html does not name the app's files");
      // The app mounts nothing of its own here (src/embed.rs, is_widget_host), and
      // finds its files (the notices' text) beside this script (src/web/assets.rs).
      globalThis.zhichengWidgetHost = true;
      globalThis.zhichengBoot ??= {
        source: "network",
        url: (path) => new URL(path, base).href,
        has: () => false,
        worker() {
          throw new Error("zhicheng: batch screening is not part of the widget");
        },
      };
      const glue = await import(new URL(tag.dataset.zcJs, base).href);
      await glue.default({ module_or_path: new URL(tag.dataset.zcWasm, base) });
      return { glue, css: new URL(css, base).href };
    })();
    return loading;
  }

  let sheet;

  /**
   * The app's stylesheet for widgets, shared by all of them. In a shadow root,
   * `rem` would follow the host page's root font size, so each `rem` of a
   * declaration becomes a multiple of `--zc-rem`: the app's own 16px, or 20px
   * where the app's root has large text on (media queries keep theirs).
   */
  function widgetSheet(css) {
    sheet ??= (async () => {
      const response = await fetch(css);
      if (!response.ok) throw new Error(`zhicheng: ${response.url}: HTTP ${response.status}`);
      const text = (await response.text())
        .split("\n")
        .map((line) => (/^\s*@media/.test(line) ? line : line.replace(/(\d*\.?\d+)rem\b/g, (_, n) => `calc(${n} * var(--zc-rem, 16px))`)))
        .join("\n");
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(text);
      return constructed;
    })();
    return sheet;
  }

  function widgetOptions(element) {
    const d = element.dataset;
    return {
      ruleSet: d.ruleSet,
      title: d.title,
      specialty: d.specialty,
      lang: d.lang,
      compact: d.compact !== undefined && d.compact !== "false",
    };
  }

  const mounted = new WeakSet();

  async function mount(element, options = widgetOptions(element)) {
    if (mounted.has(element)) return;
    mounted.add(element);
    const { glue, css } = await load();
    const styles = await widgetSheet(css);
    if (element.dataset.accent) element.style.setProperty("--zc-accent", element.dataset.accent);
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: "open" });
    shadow.adoptedStyleSheets = [styles];
    const root = document.createElement("div");
    root.className = "zc-widget";
    shadow.append(root);
    glue.mountWidget(root, options);
  }

  function frameOrigin(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  }

  function startFrame(frame) {
    const src = frame.dataset.src;
    if (!src || frame.getAttribute("src")) return;
    const url = new URL(src, location.href);
    if (frame.dataset.status !== undefined) url.searchParams.set("status_to", location.origin);
    frame.src = url.href;
  }

  window.addEventListener("message", (event) => {
    const frame = [...document.querySelectorAll("iframe[data-zhicheng-frame]")].find(
      (f) => f.contentWindow === event.source,
    );
    if (!frame || event.origin !== frameOrigin(frame)) return;
    const data = event.data ?? {};
    if (data.type === "zhicheng:height" && Number.isFinite(data.height) && data.height >= 0) {
      frame.style.height = `${Math.ceil(data.height)}px`;
    } else if (data.type === "zhicheng:status" && frame.dataset.status !== undefined) {
      frame.dispatchEvent(new CustomEvent("zhicheng:status", { detail: { status: data.status ?? null } }));
    }
  });

  window.Zhicheng = {
    async evaluate(profile) {
      const { glue } = await load();
      return glue.evaluate(profile);
    },
    async rulesVersion() {
      const { glue } = await load();
      return glue.rulesVersion();
    },
    mount,
  };

  function start() {
    for (const frame of document.querySelectorAll("iframe[data-zhicheng-frame]")) startFrame(frame);
    for (const element of document.querySelectorAll("[data-zhicheng]")) {
      mount(element).catch((error) => console.error(error));
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
