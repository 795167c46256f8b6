import { describe, expect, test } from "vitest";
import { csvFiles, isTableCsv, type CsvFile, type CsvPiece } from "../../src/publish/csv-files.ts";

const HEADER = Buffer.from("\uFEFFreport_id,value\r\n");
/** One report's piece: `rows` lines of 7 bytes each ("a22,1\r\n"). */
const piece = (id: string, fiscalYear: number, rows: number): CsvPiece => ({ fiscalYear, rows, bytes: Buffer.from(`${id},1\r\n`.repeat(rows)) });
const text = (f: CsvFile) => Buffer.concat(f.parts).toString("utf8");

describe("csvFiles", () => {
  const pieces = [piece("a22", 2022, 2), piece("a23", 2023, 3), piece("b22", 2022, 1), piece("b23", 2023, 4)];

  test("a table within the limits is one file, the header and every piece in the order given", () => {
    const files = csvFiles("facts", HEADER, pieces, { bytes: 1e6, rows: 10 });
    expect(files.map((f) => [f.file, f.fiscalYear, f.rows])).toEqual([["facts.csv", null, 10]]);
    expect(Buffer.concat(files[0]!.parts).equals(Buffer.concat([HEADER, ...pieces.map((p) => p.bytes)]))).toBe(true);
    expect(files[0]!.bytes).toBe(HEADER.length + 7 * 10);
  });

  test("past the row limit, one file per fiscal year, each with the header and its reports in the order given", () => {
    const files = csvFiles("facts", HEADER, pieces, { bytes: 1e6, rows: 9 });
    expect(files.map((f) => [f.file, f.fiscalYear, f.rows])).toEqual([
      ["facts-2022.csv", 2022, 3],
      ["facts-2023.csv", 2023, 7],
    ]);
    expect(text(files[0]!)).toBe("\uFEFFreport_id,value\r\na22,1\r\na22,1\r\nb22,1\r\n");
  });

  test("past the byte limit (header included) the same; a year that still does not fit is cut between reports into numbered parts", () => {
    const bytes = HEADER.length + 4 * "a23,1\r\n".length;
    const files = csvFiles("checks", HEADER, pieces, { bytes, rows: 1e6 });
    expect(files.map((f) => [f.file, f.rows])).toEqual([
      ["checks-2022.csv", 3],
      ["checks-2023-1.csv", 3],
      ["checks-2023-2.csv", 4],
    ]);
    for (const f of files) expect(f.bytes).toBeLessThanOrEqual(bytes);
  });

  test("one report alone over the limit keeps its lines together in one part", () => {
    const files = csvFiles("checks", HEADER, [piece("big", 2024, 5), piece("small", 2024, 1)], { bytes: 1e6, rows: 3 });
    expect(files.map((f) => [f.file, f.rows])).toEqual([
      ["checks-2024-1.csv", 5],
      ["checks-2024-2.csv", 1],
    ]);
  });

  test("an empty table is one file holding the header", () => {
    const files = csvFiles("projects", HEADER, [], { bytes: 10, rows: 0 });
    expect(files.map((f) => [f.file, f.fiscalYear, f.rows, text(f)])).toEqual([["projects.csv", null, 0, "\uFEFFreport_id,value\r\n"]]);
  });

  test("isTableCsv names the files csvFiles gives, and nothing else", () => {
    const names = ["facts", "checks"];
    expect(["facts.csv", "checks-2024.csv", "checks-2024-12.csv"].map((f) => isTableCsv(f, names))).toEqual([true, true, true]);
    expect(["site.duckdb", "manifest.json", "facts.parquet", "other.csv", "checks-24.csv", "checks.whole.csv"].map((f) => isTableCsv(f, names))).toEqual([false, false, false, false, false, false]);
  });
});
