import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { columnNames, type TableRows } from "../../src/schema/tables.ts";

type FactRow = TableRows["facts"];
type IndicatorRow = TableRows["indicators"];
type CheckRow = TableRows["checks"];
import { csvBody, readCsvBody, toCsv } from "../../src/publish/write-csv.ts";

const fact = (over: Partial<FactRow> = {}): FactRow => ({
  report_id: "430682-2024-kjgyxxhj", metric: "spend_basic", basis: "actual", year: 2024, value: 532.953, unit: "万元", source_line: 117, source_page: null, ocr_confidence: null, ...over,
});
const indicator: IndicatorRow = {
  report_id: "430682-2024-kjgyxxhj", sheet: "project", project: "遗属生活补助", level1: "产出", level2: null,
  name: "指标1：坚持改革攻坚激活力，服务园区高质发展", target_text: '≥95％ "按期"', actual_text: "", target_value: 95,
  actual_value: null, unit: "%", direction: "higher", weight: 0.5, score: null, status: "unknown", source_line: 9, source_page: 2, ocr_confidence: null,
  target_line: 10, actual_line: null, weight_line: 12, score_line: null,
};

/** Parses our CSV back the way a reader would: BOM off, header row, every cell a string. */
function parse(csv: string) {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
}

describe("toCsv", () => {
  test("starts with a BOM, header in schema order, CRLF after every row", () => {
    const csv = toCsv("facts", [fact(), fact({ year: 2023, value: 100 })]);
    expect(csv).toBe(
      "\uFEFFreport_id,metric,basis,year,value,unit,source_line,source_page,ocr_confidence\r\n" +
        "430682-2024-kjgyxxhj,spend_basic,actual,2024,532.953,万元,117,,\r\n" +
        "430682-2024-kjgyxxhj,spend_basic,actual,2023,100,万元,117,,\r\n",
    );
  });

  test("an empty table is the BOM and the header", () => {
    expect(toCsv("checks", [])).toBe(`\uFEFF${columnNames("checks").join(",")}\r\n`);
  });

  test("parses back with papaparse to the same rows (null ↔ empty cell, numbers as JS prints them)", () => {
    const rows = [indicator, { ...indicator, source_line: 10, name: "a, b\nc", target_text: " x " }];
    const parsed = parse(toCsv("indicators", rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(columnNames("indicators"));
    const expected = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? "" : String(v)])),
    );
    expect(parsed.data).toEqual(expected);
  });

  test("the empty string is quoted, null is an empty cell", () => {
    const line = toCsv("indicators", [indicator]).split("\r\n")[1];
    expect(line).toContain(',"",95,,%,');
    expect(line).toContain(',遗属生活补助,产出,,指标1');
  });

  test("matches Papa.unparse byte for byte when no cell is the empty string", () => {
    const rows: CheckRow[] = [
      { report_id: "r", rule: "spend_parts_sum", severity: "error", metrics: "spend_total,spend_basic", message: '支出合计"946.17"万元', source_line: null, source_page: null },
      { report_id: "r", rule: "x", severity: "info", metrics: " lead", message: "two\r\nlines", source_line: 3, source_page: 1 },
    ];
    const columns = columnNames("checks");
    const papa = Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c as keyof CheckRow])) }, { newline: "\r\n" });
    expect(toCsv("checks", rows)).toBe(`\uFEFF${papa}\r\n`);
  });
});

describe("readCsvBody", () => {
  test("reads check rows back exactly: quotes, commas, line breaks, an empty metrics text, null lines", () => {
    const checks: CheckRow[] = [
      { report_id: "430682-2024-kjgyxxhj", rule: "value_conflict", severity: "warning", metrics: "spend_basic,spend_total", message: '基本支出在第12行为"452.92万元"，\r\n在第40行为 452.9 ', source_line: 40, source_page: 3 },
      { report_id: "430682-2024-kjgyxxhj", rule: "duplicate_input", severity: "info", metrics: "", message: "与 2024/x.docx 为同一报告", source_line: null, source_page: null },
      { report_id: "430682-2024-kjgyxxhj", rule: "truncated", severity: "error", metrics: "report", message: " ", source_line: 0, source_page: null },
    ];
    expect(readCsvBody("checks", csvBody("checks", checks))).toEqual(checks);
    expect(readCsvBody("checks", "")).toEqual([]);
  });

  test("refuses a table whose null and empty text it could not tell apart", () => {
    expect(() => readCsvBody("indicators", csvBody("indicators", [indicator]))).toThrow(/nullable text column/);
  });
});
