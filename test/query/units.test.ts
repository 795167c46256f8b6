/** Unit and peer queries on the real engine over the three-unit fixture (test/query/unit-fixture.ts). */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { peerBinRows } from "../../src/charts/peers.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import type { Db } from "../../src/query/db.ts";
import { assembleCounties, countyYear, failureCounty, peerRank, siteUnits, type SiteUnits } from "../../src/query/unit-pages.ts";
import { PEER_BINS, peerBins, peerStats, unitSangong, unitYears } from "../../src/query/units.ts";
import { A23, A24, B24, F24, openUnitFixtureDb } from "./unit-fixture.ts";

let fixture: Awaited<ReturnType<typeof openUnitFixtureDb>>;
let db: Db;
beforeAll(async () => {
  fixture = await openUnitFixtureDb();
  db = fixture.db;
});
afterAll(() => fixture.close());

describe("unitYears", () => {
  test("one row per report in unit → year order, figures with their source lines, checks by severity", async () => {
    const rows = await unitYears(db);
    expect(rows.map((r) => [r.unit_id, r.fiscal_year])).toEqual([
      ["430682-czj", 2024],
      ["430682-kjgyxxhj", 2023],
      ["430682-kjgyxxhj", 2024],
      ["433101-kjgyxxhj", 2024],
    ]);
    const [, a23, a24] = rows;
    expect(a23).toMatchObject({ report_id: A23, spend_total: 900, spend_total_line: 10, spend_basic: 400, spend_basic_line: 11, spend_project: 500, spend_project_line: 14, spend_personnel: 300, spend_personnel_line: 12, spend_public: 100, spend_public_line: 13, sangong_total: 5, sangong_total_line: 21, self_score: 90, met: 2, missed: 0 });
    expect(a24).toMatchObject({ report_id: A24, spend_total: 1000, spend_total_line: 110, department_kind: "tech_industry", checks_error: 1, checks_warning: 1, checks_info: 0 });
    expect(typeof a24?.checks_error).toBe("number");
  });
});

describe("unitSangong", () => {
  test("budget and actual per year with their lines, tagged with the unit", async () => {
    const rows = (await unitSangong(db)).filter((r) => r.unit_id === "430682-kjgyxxhj" && r.category === "sangong_total");
    expect(rows.map((r) => [r.fiscal_year, r.budget, r.budget_line, r.actual, r.actual_line, r.overspent])).toEqual([
      [2023, 6, 20, 5, 21, false],
      [2024, 8, 120, 10, 121, true],
    ]);
  });
});

describe("peerStats", () => {
  test("rank, count and percentiles within kind × year, every county", async () => {
    const stats = await peerStats(db);
    const of = (id: string, m: string) => stats.find((s) => s.report_id === id && s.measure === m);
    expect(of(A24, "self_score")).toMatchObject({ value: 98, rank: 1, peers: 2, median: 91.5, lo: 85, hi: 98, source_line: null });
    expect(of(B24, "self_score")).toMatchObject({ value: 85, rank: 2, peers: 2 });
    // Another year is another peer group: A23 stands alone in 2023.
    expect(of(A23, "self_score")).toMatchObject({ rank: 1, peers: 1 });
    // Another kind too: the finance bureau is not ranked among the tech bureaus.
    expect(of(F24, "self_score")).toMatchObject({ rank: 1, peers: 1 });
    expect(of(A24, "personnel_share")).toMatchObject({ value: 0.75, rank: 1, peers: 2, source_line: 112 });
    expect(of(B24, "personnel_share")).toMatchObject({ value: 0.5, rank: 2 });
    expect(of(A24, "sangong_per_staff")).toMatchObject({ value: 0.25, source_line: 121, rank: 2 });
    expect(of(B24, "sangong_per_staff")).toMatchObject({ value: 0.4, rank: 1 });
    expect(of(A24, "execution_rate")).toMatchObject({ value: 95.5, source_line: 130, rank: 2 });
    expect(of(A24, "missed_share")).toMatchObject({ value: 0.5, rank: 2 });
    expect(of(B24, "missed_share")).toMatchObject({ value: 1, rank: 1 });
    // No figures, no rows: the finance bureau has a score but no spending and no judged indicators.
    expect(stats.filter((s) => s.report_id === F24).map((s) => s.measure)).toEqual(["self_score"]);
  });
});

