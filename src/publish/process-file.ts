/** One corpus file from bytes to validated CSV lines, or to a failure: the unit of work, in-process or in a worker. */
import type { ExtractedReport, ReportInput } from "../extract/report.ts";
import { formatOf, readDocument } from "../readers/index.ts";
import { OcrLater, type DocumentText, type ReadOptions } from "../readers/types.ts";
import type { ReportKind } from "../schema/vocab.ts";
import { TABLE_NAMES, TABLES, type TableName } from "../schema/tables.ts";
import { damagedBytesCheck, longNumberCheck, longNumberLines, maskDamagedNumbers, maskLongNumbers } from "./damaged-bytes.ts";
import { toFailure } from "./failure.ts";
import { foldingChecks, ocrChecks, ocrRowChecks, rowConfidence } from "./folding-checks.ts";
import type { Failure, InputRecord } from "./manifest.ts";
import { readCorpusFile } from "./read-corpus.ts";
import { sortByKey } from "./sort-rows.ts";
import { validateReport, type ReportTables } from "./validate-report.ts";
import { csvBody } from "./write-csv.ts";

export type Extract = (input: ReportInput) => ExtractedReport;

/** What decides between two files that claim the same report (see chooseDuplicates). */
export interface Soundness {
  /** Layout parts recognised. */
  partsFound: number;
  damagedLines: number;
  /** Blocks of lines printed twice (repeated_block checks): a download that repeated part of the text. */
  repeatedBlocks: number;
  /** facts + indicators + projects rows. */
  rows: number;
  errorChecks: number;
  /** Flagged possibly_truncated: the only copy a longer text beats for being longer. */
  truncated: boolean;
  /** Characters of text read: of two cut-off copies with the same tables, the longer holds more. */
  chars: number;
}

/** One report's share of every table: its CSV lines in key order (UTF-8), and how many rows each holds. */
export interface ReportChunk {
  reportId: string;
  unitId: string;
  /** department_zh: tells apart two departments whose initials give the same ids (src/publish/id-collisions.ts). */
  department: string;
  /** Decides which file of a table split by year (csv-files.ts) holds the report's lines. */
  fiscalYear: number;
  /** reports.report_kind: a 自评报告 and a 决算 of one unit and year are compared (cross-documents.ts). */
  kind: ReportKind;
  /** Encoded where the chunk is made (on a worker thread), so the main thread only concatenates bytes. */
  csv: Record<TableName, Uint8Array>;
  counts: Record<TableName, number>;
  soundness: Soundness;
}

/** What became of one file: its chunk, or a failure. Plain data (a few strings), cheap to send between threads. */
export type FileOutcome = { input: InputRecord; chunk: ReportChunk; failure: null } | { input: InputRecord; chunk: null; failure: Failure };

// Every table's key starts with report_id, so sorting each report's rows and then the reports by id gives
// exactly the order of a sort over the whole table, without keeping 500,000 row objects alive until the end.
for (const t of TABLE_NAMES) {
  if (TABLES[t].key[0] !== "report_id") throw new Error(`invalid key for ${t}: it must start with report_id`);
}

/**
 * The extractor's rows with what the reader saw: source_page from its pages (null for unpaged input or a check
 * with no line) and, on the rows read, ocr_confidence from a scan's line confidences (null for text).
 */
export function withReaderColumns(extracted: ExtractedReport, doc: Pick<DocumentText, "pages" | "ocr">): Omit<ReportTables, "reports"> {
  const { pages } = doc;
  const page = (line: number | null) => (pages === null || line === null ? null : (pages[line - 1] ?? null));
  const paged = <R extends { source_line: number | null }>(rows: readonly R[]) => rows.map((r) => ({ ...r, source_page: page(r.source_line) }));
  const read = <R extends { source_line: number }>(rows: readonly R[], figure: boolean) => paged(rows).map((r) => ({ ...r, ocr_confidence: rowConfidence(r, doc.ocr?.lines, figure) }));
  return { facts: read(extracted.facts, true), indicators: read(extracted.indicators, false), projects: read(extracted.projects, true), checks: paged(extracted.checks) };
}

