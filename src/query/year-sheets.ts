/**
 * The five tables by evaluation year, for their XLSX downloads (src/pages/data/xlsx/): which sheets there are and
 * their rows, each sheet one table's rows of the reports of one fiscal year, in the table's key order.
 */
import { TABLE_NAMES, TABLES, type TableName, type TableRows } from "../schema/tables.ts";
import type { Db } from "./db.ts";

export interface YearSheet {
  table: TableName;
  fiscal_year: number;
  rows: number;
  /** `<table>-<year>.xlsx` */
  file: string;
}

const tableSql = (t: TableName) =>
  t === "reports" ? "SELECT fiscal_year FROM reports" : `SELECT r.fiscal_year FROM ${t} t JOIN reports r ON r.report_id = t.report_id`;

/** Every table × year that has rows, in table then year order. */
export async function yearSheets(db: Db): Promise<YearSheet[]> {
  const sql = TABLE_NAMES.map((t, i) => `SELECT '${t}' AS "table", ${i} AS ord, fiscal_year, count(*) AS rows FROM (${tableSql(t)}) GROUP BY fiscal_year`).join("\nUNION ALL ");
  const rows = await db.query<Omit<YearSheet, "file">>(`SELECT "table", fiscal_year, rows FROM (${sql}) ORDER BY ord, fiscal_year`);
  return rows.map((r) => ({ ...r, file: `${r.table}-${r.fiscal_year}.xlsx` }));
}

/** One sheet's rows: the table's published columns, sorted by its key. */
export function yearSheetRows<T extends TableName>(db: Db, table: T, year: number): Promise<TableRows[T][]> {
  const key = TABLES[table].key.map((k) => `t.${k}`).join(", ");
  const from = table === "reports" ? "reports t" : `${table} t JOIN reports r ON r.report_id = t.report_id`;
  const yearColumn = table === "reports" ? "t.fiscal_year" : "r.fiscal_year";
  return db.query<TableRows[T]>(`SELECT t.* FROM ${from} WHERE ${yearColumn} = ? ORDER BY ${key}`, [year]);
}
