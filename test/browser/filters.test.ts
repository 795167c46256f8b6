/**
 * Filters live in the URL: a change redraws the chart and updates the query string, reloading that URL
 * restores the view, and the back button returns to the previous one.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { PAGE_SIZE } from "../../src/query/filters.ts";
import { chartFigure, waitForTableIds } from "./chart-page.ts";
import { reportKeys } from "./parquet.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

const session = useBrowser();

/** The page's own query string, as the filters wrote it. */
function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Resolves when the chart's current <svg> has been taken out of the document (replaced by a redraw). */
async function svgReplaced(page: Page, chart: string): Promise<() => Promise<void>> {
  const old = await chartFigure(page, chart).locator("svg").first().elementHandle();
  if (!old) throw new Error(`no svg in figure.chart[data-chart=${chart}]`);
  return async () => {
    await page.waitForFunction((svg) => !svg.isConnected, old, { timeout: 15_000 });
  };
}

test("a filter change redraws the spending chart and updates the URL; reload restores it; back returns", async () => {
  // In the view's own order (county, year, id), so the first page is the first PAGE_SIZE of these.
  const reports = (await reportKeys(session.site.dist)).sort((a, b) => a.county_code.localeCompare(b.county_code) || a.fiscal_year - b.fiscal_year || a.report_id.localeCompare(b.report_id));
  const latest = Math.max(...reports.map((r) => r.fiscal_year));
  const inLatest = reports.filter((r) => r.fiscal_year === latest).map((r) => r.report_id);
  const counties = [...new Set(reports.map((r) => r.county_code))];
  // The county with the most reports, so the county filter keeps some rows and drops others.
  const county = counties.sort((a, b) => reports.filter((r) => r.county_code === b).length - reports.filter((r) => r.county_code === a).length)[0]!;
  const inCounty = reports.filter((r) => r.county_code === county).map((r) => r.report_id).slice(0, PAGE_SIZE);

  const { page } = await session.open("spending/");
  await expectDuckdbReady(page);
  const form = page.locator("form.filters");
  // The default view is the latest year (at most one page of it).
  expect(await form.locator('select[name="year"]').inputValue()).toBe(String(latest));
  await waitForTableIds(page, "spending", inLatest.slice(0, PAGE_SIZE));

  const yearRedrawn = await svgReplaced(page, "spending");
  await form.locator('select[name="year"]').selectOption("all");
  await yearRedrawn();
  await waitForTableIds(page, "spending", reports.map((r) => r.report_id).slice(0, PAGE_SIZE));
  await page.waitForURL((url) => url.searchParams.get("year") === "all");

  const countyRedrawn = await svgReplaced(page, "spending");
  await form.locator('select[name="county"]').selectOption(county);
  await countyRedrawn();
  await waitForTableIds(page, "spending", inCounty);
  await page.waitForURL((url) => url.searchParams.get("county") === county);
  expect(query(page).get("year")).toBe("all");
  const shared = page.url();

  await page.reload({ waitUntil: "load" });
  await expectDuckdbReady(page);
  expect(page.url()).toBe(shared);
  await waitForTableIds(page, "spending", inCounty);
  expect(await form.locator('select[name="county"]').inputValue()).toBe(county);
  expect(await form.locator('select[name="year"]').inputValue()).toBe("all");

  await page.goBack({ waitUntil: "commit" });
  await page.waitForURL((url) => url.searchParams.get("year") === "all" && !url.searchParams.has("county"));
  await waitForTableIds(page, "spending", reports.map((r) => r.report_id).slice(0, PAGE_SIZE));
  expect(await form.locator('select[name="county"]').inputValue()).toBe("");
});

test("grouping by county draws one row per county, each linking to that county's view", async () => {
  const reports = await reportKeys(session.site.dist);
  const { page } = await session.open("spending/?year=all&group=county");
  await expectDuckdbReady(page);
  const counties = [...new Set(reports.map((r) => r.county_code))].sort();
  await page.waitForFunction(
    (n) => document.querySelectorAll('figure.chart[data-chart="spending"] details.chart-table tbody tr[data-group]').length === n,
    Math.min(counties.length, PAGE_SIZE),
    { timeout: 15_000 },
  );
  const groups = await chartFigure(page, "spending").locator("details.chart-table tbody tr[data-group]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-group")));
  expect(groups).toEqual(counties.slice(0, PAGE_SIZE));
  const href = await chartFigure(page, "spending").locator(`tr[data-group="${counties[0]}"] a`).first().getAttribute("href");
  expect(href).toBe(`${session.url("spending/").replace(/^https?:\/\/[^/]+/, "")}?county=${counties[0]}&year=all`);
});
