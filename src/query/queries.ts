/**
 * Named, typed queries: the only SQL the pages and the browser run. Result rows are schema Row types, or
 * schema columns plus derived ones named here; column names come from src/schema/tables.ts. Report-level
 * queries read the derived summary tables (derived-tables.ts), so none of them pivots facts at query time.
 */
import type { CheckRow, FactRow, IndicatorRow, ProjectRow, ReportRow, TableName } from "../schema/tables.ts";
import { TABLES } from "../schema/tables.ts";
import type { Status } from "../schema/vocab.ts";
import type { Db, Param } from "./db.ts";
import { PAGE_SIZE, pageOffset, type Filters } from "./filters.ts";
import { defaultYear, type DefaultYear, type YearCount } from "./default-year.ts";
import { optional, PRIMARY_DOCUMENT, REPORT_FILTER, reportFilterParams } from "./report-filter.ts";

type ReportHead = Pick<ReportRow, "report_id" | "county_code" | "county_zh" | "department_zh" | "fiscal_year">;

/** One report's headline figures (current-year actuals), with the source line of each; a row of report_summary. */
export interface ReportSummary extends ReportHead, Pick<ReportRow, "self_score" | "grade" | "staff_actual" | "county_en" | "unit_id" | "department_kind" | "report_kind"> {
  department_kind_zh: string;
  /** The unit-year's document for department-level figures (PRIMARY_DOCUMENT). */
  primary_doc: boolean;
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
  /** checks by severity */
  errors: number;
  warnings: number;
  infos: number;
  /** self-score ≥ HIGH_SCORE with at least one missed indicator */
  high_missed: boolean;
  /** some 三公 category above its budget */
  sangong_overspent: boolean;
  /** some 三公 category above last year's actual */
  sangong_rose: boolean;
  /** the first missed indicator (by line) and its line */
  first_missed: string | null;
  first_missed_line: number | null;
  /** the first check, errors first, and its line */
  first_check_rule: string | null;
  first_check_message: string | null;
  first_check_line: number | null;
}

export const SUMMARY_SQL = `SELECT r.* FROM report_summary r
WHERE ${REPORT_FILTER} AND ${PRIMARY_DOCUMENT}
ORDER BY r.county_code, r.fiscal_year, r.report_id`;

/** Headline figures per report, every report the filters let through (compare, unit pages); unbounded. */
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

const SANGONG_COLUMNS = `s.category, s.category_zh, s.last_actual, s.last_actual_line, s.budget, s.budget_line, s.actual, s.actual_line,
  s.change_vs_last, s.change_vs_budget, s.overspent`;

export const SANGONG_SQL = `SELECT r.report_id, r.county_code, r.county_zh, r.department_zh, r.fiscal_year, ${SANGONG_COLUMNS}
FROM report_summary r JOIN sangong_summary s ON s.report_id = r.report_id
WHERE ${REPORT_FILTER} AND ${PRIMARY_DOCUMENT} AND (?::VARCHAR IS NULL OR s.category = ?::VARCHAR)
ORDER BY r.county_code, r.fiscal_year, r.report_id, s.ord`;

/** 三公 by report and category, every report the filters let through; unbounded (the paged view is sangongView). */
export function sangong(db: Db, f: Filters): Promise<SangongRow[]> {
  return db.query<SangongRow>(SANGONG_SQL, [...reportFilterParams(f), ...optional(f.category)]);
}

// ---- Paged views: one row per report, or per county / department kind (f.group), PAGE_SIZE rows at a time ----

/**
 * What every paged row carries: a report's identity, or a group's (report_id null, group_key = county code or
 * department kind); `reports` is how many reports the row stands for, `total_rows` how many rows the whole
 * filtered view has (for the pager).
 */
export interface PagedHead {
  report_id: string | null;
  county_code: string | null;
  county_zh: string | null;
  department_zh: string | null;
  fiscal_year: number | null;
  group_by: "county" | "kind" | null;
  group_key: string | null;
  group_label: string | null;
  reports: number;
  total_rows: number;
}

const REPORT_HEAD = `r.report_id, r.county_code, r.county_zh, r.department_zh, r.fiscal_year,
  NULL::VARCHAR AS group_by, NULL::VARCHAR AS group_key, NULL::VARCHAR AS group_label, 1 AS reports`;
