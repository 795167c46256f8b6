/**
 * A release's change log against the one before (`npm run data -- --previous <dir>`): reports added and removed,
 * and every published number of a report in both releases that changed, appeared or disappeared, with both source
 * lines. Computed by DuckDB over the two releases' Parquet files, so a 10,000-report diff never holds the tables on
 * the JS heap; the rows come back sorted by the changes table's key.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CHANGE_KINDS, CHANGED_TABLES, changes, type ChangeRow } from "../schema/tables.ts";
import { plainRow } from "../query/db.ts";
import { releaseId } from "./release.ts";
import { literal } from "../query/node-db.ts";

/** One number column of a table: its name, and the column holding its source line (null: the table has none). */
interface NumberColumn {
  field: string;
  line: string | null;
}

/**
 * How each table names one of a report's numbers (`item`, unique within the report and table) and which columns
 * are numbers. A repeated item (an indicator printed twice) is told apart by its place in source-line order.
 */
const NUMBER_SOURCES: { table: string; item: string | null; partition: string | null; columns: NumberColumn[] }[] = [
  { table: "reports", item: null, partition: null, columns: ["self_score", "staff_authorized", "staff_actual"].map((field) => ({ field, line: null })) },
  { table: "facts", item: "metric || ' ' || basis || ' ' || year", partition: null, columns: [{ field: "value", line: "source_line" }] },
  {
    table: "indicators",
    item: "sheet || ' ' || coalesce(project, '-') || ' ' || name",
    partition: "report_id, sheet, coalesce(project, '-'), name",
    columns: [
      { field: "target_value", line: "target_line" },
      { field: "actual_value", line: "actual_line" },
      { field: "weight", line: "weight_line" },
      { field: "score", line: "score_line" },
    ],
  },
  { table: "projects", item: "name || ' ' || basis || ' ' || year", partition: "report_id, name, basis, year", columns: [{ field: "amount", line: "source_line" }] },
];

/** One release's numbers in long form (report_id, tbl, item, field, value, line), for reports in both releases. */
function numbersSql(dir: string): string {
  const parts = NUMBER_SOURCES.flatMap(({ table, item, partition, columns }) => {
    // The files are in key order, so their row order numbers repeated items the same way in every run (ties in
    // source_line alone, two same-named projects on one line, are ordered by the rest of the key).
    const occurrence = partition === null ? "" : `, row_number() OVER (PARTITION BY ${partition} ORDER BY file_row_number) AS nth`;
    const itemSql = item === null ? "''" : partition === null ? item : `${item} || CASE WHEN nth > 1 THEN ' #' || nth ELSE '' END`;
    const rows = `(SELECT *${occurrence} FROM read_parquet(${literal(join(dir, `${table}.parquet`))}, file_row_number = true) WHERE report_id IN (SELECT report_id FROM kept))`;
    return columns.map(
      ({ field, line }) =>
        `SELECT report_id, '${table}' AS tbl, ${itemSql} AS item, '${field}' AS field, ${field}::DOUBLE AS value, ${line ?? "NULL"}::INTEGER AS line ` +
        `FROM ${rows} WHERE ${field} IS NOT NULL`,
    );
  });
  return parts.join("\nUNION ALL\n");
}

