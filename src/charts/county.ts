/** A county's departments in one year (/counties/<code>/): self-score and indicators met/missed, one row per unit. */
import * as Plot from "@observablehq/plot";
import { reportHref } from "../format/url.ts";
import { formatNumber, formatScore } from "../format/zh.ts";
import type { UnitYear } from "../query/units.ts";
import { STATUSES, type Status } from "../schema/vocab.ts";
import type { StaticChartSpec, TableColumn } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { BAR_INSET, baseOptions, DOT_DY, rowLabels, rowScale, xAxisPlacement } from "./plot-defaults.ts";
import { shortDepartment } from "./row-label.ts";
import { STATUS_COLOR, STATUS_ORDER } from "./status-colors.ts";
import { linkedPlot } from "./year-axis.ts";

const unitColumn: TableColumn<UnitYear> = { key: "department_zh", label: "部门", format: (_v, r) => shortDepartment(r), report: true };
const key = (r: UnitYear) => r.report_id;
const label = (r: UnitYear) => shortDepartment(r);

export const countyScoreChart: StaticChartSpec<UnitYear> = {
  id: "county-score",
  title: "各部门自评得分",
  note: "单位：分（满分100），部门自评，未经核实；未列出得分的部门不画点。点链接到该部门的报告。",
  csvName: "county-score.csv",
  columns: [unitColumn, { key: "self_score", label: "自评得分", format: (v) => formatScore(v as number | null) }, { key: "grade", label: "等次" }],
  legend: () => [{ label: "自评得分", color: OKABE_ITO.blue, shape: "circle" }],
  render(rows, ctx) {
    const scored = rows.filter((r) => r.self_score !== null);
    const lo = Math.min(60, ...scored.map((r) => r.self_score ?? 100));
    return linkedPlot({
      ...baseOptions(ctx, rows.length, countyScoreChart.title),
      x: { label: "自评得分（分）", domain: [Math.floor(lo / 10) * 10, 100], grid: true, axis: xAxisPlacement(rows.length) },
      y: rowScale(rows.map(key)),
      marks: [
        Plot.dot(scored, {
          x: "self_score",
          y: key,
          dy: DOT_DY,
          r: 5,
          fill: OKABE_ITO.blue,
          href: (r: UnitYear) => reportHref(ctx.base ?? "/", r.report_id),
          title: (r: UnitYear) => `${label(r)}：${formatScore(r.self_score)}`,
        }),
        rowLabels(rows, key, label),
      ],
    });
  },
};

type Part = { row: UnitYear; status: Status; n: number };

export const countyIndicatorsChart: StaticChartSpec<UnitYear> = {
  id: "county-indicators",
  title: "各部门绩效指标：已完成与未完成",
  note: "单位：个。条形链接到该部门报告的指标表。",
  csvName: "county-indicators.csv",
  columns: [unitColumn, ...STATUS_ORDER.map((s): TableColumn<UnitYear> => ({ key: s, label: STATUSES[s], format: (v) => formatNumber(v as number) }))],
  legend: () => STATUS_ORDER.map((s) => ({ label: STATUSES[s], color: STATUS_COLOR[s] })),
  render(rows, ctx) {
    const parts: Part[] = rows.flatMap((row) => STATUS_ORDER.flatMap((status) => (row[status] > 0 ? [{ row, status, n: row[status] }] : [])));
    return linkedPlot({
      ...baseOptions(ctx, rows.length, countyIndicatorsChart.title),
      x: { label: "指标数（个）", grid: true, axis: xAxisPlacement(rows.length), tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
      y: rowScale(rows.map(key)),
      color: { domain: STATUS_ORDER, range: STATUS_ORDER.map((s) => STATUS_COLOR[s]) },
      marks: [
        Plot.barX(
          parts,
          Plot.stackX({
            x: "n",
            y: (p: Part) => p.row.report_id,
            fill: "status",
            order: STATUS_ORDER,
            href: (p: Part) => `${reportHref(ctx.base ?? "/", p.row.report_id)}#indicators`,
            title: (p: Part) => `${label(p.row)} ${STATUSES[p.status]}：${p.n}个`,
            ...BAR_INSET,
          }),
        ),
        rowLabels(rows, key, label),
        Plot.ruleX([0]),
      ],
    });
  },
};
