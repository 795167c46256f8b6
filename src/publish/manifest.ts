/** manifest.json: what was published, from which inputs, and what failed. Pure: no clock, no I/O. */
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from "../schema/tables.ts";
import type { Format } from "../readers/types.ts";
import type { ChangeCounts } from "./changes.ts";
import { releaseId } from "./release.ts";

export interface Failure {
  file: string;
  line: number | null;
  expected: string | null;
  found: string | null;
  message: string;
}

export interface InputRecord {
  source_file: string;
  /** Which reader read it, from the extension. */
  format: Format | null;
  /** Size of the file as stored. */
  bytes: number;
  sha256: string;
  /** How text bytes were decoded ("utf-8", "gb18030", "utf-16le" …); null when not read, or for formats that say it themselves. */
  encoding: string | null;
  /** null when the report failed before an id was known (undecodable bytes, or the extractor threw). */
  report_id: string | null;
  /** duplicate: the same report as a sounder file that was published instead (see failures). */
  status: "published" | "failed" | "duplicate";
  /** Lines holding an undecodable byte (U+FFFD in the text). */
  damaged_lines: number[];
  parts: { found: string[]; absent: string[] };
  /** Files a web page links (.doc, .pdf, .xls …: its attachments, to fetch and read as reports of their own); .html only. */
  attachments?: { href: string; text: string }[];
}

export interface FileRecord {
  file: string;
  bytes: number;
  sha256: string;
}

/** One CSV file of a table: the whole table, or (past a host's or Excel's limit, see csv-files.ts) one year or part of one. */
export interface CsvRecord extends FileRecord {
  /** null for the one file of an unsplit table. */
  fiscal_year: number | null;
  rows: number;
}

export interface TableRecord {
  rows: number;
  parquet: FileRecord;
  /** One file, or several in year order. */
  csv: CsvRecord[];
}

/** The change log of this release against the previous one (`--previous`): changes.csv and changes.parquet. */
export interface ChangesRecord {
  previous_release_id: string;
  /** Rows of the change log by kind (report_added, value_changed …). */
  counts: ChangeCounts;
  rows: number;
  csv: FileRecord;
  parquet: FileRecord;
  /** The same rows for Excel; null past write-xlsx.ts's XLSX_MAX_ROWS (a whole re-read: the CSV and Parquet hold it). */
  xlsx: FileRecord | null;
}

export interface Manifest {
  schema_version: string;
  /** `<date>-<hash>` of the tables' contents (release.ts): the same tables always give the same id. */
  release_id: string;
  /**
   * ISO time of the data, or null. The pipeline never reads the wall clock, so two runs on the same inputs
   * give byte-identical manifests; the CLI fills this from SOURCE_DATE_EPOCH (reproducible-builds.org) when set.
   */
  generated_at: string | null;
  tables: Record<TableName, TableRecord>;
  inputs: InputRecord[];
  failures: Failure[];
  /** null when the run was given no previous release to compare with. */
  changes: ChangesRecord | null;
  /** Present only on a synthetic corpus (`npm run demo` writes "合成示例数据"): these tables are not real reports. */
  synthetic?: string;
}

/** Assembles the manifest; inputs and failures are sorted by file so the JSON does not depend on run order. */
export function buildManifest(args: {
  generatedAt: string | null;
  tables: Record<TableName, TableRecord>;
  inputs: readonly InputRecord[];
  failures: readonly Failure[];
  changes?: ChangesRecord | null;
}): Manifest {
  const byFile = <T>(file: (x: T) => string) => (a: T, b: T) => (file(a) < file(b) ? -1 : file(a) > file(b) ? 1 : 0);
  // Rebuilt in TABLE_NAMES order so the JSON key order is the schema's, whatever order the caller filled it in.
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, args.tables[t]])) as Record<TableName, TableRecord>;
  return {
    schema_version: SCHEMA_VERSION,
    release_id: releaseId(args.generatedAt, tables),
    generated_at: args.generatedAt,
    tables,
    inputs: [...args.inputs].sort(byFile((i) => i.source_file)),
    failures: [...args.failures].sort(byFile((f) => f.file)),
    changes: args.changes ?? null,
  };
}

/** The manifest as written: two-space JSON with a final newline. */
export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** generated_at from SOURCE_DATE_EPOCH (seconds since 1970), or null when unset or not a number. */
export function generatedAtFromEnv(env: Record<string, string | undefined>): string | null {
  const raw = env["SOURCE_DATE_EPOCH"];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return null;
  return new Date(Number(raw.trim()) * 1000).toISOString();
}
