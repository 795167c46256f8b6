/**
 * The overview's coverage matrix: reports per county × year (report_summary) and failed inputs per county × year
 * (manifest.json). A failed input has no report, so its county and year come from the corpus layout
 * <year>/<county>-<department>.txt; inputs outside that layout are counted apart.
 */
import type { Manifest } from "../publish/manifest.ts";
import type { CoverageCell } from "./queries.ts";

export interface CoverageRow {
  county_code: string | null;
  county_zh: string;
  /** year → reports published */
  reports: Map<number, number>;
  /** year → inputs that failed */
  failures: Map<number, number>;
}

export interface CoverageMatrix {
  years: number[];
  rows: CoverageRow[];
  /** failed inputs whose path does not name a year and county */
  unplaced: number;
}

const LAYOUT = /^(\d{4})\/([^/-]+)-[^/]+$/;

export function coverageMatrix(cells: readonly CoverageCell[], manifest: Manifest | null): CoverageMatrix {
  const rows = new Map<string, CoverageRow>();
  const row = (name: string, code: string | null) => {
    let r = rows.get(name);
    if (!r) rows.set(name, (r = { county_code: code, county_zh: name, reports: new Map(), failures: new Map() }));
    return r;
  };
  for (const c of cells) row(c.county_zh, c.county_code).reports.set(c.fiscal_year, c.n);
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
    const r = row(m[2]!, null);
    r.failures.set(year, (r.failures.get(year) ?? 0) + 1);
  }
  // Counties with reports in code order; counties known only from failures after them, by name.
  const sorted = [...rows.values()].sort((a, b) => (a.county_code === null) !== (b.county_code === null) ? (a.county_code === null ? 1 : -1) : (a.county_code ?? a.county_zh) < (b.county_code ?? b.county_zh) ? -1 : 1);
  return { years: [...years].sort(), rows: sorted, unplaced };
}
