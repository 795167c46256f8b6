/** CSV output: header and column order from the schema, UTF-8 with a BOM, CRLF line ends. */
import { writeFile } from "node:fs/promises";
import Papa from "papaparse";
import { columnNames, type TableName, type TableRows } from "../schema/tables.ts";

// Excel (the likeliest reader of a Chinese CSV) only recognises UTF-8 when the file starts with a BOM.
const BOM = "\uFEFF";
// CRLF is RFC 4180's line end and Excel's. Every row, the last one too, ends with it
// (papaparse alone ends a header-only file with a newline but not a file with rows, so we add them ourselves).
const NEWLINE = "\r\n";

/** Renders rows as CSV text (BOM, header row, nulls as empty cells, numbers as JS prints them: 532.953). */
export function toCsv<T extends TableName>(name: T, rows: readonly TableRows[T][]): string {
  const columns = columnNames(name);
  // Arrays, not objects, so papaparse cannot reorder or add columns; String(n) keeps 532.953 as 532.953.
  const data = rows.map((row) => {
    const r = row as unknown as Record<string, unknown>;
    return columns.map((c) => {
      const v = r[c];
      return v === null || v === undefined ? "" : typeof v === "number" ? String(v) : v;
    });
  });
  const line = (cells: unknown[][]) => Papa.unparse(cells, { newline: NEWLINE }) + NEWLINE;
  return BOM + line([columns]) + (data.length > 0 ? line(data) : "");
}

/** Writes a table's rows to a CSV file. */
export async function writeCsv<T extends TableName>(path: string, name: T, rows: readonly TableRows[T][]): Promise<void> {
  await writeFile(path, toCsv(name, rows), "utf8");
}
