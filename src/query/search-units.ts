/** Every unit for the search index and the /search/ page: one row per unit_id, with its latest name and its years. */
import { ownName } from "../extract/report.ts";
import { DEPARTMENT_KINDS, type DepartmentKind } from "../schema/vocab.ts";
import { buildSearchIndex, type UnitRow } from "../search/build-index.ts";
import type { SearchIndex } from "../search/search-index.ts";
import { buildDb } from "./build-db.ts";
import type { Db } from "./db.ts";

export const SEARCH_UNITS_SQL = `SELECT unit_id,
  arg_max(county_code, fiscal_year) AS county_code, arg_max(county_zh, fiscal_year) AS county_zh,
  arg_max(department_zh, fiscal_year) AS department_zh, arg_max(department_kind, fiscal_year) AS department_kind,
  list(DISTINCT fiscal_year ORDER BY fiscal_year) AS years,
  CASE WHEN count(*) = 1 THEN any_value(report_id) END AS sole_report_id
FROM reports GROUP BY unit_id ORDER BY county_code, unit_id`;

interface Raw {
  unit_id: string;
  county_code: string;
  county_zh: string;
  department_zh: string;
  department_kind: string;
  years: ArrayLike<number | bigint>;
  sole_report_id: string | null;
}

/** The units as the search index takes them: own department name (no county), kind label, years as numbers. */
export async function searchUnits(db: Db): Promise<UnitRow[]> {
  const rows = await db.query<Raw>(SEARCH_UNITS_SQL);
  return rows.map((r) => ({
    unit_id: r.unit_id,
    county_code: r.county_code,
    county_zh: r.county_zh,
    department_zh: ownName(r.department_zh, r.county_zh),
    department_kind: r.department_kind,
    kind_zh: DEPARTMENT_KINDS[r.department_kind as DepartmentKind]?.zh ?? r.department_kind,
    years: Array.from(r.years, Number),
    sole_report_id: r.sole_report_id,
  }));
}

let pending: Promise<{ units: UnitRow[]; index: SearchIndex }> | null = null;

/** The build's units and search index, computed once per build process (the endpoint and /search/ share them). */
export function siteSearch(): Promise<{ units: UnitRow[]; index: SearchIndex }> {
  pending ??= buildDb().then(searchUnits).then((units) => ({ units, index: buildSearchIndex(units) }));
  return pending;
}
