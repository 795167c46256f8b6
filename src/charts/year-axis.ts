/** Shared parts of the charts with years on x (unit pages): the year scale, small-chart options, linked marks. */
import type * as Plot from "@observablehq/plot";
import { formatNumber } from "../format/zh.ts";
import type { ChartContext } from "./chart.ts";
import { FONT_STACK } from "./palette.ts";
import { plot } from "./plot-defaults.ts";

/** Every year from the first to the last, so a missing year shows as a gap rather than being closed up. */
export function yearDomain(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** x as evenly spaced years ("d": 2024, not 2,024); point for lines and dots, band for bars. */
export function yearScale(years: readonly number[], type: "point" | "band"): Plot.ScaleOptions {
  return { type, domain: yearDomain(years), tickFormat: "d", label: null, ...(type === "band" ? { padding: 0.3 } : { padding: 0.4 }) };
}

/** Options of a small chart, drawn near a phone's width so that it reads at 1:1 there and two fit side by side on a desktop. */
export function smallOptions(ctx: ChartContext, ariaLabel: string, height = 240): Plot.PlotOptions {
  return {
    document: ctx.document,
    width: ctx.width,
    height,
    marginTop: 24,
    marginBottom: 30,
    marginLeft: 52,
    marginRight: 16,
    ariaLabel,
    style: { fontFamily: FONT_STACK, fontSize: "12px", color: "#1a1a1a", background: "transparent", overflow: "visible" },
  };
}

/** y as amounts with Chinese thousands separators, from zero. */
export function amountAxis(label: string): Plot.ScaleOptions {
  return { label, grid: true, zero: true, nice: true, tickFormat: (d: number) => formatNumber(d) };
}

/**
 * Plot.plot for charts whose marks are links: the figure is a role="group", not "img", since an img's
 * children are presentational and axe rejects focusable links inside one (nested-interactive).
 */
export function linkedPlot(options: Plot.PlotOptions): SVGSVGElement | HTMLElement {
  const chart = plot(options);
  chart.setAttribute("role", "group");
  return chart;
}
