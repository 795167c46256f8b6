/**
 * The one-page brief of every unit and county page: printed through Chromium to an A4 PDF it is one page, holds
 * every number the brief shows and none of the rest of the page; on screen its numbers link to their source lines
 * and agree with the published tables; its print button prints, and shows only where scripts run.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { queryParquet } from "./parquet.ts";
import { printed, squeeze } from "./print-pdf.ts";
import { servedTable, unitPages, unitRoutes } from "./routes.ts";
import { useBrowser, type SiteKey } from "./site.ts";

/** The text of every number link (a.src) in the page's brief. */
const briefNumbers = (page: Page) => page.locator("#brief a.src").allInnerTexts();

describe.each<SiteKey>(["site", "fixtureSite"])("%s", (key) => {
  const session = useBrowser(key);
  const routes = async () => unitRoutes(await servedTable(session.site.dist, "reports")).filter((r) => r !== "counties/");

  const pages = async () => unitPages(await servedTable(session.site.dist, "reports"));

  test("every unit and county page prints as its brief on one A4 page, with every number of the brief", async () => {
    const all = await routes();
    expect(all.some((r) => r.startsWith("units/") || r.startsWith("reports/")) && all.some((r) => r.startsWith("counties/"))).toBe(true);
    for (const route of all) {
      const { page } = await session.open(route);
      const numbers = await briefNumbers(page);
      const heading = squeeze(await page.locator("#brief-title").innerText()).replace("打印简报", "");
      const { pages, text } = await printed(page);
      expect(pages, `${route} printed on ${pages} pages`).toBe(1);
      expect(text, route).toContain(heading);
      for (const n of numbers) expect(text, `${route}: ${n}`).toContain(squeeze(n));
      // The rest of the page stays off paper: the unit's charts, the county's coverage table, the navigation.
      expect(text, route).not.toContain("逐年变化");
      expect(text, route).not.toContain("覆盖情况");
      expect(text, route).not.toContain("支出结构三公经费");
      // A unit's page that is its one report's page prints the brief, not the report's tables and text.
      expect(text, route).not.toContain("报告原文（");
    }
  });

  test("a unit's brief: its latest year's spending linked to its lines, its peer rank as in its rank table", async () => {
    interface Line {
      unit_id: string;
      report_id: string;
      fiscal_year: number;
      latest: number;
      metric: string;
      line: number;
    }
    const lines = await queryParquet<Line>(
      session.site.dist,
      `SELECT r.unit_id, r.report_id, r.fiscal_year, (SELECT max(fiscal_year) FROM reports u WHERE u.unit_id = r.unit_id) AS latest,
         f.metric, min(f.source_line) AS line
       FROM reports r JOIN facts f ON f.report_id = r.report_id
       WHERE f.basis = 'actual' AND f.year = r.fiscal_year AND f.metric IN ('spend_total', 'spend_basic', 'spend_project')
       GROUP BY ALL ORDER BY r.unit_id, r.report_id, f.metric`,
    );
    const units = [...new Set(lines.map((l) => l.unit_id))];
    expect(units.length).toBeGreaterThan(0);
    const routeOf = await pages();
    for (const unit of units) {
      const { page } = await session.open(routeOf.get(unit)!);
      const shown = await page.locator("#brief").getAttribute("data-report-id");
      const own = lines.filter((l) => l.report_id === shown);
      expect(own.length, `${unit}: the brief's report ${shown} prints spending`).toBeGreaterThan(0);
      expect(own[0]!.fiscal_year, `${unit}: the brief shows its latest year`).toBe(own[0]!.latest);
      for (const l of own) {
        const href = await page.locator(`#brief tr[data-row="${l.metric}"] a.src`).getAttribute("href");
        expect(new URL(href!, page.url()).href, `${unit} ${l.metric}`).toBe(session.url(`reports/${l.report_id}/#L${l.line}`));
      }
      // The brief's rank on 自评得分 is the newest row of the unit's own rank table (PeerPanel).
      const briefRank = await page.locator('#brief tr[data-measure="self_score"] td').nth(2).innerText();
      const tableRank = await page.locator("#peer-ranks + .table-scroll tbody tr").first().locator("td").nth(4).textContent();
      expect(tableRank, unit).toContain(briefRank);
    }
  });

  test("a county's brief lists each of its departments of the year, linked to their unit pages", async () => {
    const counties = (await routes()).filter((r) => /^counties\/\d{6}\/$/.test(r));
    for (const route of counties) {
      const { page } = await session.open(route);
      const inTable = await page.locator("#units + .hint + .table-scroll tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit-id")));
      const inBrief = await page.locator("#brief tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit-id")));
      expect(inBrief, route).toEqual(inTable);
      const links = await page.locator("#brief tbody th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      const routeOf = await pages();
      expect(links, route).toEqual(inTable.map((u) => new URL(session.url(routeOf.get(u!)!)).pathname));
    }
  });

  test("the print button prints, and is absent without JavaScript", async () => {
    const route = [...(await pages()).values()][0]!;
    const { page } = await session.open(route);
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute("data-printed", "yes");
    });
    await page.locator("#brief button.print-page").click();
    expect(await page.locator("body").getAttribute("data-printed")).toBe("yes");
    const off = await session.open(route, { js: false });
    expect(await off.page.locator("#brief button.print-page").isVisible()).toBe(false);
  });
});
