/** The published Parquet tables the site serves (dist/data), read with @duckdb/node-api: the tests' ground truth. */
import { join } from "node:path";
import { openParquetDb } from "../../src/query/node-db.ts";

/** Runs one SQL statement over views named after the tables (reports, facts, …) of dist/data/*.parquet. */
export async function queryParquet<T extends object>(dist: string, sql: string, params: (string | number)[] = []): Promise<T[]> {
  const db = await openParquetDb(join(dist, "data"));
  try {
    return await db.query<T>(sql, params);
  } finally {
    db.close();
  }
}

/** A report's identity columns, as the filters see them. */
export interface ReportKey {
  report_id: string;
  county_code: string;
  fiscal_year: number;
}

/** All reports' ids, counties and years. */
export function reportKeys(dist: string): Promise<ReportKey[]> {
  return queryParquet<ReportKey>(dist, "SELECT report_id, county_code, fiscal_year FROM reports ORDER BY report_id");
}
