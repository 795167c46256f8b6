/** Worker thread body for extract-pool.ts: processes the batches of files it is sent with the real extractReport. */
import { appendFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { TableName } from "../schema/tables.ts";
import { extractReport } from "../extract/report.ts";
import { processFile, type FileOutcome, type ReportChunk } from "./process-file.ts";

export interface Batch {
  start: number;
  files: string[];
  /** False on the first pass: a scan is sent back (null) to be read by OCR once every other file is done. */
  ocr: boolean;
}

/** Where a table's CSV lines of one report stand in the worker's spool file. */
export interface Span {
  at: number;
  length: number;
}

/** A FileOutcome as sent: its chunk's CSV bytes left in the spool file, named by span. */
export type SpooledOutcome =
  | Extract<FileOutcome, { chunk: null }>
  | (Omit<Extract<FileOutcome, { failure: null }>, "chunk"> & { chunk: Omit<ReportChunk, "csv"> & { csv: Record<TableName, Span> } });

/** What a worker sends: once, that its code is loaded (start-up is over); then each batch's outcomes (null: a scan left for OCR). */
export type WorkerMessage = { ready: true } | { start: number; outcomes: (SpooledOutcome | null)[] };

const { inDir, spool } = workerData as { inDir: string; spool: string };
const port = parentPort;
if (!port) throw new Error("extract-worker.ts must run in a worker thread");
let spooled = 0;
// The pool sends two batches ahead; they are taken one after the other, one file at a time: readers are async, but
// the work is CPU-bound, so overlapping files would only hold more memory.
let queue: Promise<void> = Promise.resolve();
port.on("message", (batch: Batch) => {
  queue = queue.then(() => processBatch(batch));
});
port.postMessage({ ready: true } satisfies WorkerMessage);

async function processBatch(batch: Batch): Promise<void> {
  const outcomes: (FileOutcome | null)[] = [];
  for (const f of batch.files) outcomes.push(await processFile(inDir, f, extractReport, { ocr: batch.ocr }));
  // The CSV bytes go to this worker's spool file, once per batch, not into the message: 70 MB of message buffers
  // held on the main thread counted as external memory, for which V8 ran a full collection every 2–3 s there.
  const bytes: Uint8Array[] = [];
  const spans = (csv: ReportChunk["csv"]) =>
    Object.fromEntries(
      Object.entries(csv).map(([t, b]) => {
        bytes.push(b);
        spooled += b.length;
        return [t, { at: spooled - b.length, length: b.length }];
      }),
    ) as Record<TableName, Span>;
  const sent = outcomes.map((o): SpooledOutcome | null => (o === null || o.chunk === null ? o : { ...o, chunk: { ...o.chunk, csv: spans(o.chunk.csv) } }));
  if (bytes.length > 0) appendFileSync(spool, Buffer.concat(bytes));
  port!.postMessage({ start: batch.start, outcomes: sent } satisfies WorkerMessage);
}
