/** Writes every table into a directory: its CSV file(s), then the Parquet twin DuckDB makes from the whole CSV. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TABLE_NAMES, type TableName } from "../schema/tables.ts";
import type { CsvFile } from "./csv-files.ts";
import type { ReportTables } from "./validate-report.ts";
import { toCsv } from "./write-csv.ts";
import { withDuckDb, writeParquet } from "./write-parquet.ts";

/** A table as published: its CSV file(s) (csv-files.ts), and the whole table's CSV text its Parquet is made from. */
export interface TableCsv {
  whole: Buffer;
  files: CsvFile[];
}

/** Every table's CSV as UTF-8 (BOM, header, rows in published order). */
export type TableTexts = Record<TableName, TableCsv>;

/** Writes every table's files into dir from their CSV texts; injected in tests to simulate a failing disk. */
export type WriteTables = (dir: string, tables: TableTexts) => Promise<void>;

/** Names of the files publish writes into outDir for these tables; nothing else there is touched. */
export function publishedFiles(tables: TableTexts): string[] {
  return [...TABLE_NAMES.flatMap((t) => [`${t}.parquet`, ...tables[t].files.map((f) => f.file)]), "manifest.json"];
}

/** Default writer: each table's CSV files as given, and its Parquet made from the whole table. */
export const writeTableTexts: WriteTables = async (dir, tables) => {
  await withDuckDb(async (db) => {
    // DuckDB works on its own threads: while it turns one CSV into Parquet, the next CSV is written.
    // One connection runs one statement at a time, so the Parquet writes form a chain.
    let parquet: Promise<void> = Promise.resolve();
    try {
      for (const name of TABLE_NAMES) {
        const { whole, files } = tables[name];
        for (const f of files) await writeFile(join(dir, f.file), f.bytes);
        // A split table's whole text is written for DuckDB only: the directory is a temp dir, and publishedFiles leaves it out.
        const source = join(dir, files.length === 1 ? files[0]!.file : `${name}.whole.csv`);
        if (files.length !== 1) await writeFile(source, whole);
        parquet = parquet.then(() => writeParquet(db, name, source, join(dir, `${name}.parquet`)));
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

/** Writes rows (in the order given) as every table's CSV and Parquet, one file each: for fixtures and callers outside publish(). */
export async function writeAllTables(dir: string, tables: ReportTables): Promise<void> {
  const texts = Object.fromEntries(
    TABLE_NAMES.map((t) => {
      const bytes = Buffer.from(toCsv(t, tables[t]), "utf8");
      return [t, { whole: bytes, files: [{ file: `${t}.csv`, fiscalYear: null, bytes, rows: tables[t].length }] }];
    }),
  ) as TableTexts;
  await writeTableTexts(dir, texts);
}
