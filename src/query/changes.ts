/** The release's change log (changes.parquet, written by `npm run data -- --previous`) for the /data/changes/ page. */
import { join } from "node:path";
import { changes, type ChangeRow } from "../schema/tables.ts";
import type { Db } from "./db.ts";
import { literal } from "./node-db.ts";

/**
 * The first `limit` rows in the file's order (by report), and how many there are: a release that re-read every
 * report may change a number in most of them, so the page shows a bounded part and the CSV holds all.
 */
export async function changeRows(db: Db, dir: string, limit: number): Promise<{ rows: ChangeRow[]; total: number }> {
  const file = literal(join(dir, "changes.parquet"));
  const [count] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM read_parquet(${file})`);
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM read_parquet(${file}) LIMIT ${Math.max(0, Math.floor(limit))}`);
  return { rows: rows.map((r) => changes.schema.parse(r)), total: count?.n ?? 0 };
}
