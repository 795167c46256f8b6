/** 完成比: every indicator with a numeric target and result, actual ÷ target (target ÷ actual when lower is better). */
import * as Plot from "@observablehq/plot";
import { STATUSES, type Status } from "../schema/vocab.ts";
import { formatShare, formatWithUnit } from "../format/zh.ts";
import { indicatorViews, type IndicatorView } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { STATUS_COLOR, statusLegend } from "./status-colors.ts";
import { baseOptions, DOT_DY, plot, rowLabels, rowScale } from "./plot-defaults.ts";
import { reportColumns } from "./report-columns.ts";
import { distinctReports, reportLabel } from "./row-label.ts";

/** Ratios above this are drawn at the edge (as triangles) so one 50× overshoot does not flatten the rest. */
const CAP = 2;

const reportOf = (r: IndicatorView) => r.report_id;
const x = (r: IndicatorView) => Math.min(r.completion ?? 0, CAP) * 100;


function tip(r: IndicatorView): string {
  const rule = r.direction === "lower" ? "目标 ÷ 实际（越低越好）" : "实际 ÷ 目标";
  return `${r.name}\n目标 ${formatWithUnit(r.target_value, r.unit)}，实际 ${formatWithUnit(r.actual_value, r.unit)}\n完成比 ${formatShare(r.completion)}（${rule}）；${STATUSES[r.status]}`;
}

export const indicatorCompletionChart: ChartSpec<IndicatorView> = {
  id: "indicator-completion",
  title: "指标完成比：实际与目标之比",
  note: "单位：%。100% 为恰好达到目标；上限类指标（越低越好）按目标 ÷ 实际计，同样是越高越好。超过 200% 的画在 200% 处（三角形）。只含目标和实际都是数值的指标。",
  csvName: "indicator-completion.csv",
  query: async (db, f) => (await indicatorViews(db, f)).filter((r) => r.completion !== null),
  columns: [
    ...reportColumns(),
    { key: "name", label: "三级指标", line: "source_line" },
    { key: "target_value", label: "目标", format: (v, r) => formatWithUnit(v as number | null, r.unit) },
    { key: "actual_value", label: "实际", format: (v, r) => formatWithUnit(v as number | null, r.unit) },
    { key: "unit", label: "单位", csvOnly: true },
    { key: "direction", label: "方向", format: (v) => (v === "lower" ? "越低越好" : v === "equal" ? "等于" : "越高越好") },
    { key: "completion", label: "完成比", format: (v) => formatShare(v as number | null) },
    { key: "status", label: "完成情况", format: (v) => STATUSES[v as Status] },
  ],
  legend: (rows) => statusLegend(rows, "circle"),
  render(rows, ctx) {
    const reports = distinctReports(rows);
    return plot({
      ...baseOptions(ctx, reports.length, indicatorCompletionChart.title),
      x: { label: "完成比（%）", domain: [0, CAP * 100], grid: true },
      y: rowScale(reports.map(reportOf)),
      marks: [
        Plot.ruleX([100], { stroke: "#1a1a1a", strokeDasharray: "4,3" }),
        Plot.dot(rows, {
          x,
          y: reportOf,
          dy: DOT_DY,
          r: 5,
          fill: (r: IndicatorView) => STATUS_COLOR[r.status],
          fillOpacity: 0.8,
          stroke: "white",
          symbol: (r: IndicatorView) => ((r.completion ?? 0) > CAP ? "triangle" : "circle"),
          title: tip,
        }),
        rowLabels(reports, reportOf, reportLabel),
      ],
    });
  },
};
