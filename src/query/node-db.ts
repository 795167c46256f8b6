/** Db on @duckdb/node-api: used at build time (Astro frontmatter, scripts) and by the unit tests. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { join } from "node:path";
import { TABLE_NAMES } from "../schema/tables.ts";
import { DERIVED_TABLES } from "./derived-tables.ts";
import { plainRow, type Db, type Param } from "./db.ts";
import { QueryError } from "./query-error.ts";

/** SQL string literal (single quotes doubled): file paths in DuckDB statements, everywhere they are built. */
export function literal(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A Db over one open connection. */
export function connectionDb(conn: DuckDBConnection): Db {
  return {
    async query<T extends object>(sql: string, params: readonly Param[] = []): Promise<T[]> {
      try {
        const reader = await conn.runAndReadAll(sql, params.length > 0 ? (params as DuckDBValue[]) : undefined);
        return reader.getRowObjectsJS().map((r) => plainRow<T>(r));
      } catch (cause) {
        throw new QueryError(sql, cause);
      }
    },
  };
}

/**
 * An in-memory DuckDB whose five tables are views over the published Parquet files in dir
 * (public/data by default), so build-time pages read exactly the files the site offers for download,
 * plus the derived summary tables (derived-tables.ts) built from them.
 */
export async function openParquetDb(dir: string): Promise<Db & { close(): void }> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  for (const name of TABLE_NAMES) {
    await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet(${literal(join(dir, `${name}.parquet`))})`);
  }
  // Materialised once per process, as site.duckdb holds them, so the pages' queries are the browser's.
  for (const { name, sql } of DERIVED_TABLES) await conn.run(`CREATE TABLE ${name} AS ${sql}`);
  return {
    ...connectionDb(conn),
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
