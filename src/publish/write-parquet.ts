/** Parquet output through DuckDB: column types declared by the schema, never inferred from the rows. */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";
import { SCHEMA_VERSION, TABLES, type TableName, type TableRows } from "../schema/tables.ts";

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

type Append = (appender: DuckDBAppender, value: unknown) => void;

// One appender call per declared type; a null goes in as NULL whatever the type (NOT NULL is enforced by DuckDB).
const APPEND: Record<string, Append> = {
  VARCHAR: (a, v) => a.appendVarchar(v as string),
  INTEGER: (a, v) => a.appendInteger(v as number),
  DOUBLE: (a, v) => a.appendDouble(v as number),
};

/** Loads rows into a fresh table in the given connection, in the given order. */
async function load<T extends TableName>(db: DuckDBConnection, name: T, rows: readonly TableRows[T][]): Promise<void> {
  await db.run(createTableSql(name));
  const columns = Object.entries(TABLES[name].columns).map(([c, col]) => {
    const append = APPEND[col.type];
    if (!append) throw new Error(`invalid column type: ${col.type}`);
    return { c, append };
  });
  const appender = await db.createAppender(name);
  try {
    for (const row of rows) {
      const r = row as unknown as Record<string, unknown>;
      for (const { c, append } of columns) {
        const v = r[c];
        if (v === null || v === undefined) appender.appendNull();
        else append(appender, v);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Writes rows (already in key order) to a ZSTD Parquet file whose column types are the schema's. */
export async function writeParquet<T extends TableName>(
  db: DuckDBConnection,
  path: string,
  name: T,
  rows: readonly TableRows[T][],
): Promise<void> {
  await load(db, name, rows);
  // preserve_insertion_order (DuckDB's default) keeps the rows in the order given, so reruns give the same bytes.
  // KV_METADATA records which contract the file follows, for readers that get the file without manifest.json.
  await db.run(
    `COPY (SELECT * FROM ${ident(name)}) TO ${literal(path)} ` +
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
