/** The data pipeline: read every report, extract and validate it, write all tables, swap them into --out. */
import { writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { extractReport } from "../extract/report.ts";
import { TABLE_NAMES, type TableName } from "../schema/tables.ts";
import { processInWorkers } from "./extract-pool.ts";
import { failure } from "./failure.ts";
import { buildManifest, manifestJson, type Failure, type InputRecord, type TableRecord } from "./manifest.ts";
import { processFile, type Extract, type FileOutcome, type ReportChunk } from "./process-file.ts";
import { listCorpus } from "./read-corpus.ts";
import { compareText } from "./sort-rows.ts";
import { fileRecord, writeAtomically } from "./swap-files.ts";
import { csvHeader } from "./write-csv.ts";
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
}

export interface PublishResult {
  failures: Failure[];
  counts: Record<TableName, number>;
  /** False when failures stopped the run before anything in outDir was touched. */
  published: boolean;
}

/** Below this many files, worker start-up costs more than it saves. */
const WORKER_THRESHOLD = 200;

const silent: Logger = { info: () => {}, warn: () => {} };

/** Runs the pipeline; one bad report never drops the others. See PublishResult for what happened. */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { inDir, outDir, keepGoing = false, extract = extractReport, logger = silent, workers = availableParallelism() } = options;
  const files = await listCorpus(inDir);
  const chunks: ReportChunk[] = [];
  const inputs: InputRecord[] = [];
  const failures: Failure[] = [];
  const idOwner = new Map<string, string>();

  // A function cannot cross into a worker thread, so an injected extractor (tests, the stand-in) runs here;
  // the real one runs on worker threads once the corpus is big enough to repay their start-up (~0.3 s each).
  const useWorkers = options.extract === undefined && workers > 1 && files.length >= WORKER_THRESHOLD;
  logger.info(`${files.length} reports in ${inDir}${useWorkers ? `, extracted on ${workers} worker threads` : ""}`);
  const outcomes: Iterable<FileOutcome> = useWorkers
    ? await processInWorkers(inDir, files, workers)
    : files.map((f) => processFile(inDir, f, extract));
  for (const outcome of outcomes) {
    const { input } = outcome;
    inputs.push(input);
    const fail = (f: Failure) => {
      failures.push(f);
      logger.warn(f.message);
    };
    if (outcome.chunk === null) {
      fail(outcome.failure);
      continue;
    }
    // report_id must be unique across the corpus: the first file in path order keeps it.
    const id = outcome.chunk.reportId;
    const owner = idOwner.get(id);
    if (owner !== undefined) {
      input.status = "failed";
      fail(failure(input.source_file, `a report_id not used by another report`, `${id}, already the id of ${owner}`));
      continue;
    }
    idOwner.set(id, input.source_file);
    chunks.push(outcome.chunk);
  }

  logger.info(`${files.length - failures.length} reports extracted, ${failures.length} failed`);
  const counts = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, chunks.reduce((n, c) => n + c.counts[t], 0)]),
  ) as Record<TableName, number>;
  if (failures.length > 0 && !keepGoing) {
    logger.warn(`${failures.length} of ${files.length} reports failed; nothing written to ${outDir} (use --keep-going to publish the rest)`);
    return { failures, counts, published: false };
  }

  // Rows inside a chunk are already in key order; ordering the chunks by report_id completes the sort.
  chunks.sort((a, b) => compareText(a.reportId, b.reportId));
  const texts = Object.fromEntries(TABLE_NAMES.map((t) => [t, csvHeader(t) + chunks.map((c) => c.csv[t]).join("")])) as TableTexts;
  await writeAtomically(outDir, publishedFiles(), async (tmp) => {
    await (options.writeTables ?? writeTableTexts)(tmp, texts);
    const tableRecords = {} as Record<TableName, TableRecord>;
    for (const name of TABLE_NAMES) {
      tableRecords[name] = {
        rows: counts[name],
        parquet: await fileRecord(tmp, `${name}.parquet`),
        csv: await fileRecord(tmp, `${name}.csv`),
      };
    }
    const manifest = buildManifest({ generatedAt: options.generatedAt ?? null, tables: tableRecords, inputs, failures });
    await writeFile(join(tmp, "manifest.json"), manifestJson(manifest), "utf8");
  });
  return { failures, counts, published: true };
}

