/**
 * Three units, one with two years, written as real Parquet (test/query/fixture.ts): the unit, peer and county
 * queries and the unit charts are tested on it.
 *
 * | report               | unit              | kind          | total (line) | personnel / public | 三公 total b → a (lines) | staff | score | met / missed |
 * |----------------------|-------------------|---------------|--------------|--------------------|---------------------------|-------|-------|--------------|
 * | 430682-2023-kjgyxxhj | 430682-kjgyxxhj   | tech_industry | 900 (10)     | 300 / 100          | 6 → 5 (20, 21)            | 20    | 90    | 2 / 0        |
 * | 430682-2024-kjgyxxhj | 430682-kjgyxxhj   | tech_industry | 1000 (110)   | 450 / 150          | 8 → 10 (120, 121)         | 40    | 98    | 1 / 1        |
 * | 433101-2024-kjgyxxhj | 433101-kjgyxxhj   | tech_industry | 500 (210)    | 100 / 100          | 4 → 4 (220, 221)          | 10    | 85    | 0 / 2        |
 * | 430682-2024-czj      | 430682-czj        | finance       | —            | —                  | —                         | —     | 92    | 0 / 0        |
 */
import type { TableRows } from "../../src/schema/tables.ts";

type FactRow = TableRows["facts"];
type IndicatorRow = TableRows["indicators"];
type CheckRow = TableRows["checks"];
import { fact, indicator, openFixtureDb, report } from "./fixture.ts";

export const A23 = "430682-2023-kjgyxxhj";
export const A24 = "430682-2024-kjgyxxhj";
export const B24 = "433101-2024-kjgyxxhj";
export const F24 = "430682-2024-czj";
const LX = { county_code: "430682", county_zh: "临湘市" };
const JS = { county_code: "433101", county_zh: "吉首市" };

const REPORTS = [
  report({ report_id: A23, ...LX, department_zh: "临湘市科技和工业信息化局", fiscal_year: 2023, self_score: 90, staff_actual: 20 }),
  report({ report_id: A24, ...LX, department_zh: "临湘市科技和工业信息化局", fiscal_year: 2024, self_score: 98, grade: "优", staff_actual: 40 }),
  report({ report_id: B24, ...JS, department_zh: "吉首市科技和工业信息化局", fiscal_year: 2024, self_score: 85, staff_actual: 10 }),
  report({ report_id: F24, ...LX, department_zh: "临湘市财政局", unit_id: "430682-czj", department_kind: "finance", fiscal_year: 2024, self_score: 92 }),
];

/** A report's spending and 三公 facts: total, personnel, public (basic = their sum), project, 三公 budget → actual. */
function money(id: string, year: number, line: number, total: number, personnel: number, pub: number, sgBudget: number, sgActual: number): FactRow[] {
  return [
    fact(id, "spend_total", "actual", year, total, line),
    fact(id, "spend_basic", "actual", year, personnel + pub, line + 1),
    fact(id, "spend_personnel", "actual", year, personnel, line + 2),
    fact(id, "spend_public", "actual", year, pub, line + 3),
    fact(id, "spend_project", "actual", year, total - personnel - pub, line + 4),
    fact(id, "sangong_total", "budget", year, sgBudget, line + 10),
    fact(id, "sangong_total", "actual", year, sgActual, line + 11),
  ];
}

const FACTS: FactRow[] = [
  ...money(A23, 2023, 10, 900, 300, 100, 6, 5),
  ...money(A24, 2024, 110, 1000, 450, 150, 8, 10),
  ...money(B24, 2024, 210, 500, 100, 100, 4, 4),
  fact(A24, "execution_rate", "actual", 2024, 95.5, 130),
  fact(B24, "execution_rate", "actual", 2024, 99, 230),
];

const met = (id: string, line: number) => indicator(id, line, { status: "met" });
const missed = (id: string, line: number) => indicator(id, line, { status: "missed" });
const INDICATORS: IndicatorRow[] = [met(A23, 40), met(A23, 41), met(A24, 140), missed(A24, 141), missed(B24, 240), missed(B24, 241)];
const CHECKS: CheckRow[] = [
  { report_id: A24, rule: "spend_parts_sum", severity: "error", metrics: "spend_total", message: "x", source_line: 110, source_page: null },
  { report_id: A24, rule: "value_conflict", severity: "warning", metrics: "sangong_total", message: "y", source_line: 121, source_page: null },
];

/** The fixture as Parquet under node-db; call close() when done. */
export function openUnitFixtureDb() {
  return openFixtureDb({ reports: REPORTS, facts: FACTS, indicators: INDICATORS, projects: [], checks: CHECKS });
}