// A county group keeps its county's code and name (its label is the county); a kind group has neither.
const GROUP_HEAD = `NULL::VARCHAR AS report_id,
  CASE WHEN ?::VARCHAR = 'county' THEN any_value(r.county_code) END AS county_code,
  CASE WHEN ?::VARCHAR = 'county' THEN any_value(r.county_zh) END AS county_zh,
  NULL::VARCHAR AS department_zh, ?::INTEGER AS fiscal_year, ?::VARCHAR AS group_by,
  CASE ?::VARCHAR WHEN 'kind' THEN r.department_kind ELSE r.county_code END AS group_key,
  CASE ?::VARCHAR WHEN 'kind' THEN any_value(r.department_kind_zh) ELSE any_value(r.county_zh) END AS group_label,
  count(DISTINCT r.report_id) AS reports`;

const headParams = (f: Filters): Param[] => (f.group ? [f.group, f.group, f.year, f.group, f.group, f.group] : []);

/** A sort CASE over the given sort keys: NULL (no sort) keeps the tie-break order. */
const sortCase = (keys: readonly string[]) => `CASE ?::VARCHAR ${keys.map((k) => `WHEN '${k}' THEN ${k}`).join(" ")} END`;

/**
 * Wraps one view's SELECT (producing g) with the row count and the chosen order; one page unless `all`. The count
 * is a scalar subquery, not count(*) OVER (): a window over every row kept DuckDB from its top-N sort (5× slower
 * at 10,000 reports).
 */
function pagedSql(select: string, sortKeys: readonly string[], tieBreak: string, all: boolean): string {
  return `WITH g AS (${select})
SELECT *, (SELECT count(*) FROM g) AS total_rows FROM g
ORDER BY ${sortCase(sortKeys)} DESC NULLS LAST, group_key, county_code, fiscal_year, report_id${tieBreak}
${all ? "" : `LIMIT ${PAGE_SIZE} OFFSET ?`}`;
}

/** A view's SQL texts (by report / by group; one page / all), picked by f.group: each constant, so prepared once. */
export interface ViewSql {
  report: string;
  group: string;
  reportAll: string;
  groupAll: string;
}

function twoWays(body: (head: string, grouped: boolean) => string, sortKeys: readonly string[], tieBreak = ""): ViewSql {
  return {
    report: pagedSql(body(REPORT_HEAD, false), sortKeys, tieBreak, false),
    group: pagedSql(body(GROUP_HEAD, true), sortKeys, tieBreak, false),
    reportAll: pagedSql(body(REPORT_HEAD, false), sortKeys, tieBreak, true),
    groupAll: pagedSql(body(GROUP_HEAD, true), sortKeys, tieBreak, true),
  };
}

/** Runs a view: one page, or with all = true the whole filtered set in the same order (下载全部). */
function runPaged<T extends object>(db: Db, sql: ViewSql, f: Filters, middle: readonly Param[], sortable: readonly string[], all: boolean): Promise<T[]> {
  const sort = f.sort && sortable.includes(f.sort) ? f.sort : null;
  const text = f.group ? (all ? sql.groupAll : sql.group) : all ? sql.reportAll : sql.report;
  return db.query<T>(text, [...headParams(f), ...middle, sort, ...(all ? [] : [pageOffset(f)])]);
}

/** Spending structure of one report or a group (sums over its reports). */
export interface SpendingRow extends PagedHead {
  spend_total: number | null;
  spend_total_line: number | null;
  spend_basic: number | null;
  spend_basic_line: number | null;
  spend_personnel: number | null;
  spend_personnel_line: number | null;
  spend_public: number | null;
  spend_public_line: number | null;
  spend_project: number | null;
  spend_project_line: number | null;
  /** basic spending of reports that do not split it into personnel and public (drawn as its own part) */
  spend_basic_unsplit: number | null;
  basic_share: number | null;
  personnel_share: number | null;
  staff_actual: number | null;
  per_staff: number | null;
}

export const SPENDING_SORTS = ["spend_total", "basic_share", "personnel_share", "per_staff"] as const;

