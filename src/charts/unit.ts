/**
 * A unit's years (/units/<unit_id>/): spending, personnel vs public, 三公 by category, self-score, indicators
 * and checks per year. One row per report (or report × category); every mark links to its report's source line.
 */
import * as Plot from "@observablehq/plot";
import { reportHref } from "../format/url.ts";
import { formatNumber, formatScore, formatWan } from "../format/zh.ts";
import type { UnitSangongRow, UnitYear } from "../query/units.ts";
import { SEVERITIES, STATUSES, type Severity, type Status } from "../schema/vocab.ts";
import type { ChartContext, LegendItem, StaticChartSpec, TableColumn } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { STATUS_COLOR, STATUS_ORDER } from "./status-colors.ts";
import { amountAxis, linkedPlot, smallOptions, yearScale } from "./year-axis.ts";

type NumberKey<R> = { [K in keyof R]: R[K] extends number | null ? K : never }[keyof R] & string;

/** One line of a year chart: a figure of the report and the field holding its source line. */
interface Series {
  key: NumberKey<UnitYear>;
  line: NumberKey<UnitYear> | null;
  label: string;
  color: string;
}

interface Point {
  row: UnitYear;
  series: Series;
  y: number;
  line: number | null;
}

const yearColumn: TableColumn<UnitYear> = { key: "fiscal_year", label: "年度", format: (v) => `${String(v)}年`, report: true };
const num = (v: unknown) => formatNumber(v as number | null);

function points(rows: readonly UnitYear[], series: readonly Series[]): Point[] {
  return rows.flatMap((row) =>
    series.flatMap((s) => {
      const y = row[s.key];
      return typeof y === "number" ? [{ row, series: s, y, line: s.line ? (row[s.line] as number | null) : null }] : [];
    }),
  );
}

const hrefOf = (ctx: ChartContext) => (p: { row: { report_id: string }; line: number | null }) => reportHref(ctx.base ?? "/", p.row.report_id, p.line);

/** A unit chart, and whether its rows give it anything to draw (a page says so instead of drawing empty axes). */
export interface UnitChartSpec<R extends { report_id: string }> extends StaticChartSpec<R> {
  hasData(rows: readonly R[]): boolean;
}

/** A chart of figures per year, one line per series, each dot a link to the line the figure stands on. */
function yearLines(args: { id: string; title: string; note: string; unit: string; series: Series[]; extra?: TableColumn<UnitYear>[] }): UnitChartSpec<UnitYear> {
  const spec: UnitChartSpec<UnitYear> = {
    hasData: (rows) => points(rows, args.series).length > 0,
    id: args.id,
    title: args.title,
    note: args.note,
    csvName: `${args.id}.csv`,
    columns: [
      yearColumn,
      ...args.series.map((s): TableColumn<UnitYear> => ({ key: s.key, label: `${s.label}（${args.unit}）`, format: num, ...(s.line ? { line: s.line } : {}) })),
      ...(args.extra ?? []),
    ],
    legend: (rows) => {
      const used = new Set(points(rows, args.series).map((p) => p.series.key));
      return args.series.filter((s) => used.has(s.key)).map((s): LegendItem => ({ label: s.label, color: s.color, shape: "circle" }));
    },
    render(rows, ctx) {
      const pts = points(rows, args.series);
      const years = rows.map((r) => r.fiscal_year);
      const color = { domain: args.series.map((s) => s.key), range: args.series.map((s) => s.color) };
      return linkedPlot({
        ...smallOptions(ctx, spec.title),
        x: yearScale(years, "point"),
        y: amountAxis(args.unit),
        color,
        marks: [
          Plot.line(pts, { x: (p: Point) => p.row.fiscal_year, y: "y", z: (p: Point) => p.series.key, stroke: (p: Point) => p.series.key, strokeWidth: 2 }),
          Plot.dot(pts, {
            x: (p: Point) => p.row.fiscal_year,
            y: "y",
            fill: (p: Point) => p.series.key,
            r: 5,
            stroke: "white",
            href: hrefOf(ctx),
            title: (p: Point) => `${p.row.fiscal_year}年 ${p.series.label}：${formatNumber(p.y)}${args.unit}${p.line ? `（原文第${p.line}行）` : ""}`,
          }),
        ],
      });
    },
  };
  return spec;
}

