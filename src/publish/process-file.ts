/** One corpus file from bytes to validated CSV lines, or to a failure: the unit of work, in-process or in a worker. */
import type { ExtractedReport, ReportInput } from "../extract/report.ts";
import { failure, toFailure } from "./failure.ts";
import type { Failure, InputRecord } from "./manifest.ts";
import { decodeReport, readCorpusFile } from "./read-corpus.ts";
import { TABLE_NAMES, TABLES, type TableName } from "../schema/tables.ts";
import { sortByKey } from "./sort-rows.ts";
import { validateReport } from "./validate-report.ts";
import { csvBody } from "./write-csv.ts";

export type Extract = (input: ReportInput) => ExtractedReport;

/** One report's share of every table: its CSV lines in key order, and how many rows each holds. */
export interface ReportChunk {
  reportId: string;
  csv: Record<TableName, string>;
  counts: Record<TableName, number>;
}

/** What became of one file: its chunk, or a failure. Plain data (a few strings), cheap to send between threads. */
export type FileOutcome = { input: InputRecord; chunk: ReportChunk; failure: null } | { input: InputRecord; chunk: null; failure: Failure };

// Every table's key starts with report_id, so sorting each report's rows and then the reports by id gives
// exactly the order of a sort over the whole table, without keeping 500,000 row objects alive until the end.
for (const t of TABLE_NAMES) {
  if (TABLES[t].key[0] !== "report_id") throw new Error(`invalid key for ${t}: it must start with report_id`);
}

/** Reads, decodes, extracts and validates one file; never throws for a bad report (only for an unreadable path). */
export function processFile(inDir: string, sourceFile: string, extract: Extract): FileOutcome {
  const raw = readCorpusFile(inDir, sourceFile);
  const input: InputRecord = {
    source_file: raw.sourceFile,
    sha256: raw.sha256,
    encoding: null,
    report_id: null,
    status: "failed",
    parts: { found: [], absent: [] },
  };
  const decoded = decodeReport(raw.bytes);
  if (decoded === null) {
    return { input, chunk: null, failure: failure(sourceFile, "UTF-8 or GB18030 text", "bytes that are neither") };
  }
  input.encoding = decoded.encoding;
  try {
    const extracted = extract({ text: decoded.text, sourceFile, sha256: raw.sha256 });
    // Recorded before validation, so the manifest tells what was recognised in a report whose rows were refused.
    input.report_id = extracted.report.report_id;
    input.parts = { found: [...extracted.parts.found], absent: [...extracted.parts.absent] };
    const rows = validateReport(sourceFile, raw.sha256, extracted);
    const chunk: ReportChunk = {
      reportId: extracted.report.report_id,
      csv: Object.fromEntries(TABLE_NAMES.map((t) => [t, csvBody(t, sortByKey(t, rows[t]))])) as Record<TableName, string>,
      counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, rows[t].length])) as Record<TableName, number>,
    };
    input.status = "published";
    return { input, chunk, failure: null };
  } catch (error) {
    return { input, chunk: null, failure: toFailure(sourceFile, error) };
  }
}
