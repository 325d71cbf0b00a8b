// Where things are: the repository, the built app, and what the tests leave behind.

import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The built app (cargo xtask build); ZC_DIST names another. */
export const DIST = resolve(process.env.ZC_DIST ?? join(ROOT, "dist"));
/** Screenshots and what failing tests leave (gitignored). */
export const ARTIFACTS = join(ROOT, "tests", "browser", "artifacts");
/** Screenshots of every step at phone and desktop width, for reviewers. */
export const SCREENS = join(ARTIFACTS, "screens");
