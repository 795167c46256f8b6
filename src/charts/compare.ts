/** 单位对比: 2–5 reports side by side on the shares and scores that are comparable across sizes. */
import * as Plot from "@observablehq/plot";
import { formatNumber, formatScore, formatShare, formatWan } from "../format/zh.ts";
import { reportSummaries, type ReportSummary } from "../query/queries.ts";
import type { ChartSpec, LegendItem } from "./chart.ts";
import { FONT_STACK, SERIES } from "./palette.ts";
import { plot } from "./plot-defaults.ts";
import { reportColumns } from "./report-columns.ts";
import { reportLabel } from "./row-label.ts";

interface Measure {
  label: string;
  value: (r: ReportSummary) => number | null;
}

const MEASURES: Measure[] = [
  { label: "基本支出占比（%）", value: (r) => (r.basic_share === null ? null : r.basic_share * 100) },
  { label: "人员经费占基本支出（%）", value: (r) => (r.personnel_share === null ? null : r.personnel_share * 100) },
  { label: "预算执行率（%）", value: (r) => r.execution_rate },
  { label: "指标完成率（%）", value: (r) => (r.met + r.missed > 0 ? (r.met / (r.met + r.missed)) * 100 : null) },
  { label: "自评得分（分）", value: (r) => r.self_score },
];

const colorOf = (rows: readonly ReportSummary[]) => (r: ReportSummary) => SERIES[rows.indexOf(r) % SERIES.length] ?? SERIES[0];

export const compareChart: ChartSpec<ReportSummary> = {
  id: "compare",
  title: "单位对比：占比、执行率、完成率与自评得分",
  note: "单位：%（自评得分为分，满分100）。指标完成率 = 已完成 ÷（已完成 + 未完成），不计无法判断的指标。",
  csvName: "compare.csv",
  // Only the chosen reports: none chosen draws nothing rather than every report.
  query: (db, f) => (f.id.length === 0 ? Promise.resolve([]) : reportSummaries(db, f)),
  columns: [
    ...reportColumns(),
    { key: "spend_total", label: "支出合计", format: (v) => formatWan(v as number | null), line: "spend_total_line" },
    { key: "basic_share", label: "基本支出占比", format: (v) => formatShare(v as number | null) },
    { key: "personnel_share", label: "人员经费占基本支出", format: (v) => formatShare(v as number | null) },
    { key: "per_staff", label: "人均支出（万元/人）", format: (v) => formatNumber(v as number | null) },
    { key: "sangong_total", label: "三公经费合计", format: (v) => formatWan(v as number | null), line: "sangong_total_line" },
    { key: "execution_rate", label: "预算执行率", format: (v) => (v === null ? "—" : `${formatNumber(v as number)}%`), line: "execution_rate_line" },
    { key: "self_score", label: "自评得分", format: (v) => formatScore(v as number | null) },
    { key: "met", label: "已完成指标", format: (v) => formatNumber(v as number) },
    { key: "missed", label: "未完成指标", format: (v) => formatNumber(v as number) },
    { key: "unknown", label: "无法判断", format: (v) => formatNumber(v as number) },
  ],
  legend(rows): LegendItem[] {
    const color = colorOf(rows);
    return rows.map((r) => ({ label: reportLabel(r), color: color(r) }));
  },
  render(rows, ctx) {
    const color = colorOf(rows);
    const cells = MEASURES.flatMap((m) => rows.map((r) => ({ m, r, v: m.value(r) }))).filter((c) => c.v !== null);
    type Cell = (typeof cells)[number];
    const barHeight = 14;
    return plot({
      document: ctx.document,
      width: ctx.width,
      height: 40 + MEASURES.length * (rows.length * barHeight + 34),
      marginTop: 26,
      marginLeft: 12,
      marginRight: 40,
      marginBottom: 36,
      ariaLabel: compareChart.title,
      style: { fontFamily: FONT_STACK, fontSize: "12px", color: "#1a1a1a", background: "transparent", overflow: "visible" },
      x: { domain: [0, 100], label: "%（自评得分为分）", grid: true },
      fy: { domain: MEASURES.map((m) => m.label), axis: null, paddingInner: 0.25 },
      y: { domain: rows.map((r) => r.report_id), axis: null, paddingInner: 0.15 },
      marks: [
        Plot.barX(cells, { fy: (c: Cell) => c.m.label, y: (c: Cell) => c.r.report_id, x: "v", fill: (c: Cell) => color(c.r), title: (c: Cell) => `${reportLabel(c.r)}\n${c.m.label}：${formatNumber(Math.round((c.v ?? 0) * 10) / 10)}` }),
        Plot.text(cells, { fy: (c: Cell) => c.m.label, y: (c: Cell) => c.r.report_id, x: "v", text: (c: Cell) => formatNumber(Math.round((c.v ?? 0) * 10) / 10), textAnchor: "start", dx: 3 }),
        Plot.text(MEASURES, { fy: (m: Measure) => m.label, frameAnchor: "top-left", text: (m: Measure) => m.label, dy: -12, fontWeight: 600 }),
      ],
    });
  },
};
