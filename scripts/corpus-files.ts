/** The I/O around the synthetic-corpus generator, shared by bench:data, bench:site, demo and fixtures:corpus. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { listCorpus } from "../src/publish/read-corpus.ts";
import type { SeedReport, SyntheticReport } from "../src/publish/synthetic-corpus.ts";

/** Node's arguments for the pipeline, as `npm run data` gives them (--single-threaded: see src/publish/extract-pool.ts). */
export const DATA_SCRIPT = ["--single-threaded", "scripts/data.ts"];

/** Every report text under dir, as seeds ("<year>/<county>-<dept>.txt" paths). */
export async function readSeeds(dir: string): Promise<SeedReport[]> {
  return Promise.all((await listCorpus(dir)).map(async (f) => ({ sourceFile: f, text: await readFile(join(dir, f), "utf8") })));
}

/** Writes reports under dir at their sourceFile paths; returns how many were written. */
export async function writeReports(dir: string, reports: Iterable<SyntheticReport>): Promise<number> {
  let written = 0;
  for (const r of reports) {
    const path = join(dir, r.sourceFile);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, r.text);
    written += 1;
  }
  return written;
}