// A group sums each part over the reports that print it; its shares and per-staff figure use only the reports
// that print both terms of the ratio, so a report missing one part does not skew them.
const SPLIT = "(r.spend_personnel IS NOT NULL AND r.spend_public IS NOT NULL)";
export const SPENDING_SQL = twoWays(
  (head, grouped) => `SELECT ${head},
  ${grouped ? "sum(r.spend_total)" : "r.spend_total"} AS spend_total, ${grouped ? "NULL::INTEGER" : "r.spend_total_line"} AS spend_total_line,
  ${grouped ? "sum(r.spend_basic)" : "r.spend_basic"} AS spend_basic, ${grouped ? "NULL::INTEGER" : "r.spend_basic_line"} AS spend_basic_line,
  ${grouped ? `sum(r.spend_personnel) FILTER (WHERE ${SPLIT})` : "r.spend_personnel"} AS spend_personnel, ${grouped ? "NULL::INTEGER" : "r.spend_personnel_line"} AS spend_personnel_line,
  ${grouped ? `sum(r.spend_public) FILTER (WHERE ${SPLIT})` : "r.spend_public"} AS spend_public, ${grouped ? "NULL::INTEGER" : "r.spend_public_line"} AS spend_public_line,
  ${grouped ? "sum(r.spend_project)" : "r.spend_project"} AS spend_project, ${grouped ? "NULL::INTEGER" : "r.spend_project_line"} AS spend_project_line,
  ${grouped ? `sum(r.spend_basic) FILTER (WHERE NOT ${SPLIT})` : `CASE WHEN NOT ${SPLIT} THEN r.spend_basic END`} AS spend_basic_unsplit,
  ${grouped ? "sum(r.spend_basic) FILTER (WHERE r.spend_project IS NOT NULL) / nullif(sum(r.spend_basic + r.spend_project), 0)" : "r.basic_share"} AS basic_share,
  ${grouped ? `sum(r.spend_personnel) FILTER (WHERE ${SPLIT}) / nullif(sum(r.spend_personnel + r.spend_public), 0)` : "r.personnel_share"} AS personnel_share,
  ${grouped ? "sum(r.staff_actual) FILTER (WHERE r.per_staff IS NOT NULL)" : "r.staff_actual"} AS staff_actual,
  ${grouped ? "sum(r.per_staff * r.staff_actual) / nullif(sum(r.staff_actual) FILTER (WHERE r.per_staff IS NOT NULL), 0)" : "r.per_staff"} AS per_staff
FROM report_summary r
WHERE ${REPORT_FILTER} AND ${PRIMARY_DOCUMENT}
${grouped ? "GROUP BY ALL" : ""}`,
  SPENDING_SORTS,
);

/** One page of the spending view. */
export function spendingView(db: Db, f: Filters, all = false): Promise<SpendingRow[]> {
  return runPaged<SpendingRow>(db, SPENDING_SQL, f, reportFilterParams(f), SPENDING_SORTS, all);
}

/** 三公 of one report × category, or of a group × category (sums over its reports). */
export interface SangongViewRow extends PagedHead, Omit<SangongRow, keyof ReportHead> {
  /** how many of the row's reports spent above their budget in this category */
  overspent_reports: number;
}

export const SANGONG_SORTS = ["actual", "change_vs_budget", "change_vs_last"] as const;

