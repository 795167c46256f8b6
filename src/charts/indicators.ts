/** 绩效指标: every indicator as one block in its report's row, coloured met / missed / unknown. */
import * as Plot from "@observablehq/plot";
import { STATUSES, type Status } from "../schema/vocab.ts";
import { formatNumber, formatShare, formatWithUnit } from "../format/zh.ts";
import { indicatorViews, type IndicatorView } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { STATUS_COLOR, STATUS_ORDER, statusLegend } from "./status-colors.ts";
import { BAR_INSET, baseOptions, plot, rowLabels, rowScale } from "./plot-defaults.ts";
import { reportColumns } from "./report-columns.ts";
import { distinctReports, reportLabel } from "./row-label.ts";


function tip(r: IndicatorView): string {
  return [
    `${r.name}（${r.level1}${r.level2 ? ` / ${r.level2}` : ""}）`,
    `目标：${r.target_text}；实际：${r.actual_text}`,
    `完成情况：${STATUSES[r.status]}${r.completion !== null ? `；完成比 ${formatShare(r.completion)}` : ""}`,
    `分值 ${formatNumber(r.weight)}，得分 ${formatNumber(r.score)}`,
  ].join("\n");
}

const reportOf = (r: IndicatorView) => r.report_id;


export const indicatorsChart: ChartSpec<IndicatorView> = {
  id: "indicators",
  title: "绩效指标完成情况（每格一个指标）",
  note: "单位：个（指标数）。绿色已完成，红色未完成，灰色无法判断（定性或缺少数值）。完成比：实际 ÷ 目标；上限类指标（越低越好）为目标 ÷ 实际。",
  csvName: "indicators.csv",
  query: indicatorViews,
  columns: [
    ...reportColumns(),
    { key: "sheet", label: "表" },
    { key: "level1", label: "一级指标" },
    { key: "level2", label: "二级指标" },
    // source_line is where the indicator's row starts: its name stands there, while target, result and
    // score may sit on the following lines of a split table cell, so only the name links to it.
    { key: "name", label: "三级指标", line: "source_line" },
    { key: "target_text", label: "年度指标值" },
    { key: "actual_text", label: "实际完成值" },
    { key: "target_value", label: "目标数值", format: (v, r) => formatWithUnit(v as number | null, r.unit) },
    { key: "actual_value", label: "实际数值", format: (v, r) => formatWithUnit(v as number | null, r.unit) },
    { key: "direction", label: "方向" },
    { key: "completion", label: "完成比", format: (v) => formatShare(v as number | null) },
    { key: "weight", label: "分值", format: (v) => formatNumber(v as number | null) },
    { key: "score", label: "得分", format: (v) => formatNumber(v as number | null) },
    { key: "status", label: "完成情况", format: (v) => STATUSES[v as Status] },
    { key: "source_line", label: "原文行号", format: (v) => `第${String(v)}行`, line: "source_line" },
  ],
  legend: (rows) => statusLegend(rows),
  render(rows, ctx) {
    const reports = distinctReports(rows);
    // Met first, then missed, then unknown, so the counts read from the left edge.
    const sorted = [...rows].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
    return plot({
      ...baseOptions(ctx, reports.length, indicatorsChart.title),
      x: { label: "指标数（个）", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
      y: rowScale(reports.map(reportOf)),
      color: { domain: STATUS_ORDER, range: STATUS_ORDER.map((s) => STATUS_COLOR[s]) },
      marks: [
        Plot.barX(sorted, Plot.stackX({ x: () => 1, y: reportOf, fill: "status", stroke: "white", strokeWidth: 1, title: tip, ...BAR_INSET })),
        rowLabels(reports, reportOf, reportLabel),
      ],
    });
  },
};
