/** Writes every table into a directory: CSV first, then its Parquet twin made from it. */
import { join } from "node:path";
import { TABLE_NAMES } from "../schema/tables.ts";
import type { ReportTables } from "./validate-report.ts";
import { writeCsv } from "./write-csv.ts";
import { withDuckDb, writeParquet } from "./write-parquet.ts";

/** Writes every table's files into dir; injected in tests to simulate a failing disk. */
export type WriteTables = (dir: string, tables: ReportTables) => Promise<void>;

/** Names of the files publish owns in outDir; nothing else there is touched. */
export function publishedFiles(): string[] {
  return [...TABLE_NAMES.flatMap((t) => [`${t}.parquet`, `${t}.csv`]), "manifest.json"];
}

/** Default table writer: Parquet and CSV for every table, rows already in key order. */
export const writeAllTables: WriteTables = async (dir, tables) => {
  await withDuckDb(async (db) => {
    // DuckDB works on its own threads: while it turns one CSV into Parquet, JS serialises the next CSV.
    // One connection runs one statement at a time, so the Parquet writes form a chain.
    let parquet: Promise<void> = Promise.resolve();
    try {
      for (const name of TABLE_NAMES) {
        const csv = join(dir, `${name}.csv`);
        await writeCsv(csv, name, tables[name]);
        parquet = parquet.then(() => writeParquet(db, name, csv, join(dir, `${name}.parquet`)));
        // Awaited below; the handler only keeps a failure from counting as unhandled while the next CSV is written.
        parquet.catch(() => {});
      }
    } finally {
      // Never close the database under a running statement, even when a CSV write failed.
      await parquet.catch(() => {});
    }
    await parquet;
  });
};
