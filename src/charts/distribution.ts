/** Headline distributions (overview): how the filtered reports spread over one measure, as a histogram of counts. */
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../format/zh.ts";
import { distribution, MEASURES, type DistributionBin, type Measure } from "../query/queries.ts";
import type { ChartSpec } from "./chart.ts";
import { FONT_STACK, OKABE_ITO } from "./palette.ts";
import { plot } from "./plot-defaults.ts";

const range = (m: Measure, x0: number) => `${formatNumber(x0)}–${formatNumber(x0 + MEASURES[m].width)}${MEASURES[m].unit}`;

function distributionChart(measure: Measure): ChartSpec<DistributionBin> {
  const { zh, unit, width } = MEASURES[measure];
  const spec: ChartSpec<DistributionBin> = {
    id: `dist-${measure.replaceAll("_", "-")}`,
    title: `${zh}的分布`,
    note: `单位：份（报告数），每 ${width}${unit} 一组。`,
    csvName: `distribution-${measure}.csv`,
    query: (db, f) => distribution(db, measure, f),
    fullTable: "reports",
    columns: [
      { key: "x0", label: `${zh}（${unit}）`, format: (v) => range(measure, v as number) },
      { key: "n", label: "报告数（份）", format: (v) => formatNumber(v as number) },
    ],
    legend: () => [],
    render(rows, ctx) {
      return plot({
        document: ctx.document,
        width: ctx.width,
        height: 200,
        marginTop: 16,
        marginLeft: 40,
        marginRight: 12,
        marginBottom: 40,
        ariaLabel: spec.title,
        style: { fontFamily: FONT_STACK, fontSize: "12px", color: "#1a1a1a", background: "transparent" },
        x: { label: `${zh}（${unit}）→`, tickFormat: (d: number) => formatNumber(d) },
        y: { label: "↑ 报告数", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
        marks: [
          Plot.rectY(rows, { x1: "x0", x2: (r: DistributionBin) => r.x0 + width, y: "n", fill: OKABE_ITO.blue, insetLeft: 0.5, insetRight: 0.5, title: (r: DistributionBin) => `${range(measure, r.x0)}：${formatNumber(r.n)} 份` }),
          Plot.ruleY([0]),
        ],
      });
    },
  };
  return spec;
}

export const personnelShareDistribution = distributionChart("personnel_share");
export const executionRateDistribution = distributionChart("execution_rate");
export const selfScoreDistribution = distributionChart("self_score");
