/** Worker thread body for extract-pool.ts: processes the batches of files it is sent with the real extractReport. */
import { parentPort, workerData } from "node:worker_threads";
import { extractReport } from "../extract/report.ts";
import { processFile } from "./process-file.ts";

export interface Batch {
  start: number;
  files: string[];
}

const { inDir } = workerData as { inDir: string };
const port = parentPort;
if (!port) throw new Error("extract-worker.ts must run in a worker thread");
port.on("message", (batch: Batch) => {
  port.postMessage({ start: batch.start, outcomes: batch.files.map((f) => processFile(inDir, f, extractReport)) });
});
