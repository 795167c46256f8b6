/** The county JSON files (src/query/units-json.ts) over the three-unit fixture: figures with their lines, the schema holds. */
import { afterAll, beforeAll, expect, test } from "vitest";
import { assembleCounties, siteUnits } from "../../src/query/unit-pages.ts";
import { countyUnitsJson, unitsJsonPath } from "../../src/query/units-json.ts";
import { countyUnitsSchema, UNITS_JSON_VERSION, type CountyUnits } from "../../src/schema/units-json.ts";
import { A23, A24, openUnitFixtureDb } from "./unit-fixture.ts";

let fixture: Awaited<ReturnType<typeof openUnitFixtureDb>>;
let files: CountyUnits[];
beforeAll(async () => {
  fixture = await openUnitFixtureDb();
  const { counties } = assembleCounties((await siteUnits(fixture.db)).units, null);
  files = counties.map((c) => countyUnitsJson(c, "/sub/", "2026-12-07-0123456789"));
});
afterAll(() => fixture.close());

test("one file per county, its units in unit_id order, each valid under the published schema", () => {
  expect(files.map((f) => [f.county_code, f.units.map((u) => u.unit_id)])).toEqual([
    ["430682", ["430682-czj", "430682-kjgyxxhj"]],
    ["433101", ["433101-kjgyxxhj"]],
  ]);
  for (const f of files) expect(countyUnitsSchema.parse(f)).toEqual(f);
  // The contract is closed: a field the schema does not name fails, in a report as at the top.
  const unit = files[0]!.units[0]!;
  const extra = { ...files[0]!, units: [{ ...unit, reports: [{ ...unit.reports[0]!, spend: 1 }] }] };
  expect(countyUnitsSchema.safeParse(extra).success).toBe(false);
  expect(files[0]).toMatchObject({ version: UNITS_JSON_VERSION, release_id: "2026-12-07-0123456789", county_zh: "临湘市", page: "/sub/counties/430682/" });
  expect(unitsJsonPath("430682")).toBe("data/units/430682.json");
});

test("a unit's reports oldest first, every figure with the line it was read from, 三公 by category", () => {
  const unit = files[0]!.units.find((u) => u.unit_id === "430682-kjgyxxhj")!;
  expect(unit.page).toBe("/sub/units/430682-kjgyxxhj/");
  // A unit with one document has no page of its own: its page is that report's.
  const single = files[1]!.units[0]!;
  expect([single.reports.length, single.page]).toEqual([1, single.reports[0]!.page]);
  expect(unit.reports.map((r) => [r.report_id, r.fiscal_year, r.page])).toEqual([
    [A23, 2023, `/sub/reports/${A23}/`],
    [A24, 2024, `/sub/reports/${A24}/`],
  ]);
  const [a23, a24] = unit.reports;
  expect(a23).toMatchObject({ spend_total: { value: 900, line: 10 }, spend_basic: { value: 400, line: 11 }, spend_personnel: { value: 300, line: 12 }, spend_public: { value: 100, line: 13 }, spend_project: { value: 500, line: 14 }, self_score: 90, staff_actual: 20, indicators: { met: 2, missed: 0 } });
  expect(a24).toMatchObject({ spend_total: { value: 1000, line: 110 }, self_score: 98, grade: "优", checks: { error: 1, warning: 1, info: 0 }, indicators: { met: 1, missed: 1 } });
  expect(a24!.sangong.find((s) => s.category === "sangong_total")).toEqual({ category: "sangong_total", category_zh: "三公合计", last_actual: null, budget: { value: 8, line: 120 }, actual: { value: 10, line: 121 } });
  // A figure the report does not print is null, not zero.
  const finance = files[0]!.units.find((u) => u.unit_id === "430682-czj")!;
  expect(finance.reports[0]).toMatchObject({ spend_total: null, sangong_total: null, self_score: 92 });
});
