/** Replaces one figure's SVG, legend, table rows and CSV link with the same functions the build used. */
import type { ChartSpec } from "../charts/chart.ts";
import { renderLegend } from "../charts/legend.ts";
import { chartCsvHref, renderTableBody } from "../charts/table.ts";
import type { Mode } from "../query/filters.ts";

/** Redraws figure.chart for rows at the figure's current width. */
export function redrawFigure<R extends { report_id: string }>(figure: HTMLElement, spec: ChartSpec<R>, rows: readonly R[], mode: Mode | null, base: string): void {
  const box = figure.querySelector<HTMLElement>(".chart-svg");
  const ctx = { document, width: Math.round(box?.clientWidth || 720), mode };
  box?.replaceChildren(spec.render(rows, ctx));
  box?.classList.remove("busy");
  figure.querySelector(".legend")?.replaceWith(renderLegend(document, spec.legend(rows, ctx)));
  figure.querySelector(".chart-table tbody")?.replaceWith(renderTableBody(document, spec, rows, base));
  figure.querySelector("a.download-csv")?.setAttribute("href", chartCsvHref(spec, rows));
  const count = figure.querySelector(".row-count");
  if (count) count.textContent = `共 ${rows.length} 行`;
}