// The row-level flags: on /sangong/?flag=overspent only the categories over budget are drawn, not every category
// of a report that overspent on one.
const SANGONG_ROW_FLAG = `(?::VARCHAR IS NULL OR CASE ?::VARCHAR WHEN 'overspent' THEN s.overspent WHEN 'rose' THEN coalesce(s.change_vs_last > 0, false) ELSE true END)`;
export const SANGONG_VIEW_SQL = twoWays(
  // A report's row is its sangong_summary row as it is; a group sums its reports' rows per category.
  (head, grouped) => `SELECT ${head}, s.category, ${grouped ? "any_value(s.category_zh)" : "s.category_zh"} AS category_zh, ${grouped ? "any_value(s.ord)" : "s.ord"} AS ord,
  ${grouped ? "sum(s.last_actual)" : "s.last_actual"} AS last_actual, ${grouped ? "NULL::INTEGER" : "s.last_actual_line"} AS last_actual_line,
  ${grouped ? "sum(s.budget)" : "s.budget"} AS budget, ${grouped ? "NULL::INTEGER" : "s.budget_line"} AS budget_line,
  ${grouped ? "sum(s.actual)" : "s.actual"} AS actual, ${grouped ? "NULL::INTEGER" : "s.actual_line"} AS actual_line,
  ${grouped ? "sum(s.actual) FILTER (WHERE s.last_actual IS NOT NULL) / nullif(sum(s.last_actual) FILTER (WHERE s.actual IS NOT NULL), 0) - 1" : "s.change_vs_last"} AS change_vs_last,
  ${grouped ? "sum(s.actual) FILTER (WHERE s.budget IS NOT NULL) / nullif(sum(s.budget) FILTER (WHERE s.actual IS NOT NULL), 0) - 1" : "s.change_vs_budget"} AS change_vs_budget,
  ${grouped ? "coalesce(sum(s.actual) FILTER (WHERE s.budget IS NOT NULL) > sum(s.budget) FILTER (WHERE s.actual IS NOT NULL), false)" : "s.overspent"} AS overspent,
  ${grouped ? "count(*) FILTER (WHERE s.overspent)" : "s.overspent::INTEGER"} AS overspent_reports
FROM report_summary r JOIN sangong_summary s ON s.report_id = r.report_id
WHERE ${REPORT_FILTER} AND ${PRIMARY_DOCUMENT} AND (?::VARCHAR IS NULL OR s.category = ?::VARCHAR) AND ${SANGONG_ROW_FLAG}
${grouped ? "GROUP BY ALL" : ""}`,
  SANGONG_SORTS,
  ", ord",
);

/** One page of the 三公 view. */
export function sangongView(db: Db, f: Filters, all = false): Promise<SangongViewRow[]> {
  return runPaged<SangongViewRow>(db, SANGONG_VIEW_SQL, f, [...reportFilterParams(f), ...optional(f.category), ...optional(f.flag)], SANGONG_SORTS, all);
}

/** Indicators of one report or group by status, under the indicator filters. */
export interface IndicatorCountRow extends PagedHead {
  met: number;
  missed: number;
  unknown: number;
  /** the report's self-score (a group: the mean over its reports) */
  self_score: number | null;
  /** a report's first missed indicator (by line) and its source line; null for a group */
  first_missed: string | null;
  first_missed_line: number | null;
}

export const INDICATOR_SORTS = ["missed"] as const;

/** The indicator filters (level1, level2, sheet, status) on `indicators i`. */
const INDICATOR_FILTER = `(?::VARCHAR IS NULL OR i.level1 = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR i.level2 = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR i.sheet = ?::VARCHAR)
  AND (?::VARCHAR IS NULL OR i.status = ?::VARCHAR)`;
const indicatorFilterParams = (f: Filters): Param[] => [...optional(f.level1), ...optional(f.level2), ...optional(f.sheet), ...optional(f.status)];

// The default view (no indicator filter) reads the counts report_summary holds; with a filter on level, sheet or
// status the indicators are counted per report first (one key), then joined to the report's identity.
const indicatorCountsSql = (source: "summary" | "filtered") =>
  twoWays(
    (head, grouped) => {
      const x = source === "summary" ? "r" : "x";
      const sum = (c: string) => (grouped ? `sum(${x}.${c})` : `${x}.${c}`);
      const from =
        source === "summary"
          ? "report_summary r"
          : `report_summary r JOIN (
  SELECT i.report_id,
    count(*) FILTER (WHERE i.status = 'met') AS met,
    count(*) FILTER (WHERE i.status = 'missed') AS missed,
    count(*) FILTER (WHERE i.status = 'unknown') AS unknown,
    arg_min(i.name, i.source_line) FILTER (WHERE i.status = 'missed') AS first_missed,
    min(i.source_line) FILTER (WHERE i.status = 'missed') AS first_missed_line
  FROM indicators i WHERE ${INDICATOR_FILTER} GROUP BY i.report_id
) x ON x.report_id = r.report_id`;
      return `SELECT ${head}, ${sum("met")} AS met, ${sum("missed")} AS missed, ${sum("unknown")} AS unknown,
  ${grouped ? "avg(r.self_score)" : "r.self_score"} AS self_score,
  ${grouped ? "NULL::VARCHAR" : `${x}.first_missed`} AS first_missed, ${grouped ? "NULL::INTEGER" : `${x}.first_missed_line`} AS first_missed_line
FROM ${from}
WHERE ${REPORT_FILTER} AND ${x}.met + ${x}.missed + ${x}.unknown > 0
${grouped ? "GROUP BY ALL" : ""}`;
    },
    INDICATOR_SORTS,
  );
