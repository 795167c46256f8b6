/** Worker thread body for extract-pool.ts: processes the batches of files it is sent with the real extractReport. */
import { parentPort, workerData } from "node:worker_threads";
import { extractReport } from "../extract/report.ts";
import { processFile, type FileOutcome } from "./process-file.ts";

export interface Batch {
  start: number;
  files: string[];
}

const { inDir } = workerData as { inDir: string };
const port = parentPort;
if (!port) throw new Error("extract-worker.ts must run in a worker thread");
port.on("message", async (batch: Batch) => {
  // One file at a time: readers are async, but the work is CPU-bound, so overlapping files would only hold more memory.
  const outcomes: FileOutcome[] = [];
  for (const f of batch.files) outcomes.push(await processFile(inDir, f, extractReport));
  port.postMessage({ start: batch.start, outcomes });
});
