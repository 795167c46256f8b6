/** Filters ⇄ URL query string. Pure: the URL is the only state, so any view is a shareable link. */
import { DEPARTMENT_KIND_NAMES, LEVEL1, LEVEL2, SEVERITY_NAMES, SHEET_NAMES, STATUS_NAMES } from "../schema/vocab.ts";
import { SANGONG_CATEGORIES } from "./sangong-categories.ts";

export const MODES = ["amount", "share", "per_staff"] as const;
export type Mode = (typeof MODES)[number];

/**
 * Orders, largest first; each page offers the ones that fit its rows (spending: the first four; 三公: actual and
 * the two changes; indicators and quality: the counts). null keeps county → year order.
 */
export const SORTS = ["spend_total", "basic_share", "personnel_share", "per_staff", "actual", "change_vs_budget", "change_vs_last", "missed", "errors"] as const;
export type Sort = (typeof SORTS)[number];

/** One mark per report, or one per county or department kind (the views that would otherwise draw thousands). */
export const GROUPS = ["county", "kind"] as const;
export type Group = (typeof GROUPS)[number];

/**
 * The flags leadership asks for, as report filters: any 三公 category over its budget, any 三公 category above
 * last year's actual, a high self-score with missed indicators, an error among the checks.
 */
export const FLAGS = ["overspent", "rose", "high_missed", "error"] as const;
export type Flag = (typeof FLAGS)[number];

/** Rows per page of a chart or list: enough to compare, few enough to read (and to keep every page small). */
export const PAGE_SIZE = 20;

export interface Filters {
  /** reports.county_code */
  county: string | null;
  /** reports.fiscal_year; null is every year (the URL says year=all; with no year the page's default, the latest). */
  year: number | null;
  /** reports.department_zh */
  department: string | null;
  /** reports.department_kind */
  kind: string | null;
  /** a 三公 metric (sangong_reception …) */
  category: string | null;
  level1: string | null;
  level2: string | null;
  sheet: string | null;
  status: string | null;
  severity: string | null;
  flag: Flag | null;
  /** spending chart: amounts, shares or per staff member */
  mode: Mode | null;
  sort: Sort | null;
  group: Group | null;
  /** 1-based page of PAGE_SIZE rows; null is the first */
  page: number | null;
  /** compare: the chosen report ids, in order */
  id: string[];
}

export const EMPTY_FILTERS: Filters = {
  county: null,
  year: null,
  department: null,
  kind: null,
  category: null,
  level1: null,
  level2: null,
  sheet: null,
  status: null,
  severity: null,
  flag: null,
  mode: null,
  sort: null,
  group: null,
  page: null,
  id: [],
};

/** What a page fills in when the URL leaves a key out: the latest year, so no view draws every year at once. */
export interface FilterDefaults {
  year: number | null;
}

/** year=all in the URL: every year, where leaving year out means the page's default year. */
export const ALL_YEARS = "all";

/** Keys that are single values; the URL key is the Filters key (and the <select name>). */
const SINGLE_KEYS = ["county", "year", "department", "kind", "category", "level1", "level2", "sheet", "status", "severity", "flag", "mode", "sort", "group", "page"] as const;

const ALLOWED: Partial<Record<(typeof SINGLE_KEYS)[number], readonly string[]>> = {
  kind: DEPARTMENT_KIND_NAMES,
  category: SANGONG_CATEGORIES.map((c) => c.metric),
  level1: LEVEL1,
  level2: LEVEL2,
  sheet: SHEET_NAMES,
  status: STATUS_NAMES,
  severity: SEVERITY_NAMES,
  flag: FLAGS,
  mode: MODES,
  sort: SORTS,
  group: GROUPS,
};

/** Compare takes 2–5 reports; more are dropped rather than drawn unreadably. */
export const MAX_COMPARE = 5;

/** URL query → Filters; unknown keys and values outside a vocabulary are ignored, not errors. */
export function parseFilters(params: URLSearchParams, defaults: FilterDefaults = { year: null }): Filters {
  const f: Filters = { ...EMPTY_FILTERS, id: [], year: defaults.year };
  for (const key of SINGLE_KEYS) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    if (key === "year") {
      f.year = raw === ALL_YEARS ? null : /^\d{4}$/.test(raw) ? Number(raw) : defaults.year;
      continue;
    }
    if (key === "page") {
      f.page = /^\d{1,5}$/.test(raw) && Number(raw) > 1 ? Number(raw) : null;
      continue;
    }
    const allowed = ALLOWED[key];
    if (allowed && !allowed.includes(raw)) continue;
    (f as unknown as Record<string, string>)[key] = raw;
  }
  f.id = [...new Set(params.getAll("id").filter((v) => /^[\w-]+$/.test(v)))].slice(0, MAX_COMPARE);
  return f;
}

/**
 * Filters → URL query, keys in a fixed order and empty values left out, so equal views give equal URLs; the
 * default year is left out too, and "every year" is year=all when the page has a default year.
 */
export function toSearchParams(f: Filters, defaults: FilterDefaults = { year: null }): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SINGLE_KEYS) {
    const v = f[key];
    if (key === "year") {
      if (v === null && defaults.year !== null) params.set(key, ALL_YEARS);
      else if (v !== null && v !== defaults.year) params.set(key, String(v));
      continue;
    }
    if (v !== null && v !== "") params.set(key, String(v));
  }
  for (const id of f.id) params.append("id", id);
  return params;
}

/** A link to a route with these filters: "<path>?<query>" (no "?" when there is nothing to say). */
export function filtersHref(path: string, f: Filters, defaults?: FilterDefaults): string {
  const q = toSearchParams(f, defaults).toString();
  return q ? `${path}?${q}` : path;
}

/** Reads a <form class="filters"> into URL params: only fields with a value (the "全部" option is empty). */
export function formParams(data: Iterable<[string, FormDataEntryValue]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of data) if (typeof v === "string" && v !== "") params.append(k, v);
  return params;
}

/** The 0-based row offset of a page. */
export function pageOffset(f: Filters): number {
  return ((f.page ?? 1) - 1) * PAGE_SIZE;
}
