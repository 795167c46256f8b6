/** 分值与得分: each indicator's points available against the points the department gave itself. */
import * as Plot from "@observablehq/plot";
import { STATUSES, type Status } from "../schema/vocab.ts";
import { formatNumber } from "../format/zh.ts";
import { scorePairs, type ScorePair } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { STATUS_COLOR, STATUS_ORDER, statusLegend } from "./status-colors.ts";
import { FONT_STACK } from "./palette.ts";
import { plot } from "./plot-defaults.ts";

const tip = (p: ScorePair) => `分值 ${formatNumber(p.weight)}，得分 ${formatNumber(p.score)}；${STATUSES[p.status]} ${formatNumber(p.n)} 个`;

export const indicatorScoreChart: ChartSpec<ScorePair> = {
  id: "indicator-score",
  title: "分值与自评得分：未完成的指标是否扣了分",
  note: "单位：分。点越大，该分值/得分组合的指标越多；落在虚线上为满分；红色（未完成）的点若在虚线上，说明未完成却给了满分。",
  csvName: "indicator-score.csv",
  // One row per (分值, 得分, status) with its count: bounded by the score grid, whatever the number of indicators.
  query: scorePairs,
  fullTable: "indicators",
  columns: [
    { key: "weight", label: "分值", format: (v) => formatNumber(v as number | null) },
    { key: "score", label: "得分", format: (v) => formatNumber(v as number | null) },
    { key: "status", label: "完成情况", format: (v) => STATUSES[v as Status] },
    { key: "n", label: "指标数（个）", format: (v) => formatNumber(v as number) },
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
          Plot.dot(rows.filter((r) => r.status === status), {
            x: "weight",
            y: "score",
            r: "n",
            fill: STATUS_COLOR[status],
            fillOpacity: 0.45,
            stroke: STATUS_COLOR[status],
            strokeWidth: 2,
            dx: (i - 1) * 7,
            title: tip,
          }),
        ),
      ],
    });
  },
};
