/**
 * npm run bench:extract -- [--n 2000] [--rounds 3]: CPU time per report of the in-process work on a text
 * (extractReport, withReaderColumns + validateReport, sorting and CSV lines), over the synthetic corpus held in memory.
 * CPU time moves much less than wall time when other jobs share the machine (but it still moves). A benchmark, not a test.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { extractReport } from "../src/extract/report.ts";
import { withReaderColumns } from "../src/publish/process-file.ts";
import { listCorpus } from "../src/publish/read-corpus.ts";
import { syntheticCounties } from "../src/publish/place-names.ts";
import { sortByKey } from "../src/publish/sort-rows.ts";
import { syntheticCorpus } from "../src/publish/synthetic-corpus.ts";
import { validateReport } from "../src/publish/validate-report.ts";
import { csvBody } from "../src/publish/write-csv.ts";
import { TABLE_NAMES } from "../src/schema/tables.ts";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "2000" },
    rounds: { type: "string", default: "3" },
    seeds: { type: "string", default: "data/reports" },
  },
});
const n = Number(values.n);
const rounds = Number(values.rounds);
const seedFiles = await listCorpus(values.seeds);
const seeds = await Promise.all(seedFiles.map(async (f) => ({ sourceFile: f, text: await readFile(join(values.seeds, f), "utf8") })));
const corpus = [...syntheticCorpus(seeds, syntheticCounties(), n, { seed: 20240101 })];

const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const stages = { extract: 0, validate: 0, csv: 0 };
let failed = 0;
// Stage by stage over the whole corpus: reading the CPU clock per report would cost more than some stages.
for (let round = 0; round < rounds; round += 1) {
  // The first round warms the JIT and the caches (start-up); only later rounds are counted.
  const counted = round > 0 || rounds === 1;
  failed = 0;
  let t = process.cpuUsage();
  const extracted = corpus.flatMap((r) => {
    try {
      return [{ r, x: extractReport({ text: r.text, sourceFile: r.sourceFile, sha256: "0" }) }];
    } catch {
      failed += 1;
      return [];
    }
  });
  if (counted) stages.extract += cpuMs(t);
  t = process.cpuUsage();
  const validated = extracted.flatMap(({ r, x }) => {
    try {
      // As processFile does for a text: no pages.
      return [validateReport(r.sourceFile, "0", { report: x.report, ...withReaderColumns(x, { pages: null }) })];
    } catch {
      failed += 1;
      return [];
    }
  });
  if (counted) stages.validate += cpuMs(t);
  t = process.cpuUsage();
  for (const rows of validated) for (const name of TABLE_NAMES) csvBody(name, sortByKey(name, rows[name]));
  if (counted) stages.csv += cpuMs(t);
}
const reports = n * Math.max(1, rounds - 1);
const per = (ms: number) => (ms / reports).toFixed(3);
console.log(`${n} reports × ${Math.max(1, rounds - 1)} counted rounds, ${failed} failures per round`);
console.log(`CPU ms/report: extract ${per(stages.extract)}  validate ${per(stages.validate)}  csv ${per(stages.csv)}  total ${per(stages.extract + stages.validate + stages.csv)}`);
