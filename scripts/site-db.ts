/**
 * `npm run site-db`: public/data/*.parquet → public/data/site.duckdb, the read-only database the browser ATTACHes.
 * Storage version v1.4.0 because duckdb-wasm 1.32 reads only versions 64–67 (v1.5.0 files fail to open there);
 * see ../shared/design/platform-notes.md. Written to a temp name and renamed, so a failed run leaves no half file.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { TABLE_NAMES } from "../src/schema/tables.ts";

const STORAGE_VERSION = "v1.4.0";
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Writes dir/site.duckdb from dir/<table>.parquet for every published table. */
export async function writeSiteDb(dir: string): Promise<string> {
  const target = join(dir, "site.duckdb");
  const temp = join(dir, "site.duckdb.tmp");
  await rm(temp, { force: true });
  await rm(`${temp}.wal`, { force: true });
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH ${literal(temp)} AS site (STORAGE_VERSION '${STORAGE_VERSION}')`);
    for (const name of TABLE_NAMES) {
      // ORDER BY nothing: the Parquet files are already in key order and DuckDB keeps insertion order.
      await conn.run(`CREATE TABLE site.${name} AS SELECT * FROM read_parquet(${literal(join(dir, `${name}.parquet`))})`);
    }
    await conn.run("CHECKPOINT site");
    await conn.run("DETACH site");
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  await rename(temp, target);
  return target;
}

const dir = resolve(process.env["DATA_DIR"] ?? "public/data");
writeSiteDb(dir).then(
  (path) => console.log(`site-db: wrote ${path}`),
  (err: unknown) => {
    console.error(`site-db: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
