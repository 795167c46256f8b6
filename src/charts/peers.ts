/**
 * 同类比较: the distribution of one measure over a unit's peers (same kind, same year, every county) as a
 * histogram, with the unit's own value marked and its rank. Bins, not one mark per peer: peers can be thousands.
 */
import * as Plot from "@observablehq/plot";
import { reportHref } from "../format/url.ts";
import { formatNumber } from "../format/zh.ts";
import { PEER_MEASURES, type PeerBin, type PeerMeasure, type PeerStat } from "../query/units.ts";
import type { StaticChartSpec } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";
import { linkedPlot, smallOptions } from "./year-axis.ts";

/** One drawn bin, carrying the unit it is drawn for (its report, value and rank). */
export interface PeerBinRow extends PeerBin {
  report_id: string;
  /** The unit's value falls in this bin. */
  has_unit: boolean;
  unit_value: number;
  unit_line: number | null;
  rank: number;
  peers: number;
}

/** The bins of a peer group with the unit's stat joined on, in bin order. */
export function peerBinRows(stat: PeerStat, bins: readonly PeerBin[]): PeerBinRow[] {
  const own = bins.filter((b) => b.measure === stat.measure && b.department_kind === stat.department_kind && b.fiscal_year === stat.fiscal_year);
  const last = own.length - 1;
  return own.map((b, i) => ({
    ...b,
    report_id: stat.report_id,
    has_unit: stat.value >= b.lo && (stat.value < b.hi || i === last),
    unit_value: stat.value,
    unit_line: stat.source_line,
    rank: stat.rank,
    peers: stat.peers,
  }));
}

/** A value of the measure as shown: ratios as percentages. */
export function measureValue(measure: PeerMeasure, v: number | null): string {
  if (v === null) return "—";
  const d = PEER_MEASURES[measure];
  return d.ratio ? `${formatNumber(Math.round(v * 1000) / 10)}%` : `${formatNumber(d.unit === "%" ? Math.round(v * 10) / 10 : v)}${d.unit}`;
}

/** "第 3 / 41"（1 = the largest value）. */
export function rankText(stat: Pick<PeerStat, "rank" | "peers">): string {
  return `第 ${stat.rank} / ${stat.peers}`;
}

/** percent_rank as the share of peers below: 0.734 → "73%"; "—" for a group of one. */
export function percentileText(percentile: number | null): string {
  return percentile === null ? "—" : `${Math.round(percentile * 100)}%`;
}

const scale = (measure: PeerMeasure) => (PEER_MEASURES[measure].ratio ? 100 : 1);

/** The histogram spec of one measure; ids are peer-<measure>, so a page can show all five. */
export function peerChart(measure: PeerMeasure): StaticChartSpec<PeerBinRow> {
  const d = PEER_MEASURES[measure];
  const k = scale(measure);
  const spec: StaticChartSpec<PeerBinRow> = {
    id: `peer-${measure}`,
    title: d.zh,
    note: `单位：${d.unit}。同类部门（同一类别、同一年度，各县市）的分布；柱高为部门数，红线为本单位。排名从高到低。`,
    csvName: `peer-${measure}.csv`,
    columns: [
      { key: "fiscal_year", label: "年度", csvOnly: true },
      { key: "department_kind", label: "部门类别", csvOnly: true },
      { key: "measure", label: "比较项", csvOnly: true },
      { key: "lo", label: `区间下限（${d.unit}）`, format: (v) => formatNumber((v as number) * k) },
      { key: "hi", label: `区间上限（${d.unit}）`, format: (v) => formatNumber((v as number) * k) },
      { key: "count", label: "部门数", format: (v) => formatNumber(v as number) },
      { key: "has_unit", label: "本单位所在", format: (v) => (v ? "是" : "") },
      { key: "unit_value", label: "本单位", csvOnly: true },
      { key: "unit_line", label: "本单位原文行", csvOnly: true },
      { key: "rank", label: "排名", csvOnly: true },
      { key: "peers", label: "同类部门数", csvOnly: true },
    ],
    legend: () => [
      { label: "同类部门数", color: OKABE_ITO.grey },
      { label: "本单位", color: OKABE_ITO.vermillion },
    ],
    render(rows, ctx) {
      const first = rows[0];
      const marker = first ? [{ report_id: first.report_id, x: first.unit_value * k, line: first.unit_line }] : [];
      type Marker = (typeof marker)[number];
      // A group whose values are all equal has one zero-width bin: widen it so it is drawn.
      const pad = (r: PeerBinRow) => (r.hi > r.lo ? 0 : Math.max(Math.abs(r.lo) * 0.02, 0.5 / k));
      return linkedPlot({
        ...smallOptions(ctx, `${d.zh}：同类部门分布`, 190),
        // The unit is in the note: an axis label at the right end would sit on the last tick label.
        x: { label: null, tickFormat: (v: number) => formatNumber(v), nice: true },
        y: { label: "部门数", grid: true, tickFormat: (v: number) => (Number.isInteger(v) ? formatNumber(v) : "") },
        marks: [
          Plot.rectY(rows, {
            x1: (r: PeerBinRow) => (r.lo - pad(r)) * k,
            x2: (r: PeerBinRow) => (r.hi + pad(r)) * k,
            y: "count",
            fill: (r: PeerBinRow) => (r.has_unit ? OKABE_ITO.vermillion : OKABE_ITO.grey),
            fillOpacity: (r: PeerBinRow) => (r.has_unit ? 0.9 : 0.55),
            insetLeft: 0.5,
            insetRight: 0.5,
            title: (r: PeerBinRow) => `${measureValue(measure, r.lo)}–${measureValue(measure, r.hi)}：${r.count}个部门`,
          }),
          Plot.ruleX(marker, { x: "x", stroke: OKABE_ITO.vermillion, strokeWidth: 2.5 }),
          Plot.dot(marker, {
            x: "x",
            frameAnchor: "top",
            r: 5,
            fill: OKABE_ITO.vermillion,
            href: (m: Marker) => reportHref(ctx.base ?? "/", m.report_id, m.line),
            title: () => (first ? `本单位：${measureValue(measure, first.unit_value)}，${rankText(first)}` : ""),
          }),
          Plot.ruleY([0]),
        ],
      });
    },
  };
  return spec;
}

export const PEER_CHARTS = Object.fromEntries((Object.keys(PEER_MEASURES) as PeerMeasure[]).map((m) => [m, peerChart(m)])) as Record<PeerMeasure, StaticChartSpec<PeerBinRow>>;
