// Our own cases (tests/cases/, see its README) as the engine's test runner reads them
// (crates/engine/tests/support/mod.rs): each case of a TOPIC.cases.json merged into its
// base from bases/ (JSON Merge Patch, RFC 7396), or its raw `profile_text`.

import { readFile, readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const CASES = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "cases");

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** RFC 7396: objects merge key by key, `null` removes a key, any other value replaces. */
export function mergePatch(target, patch) {
  if (!isObject(patch)) return patch;
  const out = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** Every case: [{ name, file, text, profile, expected }]; `profile` is null for a `profile_text`. */
export async function ownCases() {
  const bases = new Map();
  for (const f of await readdir(join(CASES, "bases"))) {
    if (f.endsWith(".profile.json")) {
      bases.set(f.slice(0, -".profile.json".length), JSON.parse(await readFile(join(CASES, "bases", f), "utf8")));
    }
  }
  const out = [];
  for (const f of (await readdir(CASES)).filter((f) => f.endsWith(".cases.json")).sort()) {
    const file = `tests/cases/${f}`;
    for (const c of JSON.parse(await readFile(join(CASES, f), "utf8")).cases) {
      if ("profile_text" in c) {
        out.push({ name: c.name, file, text: c.profile_text, profile: null, expected: c.expected });
        continue;
      }
      if (!bases.has(c.base)) throw new Error(`${file}: ${c.name}: no base \`${c.base}\` in tests/cases/bases/`);
      const profile = mergePatch(bases.get(c.base), c.profile);
      out.push({ name: c.name, file, text: JSON.stringify(profile, null, 1), profile, expected: c.expected });
    }
  }
  return out;
}

/** One case by its name. */
export async function ownCase(name) {
  const found = (await ownCases()).find((c) => c.name === name);
  if (!found) throw new Error(`no case \`${name}\` in tests/cases/*.cases.json`);
  return found;
}
