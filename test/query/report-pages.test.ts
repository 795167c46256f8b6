/** The report pages' bulk queries on the real engine over the two-report fixture (test/query/fixture.ts). */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Db } from "../../src/query/db.ts";
import { reportRows } from "../../src/query/queries.ts";
import { rowsByReport, siteReportRows } from "../../src/query/report-pages.ts";
import { CHECKS, FACTS, fact, INDICATORS, openFixtureDb, PROJECTS, REPORTS } from "./fixture.ts";

let fixture: Awaited<ReturnType<typeof openFixtureDb>>;
let db: Db;
beforeAll(async () => {
  fixture = await openFixtureDb();
  db = fixture.db;
});
afterAll(() => fixture.close());

const A = "430682-2024-kjgyxxhj";
const B = "433101-2022-kjgyxxhj";

test("rowsByReport: facts of every report, grouped by report_id, each in key order (metric, basis, year)", async () => {
  const facts = await rowsByReport(db, "facts");
  expect([...facts.keys()]).toEqual([A, B]);
  expect(facts.get(A)).toEqual([
    fact(A, "sangong_reception", "actual", 2023, 8, 150),
    fact(A, "sangong_reception", "actual", 2024, 12, 152),
    fact(A, "sangong_reception", "budget", 2024, 10, 151),
    fact(A, "spend_basic", "actual", 2024, 600, 101),
    fact(A, "spend_basic", "budget", 2024, 999, 90),
    fact(A, "spend_personnel", "actual", 2024, 450, 102),
    fact(A, "spend_project", "actual", 2024, 400, 104),
    fact(A, "spend_public", "actual", 2024, 150, 103),
    fact(A, "spend_total", "actual", 2024, 1000, 100),
  ]);
  expect(facts.get(B)).toEqual([
    fact(B, "sangong_reception", "actual", 2021, 5, 30),
    fact(B, "sangong_reception", "actual", 2022, 3, 32),
    fact(B, "sangong_reception", "budget", 2022, 6, 31),
    fact(B, "spend_basic", "actual", 2022, 300, 20),
    fact(B, "spend_project", "actual", 2022, 700, 21),
  ]);
});

test("rowsByReport: indicators, projects and checks, exact rows", async () => {
  expect((await rowsByReport(db, "indicators")).get(A)).toEqual(INDICATORS.filter((i) => i.report_id === A));
  expect((await rowsByReport(db, "indicators")).get(B)).toEqual([INDICATORS[3]]);
  const projects = await rowsByReport(db, "projects");
  expect([...projects]).toEqual([[A, PROJECTS]]);
  const checks = await rowsByReport(db, "checks");
  expect(checks.get(A)).toEqual([CHECKS[1]]);
  expect(checks.get(B)).toEqual([CHECKS[0]]);
});

test("siteReportRows: each report's slice equals its own reportRows query, every table; none for an unknown report", async () => {
  const site = await siteReportRows(db);
  for (const r of REPORTS) {
    const rows = site.get(r.report_id);
    expect(rows.facts).toEqual(await reportRows(db, "facts", r.report_id));
    expect(rows.indicators).toEqual(await reportRows(db, "indicators", r.report_id));
    expect(rows.projects).toEqual(await reportRows(db, "projects", r.report_id));
    expect(rows.checks).toEqual(await reportRows(db, "checks", r.report_id));
  }
  expect(site.get(B).projects).toEqual([]);
  expect(site.get("000000-2000-none")).toEqual({ facts: [], indicators: [], projects: [], checks: [] });
  expect(FACTS.length).toBe(site.get(A).facts.length + site.get(B).facts.length);
});

test("siteReportRows: memoised per Db (one set of bulk queries per build)", async () => {
  let queries = 0;
  const counting: Db = { query: (sql, params) => (queries++, db.query(sql, params)) };
  const first = siteReportRows(counting);
  expect(siteReportRows(counting)).toBe(first);
  await first;
  await siteReportRows(counting);
  expect(queries).toBe(4);
});
