/** What every chart module provides, so pages (build time) and the browser render a chart the same way. */
import type { Db } from "../query/db.ts";
import type { Filters, Mode } from "../query/filters.ts";

export interface ChartContext {
  /** The real document in the browser, a linkedom one at build time. */
  document: Document;
  width: number;
  mode?: Mode | null;
  /** The site's base path, for charts whose marks link to report pages (Plot's href channel). */
  base?: string;
}

/** A column of the data table and the CSV: key is the row field (the CSV header), label the table header. */
export interface TableColumn<R> {
  key: keyof R & string;
  label: string;
  format?: (value: unknown, row: R) => string;
  /** Field holding the source line of this value; the cell then links to the report page there. */
  line?: keyof R & string;
  /** Leave out of the CSV (e.g. a display-only label). */
  tableOnly?: boolean;
  /** Leave out of the table (machine columns the readable label already shows). */
  csvOnly?: boolean;
  /** Link the cell to the report page. */
  report?: boolean;
}

export interface LegendItem {
  label: string;
  color: string;
  /** Marker shape for point legends ("circle", "diamond", "hollow"); a square swatch by default. */
  shape?: "square" | "circle" | "hollow" | "diamond";
}

/** A chart drawn from rows the page already has (unit and county pages): no query, never redrawn from filters. */
export interface StaticChartSpec<R extends { report_id: string }> {
  id: string;
  title: string;
  /** Units and what the marks mean, printed under the title. */
  note: string;
  csvName: string;
  columns: TableColumn<R>[];
  legend(rows: readonly R[], ctx: ChartContext): LegendItem[];
  /** rows → the chart's <svg> (Observable Plot); no legend, no table. */
  render(rows: readonly R[], ctx: ChartContext): SVGSVGElement | HTMLElement;
}

export interface ChartSpec<R extends { report_id: string }> extends StaticChartSpec<R> {
  query(db: Db, f: Filters): Promise<R[]>;
}
