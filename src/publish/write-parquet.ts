/**
 * Parquet output through DuckDB, made from the table's CSV: column types are declared by the schema, never
 * inferred, and both formats are guaranteed to hold the same values. DuckDB's C++ CSV reader loads
 * 500,000 rows in well under a second, where appending value by value from JS took several.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { SCHEMA_VERSION, TABLES, type TableName } from "../schema/tables.ts";

/** SQL string literal (single quotes doubled). */
function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
/** SQL identifier (double quotes doubled). */
function ident(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** CREATE TABLE statement for a published table, straight from the schema (types, NOT NULL). */
export function createTableSql(name: TableName): string {
  const cols = Object.entries(TABLES[name].columns).map(
    ([c, col]) => `${ident(c)} ${col.type}${col.nullable ? "" : " NOT NULL"}`,
  );
  return `CREATE OR REPLACE TABLE ${ident(name)} (${cols.join(", ")})`;
}

/** read_csv call for a CSV written by write-csv.ts: every column and type given, nothing sniffed. */
export function readCsvSql(name: TableName, csvPath: string): string {
  const columns = Object.entries(TABLES[name].columns).map(([c, col]) => `${literal(c)}: ${literal(col.type)}`);
  // allow_quoted_nulls=false: write-csv prints null as an empty cell and the empty string as "", keep them apart.
  return (
    `read_csv(${literal(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '', allow_quoted_nulls = false, columns = {${columns.join(", ")}})`
  );
}

/** Writes the Parquet twin of a CSV written by writeCsv (rows stay in the CSV's key order), ZSTD-compressed. */
export async function writeParquet(db: DuckDBConnection, name: TableName, csvPath: string, parquetPath: string): Promise<void> {
  // Inserting into a table declared from the schema also makes DuckDB enforce NOT NULL once more.
  await db.run(createTableSql(name));
  await db.run(`INSERT INTO ${ident(name)} SELECT * FROM ${readCsvSql(name, csvPath)}`);
  // preserve_insertion_order (DuckDB's default) keeps the CSV's row order, so reruns give the same bytes.
  // DuckDB writes no timestamp; its footer names the engine ("DuckDB version v1.5.6 (build 069cc9f9b5)"),
  // so the bytes (and the manifest's hashes) change when @duckdb/node-api is upgraded, not otherwise.
  // KV_METADATA records which contract the file follows, for readers that get the file without manifest.json.
  await db.run(
    `COPY (SELECT * FROM ${ident(name)}) TO ${literal(parquetPath)} ` +
      `(FORMAT parquet, COMPRESSION zstd, KV_METADATA {schema_version: ${literal(SCHEMA_VERSION)}})`,
  );
  await db.run(`DROP TABLE ${ident(name)}`);
}

/** Opens an in-memory DuckDB for writing, runs fn, and always closes it. */
export async function withDuckDb<R>(fn: (db: DuckDBConnection) => Promise<R>): Promise<R> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    return await fn(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
