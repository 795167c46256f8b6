/**
 * Unit and county pages against the served data: a unit's reports year by year with every point linked to its
 * source line, its peer rank, a county's units for its latest year with the coverage, the sortable table, the
 * CSV of a unit chart, and every such page within the size budget. Works on any corpus: run on the seeds (one
 * year each) and on the fixture corpus (test/fixtures/corpus: 2–4 years per unit, four units per county).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { chartFigure, downloadCsv, tableRows } from "./chart-page.ts";
import { queryParquet } from "./parquet.ts";
import { servedTable, unitPages, unitRoutes } from "./routes.ts";
import { useBrowser, usesDuckdb, type SiteKey } from "./site.ts";

const SITE_KEYS: SiteKey[] = ["site", "fixtureSite"];

describe.each(SITE_KEYS)("%s", (key) => {
  const session = useBrowser(key);
  interface Report {
    report_id: string;
    unit_id: string;
    county_code: string;
    department_kind: string;
    fiscal_year: number;
    self_score: number | null;
  }

  const reports = async () => queryParquet<Report>(session.site.dist, "SELECT report_id, unit_id, county_code, department_kind, fiscal_year, self_score FROM reports ORDER BY report_id");

  /** A unit's current-year spending lines, as the links the spending chart must carry. */
  async function spendingLinks(unitId: string): Promise<string[]> {
    const rows = await queryParquet<{ report_id: string; line: number }>(
      session.site.dist,
      `SELECT f.report_id, min(f.source_line) AS line FROM facts f JOIN reports r ON r.report_id = f.report_id
       WHERE r.unit_id = ? AND f.basis = 'actual' AND f.year = r.fiscal_year AND f.metric IN ('spend_total', 'spend_basic', 'spend_project')
       GROUP BY f.report_id, f.metric`,
      [unitId],
    );
    return [...new Set(rows.map((r) => session.url(`reports/${r.report_id}/#L${r.line}`)))].sort();
  }

  /** unit_id → its page's route (units/<id>/ with several documents, its report's page with one). */
  const pages = async () => unitPages(await servedTable(session.site.dist, "reports"));
  /** The units with several documents, which have a /units/ page of their own. */
  const ownPages = async () => [...(await pages())].filter(([, route]) => route.startsWith("units/")).map(([unit]) => unit);

  describe("unit pages", () => {
    test("list the unit's reports newest first and link every spending point to its source line (JavaScript off)", async () => {
      const all = await reports();
      for (const unitId of await ownPages()) {
        const { page } = await session.open(`units/${unitId}/`, { js: false });
        const own = all.filter((r) => r.unit_id === unitId).sort((a, b) => b.fiscal_year - a.fiscal_year);
        const listed = await page.locator("#reports + .table-scroll tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-report-id")));
        expect(listed, unitId).toEqual(own.map((r) => r.report_id));
        const expected = await spendingLinks(unitId);
        const svgLinks = await chartFigure(page, "unit-spending")
          .locator("svg a")
          .evaluateAll((as) => as.map((a) => (a as unknown as SVGAElement).href.baseVal));
        expect([...new Set(svgLinks.map((h) => new URL(h, page.url()).href))].sort(), unitId).toEqual(expected);
      }
    });

    test("a point's link opens its report at the line, highlighted", async () => {
      for (const unit of (await ownPages()).slice(0, 1)) {
        const { page } = await session.open(`units/${unit}/`, { js: false });
        const href = await chartFigure(page, "unit-spending").locator("svg a").first().evaluate((a) => (a as unknown as SVGAElement).href.baseVal);
        await page.goto(new URL(href, page.url()).href);
        expect(await page.locator("ol.source-text > li:target").count()).toBe(1);
      }
    });

    test("a unit with one document has no /units/ page: its report's page is its page, with its brief and its peers", async () => {
      const all = await reports();
      const single = [...(await pages())].filter(([, route]) => route.startsWith("reports/"));
      for (const [unitId, route] of single) {
        const own = all.filter((r) => r.unit_id === unitId);
        expect(own.map((r) => `reports/${r.report_id}/`), unitId).toEqual([route]);
        expect(await readFile(join(session.site.dist, "units", unitId, "index.html")).then(() => "built", () => "absent"), unitId).toBe("absent");
        const { page } = await session.open(route, { js: false });
        expect(await page.locator("main > #brief").getAttribute("data-report-id"), unitId).toBe(own[0]!.report_id);
        expect(await page.locator("#peers").count(), unitId).toBe(1);
        // The report's own content stays: its figures and its text with line anchors.
        expect(await page.locator("#facts").count(), unitId).toBe(1);
        expect(await page.locator("ol.source-text > li").count(), unitId).toBeGreaterThan(10);
      }
      // A report of a unit with several documents is no unit page: no brief there, and it links to the unit's page.
      for (const unitId of (await ownPages()).slice(0, 1)) {
        const { page } = await session.open(`reports/${all.find((r) => r.unit_id === unitId)!.report_id}/`, { js: false });
        expect(await page.locator("#brief").count(), unitId).toBe(0);
        expect(await page.locator(`a[href$="/units/${unitId}/"]`).count(), unitId).toBeGreaterThan(0);
      }
    });

    test("show the self-score rank among peers: same kind, same year, every county", async () => {
      const all = await reports();
      for (const unitId of [...new Set(all.map((r) => r.unit_id))]) {
        const latest = all.filter((r) => r.unit_id === unitId).sort((a, b) => b.fiscal_year - a.fiscal_year)[0]!;
        if (latest.self_score === null) continue;
        const peers = all.filter((r) => r.department_kind === latest.department_kind && r.fiscal_year === latest.fiscal_year && r.self_score !== null);
        const rank = 1 + peers.filter((r) => r.self_score! > latest.self_score!).length;
        const { page } = await session.open((await pages()).get(unitId)!, { js: false });
        const title = await chartFigure(page, "peer-self_score").locator("figcaption h2").textContent();
        expect(title, unitId).toContain(`第 ${rank} / ${peers.length}`);
        // The unit is marked in the histogram: one bin drawn in its colour holds it.
        const marked = (await tableRows(page, "peer-self_score")).filter((r) => r.cells.includes("是"));
        expect(marked, unitId).toHaveLength(1);
      }
    });

    test("a unit chart's CSV has a BOM and the table's rows (JavaScript on, no engine loaded)", async () => {
      for (const unit of (await ownPages()).slice(0, 1)) {
        const { page } = await session.open(`units/${unit}/`);
        expect(await usesDuckdb(page), "static charts only: the page needs no DuckDB").toBe(false);
        const table = await tableRows(page, "unit-spending");
        const csv = await downloadCsv(page, chartFigure(page, "unit-spending").locator("a.download-csv"));
        expect(csv.bom).toBe(true);
        expect(csv.rows.map((r) => r["report_id"])).toEqual(table.map((r) => r.reportId));
        expect(csv.fields).toEqual(expect.arrayContaining(["fiscal_year", "spend_total", "spend_total_line"]));
      }
    });
  });

  describe("county pages", () => {
    test("list the county's units of its latest year and every unit × year in the coverage (JavaScript off)", async () => {
      const all = await reports();
      for (const code of [...new Set(all.map((r) => r.county_code))]) {
        const own = all.filter((r) => r.county_code === code);
        const latest = Math.max(...own.map((r) => r.fiscal_year));
        const { page } = await session.open(`counties/${code}/`, { js: false });
        const listed = await page.locator("table.sortable tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-report-id")));
        expect(listed.sort(), code).toEqual(own.filter((r) => r.fiscal_year === latest).map((r) => r.report_id).sort());
        const coverage = await page.locator("table.coverage tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit-id")));
        expect(coverage.sort(), code).toEqual([...new Set(own.map((r) => r.unit_id))].sort());
        const links = await page.locator("table.coverage tbody td a[href*='/reports/']").count();
        expect(links, code).toBe(own.length);
      }
    });

    test("the county index lists every county with its report count", async () => {
      const rows = await servedTable(session.site.dist, "reports");
      const { page } = await session.open("counties/", { js: false });
      const listed = await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-county"), (tr as HTMLTableRowElement).cells[3]?.textContent?.trim()]));
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r["county_code"]!, (counts.get(r["county_code"]!) ?? 0) + 1);
      expect(listed).toEqual([...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => [c, String(n)]));
    });

    test("a header click sorts the table, largest first, again reverses (JavaScript on)", async () => {
      const [code] = (await reports()).map((r) => r.county_code);
      const { page } = await session.open(`counties/${code}/`);
      const header = page.locator("table.sortable thead th").nth(2);
      const values = () => page.locator("table.sortable tbody tr td:nth-child(3)").evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset["sort"] ?? ""));
      const numbers = (vs: string[]) => vs.filter((v) => v !== "").map(Number);
      await header.locator("button.sort").click();
      expect(await header.getAttribute("aria-sort")).toBe("descending");
      const desc = numbers(await values());
      expect(desc).toEqual([...desc].sort((a, b) => b - a));
      await header.locator("button.sort").click();
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      const asc = numbers(await values());
      expect(asc).toEqual([...asc].sort((a, b) => a - b));
    });
  });

  test("every unit and county page is within the size budget: ≤ 1 MiB raw, ≤ 200 KB gzip", async () => {
    const dist = session.site.dist;
    const over: string[] = [];
    for (const route of unitRoutes(await servedTable(dist, "reports"))) {
      const html = await readFile(join(dist, route, "index.html"));
      const gz = gzipSync(html).length;
      if (html.length > 2 ** 20 || gz > 200_000) over.push(`${route}: ${html.length} B raw, ${gz} B gzip`);
    }
    expect(over).toEqual([]);
  });
});