export const INDICATOR_COUNTS_SQL = { summary: indicatorCountsSql("summary"), filtered: indicatorCountsSql("filtered") };

/** One page of indicator counts. */
export function indicatorCounts(db: Db, f: Filters, all = false): Promise<IndicatorCountRow[]> {
  const filtered = f.level1 !== null || f.level2 !== null || f.sheet !== null || f.status !== null;
  const sql = filtered ? INDICATOR_COUNTS_SQL.filtered : INDICATOR_COUNTS_SQL.summary;
  return runPaged<IndicatorCountRow>(db, sql, f, [...(filtered ? indicatorFilterParams(f) : []), ...reportFilterParams(f)], INDICATOR_SORTS, all);
}

/** Checks of one report or group by severity; for a report, its first check (errors first) with its line. */
export interface CheckCountRow extends PagedHead {
  errors: number;
  warnings: number;
  infos: number;
  first_rule: string | null;
  first_message: string | null;
  first_line: number | null;
}

export const CHECK_SORTS = ["errors"] as const;

// Counts and the first check per report come from report_summary; a severity filter keeps that severity's count.
const severityCount = (severity: string, column: string, grouped: boolean) => {
  const v = `CASE WHEN ?::VARCHAR IS NULL OR ?::VARCHAR = '${severity}' THEN r.${column} ELSE 0 END`;
  return `${grouped ? `sum(${v})` : v} AS ${column}`;
};
export const CHECK_COUNTS_SQL = twoWays(
  (head, grouped) => `SELECT * FROM (SELECT ${head},
  ${severityCount("error", "errors", grouped)}, ${severityCount("warning", "warnings", grouped)}, ${severityCount("info", "infos", grouped)},
  ${grouped ? "NULL::VARCHAR" : "r.first_check_rule"} AS first_rule,
  ${grouped ? "NULL::VARCHAR" : "r.first_check_message"} AS first_message,
  ${grouped ? "NULL::INTEGER" : "r.first_check_line"} AS first_line
FROM report_summary r
WHERE ${REPORT_FILTER}
${grouped ? "GROUP BY ALL" : ""}) WHERE errors + warnings + infos > 0`,
  CHECK_SORTS,
);

/** One page of check counts. */
export function checkCounts(db: Db, f: Filters, all = false): Promise<CheckCountRow[]> {
  const severity = [f.severity, f.severity, f.severity, f.severity, f.severity, f.severity];
  return runPaged<CheckCountRow>(db, CHECK_COUNTS_SQL, f, [...severity, ...reportFilterParams(f)], CHECK_SORTS, all);
}

// ---- Distributions: bounded by their bins, whatever the number of reports ----

/** Indicators with a numeric completion ratio, by 10-point bin (bin 20 = 200% and above) and status. */
export interface CompletionBin {
  bin: number;
  status: Status;
  n: number;
}

export const COMPLETION_BINS_SQL = `WITH i AS (
  SELECT i.status, CASE WHEN i.target_value IS NULL OR i.actual_value IS NULL THEN NULL
       WHEN i.direction = 'lower' THEN i.target_value / nullif(i.actual_value, 0)
       ELSE i.actual_value / nullif(i.target_value, 0) END AS completion
  FROM report_summary r JOIN indicators i ON i.report_id = r.report_id
  WHERE ${REPORT_FILTER} AND ${INDICATOR_FILTER}
)
SELECT least(greatest(floor(completion * 10), 0), 20)::INTEGER AS bin, status, count(*) AS n
FROM i WHERE completion IS NOT NULL
GROUP BY ALL ORDER BY bin, status`;

export function completionBins(db: Db, f: Filters): Promise<CompletionBin[]> {
  return db.query<CompletionBin>(COMPLETION_BINS_SQL, [...reportFilterParams(f), ...indicatorFilterParams(f)]);
}

/** Indicators by (分值, 得分, status), with how many share the pair. */
export interface ScorePair {
  weight: number;
  score: number;
  status: Status;
  n: number;
}

