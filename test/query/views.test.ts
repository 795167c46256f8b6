/**
 * The bounded views on a generated corpus big enough to page: 3 counties × 3 years × 5 departments = 45 reports,
 * written as real Parquet, so paging, grouping, sorting and the flags have exact expected values.
 *
 * Department d (0–4): basic 60 + d, project 40 (total 100 + d); personnel 50 and public 10 + d printed only for
 * even d; self-score 80 + 4d; one indicator, missed for d = 4; 三公合计 last year 10 → budget 11 → actual 10 + d
 * (over budget for d ≥ 2, above last year for d ≥ 1); an error check on d = 0 in 2024.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeAllTables } from "../../src/publish/write-tables.ts";
import type { Db } from "../../src/query/db.ts";
import { EMPTY_FILTERS, PAGE_SIZE, type Filters } from "../../src/query/filters.ts";
import { openParquetDb } from "../../src/query/node-db.ts";
import {
  checkCounts,
  coverage,
  distribution,
  filterOptions,
  indicatorCounts,
  latestYear,
  sangongView,
  spendingView,
  unitReport,
} from "../../src/query/queries.ts";
import type { ReportRow, TableRows } from "../../src/schema/tables.ts";

type FactRow = TableRows["facts"];
type IndicatorRow = TableRows["indicators"];
type CheckRow = TableRows["checks"];
import type { DepartmentKind } from "../../src/schema/vocab.ts";

const COUNTIES = [
  ["430682", "临湘市", "Linxiang"],
  ["433101", "吉首市", "Jishou"],
  ["430981", "沅江市", "Yuanjiang"],
] as const;
const YEARS = [2022, 2023, 2024];
const DEPARTMENTS: [string, string, DepartmentKind][] = [
  ["财政局", "czj", "finance"],
  ["教育局", "jyj", "education"],
  ["科技局", "kjj", "tech_industry"],
  ["卫生健康局", "wsjkj", "health"],
  ["民政局", "mzj", "civil_affairs"],
];

const reports: ReportRow[] = [];
const facts: FactRow[] = [];
const indicators: IndicatorRow[] = [];
const checks: CheckRow[] = [];
for (const [code, zh, en] of COUNTIES) {
  for (const year of YEARS) {
    DEPARTMENTS.forEach(([dept, initials, kind], d) => {
      const id = `${code}-${year}-${initials}`;
      reports.push({
        report_id: id, county_code: code, county_zh: zh, county_en: en, department_zh: `${zh}${dept}`, unit_id: `${code}-${initials}`, department_kind: kind, report_kind: "overall",
        fiscal_year: year, self_score: 80 + 4 * d, grade: null, staff_authorized: null, staff_actual: 10, source_file: `${year}/${zh}-${dept}.txt`, source_sha256: "0".repeat(64),
      });
      const fact = (metric: FactRow["metric"], basis: FactRow["basis"], y: number, value: number, line: number) => facts.push({ report_id: id, metric, basis, year: y, value, unit: "万元", source_line: line, source_page: null, ocr_confidence: null });
      fact("spend_total", "actual", year, 100 + d, 10);
      fact("spend_basic", "actual", year, 60 + d, 11);
      fact("spend_project", "actual", year, 40, 12);
      if (d % 2 === 0) {
        fact("spend_personnel", "actual", year, 50, 13);
        fact("spend_public", "actual", year, 10 + d, 14);
      }
      fact("sangong_total", "actual", year - 1, 10, 20);
      fact("sangong_total", "budget", year, 11, 21);
      fact("sangong_total", "actual", year, 10 + d, 22);
      indicators.push({
        report_id: id, sheet: "overall", project: null, level1: "产出", level2: "数量", name: `指标${d}`, target_text: "10", actual_text: d === 4 ? "8" : "10",
        target_value: 10, actual_value: d === 4 ? 8 : 10, unit: "个", direction: "higher", weight: 10, score: 10, status: d === 4 ? "missed" : "met", source_line: 30, source_page: null, ocr_confidence: null,
        target_line: 30, actual_line: 30, weight_line: 30, score_line: 30,
      });
      if (d === 0 && year === 2024) checks.push({ report_id: id, rule: "spend_parts_sum", severity: "error", metrics: "spend_total", message: "不等", source_line: 10, source_page: null });
    });
  }
}

let dir: string;
let db: Db & { close(): void };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "site-views-"));
  await writeAllTables(dir, { reports, facts, indicators, projects: [], checks });
  db = await openParquetDb(dir);
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const f = (over: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...over });
/** County codes in code order, as the views order them. */
const CODES = COUNTIES.map((c) => c[0]).sort();

