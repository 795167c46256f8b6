/** Replaces one figure's SVG, legend, table rows, pager and CSV link with the same functions the build used. */
import type { ChartSpec } from "../charts/chart.ts";
import { renderLegend } from "../charts/legend.ts";
import { renderPager } from "../charts/pager.ts";
import { chartCsvHref, chartSheetAttributes, renderTableBody } from "../charts/table.ts";
import type { FilterDefaults, Filters } from "../query/filters.ts";

/** Redraws figure.chart for rows at the figure's current width. */
export function redrawFigure<R extends object>(figure: HTMLElement, spec: ChartSpec<R>, rows: readonly R[], filters: Filters, defaults: FilterDefaults, base: string): void {
  const box = figure.querySelector<HTMLElement>(".chart-svg");
  const ctx = { document, width: Math.round(box?.clientWidth || 720), mode: filters.mode };
  box?.replaceChildren(spec.render(rows, ctx));
  box?.classList.remove("busy");
  figure.querySelector(".legend")?.replaceWith(renderLegend(document, spec.legend(rows, ctx)));
  figure.querySelector(".chart-table tbody")?.replaceWith(renderTableBody(document, spec, rows, base));
  const total = (rows[0] as { total_rows?: number } | undefined)?.total_rows ?? 0;
  figure.querySelector("nav.pager")?.replaceWith(renderPager(document, filters, total, defaults));
  const csv = figure.querySelector("a.download-csv");
  csv?.setAttribute("href", chartCsvHref(spec, rows));
  if (csv) csv.textContent = `下载数据（本图 ${rows.length} 行）`;
  const xlsx = figure.querySelector<HTMLElement>("button.download-xlsx");
  if (xlsx) for (const [name, value] of Object.entries(chartSheetAttributes(spec, rows))) xlsx.setAttribute(name, value);
  const count = figure.querySelector(".row-count");
  if (count) count.textContent = `共 ${rows.length} 行`;
}
