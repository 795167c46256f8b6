/** The one database interface the site queries through, at build time (node-db) and in the browser (wasm-db). */

/** A query parameter: bound positionally to each `?` in the SQL. */
export type Param = string | number | boolean | null;

export interface Db {
  /** Runs one SQL statement with positional parameters and returns plain JS rows (BIGINT as number). */
  query<T extends object>(sql: string, params?: readonly Param[]): Promise<T[]>;
}

/** BIGINT (e.g. COUNT(*)) arrives as bigint from both engines; the site's numbers are all safe as doubles. */
export function plainValue(v: unknown): unknown {
  return typeof v === "bigint" ? Number(v) : v;
}

/** Applies plainValue to every field of a row. */
export function plainRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out as T;
}
