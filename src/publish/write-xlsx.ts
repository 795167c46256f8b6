/**
 * XLSX twin of a small published table (the change log), for readers who open files in Excel or WPS: Chinese
 * column names in the first row, the CSV's column names in the second (so formulas and the CSV agree), then one row
 * per record with numbers as numbers. Written by write-excel-file (MIT, one dependency: fflate, which the Word
 * reader already uses); measured against exceljs and SheetJS in README "Runtime and dependencies".
 */
import { unzipSync, zipSync } from "fflate";
import { writeFile } from "node:fs/promises";
import writeXlsxFile from "write-excel-file/node";
import type { Row } from "write-excel-file/node";
import { PUBLISHED_TABLES, type PublishedName, type PublishedRows } from "../schema/tables.ts";

/**
 * Rows past which no XLSX is written: write-excel-file holds the whole sheet in memory (225,218 facts rows took
 * 6.1 s and 650 MB), and a change log that long is a whole re-read, for the CSV and Parquet files.
 */
export const XLSX_MAX_ROWS = 100_000;

/** The sheet: two header rows, then the rows, null as an empty cell. */
export function xlsxSheet<T extends PublishedName>(name: T, rows: readonly PublishedRows[T][]): Row[] {
  const columns = Object.entries(PUBLISHED_TABLES[name].columns);
  const header: Row = columns.map(([, c]) => ({ value: c.unit ? `${c.zh}（${c.unit}）` : c.zh, fontWeight: "bold" }));
  const keys: Row = columns.map(([key]) => ({ value: key, color: "#555555" }));
  const body = rows.map((row): Row => columns.map(([key]) => {
    const v = (row as Record<string, unknown>)[key];
    return typeof v === "number" || typeof v === "string" ? v : null;
  }));
  return [header, keys, ...body];
}

/** The ZIP entries' time: fixed (ZIP's epoch), so that the same rows give the same bytes, as every published file does. */
const ZIP_TIME = new Date("1980-01-01T00:00:00Z");

/** Writes path as the table's XLSX, one sheet named after the table. */
export async function writeXlsx<T extends PublishedName>(path: string, name: T, rows: readonly PublishedRows[T][]): Promise<void> {
  const made = await writeXlsxFile(xlsxSheet(name, rows), { sheet: PUBLISHED_TABLES[name].zh, stickyRowsCount: 2 }).toBuffer();
  // write-excel-file stamps each entry with the time of writing; re-zipped with one fixed time, entries in their order.
  await writeFile(path, zipSync(unzipSync(made), { level: 6, mtime: ZIP_TIME }));
}