/** The whole change log as one statement, in the column order of the changes table, sorted by its key. */
export function changesSql(previousDir: string, nextDir: string): string {
  const reports = (dir: string) => `read_parquet(${literal(join(dir, "reports.parquet"))})`;
  const columns = Object.keys(changes.columns).map((c) => `"${c}"`).join(", ");
  return `
WITH old_r AS (SELECT * FROM ${reports(previousDir)}),
new_r AS (SELECT * FROM ${reports(nextDir)}),
kept AS (SELECT n.report_id, n.county_zh, n.department_zh, n.fiscal_year, o.source_file AS old_file, n.source_file AS new_file
         FROM new_r n JOIN old_r o USING (report_id)),
old_n AS (${numbersSql(previousDir)}),
new_n AS (${numbersSql(nextDir)}),
changed AS (
  SELECT CASE WHEN o.report_id IS NULL THEN 'value_added' WHEN n.report_id IS NULL THEN 'value_removed' ELSE 'value_changed' END AS change,
         k.report_id, k.county_zh, k.department_zh, k.fiscal_year, coalesce(n.tbl, o.tbl) AS "table",
         nullif(coalesce(n.item, o.item), '') AS item, coalesce(n.field, o.field) AS field,
         o.value AS old_value, n.value AS new_value,
         CASE WHEN o.report_id IS NULL THEN NULL ELSE k.old_file END AS old_source_file, o.line AS old_source_line,
         CASE WHEN n.report_id IS NULL THEN NULL ELSE k.new_file END AS new_source_file, n.line AS new_source_line
  FROM old_n o FULL JOIN new_n n ON o.report_id = n.report_id AND o.tbl = n.tbl AND o.item = n.item AND o.field = n.field
  JOIN kept k ON k.report_id = coalesce(n.report_id, o.report_id)
  WHERE o.value IS DISTINCT FROM n.value
),
whole AS (
  SELECT 'report_added' AS change, report_id, county_zh, department_zh, fiscal_year, 'reports' AS "table", NULL AS item, NULL AS field,
         NULL::DOUBLE AS old_value, NULL::DOUBLE AS new_value, NULL AS old_source_file, NULL::INTEGER AS old_source_line, source_file AS new_source_file, NULL::INTEGER AS new_source_line
  FROM new_r WHERE report_id NOT IN (SELECT report_id FROM old_r)
  UNION ALL
  SELECT 'report_removed', report_id, county_zh, department_zh, fiscal_year, 'reports', NULL, NULL, NULL, NULL, source_file, NULL, NULL, NULL
  FROM old_r WHERE report_id NOT IN (SELECT report_id FROM new_r)
)
SELECT ${columns} FROM (SELECT * FROM changed UNION ALL SELECT * FROM whole)
ORDER BY report_id, "table", item NULLS FIRST, field NULLS FIRST`;
}

export type ChangeCounts = Record<(typeof CHANGE_KINDS)[number], number>;

/**
 * Hands the change log's rows to onBatch in order, a DuckDB chunk (2,048 rows) at a time, each row checked against
 * the changes table's schema: a release that re-read every report changes most of its numbers (763,294 rows at
 * 10,000 synthetic reports), which as one array of objects took the run's peak from 0.75 to 2.8 GB.
 */
export async function streamChanges(conn: DuckDBConnection, previousDir: string, nextDir: string, onBatch: (rows: ChangeRow[]) => Promise<void>): Promise<void> {
  const result = await conn.stream(changesSql(previousDir, nextDir));
  for await (const batch of result.yieldRowObjectJs()) await onBatch(batch.map((row) => changes.schema.parse(plainRow(row))));
}

/** No change of any kind yet. */
export function noChanges(): ChangeCounts {
  return Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as ChangeCounts;
}

/** --previous names something that is not a release this pipeline can compare with. */
export class PreviousReleaseError extends Error {
  override name = "PreviousReleaseError";
}

/** The release --previous names: its id, and the directory its Parquet files are read from. */
export interface PreviousRelease {
  dir: string;
  releaseId: string;
}

/**
 * Reads the previous release's manifest.json and checks its Parquet files are there; throws a message naming the
 * directory and what was expected, before any report is read.
 */
export async function readPreviousRelease(dir: string): Promise<PreviousRelease> {
  const expected = "a directory `npm run data` wrote (manifest.json and the tables' .parquet files)";
  let manifest: { schema_version?: unknown; release_id?: unknown; generated_at?: unknown; tables?: unknown };
  try {
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  } catch (error) {
    throw new PreviousReleaseError(`--previous ${dir}: no readable manifest.json (${error instanceof Error ? error.message : String(error)}); expected ${expected}`);
  }
  const version = String(manifest.schema_version ?? "");
  if (!version.startsWith("1.")) throw new PreviousReleaseError(`--previous ${dir}: manifest.json has schema version "${version}", this pipeline compares releases of schema 1.x`);
  for (const table of CHANGED_TABLES) {
    if (!(await stat(join(dir, `${table}.parquet`)).catch(() => null))?.isFile()) throw new PreviousReleaseError(`--previous ${dir}: no ${table}.parquet; expected ${expected}`);
  }
  // Releases before schema 1.3 carry no id; theirs is computed the same way from the hashes their manifest lists.
  const id = typeof manifest.release_id === "string" ? manifest.release_id : releaseId(typeof manifest.generated_at === "string" ? manifest.generated_at : null, (manifest.tables ?? {}) as Parameters<typeof releaseId>[1]);
  return { dir, releaseId: id };
}
