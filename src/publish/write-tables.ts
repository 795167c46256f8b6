/** Writes every table into a directory: its CSV, then the Parquet twin DuckDB makes from that CSV. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TABLE_NAMES, type TableName } from "../schema/tables.ts";
import type { ReportTables } from "./validate-report.ts";
import { toCsv } from "./write-csv.ts";
import { withDuckDb, writeParquet } from "./write-parquet.ts";

/** Every table's complete CSV text (BOM, header, rows in published order). */
export type TableTexts = Record<TableName, string>;

/** Writes every table's files into dir from their CSV texts; injected in tests to simulate a failing disk. */
export type WriteTables = (dir: string, csv: TableTexts) => Promise<void>;

/** Names of the files publish owns in outDir; nothing else there is touched. */
export function publishedFiles(): string[] {
  return [...TABLE_NAMES.flatMap((t) => [`${t}.parquet`, `${t}.csv`]), "manifest.json"];
}

/** Default writer: each table's CSV as given, and its Parquet made from it. */
export const writeTableTexts: WriteTables = async (dir, texts) => {
  await withDuckDb(async (db) => {
    // DuckDB works on its own threads: while it turns one CSV into Parquet, the next CSV is written.
    // One connection runs one statement at a time, so the Parquet writes form a chain.
    let parquet: Promise<void> = Promise.resolve();
    try {
      for (const name of TABLE_NAMES) {
        const csv = join(dir, `${name}.csv`);
        await writeFile(csv, texts[name], "utf8");
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

/** Writes rows (in the order given) as every table's CSV and Parquet: for fixtures and callers outside publish(). */
export async function writeAllTables(dir: string, tables: ReportTables): Promise<void> {
  const texts = Object.fromEntries(TABLE_NAMES.map((t) => [t, toCsv(t, tables[t])])) as TableTexts;
  await writeTableTexts(dir, texts);
}
