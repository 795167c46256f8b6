/** The data pipeline: read every report, extract and validate it, write all tables, swap them into --out. */
import { createHash } from "node:crypto";
import { open, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { extractReport } from "../extract/report.ts";
import { SCHEMA_VERSION, TABLE_NAMES, type ChangeRow, type TableName, type TableRows } from "../schema/tables.ts";
import { chooseDuplicates, duplicateCheck, duplicateFailure } from "./duplicates.ts";
import { crossDocumentChecks } from "./cross-documents.ts";
import { processInWorkers } from "./extract-pool.ts";
import { joinAbbreviations, separateSharedIds } from "./id-collisions.ts";
import { CSV_LIMITS, csvBytes, csvFiles, isTableCsv, type CsvFile, type CsvLimits } from "./csv-files.ts";
import { buildManifest, manifestJson, type ChangesRecord, type CsvRecord, type Failure, type InputRecord, type TableRecord } from "./manifest.ts";
import { PROVINCES_FILE, provinceRecord, splitByProvince, type ProvinceRecord, type ProvincesFile } from "./provinces.ts";
import { noChanges, readPreviousRelease, streamChanges, type PreviousRelease } from "./changes.ts";
import { withDuckDb, writeParquet } from "./write-parquet.ts";
import { writeXlsx, XLSX_MAX_ROWS } from "./write-xlsx.ts";
import { processAll, type Extract, type FileOutcome, type ReportChunk } from "./process-file.ts";
import { listCorpus } from "./read-corpus.ts";
import { compareText, sortByKey } from "./sort-rows.ts";
import { fileRecord, writeAtomically } from "./swap-files.ts";
import { csvBody, csvHeader, readCsvBody } from "./write-csv.ts";
import { publishedFiles, writeTableTexts, type TableTexts, type WriteTables } from "./write-tables.ts";

export { publishedFiles, writeTableTexts, type TableTexts, type WriteTables };

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface PublishOptions {
  inDir: string;
  outDir: string;
  /** Publish the reports that did extract even when others failed (failures go to manifest.json). */
  keepGoing?: boolean;
  extract?: Extract;
  logger?: Logger;
  /** manifest.generated_at; the pipeline itself never reads the clock (see Manifest). */
  generatedAt?: string | null;
  writeTables?: WriteTables;
  /** Worker threads for extraction with the real extractReport; default: one per core. */
  workers?: number;
  /** A previous release's directory (manifest.json and Parquet files): write the change log against it. */
  previous?: string;
  /** Past these, a table's CSV is published as one file per fiscal year (csv-files.ts); default CSV_LIMITS. */
  csvLimits?: CsvLimits;
  /** One release per province in outDir/<code>/ and outDir/provinces.json (provinces.ts), instead of one in outDir. */
  byProvince?: boolean;
}

export interface PublishResult {
  /** Files that could not be published (in manifest.json's failures). */
  failures: Failure[];
  /** Files that lost to a sounder file of the same report (also in manifest.json's failures); they never stop a run. */
  duplicates: Failure[];
  counts: Record<TableName, number>;
  /** Each table's CSV file names as written (one, or one per year); empty when nothing was published. */
  csvFiles: Record<TableName, string[]>;
  /** False when failures stopped the run before anything in outDir was touched. */
  published: boolean;
  /** The change log (manifest.changes) when a previous release was given and the run published; otherwise null. */
  changes: ChangesRecord | null;
  /** With byProvince, what provinces.json lists; otherwise null. */
  provinces: ProvinceRecord[] | null;
}

/** Below this many files, worker start-up costs more than it saves. */
const WORKER_THRESHOLD = 200;

const utf8 = new TextDecoder();

const silent: Logger = { info: () => {}, warn: () => {} };

/** Runs the pipeline; one bad report never drops the others. See PublishResult for what happened. */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { inDir, outDir, keepGoing = false, extract = extractReport, logger = silent, workers = availableParallelism() } = options;
  // Read first: a --previous that is not a release fails the run before any report is read.
  // By province, the previous release is one directory per province, each read when its province is written.
  const previous = options.previous === undefined || options.byProvince ? null : await readPreviousRelease(options.previous);
  const files = await listCorpus(inDir);

  // A function cannot cross into a worker thread, so an injected extractor (tests, the stand-in) runs here;
  // the real one runs on worker threads once the corpus is big enough to repay their start-up (~0.3 s each).
  const useWorkers = options.extract === undefined && workers > 1 && files.length >= WORKER_THRESHOLD;
  logger.info(`${files.length} reports in ${inDir}${useWorkers ? `, extracted on ${workers} worker threads` : ""}`);
  const onReady = () => logger.info(`${workers} extract workers started`);
  const outcomes: FileOutcome[] = useWorkers ? await processInWorkers(inDir, files, workers, onReady) : await processAll(inDir, files, extract);

  const inputs = outcomes.map((o) => o.input);
  const failures = outcomes.flatMap((o) => (o.chunk === null ? [o.failure] : []));
  for (const f of failures) logger.warn(f.message);
  const settled = settleDuplicates(separateIds(outcomes));
  const duplicates = settled.duplicates;
  for (const d of duplicates) logger.warn(d.message);
  const conflicts = crossDocumentChecks(settled.chunks);
  const chunks = conflicts.size === 0 ? settled.chunks : settled.chunks.map((c) => (conflicts.has(c.reportId) ? withChecks(c, conflicts.get(c.reportId)!) : c));

  logger.info(`${chunks.length} reports extracted, ${failures.length} failed${duplicates.length > 0 ? `, ${duplicates.length} duplicate${duplicates.length === 1 ? "" : "s"} left out` : ""}`);
  const counts = tableCounts(chunks);
  if (failures.length > 0 && !keepGoing) {
    logger.warn(`${failures.length} of ${files.length} reports failed; nothing written to ${outDir} (use --keep-going to publish the rest)`);
    return { failures, duplicates, counts, csvFiles: Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as Record<TableName, string[]>, published: false, changes: null, provinces: null };
  }

  // Rows inside a chunk are already in key order; ordering the chunks by report_id completes the sort.
  chunks.sort((a, b) => compareText(a.reportId, b.reportId));
  const manifestFailures = [...failures, ...duplicates];
  if (!options.byProvince) {
    const release = await writeRelease(outDir, chunks, inputs, manifestFailures, previous, options);
    return { failures, duplicates, counts, csvFiles: release.csvFiles, published: true, changes: release.changes, provinces: null };
  }
  const { groups, unplaced } = splitByProvince(chunks, inputs, manifestFailures);
  const provinces: ProvinceRecord[] = [];
  for (const g of groups) {
    // Each province's change log is against the same province's directory of the previous release, when it has one.
    const before = options.previous === undefined ? null : await readPreviousRelease(join(options.previous, g.code)).catch(() => null);
    const release = await writeRelease(join(outDir, g.code), g.chunks, g.inputs, g.failures, before, options);
    provinces.push(provinceRecord(g.code, g.chunks, release.releaseId));
  }
  const file: ProvincesFile = { schema_version: SCHEMA_VERSION, provinces, unplaced: unplaced.failures };
  await writeAtomically(outDir, [PROVINCES_FILE], (tmp) => writeFile(join(tmp, PROVINCES_FILE), `${JSON.stringify(file, null, 2)}\n`, "utf8"));
  const none = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as string[]])) as Record<TableName, string[]>;
  return { failures, duplicates, counts, csvFiles: none, published: true, changes: null, provinces };
}

