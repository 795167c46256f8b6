/** 绩效指标: per report (one page) or per county / department kind, how many indicators were met, missed, unknown. */
import * as Plot from "@observablehq/plot";
import { STATUSES } from "../schema/vocab.ts";
import { formatNumber, formatScore } from "../format/zh.ts";
import { indicatorCounts, type IndicatorCountRow } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { STATUS_COLOR, STATUS_ORDER, statusLegend } from "./status-colors.ts";
import { BAR_INSET, baseOptions, plot, rowLabels, rowScale, xAxisPlacement } from "./plot-defaults.ts";
import { pagedColumns } from "./report-columns.ts";
import { rowKey, rowLabel } from "./row-label.ts";

interface Segment {
  row: IndicatorCountRow;
  status: (typeof STATUS_ORDER)[number];
  n: number;
}

const segmentsOf = (rows: readonly IndicatorCountRow[]): Segment[] =>
  rows.flatMap((row) => STATUS_ORDER.map((status) => ({ row, status, n: row[status] })).filter((s) => s.n > 0));

const tip = (s: Segment) => `${rowLabel(s.row)}\n${STATUSES[s.status]}：${formatNumber(s.n)} 个（共 ${formatNumber(s.row.met + s.row.missed + s.row.unknown)} 个）`;

export const indicatorsChart: ChartSpec<IndicatorCountRow> = {
  id: "indicators",
  title: "绩效指标完成情况：已完成、未完成、无法判断的指标数",
  note: "单位：个（指标数）。绿色已完成，红色未完成，灰色无法判断（定性或缺少数值）。可按未完成数排序；按县市或部门类别分组时为组内之和。每页 20 行。",
  csvName: "indicators.csv",
  query: (db, f) => indicatorCounts(db, f),
  queryAll: (db, f) => indicatorCounts(db, f, true),
  fullTable: "indicators",
  columns: [
    ...pagedColumns<IndicatorCountRow>("indicators/"),
    { key: "reports", label: "报告数", format: (v) => formatNumber(v as number) },
    { key: "met", label: "已完成", format: (v) => formatNumber(v as number) },
    { key: "missed", label: "未完成", format: (v) => formatNumber(v as number) },
    { key: "unknown", label: "无法判断", format: (v) => formatNumber(v as number) },
    { key: "self_score", label: "自评得分（组内平均）", format: (v) => formatScore(v as number | null) },
    { key: "first_missed", label: "未完成的指标（第一个）", line: "first_missed_line" },
  ],
  legend: (rows) => statusLegend(segmentsOf(rows)),
  render(rows, ctx) {
    return plot({
      ...baseOptions(ctx, rows.length, indicatorsChart.title),
      x: { label: "指标数（个）", grid: true, axis: xAxisPlacement(rows.length), tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
      y: rowScale(rows.map(rowKey)),
      color: { domain: STATUS_ORDER, range: STATUS_ORDER.map((s) => STATUS_COLOR[s]) },
      marks: [
        Plot.barX(segmentsOf(rows), Plot.stackX({ x: "n", y: (s: Segment) => rowKey(s.row), fill: "status", stroke: "white", strokeWidth: 1, title: tip, order: STATUS_ORDER, ...BAR_INSET })),
        rowLabels(rows, rowKey, rowLabel),
      ],
    });
  },
};
