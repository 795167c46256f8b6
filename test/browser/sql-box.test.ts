/** The /data/ query box: SQL runs on DuckDB-WASM, shows its rows, downloads them; a bad query shows DuckDB's error. */
import type { Page } from "playwright-core";
import { beforeEach, expect, test } from "vitest";
import { downloadCsv } from "./chart-page.ts";
import { reportKeys } from "./parquet.ts";
import { expectDuckdbReady, useBrowser, type Watched } from "./site.ts";

const session = useBrowser();
let watched: Watched;

beforeEach(async () => {
  watched = await session.open("data/");
  await expectDuckdbReady(watched.page);
});

async function run(page: Page, sql: string): Promise<void> {
  await page.locator("textarea#sql").fill(sql);
  await page.locator("button#sql-run").click();
}

/** Cell texts of the result table's body rows (rows with <td>). */
function resultRows(page: Page): Promise<string[][]> {
  return page
    .locator("table#sql-result tr:has(td)")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
}

test("runs a query, shows its rows and downloads them as CSV with a BOM", async () => {
  const { page } = watched;
  const reports = await reportKeys(session.site.dist);
  await run(page, "SELECT report_id, county_code, fiscal_year FROM reports ORDER BY report_id");
  await page.locator("table#sql-result tr:has(td)").nth(reports.length - 1).waitFor({ timeout: 15_000 });
  const expected = reports.map((r) => [r.report_id, r.county_code, String(r.fiscal_year)]);
  expect(await resultRows(page)).toEqual(expected);
  const csv = await downloadCsv(page, page.locator("a#sql-download"));
  expect(csv.bom).toBe(true);
  expect(csv.fields).toEqual(["report_id", "county_code", "fiscal_year"]);
  expect(csv.rows.map((r) => [r["report_id"], r["county_code"], r["fiscal_year"]])).toEqual(expected);
  expect(watched.consoleErrors).toEqual([]);
});

test.each([
  { sql: "SELEC report_id FROM reports", expected: /Parser Error.*syntax error/i },
  { sql: "SELECT * FROM no_such_table", expected: /Catalog Error.*no_such_table/i },
])("a bad query shows DuckDB's error text: $sql", async ({ sql, expected }) => {
  const { page } = watched;
  await run(page, sql);
  const error = page.locator("#sql-error");
  await error.filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
  expect(await error.isVisible()).toBe(true);
  expect(await error.innerText()).toMatch(expected);
  // Not a blank page: the box is still there to fix the query.
  expect(await page.locator("textarea#sql").isVisible()).toBe(true);
  expect(watched.consoleErrors.filter((e) => e.startsWith("uncaught"))).toEqual([]);
});
