/** The build's one Db: opened once per Astro build process over public/data, shared by every page. */
import { resolve } from "node:path";
import type { Db } from "./db.ts";
import { openParquetDb } from "./node-db.ts";

let pending: Promise<Db> | null = null;

/** Published tables directory; DATA_DIR overrides it (tests, other checkouts). */
export function dataDir(): string {
  return resolve(process.env["DATA_DIR"] ?? "public/data");
}

/** The shared build-time Db (lazy; one open per process). */
export function buildDb(): Promise<Db> {
  pending ??= openParquetDb(dataDir());
  return pending;
}
