/**
 * Filters live in the URL: a change redraws the chart and updates the query string, reloading that URL
 * restores the view, and the back button returns to the previous one.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
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
  const reports = await reportKeys(session.site.dist);
  const years = [...new Set(reports.map((r) => r.fiscal_year))];
  const year = years.sort((a, b) => reports.filter((r) => r.fiscal_year === b).length - reports.filter((r) => r.fiscal_year === a).length)[0]!;
  const inYear = reports.filter((r) => r.fiscal_year === year);
  const county = inYear[0]!.county_code;
  const inBoth = inYear.filter((r) => r.county_code === county).map((r) => r.report_id);

  const { page } = await session.open("spending/");
  await expectDuckdbReady(page);
  const form = page.locator("form.filters");

  const yearRedrawn = await svgReplaced(page, "spending");
  await form.locator('select[name="year"]').selectOption(String(year));
  await yearRedrawn();
  await waitForTableIds(page, "spending", inYear.map((r) => r.report_id));
  await page.waitForURL((url) => url.searchParams.get("year") === String(year));

  const countyRedrawn = await svgReplaced(page, "spending");
  await form.locator('select[name="county"]').selectOption(county);
  await countyRedrawn();
  await waitForTableIds(page, "spending", inBoth);
  await page.waitForURL((url) => url.searchParams.get("county") === county);
  expect(query(page).get("year")).toBe(String(year));
  const shared = page.url();

  await page.reload({ waitUntil: "load" });
  await expectDuckdbReady(page);
  expect(page.url()).toBe(shared);
  await waitForTableIds(page, "spending", inBoth);
  expect(await form.locator('select[name="county"]').inputValue()).toBe(county);
  expect(await form.locator('select[name="year"]').inputValue()).toBe(String(year));

  await page.goBack({ waitUntil: "commit" });
  await page.waitForURL((url) => url.searchParams.get("year") === String(year) && !url.searchParams.has("county"));
  await waitForTableIds(page, "spending", inYear.map((r) => r.report_id));
  expect(await form.locator('select[name="county"]').inputValue()).toBe("");
});