describe("peerBins", () => {
  test("equal-width bins between the group's lowest and highest value; the highest falls in the last bin", async () => {
    const bins = (await peerBins(db)).filter((b) => b.department_kind === "tech_industry" && b.fiscal_year === 2024 && b.measure === "self_score");
    expect(bins.map((b) => [b.bin, b.count])).toEqual([
      [0, 1],
      [PEER_BINS - 1, 1],
    ]);
    expect(bins[0]).toMatchObject({ lo: 85, hi: 85 + 13 / PEER_BINS });
    expect(bins[1]?.hi).toBeCloseTo(98);
  });

  test("a group of one has a single bin", async () => {
    const bins = (await peerBins(db)).filter((b) => b.department_kind === "finance" && b.measure === "self_score");
    expect(bins).toEqual([{ department_kind: "finance", fiscal_year: 2024, measure: "self_score", bin: 0, lo: 92, hi: 92, count: 1 }]);
  });
});

describe("siteUnits", () => {
  let site: SiteUnits;
  beforeAll(async () => {
    site = await siteUnits(db);
  });

  test("one page per unit with its years, 三公 and peers; peers drawn for its latest year", () => {
    expect(site.units.map((u) => u.unit_id)).toEqual(["430682-czj", "430682-kjgyxxhj", "433101-kjgyxxhj"]);
    const a = site.byUnit.get("430682-kjgyxxhj")!;
    expect(a.years.map((y) => [y.fiscal_year, y.spend_total, y.spend_total_line])).toEqual([
      [2023, 900, 10],
      [2024, 1000, 110],
    ]);
    expect(a.peerYear).toBe(2024);
    expect(new Set(a.bins.map((b) => `${b.department_kind} ${b.fiscal_year}`))).toEqual(new Set(["tech_industry 2024"]));
    expect(peerRank(a, 2024, "self_score")).toMatchObject({ rank: 1, peers: 2 });
    expect(peerRank(a, 2023, "missed_share")).toMatchObject({ value: 0, rank: 1, peers: 1 });
  });

  test("is memoised per Db: one set of queries for every page", async () => {
    expect(await siteUnits(db)).toBe(site);
  });

  test("peerBinRows marks the bin holding the unit", () => {
    const a = site.byUnit.get("430682-kjgyxxhj")!;
    const rows = peerBinRows(peerRank(a, 2024, "self_score")!, a.bins);
    expect(rows.map((r) => [r.bin, r.has_unit, r.rank, r.peers, r.report_id])).toEqual([
      [0, false, 1, 2, A24],
      [PEER_BINS - 1, true, 1, 2, A24],
    ]);
  });

  test("counties: units grouped, years newest first, failures placed by report id or file name", () => {
    const manifest = {
      inputs: [{ source_file: "2024/x.txt", report_id: "433101-2024-jyj", status: "failed" }],
      failures: [
        { file: "2024/x.txt", line: 3, expected: null, found: null, message: "a" },
        { file: "2023/临湘市-教育局.txt", line: null, expected: null, found: null, message: "b" },
        { file: "2023/无名县-教育局.txt", line: null, expected: null, found: null, message: "c" },
      ],
    } as unknown as Manifest;
    const { counties, unplaced } = assembleCounties(site.units, manifest);
    expect(counties.map((c) => [c.county_code, c.units.length, c.reports, c.years, c.failures.map((f) => f.message)])).toEqual([
      ["430682", 2, 3, [2024, 2023], ["b"]],
      ["433101", 1, 1, [2024], ["a"]],
    ]);
    expect(unplaced.map((f) => f.message)).toEqual(["c"]);
    expect(failureCounty(manifest.failures[0]!, manifest, counties)).toBe("433101");
    // The county's reports of a year, one per unit, by department name.
    expect(countyYear(counties[0]!, 2024).map((u) => u.report.report_id)).toEqual([F24, A24]);
    expect(countyYear(counties[0]!, 2023).map((u) => u.report.report_id)).toEqual([A23]);
  });
});
