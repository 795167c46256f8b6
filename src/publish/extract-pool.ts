/**
 * Runs processFile with the real extractReport on worker threads, so extraction uses every core.
 * `npm run data` starts Node with V8's --single-threaded, which a worker cannot be given on its own: it keeps V8's
 * compiler and GC from running background threads that compete with the extractors for the same two cores
 * (background threads took 2.5–3 s of 14 s CPU; with the flag 0.15 s). End to end on 10,000 texts, on a quiet
 * machine, three paired runs took 5–18% less wall time with it. Child processes, which could take the flag alone,
 * were slower still through their pipes.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { TableName } from "../schema/tables.ts";
import type { Batch, SpooledOutcome, WorkerMessage } from "./extract-worker.ts";
import type { FileOutcome } from "./process-file.ts";

// Small batches keep both workers busy to the end; 25 reports are 25–100 ms of extraction, far above messaging costs.
const BATCH = 25;

/** Outcomes for files, in the order of files whatever order the workers finish in; onReady once every worker has loaded its code. */
export async function processInWorkers(inDir: string, files: readonly string[], workers: number, onReady: () => void = () => {}): Promise<FileOutcome[]> {
  // Each worker appends its chunks' CSV bytes to its own spool file here (see extract-worker.ts).
  const dir = await mkdtemp(join(tmpdir(), "caizheng-extract-"));
  try {
    return await runWorkers(inDir, files, workers, dir, onReady);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runWorkers(inDir: string, files: readonly string[], workers: number, dir: string, onReady: () => void): Promise<FileOutcome[]> {
  const outcomes: { outcome: SpooledOutcome; spool: string }[] = new Array(files.length);
  const count = Math.min(workers, Math.ceil(files.length / BATCH));
  let loading = count;
  let next = 0;
  let failed = false;
  // Scans the first pass left for OCR (their indexes), read one per batch once every other file has been sent.
  const later: number[] = [];
  // Batches sent and not yet answered, over all workers: while any is out, it may still leave scans for later.
  let out = 0;
  const idle = new Set<() => void>();
  const take = (): Batch | null => {
    // After one worker fails the run is lost: the others stop at their next batch instead of finishing the corpus.
    if (failed) return null;
    if (next < files.length) {
      const batch = { start: next, files: files.slice(next, next + BATCH), ocr: false };
      next += BATCH;
      return batch;
    }
    const scan = later.shift();
    return scan === undefined ? null : { start: scan, files: [files[scan]!], ocr: true };
  };
  const run = (k: number) =>
    new Promise<void>((resolve, reject) => {
      const spool = join(dir, `${k}.csv`);
      const worker = new Worker(new URL("./extract-worker.ts", import.meta.url), { workerData: { inDir, spool } });
      let done = false;
      let inFlight = 0;
      const feed = () => {
        const batch = take();
        if (batch) {
          idle.delete(feed);
          inFlight += 1;
          out += 1;
          return worker.postMessage(batch);
        }
        if (inFlight > 0 || done) return;
        // Nothing to take now; another worker's answer may yet leave a scan for later, so stop only when none is out.
        idle.add(feed);
        if (out > 0 && !failed) return;
        done = true;
        idle.delete(feed);
        void worker.terminate().then(() => resolve(), reject);
        for (const other of [...idle]) other();
      };
      worker.on("message", (result: WorkerMessage) => {
        if ("ready" in result) {
          if (--loading === 0) onReady();
          return;
        }
        result.outcomes.forEach((outcome, i) => {
          if (outcome === null) later.push(result.start + i);
          else outcomes[result.start + i] = { outcome, spool };
        });
        inFlight -= 1;
        out -= 1;
        feed();
        for (const other of [...idle]) other();
      });
      worker.on("error", (error) => {
        failed = true;
        reject(error);
      });
      worker.on("exit", (code) => {
        if (done) return;
        failed = true;
        reject(new Error(`extract worker stopped early with exit code ${code}`));
      });
      // Two batches ahead: a worker that finishes one starts the next at once, without waiting for this thread.
      feed();
      feed();
    });
  await Promise.all(Array.from({ length: count }, (_, k) => run(k)));
  // Every worker has stopped, so its spool is complete: each chunk's CSV bytes are views of it.
  const spools = new Map<string, Buffer>();
  const bytesOf = (spool: string) => spools.get(spool) ?? spools.set(spool, readFileSync(spool)).get(spool)!;
  return outcomes.map(({ outcome, spool }): FileOutcome => {
    if (outcome.chunk === null) return outcome;
    const buffer = bytesOf(spool);
    const csv = Object.fromEntries(Object.entries(outcome.chunk.csv).map(([t, s]) => [t, buffer.subarray(s.at, s.at + s.length)])) as unknown as Record<TableName, Uint8Array>;
    return { ...outcome, chunk: { ...outcome.chunk, csv } };
  });
}