export const unitSpendingChart = yearLines({
  id: "unit-spending",
  title: "支出合计、基本支出与项目支出",
  note: "单位：万元，各年度决算数。点链接到报告原文的那一行。",
  unit: "万元",
  series: [
    { key: "spend_total", line: "spend_total_line", label: "支出合计", color: OKABE_ITO.black },
    { key: "spend_basic", line: "spend_basic_line", label: "基本支出", color: OKABE_ITO.blue },
    { key: "spend_project", line: "spend_project_line", label: "项目支出", color: OKABE_ITO.orange },
  ],
});

export const unitPersonnelChart = yearLines({
  id: "unit-personnel",
  title: "人员经费与公用经费",
  note: "单位：万元，基本支出的两部分，各年度决算数。",
  unit: "万元",
  series: [
    { key: "spend_personnel", line: "spend_personnel_line", label: "人员经费", color: OKABE_ITO.blue },
    { key: "spend_public", line: "spend_public_line", label: "公用经费", color: OKABE_ITO.sky },
  ],
  extra: [{ key: "personnel_share", label: "人员经费占基本支出", format: (v) => (v === null ? "—" : `${formatNumber(Math.round((v as number) * 1000) / 10)}%`) }],
});

export const unitScoreChart = yearLines({
  id: "unit-score",
  title: "自评得分",
  note: "单位：分（满分100），部门自评，未经核实。点链接到该年度报告。",
  unit: "分",
  series: [{ key: "self_score", line: null, label: "自评得分", color: OKABE_ITO.blue }],
  extra: [{ key: "grade", label: "等次" }],
});

/** Bars per year stacked from counts of the report (indicators by status, checks by severity). */
function yearCounts<K extends string>(args: {
  id: string;
  title: string;
  note: string;
  parts: { key: K; field: NumberKey<UnitYear>; label: string; color: string }[];
  anchor: string;
}): UnitChartSpec<UnitYear> {
  type Bar = { row: UnitYear; part: (typeof args.parts)[number]; n: number };
  const bars = (rows: readonly UnitYear[]): Bar[] =>
    rows.flatMap((row) => args.parts.flatMap((part) => ((row[part.field] as number) > 0 ? [{ row, part, n: row[part.field] as number }] : [])));
  const spec: UnitChartSpec<UnitYear> = {
    hasData: (rows) => bars(rows).length > 0,
    id: args.id,
    title: args.title,
    note: args.note,
    csvName: `${args.id}.csv`,
    columns: [yearColumn, ...args.parts.map((p): TableColumn<UnitYear> => ({ key: p.field, label: p.label, format: num }))],
    legend: (rows) => {
      const used = new Set(bars(rows).map((b) => b.part.key));
      return args.parts.filter((p) => used.has(p.key)).map((p) => ({ label: p.label, color: p.color }));
    },
    render(rows, ctx) {
      const base = ctx.base ?? "/";
      return linkedPlot({
        ...smallOptions(ctx, spec.title),
        x: yearScale(rows.map((r) => r.fiscal_year), "band"),
        y: { label: "个", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "") },
        color: { domain: args.parts.map((p) => p.key), range: args.parts.map((p) => p.color) },
        marks: [
          Plot.barY(
            bars(rows),
            Plot.stackY({
              x: (b: Bar) => b.row.fiscal_year,
              y: "n",
              fill: (b: Bar) => b.part.key,
              order: args.parts.map((p) => p.key),
              // Counts have no one source line: the bar opens the report's own list of them.
              href: (b: Bar) => `${reportHref(base, b.row.report_id)}#${args.anchor}`,
              title: (b: Bar) => `${b.row.fiscal_year}年 ${b.part.label}：${b.n}个`,
            }),
          ),
          Plot.ruleY([0]),
        ],
      });
    },
  };
  return spec;
}

export const unitIndicatorsChart = yearCounts<Status>({
  id: "unit-indicators",
  title: "绩效指标：已完成与未完成",
  note: "单位：个。每年度报告中的指标按完成情况计数；条形链接到该报告的指标表。",
  anchor: "indicators",
  parts: STATUS_ORDER.map((s) => ({ key: s, field: s, label: STATUSES[s], color: STATUS_COLOR[s] })),
});

const SEVERITY_COLOR: Record<Severity, string> = { error: OKABE_ITO.vermillion, warning: OKABE_ITO.orange, info: OKABE_ITO.grey };

