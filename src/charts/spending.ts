/**
 * 支出结构: per report (one page of PAGE_SIZE) or per county / department kind, personnel + public (= basic) and
 * project spending, as amounts, shares or per staff member.
 */
import * as Plot from "@observablehq/plot";
import { formatNumber, formatShare, formatWan } from "../format/zh.ts";
import { spendingView, type SpendingRow } from "../query/queries.ts";
import type { ChartContext, ChartSpec, LegendItem } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { BAR_INSET, baseOptions, plot, rowLabels, rowScale, xAxisPlacement } from "./plot-defaults.ts";
import { pagedColumns } from "./report-columns.ts";
import { rowKey, rowLabel } from "./row-label.ts";

/** What a bar is drawn from: a spendingView row, or a plain report summary (the same figures). */
type SpendingBar = Pick<SpendingRow, "report_id" | "spend_personnel" | "spend_public" | "spend_basic" | "spend_project" | "staff_actual"> &
  Partial<Pick<SpendingRow, "spend_basic_unsplit" | "group_key" | "group_label" | "reports">> & { county_zh: string | null; department_zh: string | null; fiscal_year: number | null };

type PartKey = "spend_personnel" | "spend_public" | "spend_basic" | "spend_project";

const PARTS: { key: PartKey; label: string; color: string }[] = [
  { key: "spend_personnel", label: "人员经费", color: OKABE_ITO.blue },
  { key: "spend_public", label: "公用经费", color: OKABE_ITO.sky },
  { key: "spend_basic", label: "基本支出（未分人员/公用）", color: OKABE_ITO.purple },
  { key: "spend_project", label: "项目支出", color: OKABE_ITO.orange },
];

interface Segment {
  row: SpendingBar;
  part: (typeof PARTS)[number];
  value: number;
  x: number;
}

const MODE_UNIT = { amount: "万元", share: "%", per_staff: "万元/人" } as const;

/**
 * The parts a bar is made of: personnel and public when both are printed, else basic; then project. A group sums
 * the split reports' personnel and public and the others' basic (spend_basic_unsplit), so it may show all four.
 */
export function segments(row: SpendingBar, mode: keyof typeof MODE_UNIT): Segment[] {
  const split = row.spend_personnel !== null && row.spend_public !== null;
  const unsplit = row.spend_basic_unsplit !== undefined ? row.spend_basic_unsplit : split ? null : row.spend_basic;
  const value = (key: PartKey) => (key === "spend_basic" ? unsplit : split || (key !== "spend_personnel" && key !== "spend_public") ? row[key] : null);
  const parts = PARTS.filter((p) => value(p.key) !== null);
  const sum = parts.reduce((s, p) => s + (value(p.key) ?? 0), 0);
  const staff = row.staff_actual;
  return parts.flatMap((part) => {
    const v = value(part.key) ?? 0;
    if (mode === "share") return sum > 0 ? [{ row, part, value: v, x: (v / sum) * 100 }] : [];
    if (mode === "per_staff") return staff ? [{ row, part, value: v, x: v / staff }] : [];
    return [{ row, part, value: v, x: v }];
  });
}

function tip(s: Segment, mode: keyof typeof MODE_UNIT): string {
  const shown = mode === "share" ? `${formatNumber(Math.round(s.x * 10) / 10)}%` : mode === "per_staff" ? `${formatNumber(s.x)}万元/人` : formatWan(s.x);
  return `${rowLabel(s.row)}\n${s.part.label}：${shown}（${formatWan(s.value)}）`;
}

export const spendingChart: ChartSpec<SpendingRow> = {
  id: "spending",
  title: "支出结构：基本支出（人员经费 + 公用经费）与项目支出",
  note: "单位：万元；切换为占比（%）或人均（万元/人，按实有人数）。数据为各报告本年度决算数。按县市或部门类别分组时为组内各报告之和，占比和人均只计两项都列出的报告。每页 20 行。",
  csvName: "spending.csv",
  query: (db, f) => spendingView(db, f),
  queryAll: (db, f) => spendingView(db, f, true),
  fullTable: "reports",
  columns: [
    ...pagedColumns<SpendingRow>("spending/"),
    { key: "reports", label: "报告数", format: (v) => formatNumber(v as number) },
    { key: "spend_total", label: "支出合计（万元）", format: (v) => formatNumber(v as number | null), line: "spend_total_line" },
    { key: "spend_basic", label: "基本支出（万元）", format: (v) => formatNumber(v as number | null), line: "spend_basic_line" },
    { key: "spend_personnel", label: "人员经费（万元）", format: (v) => formatNumber(v as number | null), line: "spend_personnel_line" },
    { key: "spend_public", label: "公用经费（万元）", format: (v) => formatNumber(v as number | null), line: "spend_public_line" },
    { key: "spend_project", label: "项目支出（万元）", format: (v) => formatNumber(v as number | null), line: "spend_project_line" },
    { key: "spend_basic_unsplit", label: "未分人员/公用的基本支出（万元）", format: (v) => formatNumber(v as number | null) },
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
    const y = (r: SpendingBar) => rowKey(r);
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
        Plot.barX(segs, Plot.stackX({ x: "x", y: (s: Segment) => rowKey(s.row), fill: (s: Segment) => s.part.key, title: (s: Segment) => tip(s, mode), ...BAR_INSET, order: PARTS.map((p) => p.key) })),
        rowLabels(rows, y, rowLabel),
        Plot.ruleX([0]),
      ],
    });
  },
};
