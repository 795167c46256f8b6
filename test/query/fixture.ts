/**
 * A two-report fixture written as real Parquet with the pipeline's own writer, so the queries run on the
 * engine over files shaped exactly like public/data. Values are hand-picked to make each expectation exact:
 *
 * | report              | basic | personnel | public | project | staff | 三公 reception: last → budget → actual |
 * |---------------------|-------|-----------|--------|---------|-------|-----------------------------------------|
 * | 430682-2024-kjgyxxhj | 600   | 450       | 150    | 400     | 40    | 8 → 10 → 12 (overspent, +50%)           |
 * | 433101-2022-kjgyxxhj | 300   | null      | null   | 700     | null  | 5 → 6 → 3                               |
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAllTables } from "../../src/publish/write-tables.ts";
import type { ReportTables } from "../../src/publish/validate-report.ts";
import type { ReportRow, TableRows } from "../../src/schema/tables.ts";

type FactRow = TableRows["facts"];
type IndicatorRow = TableRows["indicators"];
type ProjectRow = TableRows["projects"];
type CheckRow = TableRows["checks"];
import { openParquetDb } from "../../src/query/node-db.ts";

export const report = (r: Partial<ReportRow> & Pick<ReportRow, "report_id" | "county_code" | "county_zh" | "department_zh" | "fiscal_year">): ReportRow => ({
  county_en: "X",
  unit_id: `${r.county_code}-kjgyxxhj`,
  department_kind: "tech_industry",
  report_kind: "overall",
  self_score: null,
  grade: null,
  staff_authorized: null,
  staff_actual: null,
  source_file: "x.txt",
  source_sha256: "0".repeat(64),
  ...r,
});

export const REPORTS: ReportRow[] = [
  report({ report_id: "430682-2024-kjgyxxhj", county_code: "430682", county_zh: "临湘市", department_zh: "临湘市科技和工业信息化局", fiscal_year: 2024, self_score: 98, grade: "优", staff_actual: 40 }),
  report({ report_id: "433101-2022-kjgyxxhj", county_code: "433101", county_zh: "吉首市", department_zh: "吉首市科技和工业信息化局", fiscal_year: 2022, self_score: 85 }),
];

export const fact = (report_id: string, metric: FactRow["metric"], basis: FactRow["basis"], year: number, value: number, source_line: number): FactRow => ({ report_id, metric, basis, year, value, unit: "万元", source_line, source_page: null, ocr_confidence: null });
const A = "430682-2024-kjgyxxhj";
const B = "433101-2022-kjgyxxhj";

export const FACTS: FactRow[] = [
  fact(A, "spend_total", "actual", 2024, 1000, 100),
  fact(A, "spend_basic", "actual", 2024, 600, 101),
  fact(A, "spend_personnel", "actual", 2024, 450, 102),
  fact(A, "spend_public", "actual", 2024, 150, 103),
  fact(A, "spend_project", "actual", 2024, 400, 104),
  // A budget figure of the same metric must not leak into the actuals.
  fact(A, "spend_basic", "budget", 2024, 999, 90),
  fact(A, "sangong_reception", "actual", 2023, 8, 150),
  fact(A, "sangong_reception", "budget", 2024, 10, 151),
  fact(A, "sangong_reception", "actual", 2024, 12, 152),
  fact(B, "spend_basic", "actual", 2022, 300, 20),
  fact(B, "spend_project", "actual", 2022, 700, 21),
  fact(B, "sangong_reception", "actual", 2021, 5, 30),
  fact(B, "sangong_reception", "budget", 2022, 6, 31),
  fact(B, "sangong_reception", "actual", 2022, 3, 32),
];

export const indicator = (report_id: string, source_line: number, i: Partial<IndicatorRow>): IndicatorRow => ({
  report_id, sheet: "overall", project: null, level1: "产出", level2: "数量", name: "指标", target_text: "", actual_text: "",
  target_value: null, actual_value: null, unit: null, direction: null, weight: 10, score: 10, status: "unknown", source_line, source_page: null, ocr_confidence: null,
  target_line: null, actual_line: null, weight_line: null, score_line: null, ...i,
});

export const INDICATORS: IndicatorRow[] = [
  indicator(A, 200, { name: "新增规模工业企业", target_text: "≥10家", actual_text: "12家", target_value: 10, actual_value: 12, unit: "家", direction: "higher", status: "met" }),
  indicator(A, 201, { name: "三公经费控制", level2: "成本", target_text: "≤20万元", actual_text: "25万元", target_value: 20, actual_value: 25, unit: "万元", direction: "lower", status: "missed", score: 6 }),
  indicator(A, 202, { name: "群众满意度", level1: "满意度", level2: "满意度", target_text: "满意", actual_text: "满意", status: "unknown" }),
  indicator(B, 40, { name: "项目完成率", sheet: "project", project: "科技项目", target_text: "100%", actual_text: "80%", target_value: 100, actual_value: 80, unit: "%", direction: "higher", status: "missed", score: 8 }),
];

export const PROJECTS: ProjectRow[] = [{ report_id: A, name: "先进制造业专项", amount: 100, basis: "actual", year: 2024, source_line: 120, source_page: null, ocr_confidence: null }];

export const CHECKS: CheckRow[] = [
  { report_id: B, rule: "spend_parts_sum", severity: "warning", metrics: "spend_total", message: "警告", source_line: 22, source_page: null },
  { report_id: A, rule: "spend_parts_sum", severity: "error", metrics: "spend_total,spend_basic,spend_project", message: "支出合计1000万元", source_line: 100, source_page: null },
];

/** Writes the fixture (or other tables) to a temp dir and opens node-db over it; call close() when done. */
export async function openFixtureDb(tables: ReportTables = { reports: REPORTS, facts: FACTS, indicators: INDICATORS, projects: PROJECTS, checks: CHECKS }) {
  const dir = await mkdtemp(join(tmpdir(), "site-query-"));
  await writeAllTables(dir, tables);
  const db = await openParquetDb(dir);
  return {
    db,
    dir,
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
