/**
 * Unit, county and peer charts from the three-unit fixture: every mark is a link to its report (a figure's to its
 * source line, under the base path), the figure is a group (links inside an img are not allowed), CSV = the rows.
 */
import Papa from "papaparse";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildDocument } from "../../src/charts/build-document.ts";
import { countyIndicatorsChart, countyScoreChart } from "../../src/charts/county.ts";
import { PEER_CHARTS, peerBinRows } from "../../src/charts/peers.ts";
import { chartCsv } from "../../src/charts/table.ts";
import { unitChecksChart, unitIndicatorsChart, unitSangongChart, unitScoreChart, unitSpendingChart } from "../../src/charts/unit.ts";
import { peerRank, siteUnits, type SiteUnits } from "../../src/query/unit-pages.ts";
import { A23, A24, openUnitFixtureDb } from "../query/unit-fixture.ts";

let fixture: Awaited<ReturnType<typeof openUnitFixtureDb>>;
let site: SiteUnits;
beforeAll(async () => {
  fixture = await openUnitFixtureDb();
  site = await siteUnits(fixture.db);
});
afterAll(() => fixture.close());

const ctx = { document: buildDocument(), width: 400, base: "/kanban/" };
const hrefs = (svg: Element) => Array.from(svg.querySelectorAll("a")).map((a) => a.getAttribute("href"));
const unit = () => site.byUnit.get("430682-kjgyxxhj")!;

test("spending: one linked dot per figure and year, at its source line", () => {
  const svg = unitSpendingChart.render(unit().years, ctx);
  expect(svg.getAttribute("role")).toBe("group");
  expect(hrefs(svg).sort()).toEqual(
    [`${A23}/#L10`, `${A23}/#L11`, `${A23}/#L14`, `${A24}/#L110`, `${A24}/#L111`, `${A24}/#L114`].map((h) => `/kanban/reports/${h}`).sort(),
  );
  expect(Array.from(svg.querySelectorAll("text")).map((t) => t.textContent)).toEqual(expect.arrayContaining(["2023", "2024"]));
});

test("三公: budget and actual per year and category, each at its line", () => {
  const rows = unit().sangong.filter((r) => r.category === "sangong_total");
  const svg = unitSangongChart.render(rows, ctx);
  expect(hrefs(svg).sort()).toEqual([`${A23}/#L20`, `${A23}/#L21`, `${A24}/#L120`, `${A24}/#L121`].map((h) => `/kanban/reports/${h}`).sort());
});

test("score, indicators and checks link to the report (its lists where there is no one line)", () => {
  expect(hrefs(unitScoreChart.render(unit().years, ctx)).sort()).toEqual([`/kanban/reports/${A23}/`, `/kanban/reports/${A24}/`]);
  expect(hrefs(unitIndicatorsChart.render(unit().years, ctx)).sort()).toEqual([`/kanban/reports/${A23}/#indicators`, `/kanban/reports/${A24}/#indicators`, `/kanban/reports/${A24}/#indicators`]);
  expect(hrefs(unitChecksChart.render(unit().years, ctx))).toEqual([`/kanban/reports/${A24}/#checks`, `/kanban/reports/${A24}/#checks`]);
  // A unit without checks draws none (the page then says so instead of drawing empty axes).
  expect(unitChecksChart.hasData(site.byUnit.get("433101-kjgyxxhj")!.years)).toBe(false);
});

test("peer histogram: bins drawn, the unit's bin and marker in its colour, CSV of exactly the bins", () => {
  const rows = peerBinRows(peerRank(unit(), 2024, "self_score")!, unit().bins);
  const svg = PEER_CHARTS.self_score.render(rows, ctx);
  expect(svg.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(2);
  expect(hrefs(svg)).toEqual([`/kanban/reports/${A24}/`]);
  const csv = Papa.parse<Record<string, string>>(chartCsv(PEER_CHARTS.self_score, rows).replace(/^\ufeff/, ""), { header: true, skipEmptyLines: true });
  expect(csv.data.map((r) => [r["lo"], r["count"], r["has_unit"], r["rank"], r["peers"]])).toEqual([
    ["85", "1", "false", "1", "2"],
    [String(85 + (13 * 19) / 20), "1", "true", "1", "2"],
  ]);
});

test("county charts: one row per unit, linked to its report", () => {
  const rows = [site.byUnit.get("430682-czj")!.years[0]!, unit().years[1]!];
  expect(hrefs(countyScoreChart.render(rows, ctx)).sort()).toEqual([`/kanban/reports/430682-2024-czj/`, `/kanban/reports/${A24}/`]);
  expect(hrefs(countyIndicatorsChart.render(rows, ctx))).toEqual([`/kanban/reports/${A24}/#indicators`, `/kanban/reports/${A24}/#indicators`]);
});
