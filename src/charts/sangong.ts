/**
 * 三公经费: per report (or county / department kind) and category, last year's actual → this year's budget → this
 * year's actual; one page of PAGE_SIZE rows.
 */
import * as Plot from "@observablehq/plot";
import { formatChange, formatNumber, formatWan } from "../format/zh.ts";
import { sangongView, type SangongViewRow } from "../query/queries.ts";
import type { ChartSpec, LegendItem } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { baseOptions, DOT_DY, plot, rowLabels, rowScale, xAxisPlacement } from "./plot-defaults.ts";
import { pagedColumns } from "./report-columns.ts";
import { rowKey, rowLabel } from "./row-label.ts";

type SangongRow = SangongViewRow;

const key = (r: SangongRow) => `${rowKey(r)}|${r.category}`;
const overspentNote = (r: SangongRow) => (r.report_id === null && (r.overspent_reports ?? 0) > 0 ? `（${r.overspent_reports} 份超预算）` : r.overspent ? "（超预算）" : "");
const label = (r: SangongRow) => `${rowLabel(r)} ｜ ${r.category_zh}${overspentNote(r)}`;

const SERIES = {
  last: { label: "上年实际", color: OKABE_ITO.sky, symbol: "circle" },
  budget: { label: "本年预算", color: OKABE_ITO.orange, symbol: "diamond" },
  actual: { label: "本年实际", color: OKABE_ITO.blue, symbol: "circle" },
  over: { label: "本年实际（超预算）", color: OKABE_ITO.vermillion, symbol: "square" },
} as const;

const values = (r: SangongRow) => [r.last_actual, r.budget, r.actual].filter((v): v is number => v !== null);

function tip(r: SangongRow): string {
  return [
    `${rowLabel(r)} ${r.category_zh}`,
    `上年实际：${formatWan(r.last_actual)}`,
    `本年预算：${formatWan(r.budget)}`,
    `本年实际：${formatWan(r.actual)}`,
    `较上年：${formatChange(r.change_vs_last)}；较预算：${formatChange(r.change_vs_budget)}`,
  ].join("\n");
}

const dot = (rows: readonly SangongRow[], x: (r: SangongRow) => number | null, s: (typeof SERIES)[keyof typeof SERIES], filled: boolean) =>
  Plot.dot(
    rows.filter((r) => x(r) !== null),
    { x, y: key, dy: DOT_DY, r: 5, symbol: () => s.symbol, stroke: s.color, fill: filled ? s.color : "white", strokeWidth: 2, title: tip },
  );

export const sangongChart: ChartSpec<SangongViewRow> = {
  id: "sangong",
  title: "三公经费：上年实际 → 本年预算 → 本年实际",
  note: "单位：万元。每行一个单位（或一组单位之和）的一类三公经费；红色方块表示本年实际超过本年预算。分组时较上年、较预算只计两项都列出的报告。每页 20 行。",
  csvName: "sangong.csv",
  query: (db, f) => sangongView(db, f),
  queryAll: (db, f) => sangongView(db, f, true),
  fullTable: "facts",
  columns: [
    ...pagedColumns<SangongViewRow>("sangong/"),
    { key: "category", label: "类别代码", csvOnly: true },
    { key: "category_zh", label: "类别" },
    { key: "last_actual", label: "上年实际（万元）", format: (v) => formatNumber(v as number | null), line: "last_actual_line" },
    { key: "budget", label: "本年预算（万元）", format: (v) => formatNumber(v as number | null), line: "budget_line" },
    { key: "actual", label: "本年实际（万元）", format: (v) => formatNumber(v as number | null), line: "actual_line" },
    { key: "change_vs_last", label: "较上年", format: (v) => formatChange(v as number | null) },
    { key: "change_vs_budget", label: "较预算", format: (v) => formatChange(v as number | null) },
    { key: "overspent", label: "超预算", format: (v) => (v ? "是" : "否") },
    { key: "overspent_reports", label: "超预算报告数", format: (v) => formatNumber(v as number) },
  ],
  legend(rows): LegendItem[] {
    const items: LegendItem[] = [
      { label: SERIES.last.label, color: SERIES.last.color, shape: "hollow" },
      { label: SERIES.budget.label, color: SERIES.budget.color, shape: "diamond" },
      { label: SERIES.actual.label, color: SERIES.actual.color, shape: "circle" },
    ];
    if (rows.some((r) => r.overspent)) items.push({ label: SERIES.over.label, color: SERIES.over.color });
    return items;
  },
  render(rows, ctx) {
    return plot({
      ...baseOptions(ctx, rows.length, sangongChart.title),
      x: { label: "金额（万元）", grid: true, axis: xAxisPlacement(rows.length), zero: true, tickFormat: (d: number) => formatNumber(d) },
      y: rowScale(rows.map(key)),
      marks: [
        Plot.ruleY(rows, { y: key, x1: (r: SangongRow) => Math.min(...values(r)), x2: (r: SangongRow) => Math.max(...values(r)), dy: DOT_DY, stroke: "#9a9a9a", strokeWidth: 2 }),
        dot(rows, (r) => r.last_actual, SERIES.last, false),
        dot(rows, (r) => r.budget, SERIES.budget, true),
        dot(rows.filter((r) => !r.overspent), (r) => r.actual, SERIES.actual, true),
        dot(rows.filter((r) => r.overspent), (r) => r.actual, SERIES.over, true),
        rowLabels(rows, key, label),
      ],
    });
  },
};
