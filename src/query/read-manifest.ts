/** manifest.json as published next to the tables (hashes, schema version, build time), read at build time. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CsvRecord, Manifest } from "../publish/manifest.ts";
import type { TableName } from "../schema/tables.ts";
import { dataDir } from "./build-db.ts";

/** The published manifest, or null when the pipeline has not written one. */
export async function readManifest(dir = dataDir()): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch {
    return null;
  }
}

let current: Promise<Manifest | null> | null = null;

/** The build's manifest, read once per build process (every page's footer names its release). */
export function siteManifest(): Promise<Manifest | null> {
  current ??= readManifest();
  return current;
}

/**
 * A table's published CSV files (one, or one per year past csv-files.ts's limits) from the manifest, read once
 * per build; a table without a manifest is taken to be the one file the pipeline would write.
 */
export async function publishedCsv(table: TableName): Promise<CsvRecord[]> {
  return (await siteManifest())?.tables[table]?.csv ?? [{ file: `${table}.csv`, bytes: 0, sha256: "", fiscal_year: null, rows: 0 }];
}
