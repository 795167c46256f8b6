/** 分值与得分: each indicator's points available against the points the department gave itself. */
import * as Plot from "@observablehq/plot";
import { STATUSES, type Status } from "../schema/vocab.ts";
import { formatNumber } from "../format/zh.ts";
import { indicatorViews, type IndicatorView } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { STATUS_COLOR, STATUS_ORDER, statusLegend } from "./status-colors.ts";
import { FONT_STACK } from "./palette.ts";
import { plot } from "./plot-defaults.ts";
import { reportColumns } from "./report-columns.ts";
import { reportLabel } from "./row-label.ts";


/** Tooltip for the indicators behind one dot. */
function groupTip(group: IndicatorView[]): string {
  const first = group[0];
  if (!first) return "";
  const names = group.slice(0, 8).map((r) => `${reportLabel(r)}：${r.name}`);
  const more = group.length > 8 ? [`……共 ${group.length} 个`] : [];
  return [`分值 ${formatNumber(first.weight)}，得分 ${formatNumber(first.score)}；${STATUSES[first.status]} ${group.length} 个`, ...names, ...more].join("\n");
}

export const indicatorScoreChart: ChartSpec<IndicatorView> = {
  id: "indicator-score",
  title: "分值与自评得分：未完成的指标是否扣了分",
  note: "单位：分。点越大，该分值/得分组合的指标越多；落在虚线上为满分；红色（未完成）的点若在虚线上，说明未完成却给了满分。",
  csvName: "indicator-score.csv",
  query: async (db, f) => (await indicatorViews(db, f)).filter((r) => r.weight !== null && r.score !== null),
  columns: [
    ...reportColumns(),
    { key: "name", label: "三级指标", line: "source_line" },
    { key: "weight", label: "分值", format: (v) => formatNumber(v as number | null) },
    { key: "score", label: "得分", format: (v) => formatNumber(v as number | null) },
    { key: "status", label: "完成情况", format: (v) => STATUSES[v as Status] },
  ],
  legend: (rows) => statusLegend(rows, "circle"),
  render(rows, ctx) {
    const max = Math.max(1, ...rows.map((r) => Math.max(r.weight ?? 0, r.score ?? 0)));
    const side = Math.min(ctx.width, 520);
    return plot({
      r: { range: [4, 14] },
      document: ctx.document,
      width: side,
      height: side,
      marginLeft: 48,
      marginBottom: 44,
      marginTop: 20,
      marginRight: 20,
      ariaLabel: indicatorScoreChart.title,
      style: { fontFamily: FONT_STACK, fontSize: "13px", color: "#1a1a1a", background: "transparent" },
      x: { label: "分值（分）→", domain: [0, max * 1.05], grid: true },
      y: { label: "↑ 自评得分（分）", domain: [0, max * 1.05], grid: true },
      marks: [
        Plot.line([[0, 0], [max, max]], { stroke: "#1a1a1a", strokeDasharray: "4,3" }),
        // Many indicators share a (分值, 得分) pair, so each pair is one dot per status, sized by its count;
        // the statuses sit side by side (dx) so a missed indicator is never hidden under a met one.
        ...STATUS_ORDER.map((status, i) =>
          Plot.dot(
            rows.filter((r) => r.status === status),
            Plot.group(
              { r: "count", title: (group: IndicatorView[]) => groupTip(group) },
              { x: "weight", y: "score", fill: STATUS_COLOR[status], fillOpacity: 0.45, stroke: STATUS_COLOR[status], strokeWidth: 2, dx: (i - 1) * 7, title: (r: IndicatorView) => r },
            ),
          ),
        ),
      ],
    });
  },
};
