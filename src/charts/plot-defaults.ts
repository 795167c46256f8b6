/** Plot options every chart shares: Chinese font stack, labelled rows with the label above each bar. */
import * as Plot from "@observablehq/plot";
import type { ChartContext } from "./chart.ts";
import { compactSvg } from "./compact-svg.ts";
import { FONT_STACK } from "./palette.ts";

/** Height of one labelled row: label text on top, mark below. */
export const ROW_HEIGHT = 46;
const TOP = 40;
const BOTTOM = 44;

/**
 * Plot.plot, then every labelled mark group gets role="group": Plot labels its <g> elements ("bar", "rule"),
 * and axe-core rejects aria-label on an element with no role (aria-prohibited-attr, serious); then compacted.
 */
export function plot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  const chart = Plot.plot(options);
  for (const g of Array.from(chart.querySelectorAll("g[aria-label]"))) if (!g.hasAttribute("role")) g.setAttribute("role", "group");
  chart.setAttribute("role", "img");
  compactSvg(chart);
  return chart;
}

/** Base options: size, font, no y axis (labels are drawn above each row by rowLabels). */
export function baseOptions(ctx: ChartContext, rowCount: number, ariaLabel: string): Plot.PlotOptions {
  return {
    document: ctx.document,
    width: ctx.width,
    height: TOP + BOTTOM + Math.max(1, rowCount) * ROW_HEIGHT,
    marginTop: TOP,
    marginBottom: BOTTOM,
    marginLeft: 12,
    marginRight: 24,
    ariaLabel,
    style: { fontFamily: FONT_STACK, fontSize: "13px", color: "#1a1a1a", background: "transparent", overflow: "visible" },
  };
}

/** Long charts repeat the x axis on top, so the scale is visible wherever the reader is. */
export function xAxisPlacement(rowCount: number): "bottom" | "both" {
  return rowCount > 8 ? "both" : "bottom";
}

/** The y band scale for labelled rows: the bar sits in the lower part, the label in the upper. */
export function rowScale(domain: readonly string[]): Plot.ScaleOptions {
  return { domain: [...domain], axis: null, paddingInner: 0.1, paddingOuter: 0.05 };
}

/** Text labels above each row (in the band's upper half). */
export function rowLabels<T>(rows: readonly T[], y: (r: T) => string, text: (r: T) => string): Plot.Markish {
  return Plot.text(rows, {
    y,
    text,
    frameAnchor: "left",
    textAnchor: "start",
    dy: -ROW_HEIGHT / 2 + 10,
    fill: "#1a1a1a",
    fontWeight: 600,
  });
}

/** Bars and dots sit in the lower part of the band, below the label. */
export const BAR_INSET = { insetTop: 20, insetBottom: 3 } as const;
export const DOT_DY = 8;
