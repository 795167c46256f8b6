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

/** Source lines whose published figure the report does not print (checks rule derived_value), as "<id>#L<n>". */
export async function derivedLines(dist: string): Promise<Set<string>> {
  const rows = await queryParquet<{ report_id: string; source_line: number }>(
    dist,
    "SELECT report_id, source_line FROM checks WHERE rule = 'derived_value' AND source_line IS NOT NULL",
  );
  return new Set(rows.map((r) => `${r.report_id}#L${r.source_line}`));
}