/**
 * One release in outDir: the chunks' tables (CSV, one per year past a limit, and Parquet), the change log against
 * previous when given, and manifest.json last, all swapped in at once.
 */
async function writeRelease(
  outDir: string,
  chunks: readonly ReportChunk[],
  inputs: readonly InputRecord[],
  failures: readonly Failure[],
  previous: PreviousRelease | null,
  options: PublishOptions,
): Promise<{ csvFiles: Record<TableName, string[]>; changes: ChangesRecord | null; releaseId: string }> {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => {
      const header = Buffer.from(csvHeader(t), "utf8");
      const files = csvFiles(t, header, chunks.map((c) => ({ fiscalYear: c.fiscalYear, bytes: c.csv[t], rows: c.counts[t] })), options.csvLimits ?? CSV_LIMITS);
      return [t, { whole: files.length === 1 ? files[0]! : csvBytes(header, chunks.map((c) => ({ bytes: c.csv[t] }))), files }];
    }),
  ) as TableTexts;
  const counts = tableCounts(chunks);
  // manifest.json last, so a reader who sees the new manifest also sees the files it lists.
  let changes: ChangesRecord | null = null;
  let releaseId = "";
  const published = () => {
    const log = changes === null ? [] : [changes.csv.file, changes.parquet.file, ...(changes.xlsx ? [changes.xlsx.file] : [])];
    return [...publishedFiles(tables).filter((f) => f !== "manifest.json"), ...log, "manifest.json"];
  };
  await writeAtomically(outDir, published, async (tmp) => {
    await (options.writeTables ?? writeTableTexts)(tmp, tables);
    const tableRecords = {} as Record<TableName, TableRecord>;
    for (const name of TABLE_NAMES) {
      tableRecords[name] = { rows: counts[name], parquet: await fileRecord(tmp, `${name}.parquet`), csv: tables[name].files.map(csvRecord) };
    }
    changes = previous ? await writeChanges(tmp, previous) : null;
    const manifest = buildManifest({ generatedAt: options.generatedAt ?? null, tables: tableRecords, inputs, failures, changes });
    releaseId = manifest.release_id;
    await writeFile(join(tmp, "manifest.json"), manifestJson(manifest), "utf8");
  });
  // A table split in an earlier run and whole now (or split otherwise) leaves files the new manifest does not list;
  // so does a change log of an earlier run made with --previous.
  const current = new Set(published());
  for (const file of await readdir(outDir)) {
    if (!current.has(file) && (isTableCsv(file, TABLE_NAMES) || CHANGE_FILES.includes(file))) await rm(join(outDir, file), { force: true });
  }
  const csvNames = Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].files.map((f) => f.file)])) as Record<TableName, string[]>;
  // The cast: TypeScript does not see the callback above assign `changes`, and would take it to be null here.
  return { csvFiles: csvNames, changes: changes as ChangesRecord | null, releaseId };
}