describe("spendingView: one page of reports, or one row per group", () => {
  test("a year: 15 reports on one page, in county → id order, each row counting all 15", async () => {
    const rows = await spendingView(db, f({ year: 2024 }));
    expect(rows).toHaveLength(15);
    expect(rows.every((r) => r.total_rows === 15 && r.reports === 1 && r.group_key === null)).toBe(true);
    expect(rows.map((r) => r.county_code)).toEqual(CODES.flatMap((c) => Array(5).fill(c)));
    expect(rows[0]).toMatchObject({ report_id: "430682-2024-czj", spend_total: 100, spend_total_line: 10, spend_personnel: 50, spend_basic_unsplit: null });
    expect(rows[1]).toMatchObject({ report_id: "430682-2024-jyj", spend_personnel: null, spend_basic_unsplit: 61 });
  });

  test("every year: 45 rows in pages of PAGE_SIZE; the last page holds the rest; past the end is empty", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => spendingView(db, f({ page: page === 1 ? null : page }))));
    expect(pages.map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5, 0]);
    expect(pages[0]![0]!.total_rows).toBe(45);
    const ids = pages.flat().map((r) => r.report_id);
    expect(new Set(ids).size).toBe(45);
    expect(ids.slice(0, 6)).toEqual(["430682-2022-czj", "430682-2022-jyj", "430682-2022-kjj", "430682-2022-mzj", "430682-2022-wsjkj", "430682-2023-czj"]);
  });

  test("the whole filtered set (下载全部) is every row in the same order", async () => {
    const all = await spendingView(db, f({ year: null }), true);
    expect(all).toHaveLength(45);
    expect(all.slice(0, PAGE_SIZE).map((r) => r.report_id)).toEqual((await spendingView(db, f({}))).map((r) => r.report_id));
  });

  test("sorted by spend_total: the largest first, ties in county → year → id order", async () => {
    const rows = await spendingView(db, f({ year: 2024, sort: "spend_total" }));
    expect(rows.slice(0, 4).map((r) => [r.report_id, r.spend_total])).toEqual([
      ["430682-2024-mzj", 104],
      ["430981-2024-mzj", 104],
      ["433101-2024-mzj", 104],
      ["430682-2024-wsjkj", 103],
    ]);
  });

  test("grouped by county: sums over the county's reports; shares only over reports printing both parts", async () => {
    const rows = await spendingView(db, f({ year: 2024, group: "county" }));
    expect(rows.map((r) => [r.group_key, r.group_label, r.reports, r.spend_total])).toEqual(CODES.map((c) => [c, COUNTIES.find((x) => x[0] === c)![1], 5, 510]));
    const [first] = rows;
    expect(first).toMatchObject({ report_id: null, group_by: "county", county_code: "430682", fiscal_year: 2024, spend_personnel: 150, spend_public: 36, spend_basic_unsplit: 61 + 63, total_rows: 3 });
    expect(first!.personnel_share).toBeCloseTo(150 / 186);
    expect(first!.basic_share).toBeCloseTo(310 / 510);
    expect(first!.per_staff).toBeCloseTo(510 / 50);
  });

  test("grouped by department kind, filtered by kind", async () => {
    const rows = await spendingView(db, f({ year: null, group: "kind", sort: "spend_total" }));
    expect(rows.map((r) => [r.group_key, r.group_label, r.reports])).toEqual([
      ["civil_affairs", "民政", 9],
      ["health", "卫健", 9],
      ["tech_industry", "科技/工信", 9],
      ["education", "教育", 9],
      ["finance", "财政", 9],
    ]);
    expect((await spendingView(db, f({ kind: "health" }))).map((r) => r.report_id)).toHaveLength(9);
  });
});

