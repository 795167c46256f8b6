/**
 * XLSX twin of a published table (the change log; the site's per-year sheets of the five tables, written by the
 * site build: src/pages/data/xlsx/), for readers who open files in Excel or WPS, laid out
 * by sheet-rows.ts: Chinese column names, the CSV's column names, then one row per record with numbers as numbers.
 * Written by write-excel-file (MIT, one dependency: fflate, which the Word reader already uses); measured against
 * exceljs and SheetJS in README "Runtime and dependencies".
 */
import { unzipSync, zipSync } from "fflate";
import { writeFile } from "node:fs/promises";
import writeXlsxFile from "write-excel-file/node";
import { sheetRows, type SheetColumn } from "../format/sheet-rows.ts";
import { PUBLISHED_TABLES, type PublishedName, type PublishedRows } from "../schema/tables.ts";

/**
 * Rows past which no XLSX is written: write-excel-file holds the whole sheet in memory (225,218 facts rows took
 * 6.1 s and 650 MB), and a change log that long is a whole re-read, for the CSV and Parquet files.
 */
export const XLSX_MAX_ROWS = 100_000;

/** The table's columns as a sheet's: Chinese name and unit from the schema, numbers where the column's type is. */
export function xlsxColumns(name: PublishedName): SheetColumn[] {
  return Object.entries(PUBLISHED_TABLES[name].columns).map(([key, c]) => ({ key, label: c.unit ? `${c.zh}（${c.unit}）` : c.zh, numeric: c.type !== "VARCHAR" }));
}

/** The ZIP entries' time: fixed (ZIP's epoch), so that the same rows give the same bytes, as every published file does. */
const ZIP_TIME = new Date("1980-01-01T00:00:00Z");

/** The table's rows as an XLSX file's bytes, one sheet named after the table. */
export async function xlsxBytes<T extends PublishedName>(name: T, rows: readonly PublishedRows[T][]): Promise<Uint8Array> {
  const made = await writeXlsxFile(sheetRows(xlsxColumns(name), rows), { sheet: PUBLISHED_TABLES[name].zh, stickyRowsCount: 2 }).toBuffer();
  // write-excel-file stamps each entry with the time of writing; re-zipped with one fixed time, entries in their order.
  return zipSync(unzipSync(made), { level: 6, mtime: ZIP_TIME });
}

/** Writes path as the table's XLSX. */
export async function writeXlsx<T extends PublishedName>(path: string, name: T, rows: readonly PublishedRows[T][]): Promise<void> {
  await writeFile(path, await xlsxBytes(name, rows));
}
