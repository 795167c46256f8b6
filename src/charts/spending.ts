/** 支出结构: per report, personnel + public (= basic) and project spending, as amounts, shares or per staff member. */
import * as Plot from "@observablehq/plot";
import { formatNumber, formatShare, formatWan } from "../format/zh.ts";
import { reportSummaries, type ReportSummary } from "../query/queries.ts";
import { sortSummaries } from "../query/sort-summaries.ts";
import type { ChartContext, ChartSpec, LegendItem } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { BAR_INSET, baseOptions, plot, rowLabels, rowScale, xAxisPlacement } from "./plot-defaults.ts";
import { reportColumns } from "./report-columns.ts";
import { reportLabel } from "./row-label.ts";

type PartKey = "spend_personnel" | "spend_public" | "spend_basic" | "spend_project";

const PARTS: { key: PartKey; label: string; color: string }[] = [
  { key: "spend_personnel", label: "人员经费", color: OKABE_ITO.blue },
  { key: "spend_public", label: "公用经费", color: OKABE_ITO.sky },
  { key: "spend_basic", label: "基本支出（未分人员/公用）", color: OKABE_ITO.purple },
  { key: "spend_project", label: "项目支出", color: OKABE_ITO.orange },
];

interface Segment {
  row: ReportSummary;
  part: (typeof PARTS)[number];
  value: number;
  x: number;
}

const MODE_UNIT = { amount: "万元", share: "%", per_staff: "万元/人" } as const;

/** The parts a report's bar is made of: personnel and public when both are printed, else basic; then project. */
export function segments(row: ReportSummary, mode: keyof typeof MODE_UNIT): Segment[] {
  const split = row.spend_personnel !== null && row.spend_public !== null;
  const keys: PartKey[] = split ? ["spend_personnel", "spend_public", "spend_project"] : ["spend_basic", "spend_project"];
  const parts = PARTS.filter((p) => keys.includes(p.key) && row[p.key] !== null);
  const sum = parts.reduce((s, p) => s + (row[p.key] ?? 0), 0);
  const staff = row.staff_actual;
  return parts.flatMap((part) => {
    const value = row[part.key] ?? 0;
    if (mode === "share") return sum > 0 ? [{ row, part, value, x: (value / sum) * 100 }] : [];
    if (mode === "per_staff") return staff ? [{ row, part, value, x: value / staff }] : [];
    return [{ row, part, value, x: value }];
  });
}

function tip(s: Segment, mode: keyof typeof MODE_UNIT): string {
  const shown = mode === "share" ? `${formatNumber(Math.round(s.x * 10) / 10)}%` : mode === "per_staff" ? `${formatNumber(s.x)}万元/人` : formatWan(s.x);
  return `${reportLabel(s.row)}\n${s.part.label}：${shown}（${formatWan(s.value)}）`;
}

export const spendingChart: ChartSpec<ReportSummary> = {
  id: "spending",
  title: "支出结构：基本支出（人员经费 + 公用经费）与项目支出",
  note: "单位：万元；切换为占比（%）或人均（万元/人，按实有人数）。数据为各报告本年度决算数。",
  csvName: "spending.csv",
  query: async (db, f) => sortSummaries(await reportSummaries(db, f), f.sort),
  columns: [
    ...reportColumns(),
    { key: "spend_total", label: "支出合计（万元）", format: (v) => formatNumber(v as number | null), line: "spend_total_line" },
    { key: "spend_basic", label: "基本支出（万元）", format: (v) => formatNumber(v as number | null), line: "spend_basic_line" },
    { key: "spend_personnel", label: "人员经费（万元）", format: (v) => formatNumber(v as number | null), line: "spend_personnel_line" },
    { key: "spend_public", label: "公用经费（万元）", format: (v) => formatNumber(v as number | null), line: "spend_public_line" },
    { key: "spend_project", label: "项目支出（万元）", format: (v) => formatNumber(v as number | null), line: "spend_project_line" },
    { key: "basic_share", label: "基本支出占比", format: (v) => formatShare(v as number | null) },
    { key: "personnel_share", label: "人员经费占基本支出", format: (v) => formatShare(v as number | null) },
    { key: "staff_actual", label: "实有人数（人）", format: (v) => formatNumber(v as number | null) },
    { key: "per_staff", label: "人均支出（万元/人）", format: (v) => formatNumber(v as number | null) },
  ],
  legend(rows, ctx): LegendItem[] {
    const used = new Set(rows.flatMap((r) => segments(r, ctx.mode ?? "amount").map((s) => s.part.key)));
    return PARTS.filter((p) => used.has(p.key)).map((p) => ({ label: p.label, color: p.color }));
  },
  render(rows, ctx: ChartContext) {
    const mode = ctx.mode ?? "amount";
    const segs = rows.flatMap((r) => segments(r, mode));
    const y = (r: ReportSummary) => r.report_id;
    return plot({
      ...baseOptions(ctx, rows.length, spendingChart.title),
      x: {
        label: mode === "share" ? "占比（%）" : mode === "per_staff" ? "人均支出（万元/人）" : "支出（万元）",
        grid: true,
        axis: xAxisPlacement(rows.length),
        tickFormat: (d: number) => formatNumber(d),
        ...(mode === "share" ? { domain: [0, 100] } : {}),
      },
      y: rowScale(rows.map(y)),
      color: { domain: PARTS.map((p) => p.key), range: PARTS.map((p) => p.color) },
      marks: [
        Plot.barX(segs, Plot.stackX({ x: "x", y: (s: Segment) => s.row.report_id, fill: (s: Segment) => s.part.key, title: (s: Segment) => tip(s, mode), ...BAR_INSET, order: PARTS.map((p) => p.key) })),
        rowLabels(rows, y, reportLabel),
        Plot.ruleX([0]),
      ],
    });
  },
};