/** Rows per table over these chunks. */
function tableCounts(chunks: readonly ReportChunk[]): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, chunks.reduce((n, c) => n + c.counts[t], 0)])) as Record<TableName, number>;
}

/** The change log's files, written only when a previous release was given. */
const CHANGE_FILES = ["changes.csv", "changes.parquet", "changes.xlsx"];

/** Writes dir/changes.csv, its Parquet twin and (up to XLSX_MAX_ROWS rows) its XLSX from the diff of dir's new tables against the previous release. */
async function writeChanges(dir: string, previous: PreviousRelease): Promise<ChangesRecord> {
  const csvPath = join(dir, "changes.csv");
  const counts = noChanges();
  let rows = 0;
  // Kept for the XLSX only while they fit its limit; the CSV is written as they come.
  let kept: ChangeRow[] | null = [];
  await withDuckDb(async (db) => {
    const file = await open(csvPath, "w");
    try {
      await file.write(csvHeader("changes"));
      await streamChanges(db, previous.dir, dir, async (batch) => {
        for (const r of batch) counts[r.change]++;
        rows += batch.length;
        if (kept !== null && rows <= XLSX_MAX_ROWS) kept.push(...batch);
        else kept = null;
        await file.write(csvBody("changes", batch));
      });
    } finally {
      await file.close();
    }
    await writeParquet(db, "changes", csvPath, join(dir, "changes.parquet"));
  });
  if (kept !== null) await writeXlsx(join(dir, "changes.xlsx"), "changes", kept);
  return {
    previous_release_id: previous.releaseId,
    counts,
    rows,
    csv: await fileRecord(dir, "changes.csv"),
    parquet: await fileRecord(dir, "changes.parquet"),
    xlsx: kept === null ? null : await fileRecord(dir, "changes.xlsx"),
  };
}

/** A CSV file's manifest record, hashed from the parts handed to the writer (no second read of 70 MB). */
function csvRecord(f: CsvFile): CsvRecord {
  const hash = createHash("sha256");
  for (const part of f.parts) hash.update(part);
  return { file: f.file, bytes: f.bytes, sha256: hash.digest("hex"), fiscal_year: f.fiscalYear, rows: f.rows };
}

/** Outcomes with ids that two departments share renamed apart (separateSharedIds), input records in step. */
function separateIds(outcomes: readonly FileOutcome[]): FileOutcome[] {
  const chunks = separateSharedIds(joinAbbreviations(outcomes.flatMap((o) => (o.chunk === null ? [] : [o.chunk]))));
  let next = 0;
  return outcomes.map((o) => {
    if (o.chunk === null) return o;
    const chunk = chunks[next++]!;
    o.input.report_id = chunk.reportId;
    return { input: o.input, chunk, failure: null };
  });
}

/**
 * Keeps one chunk per report_id, chosen by content (chooseDuplicates); each losing file's input is marked
 * "duplicate", gets a failure, and the winner a duplicate_input check (its checks CSV re-rendered in key order).
 */
function settleDuplicates(outcomes: readonly FileOutcome[]): { chunks: ReportChunk[]; duplicates: Failure[] } {
  const published = outcomes.filter((o): o is FileOutcome & { chunk: ReportChunk } => o.chunk !== null);
  const { winners, losses } = chooseDuplicates(
    published.map(({ input, chunk }) => ({
      sourceFile: input.source_file, reportId: chunk.reportId, format: input.format, encoding: input.encoding, sha256: input.sha256, soundness: chunk.soundness,
    })),
  );
  const losers = new Set(losses.map((l) => l.loser));
  const chunks: ReportChunk[] = [];
  for (const { input, chunk } of published) {
    if (losers.has(input.source_file)) {
      input.status = "duplicate";
      continue;
    }
    const lost = losses.filter((l) => l.winner === input.source_file);
    chunks.push(lost.length === 0 ? chunk : withChecks(chunk, lost.map((l) => ({ ...duplicateCheck(l), source_page: null }))));
  }
  if (winners.size !== chunks.length) throw new Error(`internal: ${winners.size} report ids but ${chunks.length} published chunks`);
  return { chunks, duplicates: losses.map(duplicateFailure) };
}

/**
 * The chunk with more check rows, its checks CSV re-rendered so the report's checks stay in key order. The rows are
 * read back from the CSV: rare (a report that won over a duplicate), and sending every report's check rows from the
 * workers as objects kept 120,000 of them on this thread's heap at 10,000 reports.
 */
function withChecks(chunk: ReportChunk, added: readonly TableRows["checks"][]): ReportChunk {
  const checks = sortByKey("checks", [...readCsvBody("checks", utf8.decode(chunk.csv.checks)), ...added]);
  return { ...chunk, csv: { ...chunk.csv, checks: Buffer.from(csvBody("checks", checks), "utf8") }, counts: { ...chunk.counts, checks: checks.length } };
}