export const SCORE_PAIRS_SQL = `SELECT i.weight, i.score, i.status, count(*) AS n
FROM report_summary r JOIN indicators i ON i.report_id = r.report_id
WHERE ${REPORT_FILTER} AND ${INDICATOR_FILTER} AND i.weight IS NOT NULL AND i.score IS NOT NULL
GROUP BY ALL ORDER BY i.weight, i.score, i.status`;

export function scorePairs(db: Db, f: Filters): Promise<ScorePair[]> {
  return db.query<ScorePair>(SCORE_PAIRS_SQL, [...reportFilterParams(f), ...indicatorFilterParams(f)]);
}

/** Checks by rule and severity. */
export interface CheckRuleRow {
  rule: string;
  severity: CheckRow["severity"];
  n: number;
  reports: number;
}

export const CHECK_RULES_SQL = `SELECT c.rule, c.severity, count(*) AS n, count(DISTINCT c.report_id) AS reports
FROM report_summary r JOIN checks c ON c.report_id = r.report_id
WHERE ${REPORT_FILTER} AND (?::VARCHAR IS NULL OR c.severity = ?::VARCHAR)
GROUP BY ALL ORDER BY n DESC, c.rule, c.severity`;

export function checkRules(db: Db, f: Filters): Promise<CheckRuleRow[]> {
  return db.query<CheckRuleRow>(CHECK_RULES_SQL, [...reportFilterParams(f), ...optional(f.severity)]);
}

/** The headline measures whose distribution the overview draws, each in the unit it is read in. */
export const MEASURES = {
  personnel_share: { zh: "人员经费占基本支出", unit: "%", sql: "r.personnel_share * 100", width: 5 },
  execution_rate: { zh: "预算执行率", unit: "%", sql: "r.execution_rate", width: 5 },
  self_score: { zh: "自评得分", unit: "分", sql: "r.self_score", width: 2 },
} as const;
export type Measure = keyof typeof MEASURES;

/** Reports of the filtered set by bin of one measure: [x0, x0 + width). */
export interface DistributionBin {
  x0: number;
  n: number;
}

const measureCase = `CASE ?::VARCHAR ${Object.entries(MEASURES).map(([k, m]) => `WHEN '${k}' THEN ${m.sql}`).join(" ")} END`;
export const DISTRIBUTION_SQL = `WITH v AS (SELECT ${measureCase} AS v FROM report_summary r WHERE ${REPORT_FILTER} AND ${PRIMARY_DOCUMENT})
SELECT floor(v / ?::DOUBLE) * ?::DOUBLE AS x0, count(*) AS n FROM v WHERE v IS NOT NULL GROUP BY 1 ORDER BY 1`;

export function distribution(db: Db, measure: Measure, f: Filters): Promise<DistributionBin[]> {
  const w = MEASURES[measure].width;
  return db.query<DistributionBin>(DISTRIBUTION_SQL, [measure, ...reportFilterParams(f), w, w]);
}

/** Reports per county and year (the overview's coverage matrix). */
export interface CoverageCell {
  county_code: string;
  county_zh: string;
  fiscal_year: number;
  n: number;
}

export function coverage(db: Db): Promise<CoverageCell[]> {
  return db.query<CoverageCell>(`SELECT county_code, any_value(county_zh) AS county_zh, fiscal_year, count(*) AS n
FROM report_summary WHERE primary_doc GROUP BY county_code, fiscal_year ORDER BY county_code, fiscal_year`);
}

/** The choices a filter form offers: counties, years (newest first) and department kinds that occur. */
export interface FilterOptions {
  counties: { value: string; label: string }[];
  years: number[];
  kinds: { value: string; label: string }[];
}

export async function filterOptions(db: Db): Promise<FilterOptions> {
  const [counties, years, kinds] = await Promise.all([
    db.query<{ value: string; label: string }>("SELECT county_code AS value, any_value(county_zh) AS label FROM report_summary GROUP BY 1 ORDER BY 1"),
    db.query<{ y: number }>("SELECT DISTINCT fiscal_year AS y FROM report_summary ORDER BY 1 DESC"),
    db.query<{ value: string; label: string }>("SELECT department_kind AS value, any_value(department_kind_zh) AS label FROM report_summary GROUP BY 1 ORDER BY 2"),
  ]);
  return { counties, years: years.map((r) => r.y), kinds };
}

