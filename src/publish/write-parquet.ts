/**
 * Parquet output through DuckDB, made from the table's CSV: column types are declared by the schema, never
 * inferred, and both formats are guaranteed to hold the same values. DuckDB's C++ CSV reader loads
 * 500,000 rows in well under a second, where appending value by value from JS took several.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { PUBLISHED_TABLES, SCHEMA_VERSION, type PublishedName } from "../schema/tables.ts";
import { literal } from "../query/node-db.ts";

/** read_csv call for a CSV written by write-csv.ts: every column and type given, nothing sniffed. */
export function readCsvSql(name: PublishedName, csvPath: string): string {
  const columns = Object.entries(PUBLISHED_TABLES[name].columns).map(([c, col]) => `${literal(c)}: ${literal(col.type)}`);
  // allow_quoted_nulls=false: write-csv prints null as an empty cell and the empty string as "", keep them apart.
  return (
    `read_csv(${literal(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '', allow_quoted_nulls = false, columns = {${columns.join(", ")}})`
  );
}

/** Writes the Parquet twin of a CSV written by writeCsv (rows stay in the CSV's key order), ZSTD-compressed. */
export async function writeParquet(db: DuckDBConnection, name: PublishedName, csvPath: string, parquetPath: string): Promise<void> {
  // Straight from the CSV, typed by readCsvSql: every row passed the schema in validate-report.ts already, and
  // an INSERT into a table declared NOT NULL first (checked once more) cost a fifth more time at 10,000 reports.
  // preserve_insertion_order (DuckDB's default) keeps the CSV's row order, so reruns give the same bytes.
  // DuckDB writes no timestamp; its footer names the engine ("DuckDB version v1.5.6 (build 069cc9f9b5)"),
  // so the bytes (and the manifest's hashes) change when @duckdb/node-api is upgraded, not otherwise.
  // KV_METADATA records which contract the file follows, for readers that get the file without manifest.json.
  await db.run(
    `COPY (SELECT * FROM ${readCsvSql(name, csvPath)}) TO ${literal(parquetPath)} ` +
      `(FORMAT parquet, COMPRESSION zstd, KV_METADATA {schema_version: ${literal(SCHEMA_VERSION)}})`,
  );
}

/** Opens an in-memory DuckDB for writing with `connections` connections, runs fn on them, and always closes it. */
export async function withDuckDb<R>(fn: (db: DuckDBConnection, ...more: DuckDBConnection[]) => Promise<R>, connections = 1): Promise<R> {
  const instance = await DuckDBInstance.create(":memory:");
  const dbs = await Promise.all(Array.from({ length: connections }, () => instance.connect()));
  try {
    return await fn(dbs[0]!, ...dbs.slice(1));
  } finally {
    for (const db of dbs) db.closeSync();
    instance.closeSync();
  }
}
