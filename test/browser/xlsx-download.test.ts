/**
 * Each chart's 下载 Excel: made in the browser from the chart's CSV, it opens with another library than the one that
 * wrote it, carries the chart's title, units, the page's URL and the data release above the header, and holds the
 * CSV's rows with numbers as numbers. With JavaScript off there is no button (the CSV link remains).
 */
import { readFile } from "node:fs/promises";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, test } from "vitest";
import { chartFigure, downloadCsv } from "./chart-page.ts";
import { CHART_ROUTES } from "./routes.ts";
import { useBrowser } from "./site.ts";

const session = useBrowser();

/** A row without the empty cells the reader pads it with to the sheet's width. */
const trimmed = (row: readonly unknown[] | undefined) => {
  const cells = [...(row ?? [])];
  while (cells.length > 0 && cells.at(-1) === null) cells.pop();
  return cells;
};

describe.each(Object.entries(CHART_ROUTES))("/%s", (route, chart) => {
  test("its chart's XLSX: title, units and source lines, Chinese and CSV column names, the CSV's rows as numbers", async () => {
    const { page } = await session.open(route);
    const figure = chartFigure(page, chart);
    const csv = await downloadCsv(page, figure.locator("a.download-csv"));
    const button = figure.locator("button.download-xlsx");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), button.click()]);
    expect(download.suggestedFilename()).toBe((await figure.locator("a.download-csv").getAttribute("download"))!.replace(/\.csv$/, ".xlsx"));
    const [sheet] = await readXlsxFile(await readFile(await download.path()));
    const rows = sheet!.data;
    const release = await page.locator("footer a.release-id").innerText();
    expect(trimmed(rows[0])).toEqual([await figure.locator("figcaption h2").innerText()]);
    expect(trimmed(rows[1])).toEqual([await figure.locator("figcaption .note").innerText()]);
    expect(trimmed(rows[2])).toEqual([`来源：财政绩效看板 ${page.url()}，数据版本 ${release}`]);
    expect(trimmed(rows[3])).toEqual([]);
    const [labels, keys, ...records] = rows.slice(4);
    expect(keys).toEqual(csv.fields);
    expect(labels).toHaveLength(csv.fields.length);
    if (csv.fields[0] === "report_id") expect(labels![0]).toBe("报告编号");
    const expected = csv.rows.map((r) => csv.fields.map((f) => (r[f] === "" ? null : /^-?\d+(\.\d+)?$/.test(r[f]!) && !/_id$|_code$/.test(f) ? Number(r[f]) : r[f])));
    expect(records).toEqual(expected);
    expect(records.flat().some((v) => typeof v === "number")).toBe(true);
  });

  test("with JavaScript off it offers no XLSX button, only the CSV link", async () => {
    const { page } = await session.open(route, { js: false });
    expect(await chartFigure(page, chart).locator("button.download-xlsx").isVisible()).toBe(false);
    expect(await chartFigure(page, chart).locator("a.download-csv").isVisible()).toBe(true);
  });
});
