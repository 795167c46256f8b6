/** site.duckdb holds every published table, row for row, in a storage version the browser engine reads. */
import { DuckDBInstance } from "@duckdb/node-api";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { connectionDb } from "../../src/query/node-db.ts";
import { EMPTY_FILTERS } from "../../src/query/filters.ts";
import { reportSummaries } from "../../src/query/queries.ts";
import { SITE_DB_FILE, writeSiteDb } from "../../src/query/write-site-db.ts";
import { TABLE_NAMES } from "../../src/schema/tables.ts";
import { openFixtureDb } from "./fixture.ts";

let fixture: Awaited<ReturnType<typeof openFixtureDb>>;
beforeAll(async () => {
  fixture = await openFixtureDb();
});
afterAll(() => fixture.close());

test("written from the Parquet, attached read-only, the same query gives the same rows", async () => {
  const path = await writeSiteDb(fixture.dir);
  expect(path).toBe(join(fixture.dir, SITE_DB_FILE));
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    // The browser's own set-up statements (src/query/wasm-db.ts).
    await conn.run(`ATTACH '${path}' AS s (READ_ONLY)`);
    await conn.run("USE s");
    const db = connectionDb(conn);
    for (const t of TABLE_NAMES) {
      const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`)) as [{ n: number }];
      const [{ m }] = (await fixture.db.query<{ m: number }>(`SELECT count(*) AS m FROM ${t}`)) as [{ m: number }];
      expect(n, t).toBe(m);
    }
    expect(await reportSummaries(db, EMPTY_FILTERS)).toEqual(await reportSummaries(fixture.db, EMPTY_FILTERS));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
});

test("the file's storage version is one duckdb-wasm 1.32 reads (64–67)", async () => {
  const bytes = await readFile(await writeSiteDb(fixture.dir));
  // DuckDB main header: "DUCK" at byte 8, then the storage version as a little-endian uint64.
  expect(new TextDecoder().decode(bytes.subarray(8, 12))).toBe("DUCK");
  const version = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(12, true));
  expect(version).toBeGreaterThanOrEqual(64);
  expect(version).toBeLessThanOrEqual(67);
});
