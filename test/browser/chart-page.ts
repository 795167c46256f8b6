/** Reading a chart figure the way its users do: the table alternative, the drawn SVG and the 下载数据 CSV. */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { parseCsv, type ParsedCsv } from "./csv.ts";

export interface TableRow {
  reportId: string;
  cells: string[];
}

/** The figure element of a chart id, per the selector contract. */
export function chartFigure(page: Page, chart: string): Locator {
  return page.locator(`figure.chart[data-chart="${chart}"]`);
}

/** The rows of a chart's <details class="chart-table"> table: data-report-id and each cell's text. */
export function tableRows(page: Page, chart: string): Promise<TableRow[]> {
  return chartFigure(page, chart)
    .locator("details.chart-table table tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        reportId: tr.getAttribute("data-report-id") ?? "",
        cells: [...tr.querySelectorAll("td, th")].map((c) => (c.textContent ?? "").trim()),
      })),
    );
}

/** Distinct report ids of the table rows, sorted, for comparing against the data regardless of the site's order. */
export async function tableReportIds(page: Page, chart: string): Promise<string[]> {
  return [...new Set((await tableRows(page, chart)).map((r) => r.reportId))].sort();
}

/** How many distinct rows (y positions) the bars of a chart's SVG occupy: one per report that has a bar. */
export function barRowCount(page: Page, chart: string): Promise<number> {
  return chartFigure(page, chart)
    .locator("svg")
    .first()
    .evaluate((svg) => {
      // Plot labels its bar mark group aria-label="bar"; should the site drop that label, any rect is a bar.
      const labelled = svg.querySelectorAll('g[aria-label="bar"] rect');
      const ys = [...(labelled.length > 0 ? labelled : svg.querySelectorAll("rect"))].map((r) => r.getAttribute("y"));
      return new Set(ys).size;
    });
}

/** Clicks a download link and returns the downloaded file, parsed; fails if the click starts no download. */
export async function downloadCsv(page: Page, link: Locator): Promise<ParsedCsv> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), link.click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${download.url().slice(0, 80)} failed: ${failure}`);
  return parseCsv(await readFile(await download.path()));
}

/** Waits until the chart's table shows exactly these report ids (distinct, any order): the redraw after a filter. */
export async function waitForTableIds(page: Page, chart: string, expected: readonly string[]): Promise<void> {
  const want = [...expected].sort();
  await page.waitForFunction(
    ({ chart, want }) => {
      const rows = document.querySelectorAll(`figure.chart[data-chart="${chart}"] details.chart-table table tbody tr`);
      const ids = [...new Set([...rows].map((tr) => tr.getAttribute("data-report-id") ?? ""))].sort();
      return ids.length === want.length && ids.every((id, i) => id === want[i]);
    },
    { chart, want },
    { timeout: 15_000 },
  );
}
