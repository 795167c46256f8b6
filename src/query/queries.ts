/**
 * Named, typed queries: the only SQL the pages and the browser run. Result rows are schema Row types, or
 * schema columns plus derived ones named here; column names come from src/schema/tables.ts.
 */
import type { CheckRow, FactRow, IndicatorRow, ProjectRow, ReportRow, TableName } from "../schema/tables.ts";
import { TABLES } from "../schema/tables.ts";
import type { Db } from "./db.ts";
import type { Filters } from "./filters.ts";
import { optional, REPORT_FILTER, reportFilterParams } from "./report-filter.ts";
import { SANGONG_CATEGORIES } from "./sangong-categories.ts";

type ReportHead = Pick<ReportRow, "report_id" | "county_code" | "county_zh" | "department_zh" | "fiscal_year">;

/** One report's headline figures (current-year actuals), with the source line of each. */
export interface ReportSummary extends ReportHead, Pick<ReportRow, "self_score" | "grade" | "staff_actual"> {
  spend_total: number | null;
  spend_total_line: number | null;
  spend_basic: number | null;
  spend_basic_line: number | null;
  spend_project: number | null;
  spend_project_line: number | null;
  spend_personnel: number | null;
  spend_personnel_line: number | null;
  spend_public: number | null;
  spend_public_line: number | null;
  sangong_total: number | null;
  sangong_total_line: number | null;
  execution_rate: number | null;
  execution_rate_line: number | null;
  /** spend_basic / (spend_basic + spend_project) */
  basic_share: number | null;
  /** spend_personnel / (spend_personnel + spend_public) */
  personnel_share: number | null;
  /** spend_total (or basic + project) per staff member in post, 万元/人 */
  per_staff: number | null;
  met: number;
  missed: number;
  unknown: number;
}

const SUMMARY_METRICS = ["spend_total", "spend_basic", "spend_project", "spend_personnel", "spend_public", "sangong_total", "execution_rate"];
const pivot = SUMMARY_METRICS.map(
  (m) => `max(value) FILTER (WHERE metric = '${m}') AS ${m}, min(source_line) FILTER (WHERE metric = '${m}') AS ${m}_line`,
).join(",\n    ");

export const SUMMARY_SQL = `WITH m AS (
  SELECT f.report_id,
    ${pivot}
  FROM facts f JOIN reports r0 ON r0.report_id = f.report_id
  WHERE f.basis = 'actual' AND f.year = r0.fiscal_year
  GROUP BY f.report_id
), ind AS (
  SELECT report_id,
    count(*) FILTER (WHERE status = 'met') AS met,
    count(*) FILTER (WHERE status = 'missed') AS missed,
    count(*) FILTER (WHERE status = 'unknown') AS unknown
  FROM indicators GROUP BY report_id
)
SELECT r.report_id, r.county_code, r.county_zh, r.department_zh, r.fiscal_year, r.self_score, r.grade, r.staff_actual,
  ${SUMMARY_METRICS.map((m) => `m.${m}, m.${m}_line`).join(", ")},
  m.spend_basic / nullif(m.spend_basic + m.spend_project, 0) AS basic_share,
  m.spend_personnel / nullif(m.spend_personnel + m.spend_public, 0) AS personnel_share,
  coalesce(m.spend_total, m.spend_basic + m.spend_project) / nullif(r.staff_actual, 0) AS per_staff,
  coalesce(ind.met, 0) AS met, coalesce(ind.missed, 0) AS missed, coalesce(ind.unknown, 0) AS unknown
FROM reports r LEFT JOIN m ON m.report_id = r.report_id LEFT JOIN ind ON ind.report_id = r.report_id
WHERE ${REPORT_FILTER}
ORDER BY r.county_code, r.fiscal_year, r.report_id`;

/** Headline figures per report (overview, spending, compare). */
export function reportSummaries(db: Db, f: Filters): Promise<ReportSummary[]> {
  return db.query<ReportSummary>(SUMMARY_SQL, reportFilterParams(f));
}

/** One report × 三公 category: last year's actual → this year's budget → this year's actual. */
export interface SangongRow extends ReportHead {
  category: string;
  category_zh: string;
  last_actual: number | null;
  last_actual_line: number | null;
  budget: number | null;
  budget_line: number | null;
  actual: number | null;
  actual_line: number | null;
  /** actual / last_actual − 1 */
  change_vs_last: number | null;
  /** actual / budget − 1; above 0 means overspent */
  change_vs_budget: number | null;
  overspent: boolean;
}

