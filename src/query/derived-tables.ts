/**
 * Tables derived from the published five, one row per report (report_summary) and per report × 三公 category
 * (sangong_summary): the pivots over facts are done once, so every page and every browser redraw is a small
 * filtered, grouped or LIMITed SELECT. Built into the build-time Db (node-db.ts) and into site.duckdb
 * (write-site-db.ts) from this same SQL, in this order (report_summary reads sangong_summary).
 */
import { DEPARTMENT_KINDS } from "../schema/vocab.ts";
import { SANGONG_CATEGORIES } from "./sangong-categories.ts";

/** "High" self-score = 90 or more, the usual threshold of the 优 grade in these reports. */
export const HIGH_SCORE = 90;

const categories = SANGONG_CATEGORIES.map((c, i) => `('${c.metric}', '${c.short}', ${i})`).join(", ");

/** One report × 三公 category it prints: last year's actual → this year's budget → this year's actual. */
export const SANGONG_SUMMARY_SQL = `WITH c(metric, category_zh, ord) AS (VALUES ${categories}),
g AS (
  SELECT r.report_id, c.metric AS category, c.category_zh, c.ord,
    max(f.value) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year - 1) AS last_actual,
    min(f.source_line) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year - 1) AS last_actual_line,
    max(f.value) FILTER (WHERE f.basis = 'budget' AND f.year = r.fiscal_year) AS budget,
    min(f.source_line) FILTER (WHERE f.basis = 'budget' AND f.year = r.fiscal_year) AS budget_line,
    max(f.value) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year) AS actual,
    min(f.source_line) FILTER (WHERE f.basis = 'actual' AND f.year = r.fiscal_year) AS actual_line
  FROM reports r CROSS JOIN c JOIN facts f ON f.report_id = r.report_id AND f.metric = c.metric
  GROUP BY ALL
)
SELECT report_id, category, category_zh, ord,
  last_actual, last_actual_line, budget, budget_line, actual, actual_line,
  actual / nullif(last_actual, 0) - 1 AS change_vs_last,
  actual / nullif(budget, 0) - 1 AS change_vs_budget,
  coalesce(actual > budget, false) AS overspent
FROM g
ORDER BY report_id, ord`;

const SUMMARY_METRICS = ["spend_total", "spend_basic", "spend_project", "spend_personnel", "spend_public", "sangong_total", "execution_rate"];
const pivot = SUMMARY_METRICS.map(
  (m) => `max(value) FILTER (WHERE metric = '${m}') AS ${m}, min(source_line) FILTER (WHERE metric = '${m}') AS ${m}_line`,
).join(",\n    ");
/** Per report, how many rows of a table have each value of a column (value → output column name). */
const countsBy = (table: string, column: string, values: [string, string][]) => `SELECT report_id,
    ${values.map(([v, as]) => `count(*) FILTER (WHERE ${column} = '${v}') AS ${as}`).join(",\n    ")}
  FROM ${table} GROUP BY report_id`;
// Which of a unit-year's documents gives its department-level figures (see PRIMARY_DOCUMENT in report-filter.ts).
const KIND_RANK = `CASE r.report_kind WHEN 'overall' THEN 0 WHEN 'final_accounts' THEN 1 WHEN 'budget' THEN 2 WHEN 'project_report' THEN 3 ELSE 4 END`;
const kinds = Object.entries(DEPARTMENT_KINDS).map(([k, v]) => `('${k}', '${v.zh}')`).join(", ");

/** One row per report: identity, current-year actuals with their source lines, shares, counts and flags. */
export const REPORT_SUMMARY_SQL = `WITH k(department_kind, department_kind_zh) AS (VALUES ${kinds}),
m AS (
  SELECT f.report_id,
    ${pivot}
  FROM facts f JOIN reports r0 ON r0.report_id = f.report_id
  WHERE f.basis = 'actual' AND f.year = r0.fiscal_year
  GROUP BY f.report_id
), ind AS (
  ${countsBy("indicators", "status", [["met", "met"], ["missed", "missed"], ["unknown", "unknown"]])}
), chk AS (
  ${countsBy("checks", "severity", [["error", "errors"], ["warning", "warnings"], ["info", "infos"]])}
), firsts AS (
  -- A report's first missed indicator and its first check (errors first), each with its source line.
  SELECT report_id, arg_min(name, source_line) AS first_missed, min(source_line) AS first_missed_line
  FROM indicators WHERE status = 'missed' GROUP BY report_id
), first_check AS (
  SELECT report_id,
    arg_min(rule, (CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, coalesce(source_line, 0))) AS first_check_rule,
    arg_min(message, (CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, coalesce(source_line, 0))) AS first_check_message,
    arg_min(source_line, (CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, coalesce(source_line, 0))) AS first_check_line
  FROM checks GROUP BY report_id
), sg AS (
  SELECT report_id, bool_or(overspent) AS sangong_overspent, bool_or(coalesce(change_vs_last > 0, false)) AS sangong_rose
  FROM sangong_summary GROUP BY report_id
)
SELECT r.report_id, r.county_code, r.county_zh, r.county_en, r.department_zh, r.unit_id, r.department_kind,
  coalesce(k.department_kind_zh, r.department_kind) AS department_kind_zh, r.report_kind,
  row_number() OVER (PARTITION BY r.unit_id, r.fiscal_year ORDER BY ${KIND_RANK}, r.report_id) = 1 AS primary_doc,
  r.fiscal_year, r.self_score, r.grade, r.staff_actual,
  ${SUMMARY_METRICS.map((m) => `m.${m}, m.${m}_line`).join(", ")},
  m.spend_basic / nullif(m.spend_basic + m.spend_project, 0) AS basic_share,
  m.spend_personnel / nullif(m.spend_personnel + m.spend_public, 0) AS personnel_share,
  coalesce(m.spend_total, m.spend_basic + m.spend_project) / nullif(r.staff_actual, 0) AS per_staff,
  coalesce(ind.met, 0) AS met, coalesce(ind.missed, 0) AS missed, coalesce(ind.unknown, 0) AS unknown,
  coalesce(chk.errors, 0) AS errors, coalesce(chk.warnings, 0) AS warnings, coalesce(chk.infos, 0) AS infos,
  coalesce(r.self_score >= ${HIGH_SCORE} AND ind.missed > 0, false) AS high_missed,
  coalesce(sg.sangong_overspent, false) AS sangong_overspent,
  coalesce(sg.sangong_rose, false) AS sangong_rose,
  firsts.first_missed, firsts.first_missed_line,
  first_check.first_check_rule, first_check.first_check_message, first_check.first_check_line
FROM reports r LEFT JOIN m ON m.report_id = r.report_id LEFT JOIN ind ON ind.report_id = r.report_id
  LEFT JOIN firsts ON firsts.report_id = r.report_id LEFT JOIN first_check ON first_check.report_id = r.report_id
  LEFT JOIN chk ON chk.report_id = r.report_id LEFT JOIN sg ON sg.report_id = r.report_id
  LEFT JOIN k ON k.department_kind = r.department_kind
ORDER BY r.county_code, r.fiscal_year, r.report_id`;

/** The derived tables in build order. */
export const DERIVED_TABLES: readonly { name: string; sql: string }[] = [
  { name: "sangong_summary", sql: SANGONG_SUMMARY_SQL },
  { name: "report_summary", sql: REPORT_SUMMARY_SQL },
];
