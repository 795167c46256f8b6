/**
 * The overview's coverage matrix: reports per county × year (report_summary) and failed inputs per county × year
 * (manifest.json). A failed input has no report, so its county and year come from the corpus layout
 * <year>/<county>-<department>.txt; inputs outside that layout are counted apart. Past COUNTY_ROWS counties
 * (a province is ~120) the rows are provinces instead, so the table stays a glance at any corpus size.
 */
import { PROVINCE_NAMES } from "../publish/provinces.ts";
import type { Manifest } from "../publish/manifest.ts";
import type { CoverageCell } from "./queries.ts";

/** More counties than this and the matrix shows provinces (GB/T 2260 code prefix) instead. */
export const COUNTY_ROWS = 150;

export interface CoverageRow {
  /** the county's code (county rows) or null (province rows, and counties known only from failures) */
  county_code: string | null;
  label: string;
  /** how many counties a province row sums */
  counties: number;
  /** year → reports published */
  reports: Map<number, number>;
  /** year → inputs that failed */
  failures: Map<number, number>;
}

export interface CoverageMatrix {
  by: "county" | "province";
  years: number[];
  rows: CoverageRow[];
  /** failed inputs whose path does not name a year and county */
  unplaced: number;
}

const LAYOUT = /^(\d{4})\/([^/-]+)-[^/]+$/;


/** The matrix for these cells and the manifest's failures. */
export function coverageMatrix(cells: readonly CoverageCell[], manifest: Manifest | null): CoverageMatrix {
  const counties = new Map(cells.map((c) => [c.county_zh, c.county_code]));
  const by = counties.size > COUNTY_ROWS ? "province" : "county";
  const keyOf = (code: string | null, name: string) => (by === "province" ? (code ? code.slice(0, 2) : "?") : name);
  const rows = new Map<string, CoverageRow & { members: Set<string> }>();
  const row = (code: string | null, name: string) => {
    const key = keyOf(code, name);
    let r = rows.get(key);
    if (!r) {
      const label = by === "province" ? (PROVINCE_NAMES.get(key) ?? "未识别") : name;
      rows.set(key, (r = { county_code: by === "county" ? code : null, label, counties: 0, reports: new Map(), failures: new Map(), members: new Set() }));
    }
    r.members.add(name);
    r.counties = r.members.size;
    return r;
  };
  for (const c of cells) {
    const r = row(c.county_code, c.county_zh);
    r.reports.set(c.fiscal_year, (r.reports.get(c.fiscal_year) ?? 0) + c.n);
  }
  let unplaced = 0;
  const years = new Set(cells.map((c) => c.fiscal_year));
  for (const f of manifest?.failures ?? []) {
    const m = LAYOUT.exec(f.file);
    if (!m) {
      unplaced++;
      continue;
    }
    const year = Number(m[1]);
    years.add(year);
    const r = row(counties.get(m[2]!) ?? null, m[2]!);
    r.failures.set(year, (r.failures.get(year) ?? 0) + 1);
  }
  // Rows with a code in code order; names known only from failures after them.
  const sortKey = (r: CoverageRow & { members: Set<string> }) => (by === "province" ? [...rows].find(([, v]) => v === r)?.[0] ?? "" : r.county_code ?? `~${r.label}`);
  const sorted = [...rows.values()].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  return { by, years: [...years].sort(), rows: sorted.map(({ members: _m, ...r }) => r), unplaced };
}
