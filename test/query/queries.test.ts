/** The named queries on the real engine (node-db over fixture Parquet): exact values, filters, ordering. */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EMPTY_FILTERS, type Filters } from "../../src/query/filters.ts";
import { checkViews, indicatorViews, reportRows, reportSummaries, sangong, SUMMARY_SQL } from "../../src/query/queries.ts";
import type { Db } from "../../src/query/db.ts";
import { openFixtureDb } from "./fixture.ts";

let fixture: Awaited<ReturnType<typeof openFixtureDb>>;
let db: Db;
beforeAll(async () => {
  fixture = await openFixtureDb();
  db = fixture.db;
});
afterAll(() => fixture.close());

const f = (over: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...over });

describe("reportSummaries", () => {
  test("current-year actuals, shares and per staff, with source lines", async () => {
    const [a, b] = await reportSummaries(db, EMPTY_FILTERS);
    expect(a).toMatchObject({
      report_id: "430682-2024-kjgyxxhj",
      spend_total: 1000,
      spend_total_line: 100,
      spend_basic: 600,
      spend_basic_line: 101,
      basic_share: 0.6,
      personnel_share: 0.75,
      per_staff: 25,
      met: 1,
      missed: 1,
      unknown: 1,
    });
    // No personnel/public split and no staff count: shares and per-staff are null, never 0.
    expect(b).toMatchObject({ report_id: "433101-2022-kjgyxxhj", spend_total: null, basic_share: 0.3, personnel_share: null, per_staff: null, missed: 1 });
  });

  test("counts come back as numbers, not bigint", async () => {
    const [a] = await reportSummaries(db, EMPTY_FILTERS);
    expect(typeof a?.met).toBe("number");
  });

  test.each([
    [{ county: "433101" }, ["433101-2022-kjgyxxhj"]],
    [{ year: 2024 }, ["430682-2024-kjgyxxhj"]],
    [{ department: "临湘市科技和工业信息化局" }, ["430682-2024-kjgyxxhj"]],
    [{ id: ["433101-2022-kjgyxxhj"] }, ["433101-2022-kjgyxxhj"]],
    [{ county: "430682", year: 2022 }, []],
  ] as [Partial<Filters>, string[]][])("filter %o", async (over, ids) => {
    expect((await reportSummaries(db, f(over))).map((r) => r.report_id)).toEqual(ids);
  });

  test("the SQL text does not depend on the filters (same statement at build time and in the browser)", () => {
    expect(SUMMARY_SQL).not.toMatch(/430682|2024/);
  });
});

describe("sangong", () => {
  test("last year's actual → this year's budget → this year's actual, change rates, overspent", async () => {
    const rows = await sangong(db, f({ category: "sangong_reception" }));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ report_id: "430682-2024-kjgyxxhj", category_zh: "公务接待", last_actual: 8, budget: 10, actual: 12, actual_line: 152, overspent: true });
    expect(rows[0]?.change_vs_last).toBeCloseTo(0.5);
    expect(rows[0]?.change_vs_budget).toBeCloseTo(0.2);
    expect(rows[1]).toMatchObject({ last_actual: 5, budget: 6, actual: 3, overspent: false });
  });

  test("a category a report does not print gives no row", async () => {
    expect(await sangong(db, f({ category: "sangong_abroad" }))).toEqual([]);
  });
});

describe("indicatorViews", () => {
  test("completion: actual ÷ target, and target ÷ actual for lower-is-better", async () => {
    const rows = await indicatorViews(db, EMPTY_FILTERS);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["新增规模工业企业"]?.completion).toBeCloseTo(1.2);
    expect(byName["三公经费控制"]?.completion).toBeCloseTo(0.8);
    expect(byName["群众满意度"]?.completion).toBeNull();
    expect(byName["项目完成率"]).toMatchObject({ county_zh: "吉首市", fiscal_year: 2022, completion: 0.8 });
  });

  test.each([
    [{ status: "missed" }, 2],
    [{ level1: "满意度" }, 1],
    [{ level2: "成本" }, 1],
    [{ sheet: "project" }, 1],
    [{ county: "430682", status: "met" }, 1],
  ] as [Partial<Filters>, number][])("filter %o", async (over, n) => {
    expect(await indicatorViews(db, f(over))).toHaveLength(n);
  });
});

test("checkViews: errors first, with the report's identity", async () => {
  const rows = await checkViews(db, EMPTY_FILTERS);
  expect(rows.map((r) => [r.severity, r.county_zh])).toEqual([
    ["error", "临湘市"],
    ["warning", "吉首市"],
  ]);
});

test("reportRows: one table's rows for one report in key order", async () => {
  const facts = await reportRows(db, "facts", "430682-2024-kjgyxxhj");
  expect(facts).toHaveLength(9);
  expect(facts.every((r) => r.report_id === "430682-2024-kjgyxxhj")).toBe(true);
  expect(await reportRows(db, "projects", "430682-2024-kjgyxxhj")).toMatchObject([{ name: "先进制造业专项", amount: 100 }]);
});

test("a failing query names the engine's error and the SQL", async () => {
  await expect(db.query("SELECT nope FROM reports")).rejects.toThrow(/nope[\s\S]*SQL Query: SELECT nope FROM reports/);
});
