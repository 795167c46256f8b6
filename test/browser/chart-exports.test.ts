/**
 * Each chart's 下载 Excel, SVG 图片 and PNG 图片, made in the browser. The XLSX opens with another library than the
 * one that wrote it, carries the chart's title, units, the page's URL and the data release above the header, and
 * holds the CSV's rows with numbers as numbers. The SVG is the drawn chart with its title, units, legend and source
 * lines as text; the PNG is that image at twice its size. With JavaScript off there are no buttons (the CSV link
 * remains).
 */
import { readFile } from "node:fs/promises";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, test } from "vitest";
import { chartFigure, downloadCsv } from "./chart-page.ts";
import { CHART_ROUTES } from "./routes.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

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
    expect(trimmed(rows[2])).toEqual([`来源：财政绩效看板（各部门公开的绩效自评报告），数据版本 ${release}`]);
    expect(trimmed(rows[3])).toEqual([page.url()]);
    expect(trimmed(rows[4])).toEqual([]);
    const [labels, keys, ...records] = rows.slice(5);
    expect(keys).toEqual(csv.fields);
    expect(labels).toHaveLength(csv.fields.length);
    if (csv.fields[0] === "report_id") expect(labels![0]).toBe("报告编号");
    const expected = csv.rows.map((r) => csv.fields.map((f) => (r[f] === "" ? null : /^-?\d+(\.\d+)?$/.test(r[f]!) && !/_id$|_code$/.test(f) ? Number(r[f]) : r[f])));
    expect(records).toEqual(expected);
    expect(records.flat().some((v) => typeof v === "number")).toBe(true);
  });

  test("its SVG is the drawn chart with title, units, legend and source as text; its PNG that image at 2×", async () => {
    const { page } = await session.open(route);
    const figure = chartFigure(page, chart);
    const drawn = await figure.locator(".chart-svg svg").evaluate((svg) => ({ width: Number(svg.getAttribute("width")), marks: svg.querySelectorAll("rect, circle, path, line").length }));
    const [svgFile] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), figure.locator("button.download-svg").click()]);
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const svg = await readFile(await svgFile.path(), "utf8");
    const release = await page.locator("footer a.release-id").innerText();
    const image = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
      const root = doc.documentElement;
      const texts = [...root.querySelectorAll(":scope > text")].map((t) => t.textContent);
      const inner = root.querySelector("g > svg");
      return { error: doc.querySelector("parsererror") !== null, width: Number(root.getAttribute("width")), height: Number(root.getAttribute("height")), texts, marks: inner ? inner.querySelectorAll("rect, circle, path, line").length : -1 };
    }, svg);
    expect(image.error).toBe(false);
    expect(image.marks).toBe(drawn.marks);
    expect(image.width).toBe(drawn.width);
    const text = image.texts.join("");
    expect(text).toContain(await figure.locator("figcaption h2").innerText());
    expect(text).toContain(await figure.locator("figcaption .note").innerText());
    for (const label of await figure.locator(".legend li").allInnerTexts()) expect(text).toContain(label.trim());
    expect(text).toContain(`来源：财政绩效看板（各部门公开的绩效自评报告），数据版本 ${release}`);
    expect(text).toContain(page.url());

    const [pngFile] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), figure.locator("button.download-png").click()]);
    const png = await readFile(await pngFile.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([image.width * 2, image.height * 2]);
  });

  test("with JavaScript off it offers no XLSX, SVG or PNG button, only the CSV link", async () => {
    const { page } = await session.open(route, { js: false });
    for (const button of ["download-xlsx", "download-svg", "download-png"]) expect(await chartFigure(page, chart).locator(`button.${button}`).isVisible(), button).toBe(false);
    expect(await chartFigure(page, chart).locator("a.download-csv").isVisible()).toBe(true);
  });
});

describe("全部筛选结果 Excel", () => {
  test("holds every row of the filtered view, as 下载全部筛选结果's CSV does, under the caption and a line saying so", async () => {
    const { page } = await session.open("spending/?year=all");
    await expectDuckdbReady(page);
    const figure = chartFigure(page, "spending");
    const csv = await downloadCsv(page, figure.locator("a.download-all"));
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), figure.locator("button.download-all-xlsx").click()]);
    expect(download.suggestedFilename()).toBe("all-spending.xlsx");
    const [sheet] = await readXlsxFile(await readFile(await download.path()));
    const rows = sheet!.data;
    expect(trimmed(rows[2])).toEqual([`全部筛选结果，共 ${csv.rows.length} 行`]);
    const start = rows.findIndex((r) => r[0] === "report_id");
    expect(rows[start]).toEqual(csv.fields);
    const records = rows.slice(start + 1);
    expect(records.map((r) => r[0])).toEqual(csv.rows.map((r) => r["report_id"]));
    const total = csv.fields.indexOf("spend_total");
    expect(records.map((r) => r[total])).toEqual(csv.rows.map((r) => (r["spend_total"] === "" ? null : Number(r["spend_total"]))));
    expect(csv.rows.length).toBeGreaterThan(0);
  });
});
