// Rosters for the batch page's tests and benchmark: the template (its rows are the
// five shared examples), rosters made from it, and a small RFC 4180 reader for the
// results CSV the page downloads.

import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { ROOT } from "./paths.mjs";

export const TEMPLATE_PATH = join(ROOT, "www", "roster-template.csv");

/** The template: { bytes, header, rows } (rows: the text of each example row). */
export async function template() {
  const bytes = await readFile(TEMPLATE_PATH);
  const text = bytes.toString("utf8").replace(/^\ufeff/, "");
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return { bytes, header, rows };
}

/** A row of the template with another person_id (the first cell; ids have no commas). */
export function withId(row, id) {
  return `${id},${row.slice(row.indexOf(",") + 1)}`;
}

/** A roster of `n` people made from the template's rows, ids P000001…, as UTF-8. */
export async function bigRoster(n) {
  const { header, rows } = await template();
  const lines = [header];
  for (let i = 0; i < n; i += 1) lines.push(withId(rows[i % rows.length], `P${String(i + 1).padStart(6, "0")}`));
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

/** Parses CSV text (quotes, doubled quotes, CRLF) into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
