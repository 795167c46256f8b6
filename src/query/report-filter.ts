/**
 * The WHERE fragment every report-level query shares, with its parameters. The SQL text is constant (empty
 * filters bind NULL), so build time and the browser run byte-identical statements. It filters `report_summary r`
 * (see derived-tables.ts), which carries each report's identity and the flags.
 */
import type { Param } from "./db.ts";
import type { Filters } from "./filters.ts";

/** Filters on `report_summary r`: county, year, department, kind, flag, and a comma-separated list of report ids. */
export const REPORT_FILTER = `(?::VARCHAR IS NULL OR r.county_code = ?::VARCHAR)
  AND (?::INTEGER IS NULL OR r.fiscal_year = ?::INTEGER)
  AND (?::VARCHAR IS NULL OR r.department_zh = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR r.department_kind = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR CASE ?::VARCHAR WHEN 'overspent' THEN r.sangong_overspent WHEN 'rose' THEN r.sangong_rose
    WHEN 'high_missed' THEN r.high_missed WHEN 'error' THEN r.errors > 0 ELSE true END)
  AND (?::VARCHAR IS NULL OR list_contains(string_split(?::VARCHAR, ','), r.report_id))`;

/** Parameters for REPORT_FILTER, each value twice (once for the IS NULL test). */
export function reportFilterParams(f: Filters): Param[] {
  const ids = f.id.length > 0 ? f.id.join(",") : null;
  return [f.county, f.county, f.year, f.year, f.department, f.department, f.kind, f.kind, f.flag, f.flag, ids, ids];
}

/** Parameters for an optional `(?::VARCHAR IS NULL OR col = ?::VARCHAR)` test. */
export function optional(v: string | null): Param[] {
  return [v, v];
}

/**
 * A unit's document for its department-level figures in a year: its 自评报告, else its 部门决算, else its 部门预算, else
 * a project's sheet or report (derived-tables.ts). Spending, 三公 and distributions count each unit-year once.
 */
export const PRIMARY_DOCUMENT = "r.primary_doc";