/** Unit-years per fiscal year (each unit once a year). */
export function yearCounts(db: Db): Promise<YearCount[]> {
  return db.query<YearCount>("SELECT fiscal_year AS year, count(*)::INTEGER AS n FROM report_summary WHERE primary_doc GROUP BY 1 ORDER BY 1");
}

/** Every main route's default year and the newer years still partial (default-year.ts). */
export async function mainYear(db: Db): Promise<DefaultYear | null> {
  return defaultYear(await yearCounts(db));
}

/** The year every main route shows first (see mainYear). */
export async function latestYear(db: Db): Promise<number | null> {
  return (await mainYear(db))?.year ?? null;
}

// ---- Unbounded row lists, kept for the unit and county pages and the tests ----

/** An indicator with its report's identity and the completion ratio where both numbers exist. */
export interface IndicatorView extends IndicatorRow, Omit<ReportHead, "report_id"> {
  /** actual / target; for lower-is-better (a ceiling) target / actual, so above 1 is always better. */
  completion: number | null;
}

export const INDICATORS_SQL = `SELECT i.*, r.county_code, r.county_zh, r.department_zh, r.fiscal_year,
  CASE WHEN i.target_value IS NULL OR i.actual_value IS NULL THEN NULL
       WHEN i.direction = 'lower' THEN i.target_value / nullif(i.actual_value, 0)
       ELSE i.actual_value / nullif(i.target_value, 0) END AS completion
FROM indicators i JOIN report_summary r ON r.report_id = i.report_id
WHERE ${REPORT_FILTER} AND ${INDICATOR_FILTER}
ORDER BY r.county_code, r.fiscal_year, i.report_id, i.source_line`;

/** Indicators with filters on report, level1, level2, sheet and status. */
export function indicatorViews(db: Db, f: Filters): Promise<IndicatorView[]> {
  return db.query<IndicatorView>(INDICATORS_SQL, [...reportFilterParams(f), ...indicatorFilterParams(f)]);
}

/** A check with its report's identity. */
export interface CheckView extends CheckRow, Omit<ReportHead, "report_id"> {}

export const CHECKS_SQL = `SELECT c.*, r.county_code, r.county_zh, r.department_zh, r.fiscal_year
FROM checks c JOIN report_summary r ON r.report_id = c.report_id
WHERE ${REPORT_FILTER} AND (?::VARCHAR IS NULL OR c.severity = ?::VARCHAR)
ORDER BY CASE c.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, r.county_code, r.fiscal_year, c.report_id, c.source_line`;

/** Every check, errors first. */
export function checkViews(db: Db, f: Filters): Promise<CheckView[]> {
  return db.query<CheckView>(CHECKS_SQL, [...reportFilterParams(f), ...optional(f.severity)]);
}

/** All reports, for the report pages. */
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

/** The report a unit brings to the compare page: the one of `year`, or with no year its newest; null if none. */
export async function unitReport(db: Db, unitId: string, year: number | null): Promise<ReportSummary | null> {
  const rows = await db.query<ReportSummary>(
    `SELECT r.* FROM report_summary r WHERE r.unit_id = ? AND (?::INTEGER IS NULL OR r.fiscal_year = ?::INTEGER)
ORDER BY r.fiscal_year DESC, r.primary_doc DESC, r.report_id LIMIT 1`,
    [unitId, year, year],
  );
  return rows[0] ?? null;
}

/** The compare page's first pick: one report per county (its newest), newest counties first, at most `limit`. */
export async function compareDefaults(db: Db, limit: number): Promise<string[]> {
  const rows = await db.query<{ report_id: string }>(
    `WITH c AS (SELECT county_code, max(fiscal_year) AS y FROM report_summary GROUP BY 1 ORDER BY y DESC, county_code LIMIT ?)
SELECT min(r.report_id) AS report_id FROM report_summary r JOIN c ON r.county_code = c.county_code AND r.fiscal_year = c.y AND r.primary_doc
GROUP BY r.county_code, c.y ORDER BY c.y DESC, r.county_code`,
    [limit],
  );
  return rows.map((r) => r.report_id);
}