export const unitChecksChart = yearCounts<Severity>({
  id: "unit-checks",
  title: "数据质量检查",
  note: "单位：条。报告内数字不一致之处，按严重程度计数；条形链接到该报告的检查清单。",
  anchor: "checks",
  parts: (["error", "warning", "info"] as const).map((s) => ({ key: s, field: `checks_${s}` as const, label: SEVERITIES[s], color: SEVERITY_COLOR[s] })),
});

interface SangongPoint {
  row: UnitSangongRow;
  basis: "budget" | "actual";
  y: number;
  line: number | null;
}

const SANGONG_BASES = {
  budget: { label: "预算", color: OKABE_ITO.orange, symbol: "diamond" },
  actual: { label: "实际", color: OKABE_ITO.blue, symbol: "circle" },
} as const;

/** 三公 by category: one panel per category, budget and actual per year. */
export const unitSangongChart: UnitChartSpec<UnitSangongRow> = {
  id: "unit-sangong",
  hasData: (rows) => rows.some((r) => r.budget !== null || r.actual !== null),
  title: "三公经费：各类别的预算与实际",
  note: "单位：万元。每格一个类别；橙色菱形为本年预算，蓝色圆点为本年实际（决算），点链接到原文行。",
  csvName: "unit-sangong.csv",
  columns: [
    { key: "fiscal_year", label: "年度", format: (v) => `${String(v)}年`, report: true },
    { key: "category", label: "类别代码", csvOnly: true },
    { key: "category_zh", label: "类别" },
    { key: "budget", label: "预算（万元）", format: num, line: "budget_line" },
    { key: "actual", label: "实际（万元）", format: num, line: "actual_line" },
    { key: "overspent", label: "超预算", format: (v) => (v ? "是" : "否") },
  ],
  legend: () => [
    { label: "本年预算", color: SANGONG_BASES.budget.color, shape: "diamond" },
    { label: "本年实际", color: SANGONG_BASES.actual.color, shape: "circle" },
  ],
  render(rows, ctx) {
    const pts: SangongPoint[] = rows.flatMap((row) =>
      (["budget", "actual"] as const).flatMap((basis) => {
        const y = row[basis];
        return y === null ? [] : [{ row, basis, y, line: basis === "budget" ? row.budget_line : row.actual_line }];
      }),
    );
    const categories = [...new Set(rows.map((r) => r.category_zh))];
    const panel = 92;
    const actual = pts.filter((p) => p.basis === "actual");
    const dot = (basis: "budget" | "actual") =>
      Plot.dot(
        pts.filter((p) => p.basis === basis),
        {
          x: (p: SangongPoint) => p.row.fiscal_year,
          y: "y",
          fy: (p: SangongPoint) => p.row.category_zh,
          symbol: () => SANGONG_BASES[basis].symbol,
          fill: SANGONG_BASES[basis].color,
          r: 4.5,
          dx: basis === "budget" ? -5 : 5,
          href: hrefOf(ctx),
          title: (p: SangongPoint) => `${p.row.fiscal_year}年 ${p.row.category_zh} ${SANGONG_BASES[basis].label}：${formatWan(p.y)}${p.line ? `（原文第${p.line}行）` : ""}`,
        },
      );
    return linkedPlot({
      ...smallOptions(ctx, unitSangongChart.title, 40 + Math.max(1, categories.length) * panel),
      marginRight: 16,
      x: yearScale(rows.map((r) => r.fiscal_year), "point"),
      y: { label: null, grid: true, zero: true, nice: true, ticks: 3, tickFormat: (d: number) => formatNumber(d) },
      fy: { domain: categories, label: null, axis: null, padding: 0.35 },
      marks: [
        Plot.text(categories, { fy: (c: string) => c, frameAnchor: "top-left", text: (c: string) => c, dy: -14, fontWeight: 600 }),
        Plot.line(actual, { x: (p: SangongPoint) => p.row.fiscal_year, y: "y", fy: (p: SangongPoint) => p.row.category_zh, stroke: SANGONG_BASES.actual.color, dx: 5 }),
        dot("budget"),
        dot("actual"),
        Plot.frame({ stroke: "#d6d6d6" }),
      ],
    });
  },
};

/** Self-score as text, for the unit's year table. */
export const scoreText = (r: UnitYear) => `${formatScore(r.self_score)}${r.grade ? `（${r.grade}）` : ""}`;
