/** One corpus file from bytes to validated rows, or to a failure: the unit of work, in-process or in a worker. */
import type { ExtractedReport, ReportInput } from "../extract/report.ts";
import { failure, toFailure } from "./failure.ts";
import type { Failure, InputRecord } from "./manifest.ts";
import { decodeReport, readCorpusFile } from "./read-corpus.ts";
import { validateReport, type ReportTables } from "./validate-report.ts";

export type Extract = (input: ReportInput) => ExtractedReport;

/** What became of one file: rows, or a failure. Plain data, so it can cross threads. */
export type FileOutcome = { input: InputRecord; rows: ReportTables; failure: null } | { input: InputRecord; rows: null; failure: Failure };

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
    return { input, rows: null, failure: failure(sourceFile, "UTF-8 or GB18030 text", "bytes that are neither") };
  }
  input.encoding = decoded.encoding;
  try {
    const extracted = extract({ text: decoded.text, sourceFile, sha256: raw.sha256 });
    const rows = validateReport(sourceFile, raw.sha256, extracted);
    input.report_id = extracted.report.report_id;
    input.parts = { found: [...extracted.parts.found], absent: [...extracted.parts.absent] };
    input.status = "published";
    return { input, rows, failure: null };
  } catch (error) {
    return { input, rows: null, failure: toFailure(sourceFile, error) };
  }
}
