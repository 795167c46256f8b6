/** The brief's bulk queries on the real engine: the three-unit fixture (test/query/unit-fixture.ts), and one long report. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BRIEF_LIST, briefChecks, briefIndicators, peerStructures } from "../../src/query/brief.ts";
import type { Db } from "../../src/query/db.ts";
import { siteUnits } from "../../src/query/unit-pages.ts";
import { peerStats } from "../../src/query/units.ts";
import { indicator, openFixtureDb, report } from "./fixture.ts";
import { A23, A24, B24, openUnitFixtureDb } from "./unit-fixture.ts";

describe("on the unit fixture", () => {
  let fixture: Awaited<ReturnType<typeof openUnitFixtureDb>>;
  let db: Db;
  beforeAll(async () => {
    fixture = await openUnitFixtureDb();
    db = fixture.db;
  });
  afterAll(() => fixture.close());

  test("percentile: the share of the other peers below, null for a group of one", async () => {
    const stats = await peerStats(db);
    const of = (id: string) => stats.find((s) => s.report_id === id && s.measure === "self_score")?.percentile;
    expect([of(A24), of(B24), of(A23)]).toEqual([1, 0, null]);
  });

  test("missed indicators of each unit's latest report only, by line, with the count", async () => {
    const rows = await briefIndicators(db);
    expect(rows.map((r) => [r.unit_id, r.report_id, r.source_line, r.total])).toEqual([
      ["430682-kjgyxxhj", A24, 141, 1],
      ["433101-kjgyxxhj", B24, 240, 2],
      ["433101-kjgyxxhj", B24, 241, 2],
    ]);
  });

  test("errors before warnings, with the count", async () => {
    const rows = await briefChecks(db);
    expect(rows.map((r) => [r.report_id, r.severity, r.source_line, r.total])).toEqual([
      [A24, "error", 110, 2],
      [A24, "warning", 121, 2],
    ]);
  });

  test("the peer group's median structure: basic 600/1000 and 200/500, personnel 450/600 and 100/200", async () => {
    const tech = (await peerStructures(db)).find((s) => s.department_kind === "tech_industry" && s.fiscal_year === 2024);
    expect(tech).toEqual({ department_kind: "tech_industry", fiscal_year: 2024, basic_share: 0.5, basic_peers: 2, personnel_share: 0.625, personnel_peers: 2 });
  });

  test("each unit page carries its brief for its latest year", async () => {
    const a = (await siteUnits(db)).byUnit.get("430682-kjgyxxhj")!;
    expect(a.brief.missed.map((i) => i.source_line)).toEqual([141]);
    expect(a.brief.checks.map((c) => c.rule)).toEqual(["spend_parts_sum", "value_conflict"]);
    expect(a.brief.structure).toMatchObject({ fiscal_year: 2024, basic_share: 0.5 });
  });
});

test(`a report with more missed indicators than a brief lists gives ${BRIEF_LIST} rows and the whole count`, async () => {
  const id = "430682-2024-kjgyxxhj";
  const lines = [50, 12, 31, 40, 77, 18, 66, 25];
  const fixture = await openFixtureDb({
    reports: [report({ report_id: id, county_code: "430682", county_zh: "临湘市", department_zh: "临湘市科技和工业信息化局", fiscal_year: 2024 })],
    facts: [],
    indicators: lines.map((l) => indicator(id, l, { status: "missed" })),
    projects: [],
    checks: [],
  });
  try {
    const rows = await briefIndicators(fixture.db);
    expect(rows.map((r) => r.source_line)).toEqual([...lines].sort((a, b) => a - b).slice(0, BRIEF_LIST));
    expect(new Set(rows.map((r) => r.total))).toEqual(new Set([lines.length]));
  } finally {
    await fixture.close();
  }
});
