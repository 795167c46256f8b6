/**
 * Top-N and paging: a paged view draws at most PAGE_SIZE rows, says how many there are, and its pager links
 * change page= in the URL; with JavaScript on a click redraws the next rows in place, in the view's order, and
 * the overview's flag lists hold at most ten entries with a "more" link to the filtered route.
 */
import { describe, expect, test } from "vitest";
import { PAGE_SIZE } from "../../src/query/filters.ts";
import { chartFigure, tableRows } from "./chart-page.ts";
import { queryParquet } from "./parquet.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

const session = useBrowser();

/** Every 三公 row of every year, as the view orders them (county, year, report, category order). */
async function sangongKeys(): Promise<string[]> {
  const rows = await queryParquet<{ k: string }>(
    session.site.dist,
    `SELECT s.report_id || '|' || s.category AS k FROM sangong_summary s JOIN report_summary r USING (report_id)
     ORDER BY r.county_code, r.fiscal_year, r.report_id, s.ord`,
  );
  return rows.map((r) => r.k);
}

/** The drawn rows' keys: report id and category code (the CSV's), in table order. */
async function drawnKeys(page: import("playwright-core").Page): Promise<string[]> {
  const table = await tableRows(page, "sangong");
  const categories = await chartFigure(page, "sangong")
    .locator("details.chart-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[1]?.textContent ?? ""));
  return table.map((r, i) => `${r.reportId}|${categories[i]}`);
}

describe("/sangong/ over every year", () => {
  test("page 1 and page 2 together are the whole view, in order, PAGE_SIZE at a time", async () => {
    const keys = await sangongKeys();
    expect(keys.length, "the seeds print more 三公 rows than one page").toBeGreaterThan(PAGE_SIZE);
    const { page } = await session.open("sangong/?year=all");
    await expectDuckdbReady(page);
    const pager = chartFigure(page, "sangong").locator("nav.pager");
    await page.waitForFunction(() => document.documentElement.dataset["drawn"] !== undefined, undefined, { timeout: 15_000 });
    expect(await pager.locator(".pager-status").innerText()).toContain(`共 ${keys.length} 行`);
    const first = await tableRows(page, "sangong");
    expect(first).toHaveLength(PAGE_SIZE);
    expect(first.map((r) => r.reportId)).toEqual(keys.slice(0, PAGE_SIZE).map((k) => k.split("|")[0]));

    await Promise.all([page.waitForURL((url) => url.searchParams.get("page") === "2"), pager.locator('a[rel="next"]').click()]);
    await page.waitForFunction((n) => document.querySelectorAll('figure.chart[data-chart="sangong"] details.chart-table tbody tr').length === n, keys.length - PAGE_SIZE, { timeout: 15_000 });
    const second = await tableRows(page, "sangong");
    expect(second.map((r) => r.reportId)).toEqual(keys.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((k) => k.split("|")[0]));
    expect(new URL(page.url()).searchParams.get("year")).toBe("all");
    // A new filter starts again at page 1.
    await page.locator('form.filters select[name="sort"]').selectOption("actual");
    await page.waitForURL((url) => url.searchParams.get("sort") === "actual" && !url.searchParams.has("page"));
  });

  test("reloading a page=2 link shows page 2", async () => {
    const keys = await sangongKeys();
    const { page } = await session.open("sangong/?year=all&page=2");
    await expectDuckdbReady(page);
    await page.waitForFunction((n) => document.querySelectorAll('figure.chart[data-chart="sangong"] details.chart-table tbody tr').length === n, keys.length - PAGE_SIZE, { timeout: 15_000 });
    expect((await drawnKeys(page)).length).toBe(keys.length - PAGE_SIZE);
    expect(await chartFigure(page, "sangong").locator('nav.pager a[rel="prev"]').getAttribute("href")).toBe("?year=all");
  });
});

test("every paged chart draws at most PAGE_SIZE rows with JavaScript off, and its pager links carry page=", async () => {
  for (const [route, chart] of [["spending/", "spending"], ["sangong/", "sangong"], ["indicators/", "indicators"], ["quality/", "checks"]] as const) {
    const { page } = await session.open(route, { js: false });
    const rows = await tableRows(page, chart);
    expect(rows.length, route).toBeLessThanOrEqual(PAGE_SIZE);
    expect(await chartFigure(page, chart).locator("nav.pager .pager-status").count(), `${route} pager`).toBe(1);
    for (const href of await chartFigure(page, chart).locator("nav.pager a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) expect(href).toMatch(/^\?(.*&)?page=\d+/);
  }
});

test("the overview's flag lists hold at most ten entries; a 'more' link opens the filtered route", async () => {
  const { page } = await session.open("", { js: false });
  const lists = page.locator("section.flag-list");
  expect(await lists.count()).toBe(4);
  for (const flag of ["overspent", "rose", "high_missed", "error"]) {
    const list = page.locator(`section.flag-list[data-flag="${flag}"]`);
    expect(await list.locator("ol.top-list > li").count(), flag).toBeLessThanOrEqual(10);
    const more = list.locator("p.more a");
    if ((await more.count()) > 0) expect(await more.getAttribute("href"), flag).toMatch(new RegExp(`flag=${flag}`));
  }
});
