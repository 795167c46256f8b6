/** 完成比: how indicators with a numeric target and result spread over actual ÷ target (target ÷ actual when lower is better). */
import * as Plot from "@observablehq/plot";
import { STATUSES, type Status } from "../schema/vocab.ts";
import { formatNumber } from "../format/zh.ts";
import { completionBins, type CompletionBin } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { FONT_STACK } from "./palette.ts";
import { plot } from "./plot-defaults.ts";
import { STATUS_COLOR, STATUS_ORDER, statusLegend } from "./status-colors.ts";

/** Bins are 10 points wide; the last one (200%) holds every ratio at or above it, so one 50× overshoot does not flatten the rest. */
const WIDTH = 10;
const CAP_BIN = 20;
const binLabel = (b: number) => (b >= CAP_BIN ? `≥${CAP_BIN * WIDTH}%` : `${b * WIDTH}–${(b + 1) * WIDTH}%`);

export const indicatorCompletionChart: ChartSpec<CompletionBin> = {
  id: "indicator-completion",
  title: "指标完成比的分布：实际与目标之比",
  note: "单位：个（指标数），每 10 个百分点一组。100% 为恰好达到目标；上限类指标（越低越好）按目标 ÷ 实际计，同样是越高越好。200% 及以上归入最右一组。只含目标和实际都是数值的指标。",
  csvName: "indicator-completion.csv",
  query: completionBins,
  fullTable: "indicators",
  columns: [
    { key: "bin", label: "完成比区间", format: (v) => binLabel(v as number) },
    { key: "status", label: "完成情况", format: (v) => STATUSES[v as Status] },
    { key: "n", label: "指标数（个）", format: (v) => formatNumber(v as number) },
  ],
  legend: (rows) => statusLegend(rows),
  render(rows, ctx) {
    return plot({
      document: ctx.document,
      width: ctx.width,
      height: 260,
      marginTop: 20,
      marginLeft: 48,
      marginBottom: 44,
      marginRight: 16,
      ariaLabel: indicatorCompletionChart.title,
      style: { fontFamily: FONT_STACK, fontSize: "13px", color: "#1a1a1a", background: "transparent" },
      x: { label: "完成比（%）→", domain: [0, (CAP_BIN + 1) * WIDTH], ticks: [0, 50, 100, 150, 200], tickFormat: (d: number) => (d >= CAP_BIN * WIDTH ? `≥${d}` : String(d)) },
      y: { label: "↑ 指标数（个）", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
      color: { domain: STATUS_ORDER, range: STATUS_ORDER.map((s) => STATUS_COLOR[s]) },
      marks: [
        Plot.rectY(rows, Plot.stackY({ x1: (r: CompletionBin) => r.bin * WIDTH, x2: (r: CompletionBin) => (r.bin + 1) * WIDTH, y: "n", fill: "status", order: STATUS_ORDER, insetLeft: 1, insetRight: 1, title: (r: CompletionBin) => `完成比 ${binLabel(r.bin)}\n${STATUSES[r.status]}：${formatNumber(r.n)} 个` })),
        Plot.ruleX([100], { stroke: "#1a1a1a", strokeDasharray: "4,3" }),
        Plot.ruleY([0]),
      ],
    });
  },
};
