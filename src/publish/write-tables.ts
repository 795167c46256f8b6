/** Writes every table into a directory: its CSV file(s), then the Parquet twin DuckDB makes from the whole CSV. */
import { join } from "node:path";
import { TABLE_NAMES, type TableName } from "../schema/tables.ts";
import { open } from "node:fs/promises";
import { csvBytes, type CsvBytes, type CsvFile } from "./csv-files.ts";
import type { ReportTables } from "./validate-report.ts";
import { toCsv } from "./write-csv.ts";
import type { DuckDBConnection } from "@duckdb/node-api";
import { withDuckDb, writeParquet } from "./write-parquet.ts";

/** A table as published: its CSV file(s) (csv-files.ts), and the whole table's CSV its Parquet is made from. */
export interface TableCsv {
  whole: CsvBytes;
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
  // Largest first, so that the two DuckDB lanes below finish at about the same time.
  const order = [...TABLE_NAMES].sort((a, b) => tables[b].whole.bytes - tables[a].whole.bytes);
  // The CSVs are written one after another; DuckDB starts on a table as soon as its CSV is on disk.
  const written = new Map<TableName, Promise<string>>();
  let last: Promise<unknown> = Promise.resolve();
  for (const name of order) {
    const step = last.then(() => writeCsvFiles(dir, name, tables[name]));
    // Awaited by a lane (or as `last`); the handler only keeps a failure from counting as unhandled meanwhile.
    step.catch(() => {});
    written.set(name, step);
    last = step;
  }
  // Two statements at once, one per connection: a single COPY leaves DuckDB's threads partly idle (measured at
  // 10,000 reports: all five tables in 655–769 ms this way, 877–1,012 ms one after another).
  await withDuckDb(async (...connections) => {
    const queue = [...order];
    const lane = async (db: DuckDBConnection) => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        await writeParquet(db, name, await written.get(name)!, join(dir, `${name}.parquet`));
      }
    };
    // Settled, not Promise.all: the database is never closed under a running statement, even when a write failed.
    const results = await Promise.allSettled([last, ...connections.map(lane)]);
    const failure = results.find((r) => r.status === "rejected");
    if (failure) throw failure.reason;
  }, 2);
};

/** A table's CSV file(s); returns the file DuckDB reads for its Parquet (the whole table, also when split). */
async function writeCsvFiles(dir: string, name: TableName, { whole, files }: TableCsv): Promise<string> {
  for (const f of files) await writeParts(join(dir, f.file), f);
  if (files.length === 1) return join(dir, files[0]!.file);
  // A split table's whole text is written for DuckDB only: the directory is a temp dir, and publishedFiles leaves it out.
  const source = join(dir, `${name}.whole.csv`);
  await writeParts(source, whole);
  return source;
}

// Fewer buffers per call than any platform's IOV_MAX (1,024 on Linux and macOS).
const WRITEV_BATCH = 1024;

/**
 * A file from its parts with gathered writes: the table is never copied into one buffer, which held a second copy
 * of 70 MB at 10,000 reports (peak RSS 0.78–0.84 GB before, 0.71–0.74 GB since; same bytes written).
 */
async function writeParts(path: string, { parts }: CsvBytes): Promise<void> {
  const file = await open(path, "w");
  try {
    for (let i = 0; i < parts.length; i += WRITEV_BATCH) {
      const batch = parts.slice(i, i + WRITEV_BATCH);
      const want = batch.reduce((n, p) => n + p.length, 0);
      const { bytesWritten } = await file.writev(batch);
      // writev may write less than asked (a signal, a full disk's last blocks); the rest follows as plain writes.
      if (bytesWritten < want) {
        let rest = Buffer.concat(batch).subarray(bytesWritten);
        while (rest.length > 0) rest = rest.subarray((await file.write(rest)).bytesWritten);
      }
    }
  } finally {
    await file.close();
  }
}

/** Writes rows (in the order given) as every table's CSV and Parquet, one file each: for fixtures and callers outside publish(). */
export async function writeAllTables(dir: string, tables: ReportTables): Promise<void> {
  const texts = Object.fromEntries(
    TABLE_NAMES.map((t) => {
      const whole = csvBytes(Buffer.from(toCsv(t, tables[t]), "utf8"), []);
      return [t, { whole, files: [{ file: `${t}.csv`, fiscalYear: null, ...whole, rows: tables[t].length }] }];
    }),
  ) as TableTexts;
  await writeTableTexts(dir, texts);
}
