/** What every chart module provides, so pages (build time) and the browser render a chart the same way. */
import type { Db } from "../query/db.ts";
import type { Filters, Mode } from "../query/filters.ts";
import type { TableName } from "../schema/tables.ts";

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
  /** Link the cell to the report page; a group row (report_id null) links to this route filtered to the group. */
  report?: boolean;
  /** The route a group row drills down to ("spending/"), with its county or kind and year as filters. */
  drill?: string;
}

export interface LegendItem {
  label: string;
  color: string;
  /** Marker shape for point legends ("circle", "diamond", "hollow"); a square swatch by default. */
  shape?: "square" | "circle" | "hollow" | "diamond";
}

/** A chart drawn from rows the page already has (unit and county pages): no query, never redrawn from filters. */
export interface StaticChartSpec<R extends object> {
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

export interface ChartSpec<R extends object> extends StaticChartSpec<R> {
  /** The rows drawn: bounded (one page, a distribution, or the few reports chosen). */
  query(db: Db, f: Filters): Promise<R[]>;
  /** Paged views: the same query without the page, for 下载全部 (a CSV the browser makes); rows carry total_rows. */
  queryAll?(db: Db, f: Filters): Promise<R[]>;
  /** The published table whose CSV stands in for the whole filtered set with JavaScript off. */
  fullTable?: TableName;
}
