/**
 * /data/'s Excel files: one per published table and evaluation year, linked from the page; each opens with another
 * library than the one that wrote it and holds that year's rows of the table's CSV, numbers as numbers.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, test } from "vitest";
import { TABLE_NAMES } from "../../src/schema/tables.ts";
import { servedTable } from "./routes.ts";
import { useBrowser } from "./site.ts";

const session = useBrowser();

describe("/data/ Excel by year", () => {
  test("every table and year of the served reports has its sheet linked", async () => {
    const { page } = await session.open("data/");
    const links = await page.locator('tr[id^="table-"] a[href*="/xlsx/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/").pop()));
    const reports = await servedTable(session.site.dist, "reports");
    const years = [...new Set(reports.map((r) => r["fiscal_year"]!))].sort();
    // Every table with rows in a year has its file; reports has one for every year.
    for (const y of years) expect(links).toContain(`reports-${y}.xlsx`);
    expect(links.every((f) => TABLE_NAMES.some((t) => f?.startsWith(`${t}-`)))).toBe(true);
  });

  test.each(TABLE_NAMES)("%s: each year's sheet holds that year's CSV rows, with Chinese and CSV column names", async (table) => {
    const dist = session.site.dist;
    const reports = await servedTable(dist, "reports");
    const yearOf = new Map(reports.map((r) => [r["report_id"]!, r["fiscal_year"]!]));
    const csv = await servedTable(dist, table);
    const years = [...new Set(csv.map((r) => yearOf.get(r["report_id"]!)!))].sort();
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) {
      const [sheet] = await readXlsxFile(await readFile(join(dist, "data", "xlsx", `${table}-${year}.xlsx`)));
      const [labels, keys, ...records] = sheet!.data;
      const fields = Object.keys(csv[0]!);
      expect(keys).toEqual(fields);
      expect(labels![0]).toBe("报告编号");
      const expected = csv.filter((r) => yearOf.get(r["report_id"]!) === year);
      expect(records).toHaveLength(expected.length);
      // Cell by cell: the CSV's text, a number where the sheet holds one (numbers as numbers), empty as null.
      const asText = (v: unknown) => (v === null ? "" : String(v));
      const sortKey = (cells: readonly unknown[]) => cells.map(asText).join("\u0001");
      const got = records.map((r) => fields.map((_, i) => asText(r[i] ?? null))).map(sortKey).sort();
      const want = expected.map((r) => fields.map((f) => r[f]!)).map(sortKey).sort();
      expect(got).toEqual(want);
      expect(records.some((r) => r.some((c) => typeof c === "number"))).toBe(true);
    }
  });
});
