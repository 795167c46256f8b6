/** The routes the site promises (issue 4: "keep these paths"), and the report pages from the served data. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inject } from "vitest";
import { parseCsv } from "./csv.ts";

/** Fixed routes, relative to the base path. */
export const FIXED_ROUTES = ["", "spending/", "sangong/", "indicators/", "compare/", "quality/", "data/", "data/changes/", "about/", "search/"];

/** Routes whose page draws the chart with this data-chart id at build time. */
export const CHART_ROUTES: Record<string, string> = {
  "spending/": "spending",
  "sangong/": "sangong",
  "indicators/": "indicators",
  "compare/": "compare",
  "quality/": "checks",
};

/** Rows of a published CSV table as the site serves it (dist/data/<name>.csv). */
export async function servedTable(dist: string, name: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(join(dist, "data", `${name}.csv`))).rows;
}

/**
 * Each unit's page, unit_id → route, as src/format/url.ts unitHref makes it (told again here from the served
 * reports, so the test does not take the rule from the code it checks): units/<unit_id>/ for a unit with several
 * documents; a unit with one document is that report's page, reports/<report_id>/.
 */
export function unitPages(reports: readonly Record<string, string>[]): Map<string, string> {
  const documents = new Map<string, string[]>();
  for (const r of reports) documents.set(r["unit_id"]!, [...(documents.get(r["unit_id"]!) ?? []), r["report_id"]!]);
  return new Map([...documents].sort(([a], [b]) => (a < b ? -1 : 1)).map(([unit, ids]) => [unit, ids.length === 1 ? `reports/${ids[0]}/` : `units/${unit}/`]));
}

/**
 * The unit and county routes of the served data: every unit's page (unitPages), counties/, counties/<code>/ (its
 * latest year) and counties/<code>/<year>/ for every earlier year.
 */
export function unitRoutes(reports: readonly Record<string, string>[]): string[] {
  const years = new Map<string, Set<number>>();
  for (const r of reports) years.set(r["county_code"]!, (years.get(r["county_code"]!) ?? new Set()).add(Number(r["fiscal_year"])));
  const counties = [...years].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([code, ys]) => {
    const newestFirst = [...ys].sort((a, b) => b - a);
    return [`counties/${code}/`, ...newestFirst.slice(1).map((y) => `counties/${code}/${y}/`)];
  });
  return ["counties/", ...counties, ...unitPages(reports).values()];
}

/** Every route: the fixed ones, reports/<report_id>/ for each row of reports.csv, and the unit and county routes. */
export async function allRoutes(dist: string): Promise<string[]> {
  const reports = await servedTable(dist, "reports");
  return [...new Set([...FIXED_ROUTES, ...reports.map((r) => `reports/${r["report_id"]}/`), ...unitRoutes(reports)])];
}

/** allRoutes() of the site under test; just the fixed routes when the site is not available (tests then fail in beforeAll). */
export async function siteRoutes(): Promise<string[]> {
  const site = inject("site");
  return site.error ? FIXED_ROUTES : allRoutes(site.dist);
}

/**
 * The routes the fixture corpus adds over the seeds (several years per unit, several units per county), for the
 * route checks (JS off/on, console, off-site requests, axe, 390 px) to run on too: the county index, each county's
 * latest year and its earliest (fewest units; the years between are the same page over other rows), every unit
 * page and /search/. Its fixed and report routes are the seeds' pages over other numbers, left to the seeds' run.
 * Just ["search/"] when the fixture site is not available (its tests then fail in beforeAll).
 */
export async function fixtureRoutes(): Promise<string[]> {
  const site = inject("fixtureSite");
  if (site.error) return ["search/"];
  const routes = unitRoutes(await servedTable(site.dist, "reports"));
  const earliest = new Map<string, string>();
  for (const r of routes) {
    const m = /^counties\/(\d+)\/\d{4}\/$/.exec(r);
    if (m) earliest.set(m[1]!, r); // newest first: the last one seen is the earliest year
  }
  const earlier = new Set(earliest.values());
  // data/changes/: the fixture site is built against a previous release (build-site.ts), so its change table is drawn.
  return [...routes.filter((r) => !/^counties\/\d+\/\d{4}\/$/.test(r) || earlier.has(r)), "search/", "data/changes/"];
}

/** Both sites with the routes the route checks visit on each: describe.each(await SITES())("$key", ...). */
export async function SITES(): Promise<Array<{ key: "site" | "fixtureSite"; routes: string[] }>> {
  return [
    { key: "site", routes: await siteRoutes() },
    { key: "fixtureSite", routes: await fixtureRoutes() },
  ];
}
