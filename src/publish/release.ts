/**
 * A data release's id: the date of the data (manifest.generated_at, from SOURCE_DATE_EPOCH) and a hash of the
 * tables' CSV contents, so the same tables give the same id and a journalist can cite exactly what they read. Pure.
 */
import { createHash } from "node:crypto";
import { TABLE_NAMES } from "../schema/tables.ts";

/** Hex digits of the content hash in an id: enough to tell ten thousand releases apart, short enough to cite. */
const HASH_DIGITS = 10;

/** A table's CSV file(s) as a manifest lists them: an array since schema 1.1, one record before. */
type CsvListing = { file: string; sha256: string } | readonly { file: string; sha256: string }[];

/**
 * `2026-12-06-3f9a2c1b7d`, or the hash alone when the data has no date. Made from the CSV files' names and hashes
 * (the tables' contents in published order), not the Parquet bytes, which change with the DuckDB that wrote them.
 */
export function releaseId(generatedAt: string | null, tables: Readonly<Record<string, { csv: CsvListing } | undefined>>): string {
  const hash = createHash("sha256");
  for (const name of TABLE_NAMES) {
    const csv = tables[name]?.csv;
    const files = csv === undefined ? [] : Array.isArray(csv) ? csv : [csv as { file: string; sha256: string }];
    for (const f of files) hash.update(`${name}\t${f.file}\t${f.sha256}\n`);
  }
  const digest = hash.digest("hex").slice(0, HASH_DIGITS);
  const date = generatedAt === null ? null : /^\d{4}-\d{2}-\d{2}/.exec(generatedAt)?.[0];
  return date ? `${date}-${digest}` : digest;
}
