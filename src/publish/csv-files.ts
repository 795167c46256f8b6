/**
 * How a table's CSV is published: one file while it fits, else one file per fiscal year (numbered parts where a
 * year alone does not fit). A province's corpus passes both limits below within a few years, and a file a host
 * refuses or Excel cuts short is worse than a split; Parquet stays one file per table (it is 5–15× smaller). Pure.
 */
import type { TableName } from "../schema/tables.ts";

export interface CsvLimits {
  /** Bytes per file. */
  bytes: number;
  /** Data rows per file (the header comes on top). */
  rows: number;
}

export const CSV_LIMITS: CsvLimits = {
  // Cloudflare Pages' per-file limit, the strictest of the common free static hosts (GitHub Pages: 100 MB).
  bytes: 25 * 1024 * 1024,
  // Excel opens at most 1,048,576 rows, and drops the rest with only a warning; one of them is the header.
  rows: 1_048_575,
};

/** One report's lines of one table (UTF-8), in published order. */
export interface CsvPiece {
  fiscalYear: number;
  bytes: Uint8Array;
  rows: number;
}

/** A file's UTF-8 bytes as the pieces it is made of, written and hashed in turn (never concatenated in memory). */
export interface CsvBytes {
  /** The header, then each report's lines. */
  parts: readonly Uint8Array[];
  /** Their total length. */
  bytes: number;
}

export interface CsvFile extends CsvBytes {
  file: string;
  /** null for the one file of an unsplit table. */
  fiscalYear: number | null;
  rows: number;
}

/** Header + pieces as the parts of one file. */
export function csvBytes(header: Uint8Array, pieces: readonly { bytes: Uint8Array }[]): CsvBytes {
  const parts = [header, ...pieces.map((p) => p.bytes)];
  return { parts, bytes: parts.reduce((n, p) => n + p.length, 0) };
}

/**
 * The files of table `name` for header + pieces (pieces in published order). A report's lines are never split
 * between files, so a part can pass the limits only when one report alone does.
 */
export function csvFiles(name: TableName, header: Uint8Array, pieces: readonly CsvPiece[], limits: CsvLimits = CSV_LIMITS): CsvFile[] {
  const file = (fileName: string, fiscalYear: number | null, ps: readonly CsvPiece[]): CsvFile => ({
    file: fileName,
    fiscalYear,
    ...csvBytes(header, ps),
    rows: ps.reduce((s, p) => s + p.rows, 0),
  });
  const parts = (ps: readonly CsvPiece[]) => fill(ps, header.length, limits);
  if (parts(pieces).length === 1) return [file(`${name}.csv`, null, pieces)];

  const byYear = new Map<number, CsvPiece[]>();
  for (const p of pieces) {
    const year = byYear.get(p.fiscalYear);
    if (year) year.push(p);
    else byYear.set(p.fiscalYear, [p]);
  }
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .flatMap((year) => {
      const runs = parts(byYear.get(year)!);
      return runs.length === 1 ? [file(`${name}-${year}.csv`, year, runs[0]!)] : runs.map((ps, i) => file(`${name}-${year}-${i + 1}.csv`, year, ps));
    });
}

/** Pieces cut into runs, each as long as the limits allow (header included), and at least one piece long. */
function fill(pieces: readonly CsvPiece[], headerBytes: number, limits: CsvLimits): CsvPiece[][] {
  const runs: CsvPiece[][] = [];
  let run: CsvPiece[] = [];
  let bytes = headerBytes;
  let rows = 0;
  for (const p of pieces) {
    if (run.length > 0 && (bytes + p.bytes.length > limits.bytes || rows + p.rows > limits.rows)) {
      runs.push(run);
      [run, bytes, rows] = [[], headerBytes, 0];
    }
    run.push(p);
    bytes += p.bytes.length;
    rows += p.rows;
  }
  runs.push(run);
  return runs;
}

/** Whether a file name is one csvFiles gives for some table: what a new run replaces in the output directory. */
export function isTableCsv(file: string, names: readonly string[]): boolean {
  const m = /^([a-z]+)(?:-\d{4}(?:-\d+)?)?\.csv$/.exec(file);
  return m !== null && names.includes(m[1]!);
}
