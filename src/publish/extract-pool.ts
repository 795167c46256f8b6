/** Runs processFile with the real extractReport on worker threads, so extraction uses every core. */
import { Worker } from "node:worker_threads";
import type { Batch } from "./extract-worker.ts";
import type { FileOutcome } from "./process-file.ts";

// Small batches keep both workers busy to the end; 25 reports are 25–100 ms of extraction, far above messaging costs.
const BATCH = 25;

/** Outcomes for files, in the order of files whatever order the workers finish in. */
export async function processInWorkers(inDir: string, files: readonly string[], workers: number): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array<FileOutcome>(files.length);
  let next = 0;
  let failed = false;
  const take = (): Batch | null => {
    // After one worker fails the run is lost: the others stop at their next batch instead of finishing the corpus.
    if (next >= files.length || failed) return null;
    const batch = { start: next, files: files.slice(next, next + BATCH) };
    next += BATCH;
    return batch;
  };
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL("./extract-worker.ts", import.meta.url), { workerData: { inDir } });
      let done = false;
      const feed = () => {
        const batch = take();
        if (batch) return worker.postMessage(batch);
        done = true;
        void worker.terminate().then(() => resolve(), reject);
      };
      worker.on("message", (result: { start: number; outcomes: FileOutcome[] }) => {
        result.outcomes.forEach((o, i) => (outcomes[result.start + i] = o));
        feed();
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
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(workers, Math.ceil(files.length / BATCH)) }, run));
  return outcomes;
}
