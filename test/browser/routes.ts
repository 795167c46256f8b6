/** The routes the site promises (issue 4: "keep these paths"), and the report pages from the served data. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import { parseCsv } from "./csv.ts";

/** Fixed routes, relative to the base path. */
export const FIXED_ROUTES = ["", "spending/", "sangong/", "indicators/", "compare/", "quality/", "data/", "about/"];

/** Routes whose page draws the chart with this data-chart id at build time. */
export const CHART_ROUTES: Record<string, string> = {
  "spending/": "spending",
  "sangong/": "sangong",
  "indicators/": "indicators",
  "compare/": "compare",
  "quality/": "checks",
};

/** What makes a page load the query engine: a chart it redraws, filters, or the SQL box (static charts do not). */
export const ENGINE_SELECTOR = "figure.chart[data-chart]:not([data-static]), form.filters, textarea#sql";

/** Rows of a published CSV table as the site serves it (dist/data/<name>.csv). */
export async function servedTable(dist: string, name: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(join(dist, "data", `${name}.csv`))).rows;
}

/** Every route: the fixed ones plus reports/<report_id>/ for each row of reports.csv. */
export async function allRoutes(dist: string): Promise<string[]> {
  const reports = await servedTable(dist, "reports");
  return [...FIXED_ROUTES, ...reports.map((r) => `reports/${r["report_id"]}/`)];
}

/** allRoutes() of the site under test; just the fixed routes when the site is not available (tests then fail in beforeAll). */
export async function siteRoutes(): Promise<string[]> {
  const site = inject("site");
  return site.error ? FIXED_ROUTES : allRoutes(site.dist);
}
