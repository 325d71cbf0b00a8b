// Renders www/icons/icon.svg (drawn by hand for this project: no font, no outside
// file) to the PNGs of the web app manifest with headless Chromium
// (playwright-core, as the browser tests use it). The PNGs are kept in the
// repository; run this once after editing icon.svg: node www/render-icons.mjs
// icon-maskable-512.png has the icon inside the central safe zone on the app
// colour, for launchers that crop icons to a circle.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = join(dirname(fileURLToPath(import.meta.url)), "icons");
const svg = await readFile(join(HERE, "icon.svg"), "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
const page = await browser.newPage();
const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
for (const [name, size, inset] of [
  ["icon-192.png", 192, 0],
  ["icon-512.png", 512, 0],
  ["icon-maskable-512.png", 512, 0.1],
]) {
  await page.setViewportSize({ width: size, height: size });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:${inset ? "#0b57d0" : "transparent"}">` +
      `<img src="${data}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`,
  );
  await page.screenshot({ path: join(HERE, name), omitBackground: inset === 0 });
}
await browser.close();
