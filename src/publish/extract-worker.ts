/** Worker thread body for extract-pool.ts: processes the batches of files it is sent with the real extractReport. */
import { parentPort, workerData } from "node:worker_threads";
import { extractReport } from "../extract/report.ts";
import { processFile, type FileOutcome } from "./process-file.ts";

export interface Batch {
  start: number;
  files: string[];
}

/** What a worker sends: once, that its code is loaded (start-up is over); then each batch's outcomes. */
export type WorkerMessage = { ready: true } | { start: number; outcomes: FileOutcome[] };

const { inDir } = workerData as { inDir: string };
const port = parentPort;
if (!port) throw new Error("extract-worker.ts must run in a worker thread");
port.on("message", async (batch: Batch) => {
  // One file at a time: readers are async, but the work is CPU-bound, so overlapping files would only hold more memory.
  const outcomes: FileOutcome[] = [];
  for (const f of batch.files) outcomes.push(await processFile(inDir, f, extractReport));
  port.postMessage({ start: batch.start, outcomes } satisfies WorkerMessage);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
