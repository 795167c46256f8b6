/**
 * Units (one department of one county across years) and their peers (same department_kind and fiscal year):
 * bulk queries over every report, run once per build for all unit and county pages, never once per page.
 */
import type { ReportRow } from "../schema/tables.ts";
import type { Db } from "./db.ts";
import { EMPTY_FILTERS } from "./filters.ts";
import { SANGONG_SQL, SUMMARY_SQL, type ReportSummary, type SangongRow } from "./queries.ts";
import { reportFilterParams } from "./report-filter.ts";

type UnitHead = Pick<ReportRow, "unit_id" | "department_kind">;

/** One report of a unit: its headline figures (ReportSummary) and its checks by severity. */
export interface UnitYear extends ReportSummary, UnitHead {
  checks_error: number;
  checks_warning: number;
  checks_info: number;
}

/** Every report's headline figures, with unit and check counts, in unit → year order. */
export const UNIT_YEARS_SQL = `WITH s AS (${SUMMARY_SQL}),
c AS (
  SELECT report_id,
    count(*) FILTER (WHERE severity = 'error') AS checks_error,
    count(*) FILTER (WHERE severity = 'warning') AS checks_warning,
    count(*) FILTER (WHERE severity = 'info') AS checks_info
  FROM checks GROUP BY report_id
)
SELECT s.*, r.unit_id, r.department_kind,
  coalesce(c.checks_error, 0) AS checks_error, coalesce(c.checks_warning, 0) AS checks_warning, coalesce(c.checks_info, 0) AS checks_info
FROM s JOIN reports r ON r.report_id = s.report_id LEFT JOIN c ON c.report_id = s.report_id
ORDER BY r.unit_id, s.fiscal_year, s.report_id`;

export function unitYears(db: Db): Promise<UnitYear[]> {
  return db.query<UnitYear>(UNIT_YEARS_SQL, reportFilterParams(EMPTY_FILTERS));
}

/** A 三公 row (report × category) with its unit. */
export interface UnitSangongRow extends SangongRow, Pick<ReportRow, "unit_id"> {}

export const UNIT_SANGONG_SQL = `WITH s AS (${SANGONG_SQL})
SELECT s.*, r.unit_id FROM s JOIN reports r ON r.report_id = s.report_id
ORDER BY r.unit_id, s.fiscal_year, s.report_id`;

/** Every report's 三公 by category (every category, the total included), in unit → year order. */
export function unitSangong(db: Db): Promise<UnitSangongRow[]> {
  return db.query<UnitSangongRow>(UNIT_SANGONG_SQL, [...reportFilterParams(EMPTY_FILTERS), null, null]);
}

/**
 * The figures a unit is compared with its peers on; each one's source line where the report prints it.
 * ratio: stored as a ratio (0.75) and shown as a percentage; execution_rate is printed in percent already.
 * printed: the value stands verbatim on its line; otherwise the line holds a figure it is derived from.
 */
export const PEER_MEASURES = {
  personnel_share: { zh: "人员经费占基本支出", unit: "%", ratio: true, printed: false, line: "spend_personnel_line", sql: "s.personnel_share" },
  sangong_per_staff: { zh: "人均三公经费", unit: "万元/人", ratio: false, printed: false, line: "sangong_total_line", sql: "s.sangong_total / nullif(s.staff_actual, 0)" },
  execution_rate: { zh: "预算执行率", unit: "%", ratio: false, printed: true, line: "execution_rate_line", sql: "s.execution_rate" },
  self_score: { zh: "自评得分", unit: "分", ratio: false, printed: false, line: null, sql: "s.self_score" },
  // Of the indicators whose completion can be judged: unknown ones count neither way.
  missed_share: { zh: "未完成指标占比", unit: "%", ratio: true, printed: false, line: null, sql: "s.missed / nullif(s.met + s.missed, 0)" },
} as const;
export type PeerMeasure = keyof typeof PEER_MEASURES;
export const PEER_MEASURE_NAMES = Object.keys(PEER_MEASURES) as PeerMeasure[];

