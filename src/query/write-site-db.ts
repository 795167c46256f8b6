/**
 * The browser's database: the published Parquet tables copied into one read-only DuckDB file that
 * duckdb-wasm 1.32 ATTACHes over HTTP with no extension download (../shared/design/platform-notes.md).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { TABLE_NAMES } from "../schema/tables.ts";
import { DERIVED_TABLES } from "./derived-tables.ts";
import { literal } from "./node-db.ts";

/** duckdb-wasm 1.32 reads storage versions 64–67; a v1.5.0 file fails there with "can only read versions between 64 and 67". */
export const SITE_DB_STORAGE_VERSION = "v1.4.0";
export const SITE_DB_FILE = "site.duckdb";

/** Writes dir/site.duckdb from dir/<table>.parquet; written under a temp name and renamed, so no half file is left. */
export async function writeSiteDb(dir: string): Promise<string> {
  const target = join(dir, SITE_DB_FILE);
  const temp = `${target}.tmp`;
  await rm(temp, { force: true });
  await rm(`${temp}.wal`, { force: true });
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH ${literal(temp)} AS site (STORAGE_VERSION '${SITE_DB_STORAGE_VERSION}')`);
    // USE site: the derived tables' SQL names the five tables unqualified, as the browser does.
    await conn.run("USE site");
    for (const name of TABLE_NAMES) {
      // The Parquet files are in key order and CREATE TABLE AS keeps it, so SELECT * reads like the CSV.
      await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet(${literal(join(dir, `${name}.parquet`))})`);
    }
    // The summaries the default views read, so a redraw is a small SELECT instead of a pivot over facts.
    for (const { name, sql } of DERIVED_TABLES) await conn.run(`CREATE TABLE ${name} AS ${sql}`);
    await conn.run("USE memory");
    await conn.run("CHECKPOINT site");
    await conn.run("DETACH site");
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  await rename(temp, target);
  return target;
}
