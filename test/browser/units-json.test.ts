/**
 * /data/units/<county>.json: one per county of the served data, linked from its county page and each unit page,
 * valid under the published schema, each figure the published facts' value on its line, its line showing it.
 */
import { describe, expect, test } from "vitest";
import { countyUnitsSchema, type CountyUnits } from "../../src/schema/units-json.ts";
import { queryParquet } from "./parquet.ts";
import { servedTable } from "./routes.ts";
import { useBrowser, type SiteKey } from "./site.ts";

describe.each<SiteKey>(["site", "fixtureSite"])("%s", (key) => {
  const session = useBrowser(key);
  /** A path the site prints (under its base) as a route session.open takes. */
  const route = (path: string) => path.slice(new URL(session.url("")).pathname.length);
  const fetchJson = async (href: string): Promise<{ status: number; type: string | null; body: CountyUnits }> => {
    const res = await fetch(new URL(href, session.url("")));
    return { status: res.status, type: res.headers.get("content-type"), body: countyUnitsSchema.parse(await res.json()) };
  };

  test("each county's file is linked from its county page and its units' pages and holds every unit and report of it", async () => {
    const reports = await servedTable(session.site.dist, "reports");
    for (const code of [...new Set(reports.map((r) => r["county_code"]!))]) {
      const { page } = await session.open(`counties/${code}/`, { js: false });
      const href = await page.locator("a.units-json").first().getAttribute("href");
      const { status, type, body } = await fetchJson(href!);
      expect([status, type]).toEqual([200, expect.stringMatching(/json/)]);
      const own = reports.filter((r) => r["county_code"] === code);
      expect(body.county_code).toBe(code);
      expect(body.units.map((u) => u.unit_id)).toEqual([...new Set(own.map((r) => r["unit_id"]!))].sort());
      expect(body.units.flatMap((u) => u.documents.map((d) => d.report_id)).sort()).toEqual(own.map((r) => r["report_id"]!).sort());
      const unit = body.units[0]!;
      const onUnitPage = await (await session.open(route(unit.page), { js: false })).page.locator("a.units-json").getAttribute("href");
      expect(onUnitPage).toBe(href);
    }
  });

  test("every figure is the published fact on its source line, and that line of the report page shows it", async () => {
    interface Fact {
      report_id: string;
      metric: string;
      value: number;
      source_line: number;
    }
    const facts = await queryParquet<Fact>(
      session.site.dist,
      `SELECT f.report_id, f.metric, f.value, f.source_line FROM facts f JOIN reports r USING (report_id)
       WHERE f.basis = 'actual' AND f.year = r.fiscal_year AND f.metric IN ('spend_total', 'spend_basic', 'spend_project', 'spend_personnel', 'spend_public')`,
    );
    const reports = await servedTable(session.site.dist, "reports");
    let checked = 0;
    for (const code of [...new Set(reports.map((r) => r["county_code"]!))]) {
      const { body } = await fetchJson(session.url(`data/units/${code}.json`));
      let opened = false;
      for (const r of body.units.flatMap((u) => u.reports)) {
        for (const metric of ["spend_total", "spend_basic", "spend_project", "spend_personnel", "spend_public"] as const) {
          const fig = r[metric];
          if (fig === null) continue;
          expect(facts, `${r.report_id} ${metric}`).toContainEqual({ report_id: r.report_id, metric, value: fig.value, source_line: fig.line });
          checked++;
        }
        // One report page per county is opened: the line a figure names shows it.
        const first = r.spend_total ?? r.spend_basic;
        if (first?.line && !opened) {
          opened = true;
          const { page } = await session.open(route(r.page), { js: false });
          const text = await page.locator(`[id="L${first.line}"]`).innerText();
          expect(text.replace(/[,，\s]/g, ""), `${r.report_id} line ${first.line}`).toContain(String(first.value));
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
