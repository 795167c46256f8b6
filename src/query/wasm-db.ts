/**
 * Db on DuckDB-WASM in the browser. Self-hosted: the worker and the gzipped duckdb-eh.wasm are served from the
 * site itself (see astro.config.mjs), and the tables come from site.duckdb, ATTACHed read-only over HTTP, because
 * duckdb-wasm 1.32 would download its parquet extension from the internet (../shared/design/platform-notes.md).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { arrowRows } from "./arrow-rows.ts";
import type { Db, Param } from "./db.ts";
import { DERIVED_TABLES } from "./derived-tables.ts";
import { QueryError } from "./query-error.ts";

export interface WasmAssets {
  /** duckdb-browser-eh.worker.js */
  worker: string;
  /** duckdb-eh.wasm, gzip-compressed (.wasm.gz) so no file in dist/ is over 25 MiB. */
  wasmGz: string;
  /** site.duckdb written by scripts/site-db.ts. */
  database: string;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Fetches the compressed engine and returns a blob: URL of the raw wasm. A server that adds
 * Content-Encoding: gzip for .gz files hands us the raw bytes already, so look at the magic number first.
 */
async function wasmBlobUrl(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load ${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const gzipped = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  const raw = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
    : bytes;
  return URL.createObjectURL(new Blob([raw], { type: "application/wasm" }));
}

const IN_MEMORY = DERIVED_TABLES.map((t) => t.name);

async function open(assets: WasmAssets): Promise<AsyncDuckDBConnection> {
  // The 7.6 MB download starts first; the JS module and the worker load while it streams.
  const wasmUrl = wasmBlobUrl(assets.wasmGz);
  const duckdb = await import("@duckdb/duckdb-wasm");
  const worker = new Worker(assets.worker);
  const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const wasm = await wasmUrl;
  try {
    await db.instantiate(wasm);
  } finally {
    URL.revokeObjectURL(wasm);
  }
  // An absolute URL: the worker resolves relative ones against its own script location.
  const dbUrl = new URL(assets.database, location.href).href;
  await db.registerFileURL("site.duckdb", dbUrl, duckdb.DuckDBDataProtocol.HTTP, false);
  const conn = await db.connect();
  await conn.query("ATTACH 'site.duckdb' AS s (READ_ONLY)");
  await conn.query("USE s");
  // The summaries every view reads are copied into memory once (temp tables come first in the search path, so
  // the same SQL finds them): a redraw then never waits on range requests for the attached file.
  for (const name of IN_MEMORY) await conn.query(`CREATE TEMP TABLE ${name} AS SELECT * FROM s.${name}`);
  return conn;
}

let pending: Promise<AsyncDuckDBConnection> | null = null;

type Statement = Awaited<ReturnType<AsyncDuckDBConnection["prepare"]>>;
const statements = new Map<string, Promise<Statement>>();

/**
 * One prepared statement per SQL text, kept for the page's lifetime: the site runs a handful of constant
 * statements (see report-filter.ts), and planning them again on every filter change cost more than running them.
 */
function prepared(conn: AsyncDuckDBConnection, sql: string): Promise<Statement> {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = conn.prepare(sql);
    // A statement that failed to prepare is not cached, so a retry prepares it again.
    stmt.catch(() => statements.delete(sql));
    statements.set(sql, stmt);
  }
  return stmt;
}

export interface WasmDb extends Db {
  /** Resolves when the engine is up and site.duckdb is attached. */
  ready: Promise<void>;
  /** Any SQL (the SQL box): the column names too, so an empty result still has a header. */
  run(sql: string, params?: readonly Param[]): Promise<{ columns: string[]; rows: Record<string, unknown>[] }>;
}

/** The page's Db; the engine starts on the first call, and every caller shares that one start. */
export function wasmDb(assets: WasmAssets): WasmDb {
  pending ??= open(assets);
  const connection = pending;
  async function run(sql: string, params: readonly Param[] = []) {
    const conn = await connection;
    try {
      if (params.length === 0) return arrowRows<Record<string, unknown>>(await conn.query(sql));
      const stmt = await prepared(conn, sql);
      return arrowRows<Record<string, unknown>>(await stmt.query(...params));
    } catch (cause) {
      throw new QueryError(sql, cause);
    }
  }
  return {
    ready: connection.then(() => undefined),
    run,
    async query<T extends object>(sql: string, params: readonly Param[] = []): Promise<T[]> {
      return (await run(sql, params)).rows as T[];
    },
  };
}