/** A report's chunk from its validated rows. */
export function toChunk(rows: ReportTables, soundness: Soundness): ReportChunk {
  const sorted = Object.fromEntries(TABLE_NAMES.map((t) => [t, sortByKey(t, rows[t])])) as ReportTables;
  return {
    reportId: rows.reports[0]!.report_id,
    unitId: rows.reports[0]!.unit_id,
    department: rows.reports[0]!.department_zh,
    fiscalYear: rows.reports[0]!.fiscal_year,
    kind: rows.reports[0]!.report_kind,
    // Buffer.from, not TextEncoder: half the time for Chinese text (measured 8 vs 16 µs for 3,000 characters).
    csv: Object.fromEntries(TABLE_NAMES.map((t) => [t, Buffer.from(csvBody(t, sorted[t]), "utf8")])) as unknown as Record<TableName, Uint8Array>,
    counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, rows[t].length])) as Record<TableName, number>,
    soundness,
  };
}

/**
 * Reads, decodes, extracts and validates one file; never rejects for a bad report (only for an unreadable path).
 * With `ocr: false` a scan is left for later: null, to be processed again with OCR once the rest is done.
 */
export async function processFile(inDir: string, sourceFile: string, extract: Extract): Promise<FileOutcome>;
export async function processFile(inDir: string, sourceFile: string, extract: Extract, options: ReadOptions): Promise<FileOutcome | null>;
export async function processFile(inDir: string, sourceFile: string, extract: Extract, options: ReadOptions = {}): Promise<FileOutcome | null> {
  const raw = readCorpusFile(inDir, sourceFile);
  const input: InputRecord = {
    source_file: raw.sourceFile,
    format: formatOf(sourceFile),
    bytes: raw.bytes.length,
    sha256: raw.sha256,
    encoding: null,
    report_id: null,
    status: "failed",
    damaged_lines: [],
    parts: { found: [], absent: [] },
  };
  try {
    const doc: DocumentText = await readDocument(raw.bytes, sourceFile, options);
    input.encoding = doc.encoding;
    const longNumbers = longNumberLines(doc.text);
    const damagedLines = longNumbers.length === 0 ? doc.damagedLines : [...new Set([...doc.damagedLines, ...longNumbers])].sort((a, b) => a - b);
    input.damaged_lines = damagedLines;
    if (doc.attachments && doc.attachments.length > 0) input.attachments = doc.attachments;
    // Only the extractor sees the masked text; the report page shows the text as read, marks and all.
    const masked = doc.damagedLines.length > 0 ? maskDamagedNumbers(doc.text) : doc.text;
    const text = longNumbers.length > 0 ? maskLongNumbers(masked) : masked;
    const extracted = extract({ text, sourceFile, sha256: raw.sha256 });
    // Recorded before validation, so the manifest tells what was recognised in a report whose rows were refused.
    input.report_id = extracted.report.report_id;
    input.parts = { found: [...extracted.parts.found], absent: [...extracted.parts.absent] };
    const id = extracted.report.report_id;
    const added = [
      ...(doc.damagedLines.length > 0 ? [damagedBytesCheck(id, doc.damagedLines)] : []),
      ...(longNumbers.length > 0 ? [longNumberCheck(id, longNumbers)] : []),
      ...foldingChecks(id, doc.folded),
      ...ocrChecks(id, doc.ocr),
      ...ocrRowChecks(extracted, doc.ocr),
    ];
    const checked = added.length > 0 ? { ...extracted, checks: [...extracted.checks, ...added] } : extracted;
    const rows = validateReport(sourceFile, raw.sha256, { report: checked.report, ...withReaderColumns(checked, doc) });
    input.status = "published";
    return {
      input,
      chunk: toChunk(rows, {
        partsFound: extracted.parts.found.length,
        damagedLines: damagedLines.length,
        repeatedBlocks: rows.checks.filter((c) => c.rule === "repeated_block").length,
        truncated: rows.checks.some((c) => c.rule === "possibly_truncated"),
        rows: rows.facts.length + rows.indicators.length + rows.projects.length,
        errorChecks: rows.checks.filter((c) => c.severity === "error").length,
        chars: doc.text.length,
      }),
      failure: null,
    };
  } catch (error) {
    if (error instanceof OcrLater) return null;
    return { input, chunk: null, failure: toFailure(sourceFile, error) };
  }
}

/**
 * Every file's outcome, in order, on this thread: scans (OCR, seconds a page) after all the others, so they never
 * hold up a text, Word or vector PDF file. extract-pool.ts does the same on worker threads.
 */
export async function processAll(inDir: string, files: readonly string[], extract: Extract): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const later: number[] = [];
  for (const [i, f] of files.entries()) {
    const outcome = await processFile(inDir, f, extract, { ocr: false });
    if (outcome) outcomes[i] = outcome;
    else later.push(i);
  }
  for (const i of later) outcomes[i] = await processFile(inDir, files[i]!, extract);
  return outcomes;
}
