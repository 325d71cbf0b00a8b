// TypeScript declarations of the 职称自测 JavaScript API (www/embed.js, src/api.rs).
//
//   <script src="https://APP/embed.js"></script>
//   const verdict = await Zhicheng.evaluate(profile);
//
// A profile is a zhicheng-profile/1 (SPEC.md §2): a JS object or its JSON text. The
// verdict is the zhicheng-verdict/1 the CLI prints, as plain JS objects (null where
// the JSON has null). Bad input rejects with a ZhichengInputError carrying the CLI's
// one line (`path: English — 中文`) as its message.

/** The overall verdict. */
export type Status = "eligible" | "needs_review" | "not_eligible" | "not_covered";

/** A check's outcome. */
export type CheckStatus = "pass" | "fail" | "review" | "info" | "not_applicable";

/** The checks of SPEC §3, in the order they are made. */
export type CheckId =
  | "retirement"
  | "civil_servant"
  | "sanction"
  | "fraud_ban"
  | "technical_post"
  | "profession_match"
  | "qualification_path"
  | "prerequisite_title"
  | "service_years"
  | "ce_hours"
  | "exam"
  | "foreign_language"
  | "mountain_counties"
  | "projection"
  | "coverage";

/** A date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A document (文号) and one of its clauses. */
export interface Citation {
  doc: string;
  clause: string;
}

export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** What was found, with the numbers, in Chinese. */
  message: string;
  message_en: string;
  /** How to put it right (fail and review only). */
  hint?: string;
  hint_en?: string;
  citations: Citation[];
}

/** Years of service, counted from `start` to the end of the evaluation year. */
export interface Service {
  start: IsoDate;
  counted_months: number;
  required_months: number;
  excluded_years: number[];
}

/** Hours per category (tenths of an hour at most). */
export interface CeCounted {
  professional: number;
  industry_public: number;
  general_public: number;
  total: number;
}

/** What a year lacks (0 where it lacks nothing). */
export interface CeShortfall {
  total: number;
  professional: number;
  public: number;
  general_public: number;
}

export interface CeYear {
  year: number;
  deemed: boolean;
  required: boolean;
  counted: CeCounted;
  compliant: boolean;
  shortfall: CeShortfall;
  online_not_counted: number;
}

/** zhicheng-verdict/1. */
export interface Verdict {
  format: "zhicheng-verdict/1";
  rule_set: string;
  rules_version: string;
  evaluation_year: number;
  reference_date: IsoDate;
  status: Status;
  checks: Check[];
  service: Service | null;
  ce_years: CeYear[];
  earliest_eligible_year: number | null;
}

/** A zhicheng-profile/1 (SPEC.md §2); checked field by field by the engine. */
export interface Profile {
  format: "zhicheng-profile/1";
  rule_set: string;
  [field: string]: unknown;
}

/** Bad input, as the CLI reports it (`zhicheng check` exits 2 with `message`). */
export interface ZhichengInputError extends Error {
  name: "ZhichengInputError";
  /** `path: English — 中文` */
  message: string;
  /** The JSON path of the problem, e.g. `ce_records[3].hours`; `$` is the whole document. */
  path: string;
  message_en: string;
  message_zh: string;
}

/** Options of a widget (the data attributes of `<div data-zhicheng>`). */
export interface WidgetOptions {
  ruleSet?: string;
  title?: string;
  specialty?: string;
  lang?: "zh" | "en";
  compact?: boolean;
}

export interface ZhichengApi {
  /** The verdict of a profile (object or JSON text); rejects with a ZhichengInputError. */
  evaluate(profile: Profile | string): Promise<Verdict>;
  /** The bundled rules' version, as in every verdict. */
  rulesVersion(): Promise<string>;
  /** Mounts a widget into `element` (done for every `<div data-zhicheng>` on load). */
  mount(element: HTMLElement, options?: WidgetOptions): Promise<void>;
}

/** The frame's message to its host when it opted in with `status_to` (README). */
export interface StatusMessage {
  type: "zhicheng:status";
  status: Status | null;
}

/** The frame's message to its host whenever its height changes. */
export interface HeightMessage {
  type: "zhicheng:height";
  height: number;
}

declare global {
  interface Window {
    Zhicheng: ZhichengApi;
  }
  interface HTMLElementEventMap {
    /** On `<iframe data-zhicheng-frame data-status>`: the verdict status (www/embed.js). */
    "zhicheng:status": CustomEvent<{ status: Status | null }>;
  }
}
