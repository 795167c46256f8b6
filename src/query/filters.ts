/** Filters ⇄ URL query string. Pure: the URL is the only state, so any view is a shareable link. */
import { LEVEL1, LEVEL2, SHEET_NAMES, STATUS_NAMES } from "../schema/vocab.ts";
import { SANGONG_CATEGORIES } from "./sangong-categories.ts";

export const MODES = ["amount", "share", "per_staff"] as const;
export type Mode = (typeof MODES)[number];

/** Spending order: by one of these figures, largest first; null keeps county → year order. */
export const SORTS = ["spend_total", "basic_share", "personnel_share", "per_staff"] as const;
export type Sort = (typeof SORTS)[number];

export interface Filters {
  /** reports.county_code */
  county: string | null;
  /** reports.fiscal_year */
  year: number | null;
  /** reports.department_zh */
  department: string | null;
  /** a 三公 metric (sangong_reception …) */
  category: string | null;
  level1: string | null;
  level2: string | null;
  sheet: string | null;
  status: string | null;
  /** spending chart: amounts, shares or per staff member */
  mode: Mode | null;
  sort: Sort | null;
  /** compare: the chosen report ids, in order */
  id: string[];
}

export const EMPTY_FILTERS: Filters = {
  county: null,
  year: null,
  department: null,
  category: null,
  level1: null,
  level2: null,
  sheet: null,
  status: null,
  mode: null,
  sort: null,
  id: [],
};

/** Keys that are single values; the URL key is the Filters key (and the <select name>). */
const SINGLE_KEYS = ["county", "year", "department", "category", "level1", "level2", "sheet", "status", "mode", "sort"] as const;

const ALLOWED: Partial<Record<(typeof SINGLE_KEYS)[number], readonly string[]>> = {
  category: SANGONG_CATEGORIES.map((c) => c.metric),
  level1: LEVEL1,
  level2: LEVEL2,
  sheet: SHEET_NAMES,
  status: STATUS_NAMES,
  mode: MODES,
  sort: SORTS,
};

/** Compare takes 2–5 reports; more are dropped rather than drawn unreadably. */
export const MAX_COMPARE = 5;

/** URL query → Filters; unknown keys and values outside a vocabulary are ignored, not errors. */
export function parseFilters(params: URLSearchParams): Filters {
  const f: Filters = { ...EMPTY_FILTERS, id: [] };
  for (const key of SINGLE_KEYS) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    if (key === "year") {
      f.year = /^\d{4}$/.test(raw) ? Number(raw) : null;
      continue;
    }
    const allowed = ALLOWED[key];
    if (allowed && !allowed.includes(raw)) continue;
    (f as unknown as Record<string, string>)[key] = raw;
  }
  f.id = [...new Set(params.getAll("id").filter((v) => /^[\w-]+$/.test(v)))].slice(0, MAX_COMPARE);
  return f;
}

/** Filters → URL query, keys in a fixed order and empty values left out, so equal views give equal URLs. */
export function toSearchParams(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SINGLE_KEYS) {
    const v = f[key];
    if (v !== null && v !== "") params.set(key, String(v));
  }
  for (const id of f.id) params.append("id", id);
  return params;
}

/** Reads a <form class="filters"> into URL params: only fields with a value (the "全部" option is empty). */
export function formParams(data: Iterable<[string, FormDataEntryValue]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of data) if (typeof v === "string" && v !== "") params.append(k, v);
  return params;
}