/** One report on one measure, placed among its peers (same department_kind and fiscal_year, every county). */
export interface PeerStat extends UnitHead {
  report_id: string;
  fiscal_year: number;
  measure: PeerMeasure;
  value: number;
  /** Source line of the value (or of the figure it is derived from), when there is one. */
  source_line: number | null;
  /** 1 = the largest value among the peers; ties share a rank. */
  rank: number;
  /** How many peers have this measure (the report itself included). */
  peers: number;
  /** Share of the other peers with a lower value, 0–1 (percent_rank; null when it is the only one). */
  percentile: number | null;
  p25: number;
  median: number;
  p75: number;
  lo: number;
  hi: number;
}

const measureRows = PEER_MEASURE_NAMES.map((m) => {
  const d = PEER_MEASURES[m];
  return `SELECT report_id, unit_id, department_kind, fiscal_year, '${m}' AS measure, ${d.sql} AS value, ${d.line ? `s.${d.line}` : "NULL::INTEGER"} AS source_line FROM s`;
}).join("\n  UNION ALL ");

/** Measures of every report as (report, measure, value) rows with no null values. */
const MEASURES_CTE = `s AS (${UNIT_YEARS_SQL}),
m AS (
  SELECT * FROM (
  ${measureRows}
  ) WHERE value IS NOT NULL AND isfinite(value)
)`;

export const PEER_STATS_SQL = `WITH ${MEASURES_CTE}
SELECT report_id, unit_id, department_kind, fiscal_year, measure, value, source_line,
  rank() OVER (PARTITION BY department_kind, fiscal_year, measure ORDER BY value DESC) AS rank,
  count(*) OVER w AS peers,
  CASE WHEN count(*) OVER w > 1 THEN percent_rank() OVER (PARTITION BY department_kind, fiscal_year, measure ORDER BY value) END AS percentile,
  quantile_cont(value, 0.25) OVER w AS p25,
  quantile_cont(value, 0.5) OVER w AS median,
  quantile_cont(value, 0.75) OVER w AS p75,
  min(value) OVER w AS lo,
  max(value) OVER w AS hi
FROM m
WINDOW w AS (PARTITION BY department_kind, fiscal_year, measure)
ORDER BY unit_id, fiscal_year, measure`;

/** Every report's place among its peers on every measure it has: one query, window functions. */
export function peerStats(db: Db): Promise<PeerStat[]> {
  return db.query<PeerStat>(PEER_STATS_SQL, reportFilterParams(EMPTY_FILTERS));
}

/** Equal-width bins between a peer group's lowest and highest value. */
export const PEER_BINS = 20;

/** One histogram bin of a peer group's distribution of one measure. */
export interface PeerBin extends Pick<ReportRow, "department_kind" | "fiscal_year"> {
  measure: PeerMeasure;
  bin: number;
  /** Bin edges: [lo, hi), the last bin closed. */
  lo: number;
  hi: number;
  count: number;
}

export const PEER_BINS_SQL = `WITH ${MEASURES_CTE},
g AS (
  SELECT *, min(value) OVER w AS g_lo, max(value) OVER w AS g_hi
  FROM m WINDOW w AS (PARTITION BY department_kind, fiscal_year, measure)
),
b AS (
  SELECT department_kind, fiscal_year, measure, g_lo, g_hi,
    CASE WHEN g_hi = g_lo THEN 0 ELSE least(${PEER_BINS - 1}, floor((value - g_lo) / (g_hi - g_lo) * ${PEER_BINS})::INTEGER) END AS bin
  FROM g
)
SELECT department_kind, fiscal_year, measure, bin,
  CASE WHEN g_hi = g_lo THEN g_lo ELSE g_lo + bin * (g_hi - g_lo) / ${PEER_BINS} END AS lo,
  CASE WHEN g_hi = g_lo THEN g_hi ELSE g_lo + (bin + 1) * (g_hi - g_lo) / ${PEER_BINS} END AS hi,
  count(*) AS count
FROM b
GROUP BY ALL
ORDER BY department_kind, fiscal_year, measure, bin`;

/** Histograms of every peer group × measure (only non-empty bins). */
export function peerBins(db: Db): Promise<PeerBin[]> {
  return db.query<PeerBin>(PEER_BINS_SQL, reportFilterParams(EMPTY_FILTERS));
}
