/** CSV output: header and column order from the schema, UTF-8 with a BOM, CRLF line ends; and rows read back. */
import { writeFile } from "node:fs/promises";
import Papa from "papaparse";
import { columnNames, TABLES, type PublishedName, type PublishedRows, type TableName, type TableRows } from "../schema/tables.ts";

// Excel (the likeliest reader of a Chinese CSV) only recognises UTF-8 when the file starts with a BOM.
const BOM = "\uFEFF";
// CRLF is RFC 4180's line end and Excel's. Every row, the last one too, ends with it.
const NEWLINE = "\r\n";
// Papa.unparse's quoting rule (papaparse 5.7 `safe`): a delimiter, quote, CR, LF or BOM inside, or a space at
// either end. We add the empty string, so that "" (empty text) and an empty cell (null) stay apart.
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $|^$/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  // String(n) is how JS prints a number: 532.953 stays 532.953, 100 stays 100.
  if (typeof value === "number") return String(value);
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The start of a table's CSV file: BOM and header row. */
export function csvHeader(name: PublishedName): string {
  return BOM + columnNames(name).map(cell).join(",") + NEWLINE;
}

/**
 * CSV lines for rows, each ending in CRLF: numbers as JS prints them, null as an empty cell, "" as "".
 * Written by hand rather than with Papa.unparse, which took about 2× as long (1.5 s vs 0.8 s for 250,000
 * indicator rows, measured); test/publish/write-csv.test.ts checks the output against Papa.unparse and
 * parses it back with Papa.parse.
 */
export function csvBody<T extends PublishedName>(name: T, rows: readonly PublishedRows[T][]): string {
  const columns = columnNames(name);
  let out = "";
  // Appended cell by cell: no array per row (this runs for every row of every report).
  for (const row of rows) {
    const r = row as unknown as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) out += ",";
      out += cell(r[columns[i] as string]);
    }
    out += NEWLINE;
  }
  return out;
}

/**
 * Rows back from csvBody's lines. Only for a table whose nullable columns are all numbers (checks): papaparse
 * reads an empty cell and "" alike, which a nullable text column would need told apart.
 */
export function readCsvBody<T extends TableName>(name: T, body: string): TableRows[T][] {
  const columns = Object.entries(TABLES[name].columns);
  if (columns.some(([, c]) => c.nullable && c.type === "VARCHAR")) throw new Error(`internal: ${name} has a nullable text column, so its CSV cannot be read back exactly`);
  const { data, errors } = Papa.parse<string[]>(body, { delimiter: ",", newline: NEWLINE, skipEmptyLines: true });
  if (errors.length > 0) throw new Error(`internal: ${name} CSV lines do not parse: ${errors[0]!.message} (row ${errors[0]!.row})`);
  return data.map(
    (cells) => Object.fromEntries(columns.map(([k, c], i) => [k, c.type === "VARCHAR" ? (cells[i] ?? "") : cells[i] ? Number(cells[i]) : null])) as TableRows[T],
  );
}

/** A whole CSV file for rows in the order given. */
export function toCsv<T extends PublishedName>(name: T, rows: readonly PublishedRows[T][]): string {
  return csvHeader(name) + csvBody(name, rows);
}

/** Writes a table's rows to a CSV file. */
export async function writeCsv<T extends PublishedName>(path: string, name: T, rows: readonly PublishedRows[T][]): Promise<void> {
  await writeFile(path, toCsv(name, rows), "utf8");
}