describe("the flags", () => {
  test("sangongView flag=overspent: only the categories over budget, largest overspend first", async () => {
    const rows = await sangongView(db, f({ year: 2024, flag: "overspent", sort: "change_vs_budget" }));
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({ report_id: "430682-2024-mzj", category: "sangong_total", last_actual: 10, budget: 11, actual: 14, actual_line: 22, overspent: true });
    expect(rows[0]!.change_vs_budget).toBeCloseTo(14 / 11 - 1);
  });

  test("sangongView flag=rose counts rises over last year's actual; grouped, how many reports overspent", async () => {
    expect((await sangongView(db, f({ year: 2024, flag: "rose" })))[0]?.total_rows).toBe(12);
    const [county] = await sangongView(db, f({ year: 2024, group: "county" }));
    expect(county).toMatchObject({ group_key: "430682", reports: 5, last_actual: 50, budget: 55, actual: 60, overspent: true, overspent_reports: 3 });
  });

  test("indicatorCounts flag=high_missed: self-score ≥ 90 with a missed indicator, with that indicator's line", async () => {
    const rows = await indicatorCounts(db, f({ year: 2024, flag: "high_missed", sort: "missed" }));
    expect(rows.map((r) => r.report_id)).toEqual(["430682-2024-mzj", "430981-2024-mzj", "433101-2024-mzj"]);
    expect(rows[0]).toMatchObject({ met: 0, missed: 1, self_score: 96, first_missed: "指标4", first_missed_line: 30 });
  });

  test("checkCounts flag=error: reports with an error, and their first check with its line", async () => {
    const rows = await checkCounts(db, f({ year: 2024, flag: "error", sort: "errors" }));
    expect(rows.map((r) => [r.report_id, r.errors, r.first_rule, r.first_line])).toEqual(CODES.map((c) => [`${c}-2024-czj`, 1, "spend_parts_sum", 10]));
    expect(await checkCounts(db, f({ year: 2023 }))).toEqual([]);
  });
});

test("distribution: reports per bin of the measure, for the filtered year", async () => {
  expect(await distribution(db, "self_score", f({ year: 2024 }))).toEqual([80, 84, 88, 92, 96].map((x0) => ({ x0, n: 3 })));
  expect(await distribution(db, "personnel_share", f({ year: 2024 }))).toEqual([
    { x0: 75, n: 3 },
    { x0: 80, n: 6 },
  ]);
});

test("coverage, filter options and the latest year", async () => {
  const cells = await coverage(db);
  expect(cells).toHaveLength(9);
  expect(cells.every((c) => c.n === 5)).toBe(true);
  const options = await filterOptions(db);
  expect(options.years).toEqual([2024, 2023, 2022]);
  expect(options.counties.map((c) => c.value)).toEqual(CODES);
  expect(options.kinds).toHaveLength(5);
  expect(await latestYear(db)).toBe(2024);
});

test("unitReport: the unit's report of the year, else its newest; null when it has none", async () => {
  expect((await unitReport(db, "433101-kjj", null))?.report_id).toBe("433101-2024-kjj");
  expect((await unitReport(db, "433101-kjj", 2022))?.report_id).toBe("433101-2022-kjj");
  expect(await unitReport(db, "433101-kjj", 2019)).toBeNull();
  expect(await unitReport(db, "no-such-unit", null)).toBeNull();
});
