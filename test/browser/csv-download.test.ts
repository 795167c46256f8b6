/**
 * 下载数据: each chart's CSV starts with the UTF-8 BOM (EF BB BF), parses back with papaparse, and holds the
 * same rows as the table shown beside the chart (same reports in the same order, each shown cell found in its row).
 */
import { describe, expect, test } from "vitest";
import { chartFigure, downloadCsv, tableRows } from "./chart-page.ts";
import { numbersIn, roundsTo } from "./numbers.ts";
import { CHART_ROUTES } from "./routes.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

const session = useBrowser();
const MISSING = "—";

/**
 * Whether a table cell's text shows one of the CSV row's values: verbatim, contained, or as a rounded number.
 * Cells without a digit are labels the page translates (met → 已完成, false → 否), so only figures are compared.
 */
function shownIn(cell: string, values: string[]): boolean {
  if (cell === MISSING || !/\d/.test(cell)) return true;
  if (values.some((v) => v !== "" && (cell === v || cell.includes(v)))) return true;
  const shown = numbersIn(cell)[0];
  if (!shown) return false;
  // A share may be stored as a ratio (0.123) and shown as a percentage (12.3%).
  const scales = cell.includes("%") ? [1, 100] : [1];
  return values.some((v) => v !== "" && !Number.isNaN(Number(v)) && scales.some((k) => roundsTo(Number(v) * k, shown)));
}

describe.each(Object.entries(CHART_ROUTES))("/%s", (route, chart) => {
  test.each([true, false])("CSV has a BOM and the table's rows (JavaScript on: %s)", async (js) => {
    const { page } = await session.open(route, { js });
    if (js) await expectDuckdbReady(page);
    const table = await tableRows(page, chart);
    const csv = await downloadCsv(page, chartFigure(page, chart).locator("a.download-csv"));
    expect(csv.bom, "starts with EF BB BF").toBe(true);
    expect(csv.fields).toContain("report_id");
    expect(csv.rows.map((r) => r["report_id"])).toEqual(table.map((r) => r.reportId));
    const unmatched = table.flatMap((row, i) => {
      const values = Object.values(csv.rows[i] ?? {});
      return row.cells.filter((cell) => !shownIn(cell, values)).map((cell) => `${row.reportId}: "${cell}"`);
    });
    expect(unmatched, "table cells not found in the CSV row").toEqual([]);
  });
});