const categories = SANGONG_CATEGORIES.map((c, i) => `('${c.metric}', '${c.short}', ${i})`).join(", ");

export const SANGONG_SQL = `WITH c(metric, category_zh, ord) AS (VALUES ${categories}),
g AS (
  SELECT r.report_id, r.county_code, r.county_zh, r.department_zh, r.fiscal_year, c.metric AS category, c.category_zh, c.ord,
    max(f.value) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year - 1) AS last_actual,
    min(f.source_line) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year - 1) AS last_actual_line,
    max(f.value) FILTER (WHERE f.basis = 'budget' AND f.year = r.fiscal_year) AS budget,
    min(f.source_line) FILTER (WHERE f.basis = 'budget' AND f.year = r.fiscal_year) AS budget_line,
    max(f.value) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year) AS actual,
    min(f.source_line) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year) AS actual_line
  FROM reports r CROSS JOIN c JOIN facts f ON f.report_id = r.report_id AND f.metric = c.metric
  WHERE ${REPORT_FILTER} AND (?::VARCHAR IS NULL OR c.metric = ?::VARCHAR)
  GROUP BY ALL
)
SELECT report_id, county_code, county_zh, department_zh, fiscal_year, category, category_zh,
  last_actual, last_actual_line, budget, budget_line, actual, actual_line,
  actual / nullif(last_actual, 0) - 1 AS change_vs_last,
  actual / nullif(budget, 0) - 1 AS change_vs_budget,
  coalesce(actual > budget, false) AS overspent
FROM g
ORDER BY county_code, fiscal_year, report_id, ord`;

/** 三公 by report and category. */
export function sangong(db: Db, f: Filters): Promise<SangongRow[]> {
  return db.query<SangongRow>(SANGONG_SQL, [...reportFilterParams(f), ...optional(f.category)]);
}

/** An indicator with its report's identity and the completion ratio where both numbers exist. */
export interface IndicatorView extends IndicatorRow, Omit<ReportHead, "report_id"> {
  /** actual / target; for lower-is-better (a ceiling) target / actual, so above 1 is always better. */
  completion: number | null;
}

export const INDICATORS_SQL = `SELECT i.*, r.county_code, r.county_zh, r.department_zh, r.fiscal_year,
  CASE WHEN i.target_value IS NULL OR i.actual_value IS NULL THEN NULL
       WHEN i.direction = 'lower' THEN i.target_value / nullif(i.actual_value, 0)
       ELSE i.actual_value / nullif(i.target_value, 0) END AS completion
FROM indicators i JOIN reports r ON r.report_id = i.report_id
WHERE ${REPORT_FILTER}
  AND (?::VARCHAR IS NULL OR i.level1 = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR i.level2 = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR i.sheet = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR i.status = ?::VARCHAR)
ORDER BY r.county_code, r.fiscal_year, i.report_id, i.source_line`;

/** Indicators with filters on report, level1, level2, sheet and status. */
export function indicatorViews(db: Db, f: Filters): Promise<IndicatorView[]> {
  const params = [...reportFilterParams(f), ...optional(f.level1), ...optional(f.level2), ...optional(f.sheet), ...optional(f.status)];
  return db.query<IndicatorView>(INDICATORS_SQL, params);
}

/** A check with its report's identity (the quality page). */
export interface CheckView extends CheckRow, Omit<ReportHead, "report_id"> {}

export const CHECKS_SQL = `SELECT c.*, r.county_code, r.county_zh, r.department_zh, r.fiscal_year
FROM checks c JOIN reports r ON r.report_id = c.report_id
WHERE ${REPORT_FILTER}
ORDER BY CASE c.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, r.county_code, r.fiscal_year, c.report_id, c.source_line`;

/** Every check, errors first. */
export function checkViews(db: Db, f: Filters): Promise<CheckView[]> {
  return db.query<CheckView>(CHECKS_SQL, reportFilterParams(f));
}

/** All reports, for filter options and the report pages. */
export function allReports(db: Db): Promise<ReportRow[]> {
  return db.query<ReportRow>("SELECT * FROM reports ORDER BY county_code, fiscal_year, report_id");
}

/** One table's rows for one report, in the table's key order. */
export function reportRows<T extends Exclude<TableName, "reports">>(
  db: Db,
  table: T,
  reportId: string,
): Promise<(T extends "facts" ? FactRow : T extends "indicators" ? IndicatorRow : T extends "projects" ? ProjectRow : CheckRow)[]> {
  const order = TABLES[table].key.join(", ");
  return db.query(`SELECT * FROM ${table} WHERE report_id = ? ORDER BY ${order}`, [reportId]);
}
