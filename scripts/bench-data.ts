/**
 * npm run bench:data -- [--n 1000|10000] [--stand-in] [--keep] [--format docx|doc|pdf|html] [--previous <dir>] [--corpus-seed N]:
 * publish() on a synthetic corpus built from the seed layouts; prints reports/s, wall time, peak RSS and output sizes.
 * A benchmark, not a test. --previous also writes the change log against that release (an earlier run's out/, kept
 * with --keep); --corpus-seed draws another corpus of the same size, so that most of its numbers differ.
 * With --format, the corpus is n copies of the seeds' originals of that format (test/fixtures/originals; web pages from test/fixtures/html): every copy
 * is read and extracted on the worker threads like any file, then all but one per report are settled as duplicates.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { TABLE_NAMES } from "../src/schema/tables.ts";
import type { Manifest } from "../src/publish/manifest.ts";
import { publish } from "../src/publish/publish.ts";
import { listCorpus } from "../src/publish/read-corpus.ts";
import { standInExtract } from "../src/publish/stand-in-extract.ts";
import { syntheticCounties } from "../src/publish/place-names.ts";
import { syntheticCorpus } from "../src/publish/synthetic-corpus.ts";
import { readSeeds, writeReports } from "./corpus-files.ts";

const ORIGINALS = "test/fixtures/originals";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    "stand-in": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    seeds: { type: "string", default: "data/reports" },
    format: { type: "string" },
    previous: { type: "string" },
    "corpus-seed": { type: "string", default: "20240101" },
  },
});
const FORMATS = ["docx", "doc", "pdf", "html"];
// The seeds as Word and PDF originals, and as web pages (npm run fixtures:html).
const ORIGINALS_OF: Record<string, string> = { html: "test/fixtures/html" };
if (values.format !== undefined && !FORMATS.includes(values.format)) throw new Error(`invalid --format: ${values.format} (expected one of ${FORMATS.join(", ")})`);
const n = Number(values.n);
if (!Number.isInteger(n) || n <= 0) throw new Error(`invalid --n: ${values.n}`);

const seeds = await readSeeds(values.seeds);
const counties = syntheticCounties();

const root = await mkdtemp(join(tmpdir(), "bench-data-"));
const inDir = join(root, "in");
const outDir = join(root, "out");
const g0 = performance.now();
const written = values.format === undefined ? await writeReports(inDir, syntheticCorpus(seeds, counties, n, { seed: Number(values["corpus-seed"]) })) : await copyOriginals(inDir, values.format, n);
if (written < n) throw new Error(`invalid --n: ${n} (the counties hold ${written} reports)`);
const generated = (performance.now() - g0) / 1000;

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const at = () => `${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s`;
// The rate after start-up (the issue's budget) counts from the moment every worker has loaded its code.
let started = null as number | null;
const logger = {
  info: (m: string) => {
    if (m.endsWith("extract workers started")) started = performance.now();
    console.log(`${at()}  ${m}`);
  },
  warn: () => {},
};
const result = await publish({
  inDir,
  outDir,
  keepGoing: true,
  logger,
  ...(values["stand-in"] ? { extract: standInExtract } : {}),
  ...(values.previous === undefined ? {} : { previous: values.previous }),
});
const wall = (performance.now() - t0) / 1000;
// CPU time of every thread in the process (workers included): unlike wall time, it hardly moves when other jobs share the machine.
const cpu = process.cpuUsage(cpu0);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2); // MiB
const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
const sizes = TABLE_NAMES.map((t) => ({ t, parquet: manifest.tables[t].parquet.bytes, csv: manifest.tables[t].csv.reduce((s, f) => s + f.bytes, 0), files: manifest.tables[t].csv.length }));
console.log(`extractor: ${values["stand-in"] ? "stand-in (src/publish/stand-in-extract.ts)" : "extractReport"}`);
console.log(`corpus: ${n} ${values.format === undefined ? `reports from ${seeds.length} seed layouts` : `copies of the seeds' .${values.format} originals`}, written in ${generated.toFixed(1)} s (${root})`);
console.log(`publish: ${wall.toFixed(2)} s wall, ${(n / wall).toFixed(n / wall < 100 ? 1 : 0)} files/s, ${result.counts.reports} published, ${result.duplicates.length} duplicates, ${result.failures.length} failed`);
if (started !== null) {
  const after = wall - (started - t0) / 1000;
  console.log(`after start-up: ${after.toFixed(2)} s, ${(n / after).toFixed(n / after < 100 ? 1 : 0)} files/s (workers started ${((started - t0) / 1000).toFixed(2)} s in)`);
}
console.log(`publish CPU: ${(cpu.user / 1e6).toFixed(2)} s user + ${(cpu.system / 1e6).toFixed(2)} s system (all threads); load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const s of sizes) console.log(`${s.t.padEnd(10)} ${String(result.counts[s.t]).padStart(9)} rows  parquet ${mb(s.parquet).padStart(7)} MB  csv ${mb(s.csv).padStart(7)} MB${s.files > 1 ? ` in ${s.files} files (one per year)` : ""}`);
if (manifest.changes) console.log(`changes    ${String(manifest.changes.rows).padStart(9)} rows  parquet ${mb(manifest.changes.parquet.bytes).padStart(7)} MB  csv ${mb(manifest.changes.csv.bytes).padStart(7)} MB  ${JSON.stringify(manifest.changes.counts)}`);
const total = sizes.reduce((a, s) => ({ parquet: a.parquet + s.parquet, csv: a.csv + s.csv }), { parquet: 0, csv: 0 });
console.log(`total      parquet ${mb(total.parquet)} MB  csv ${mb(total.csv)} MB`);
const reasons = new Map<string, number>();
for (const f of result.failures) {
  // Group by what went wrong, not where: drop the file, keys and numbers.
  const reason = (f.expected ?? f.message.slice(f.file.length).replace(/^(:\d+)?: /, "")).replace(/\[.*?\]/g, "[…]").replace(/\d+/g, "N").slice(0, 120);
  reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
}
for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  failed ×${count}: ${reason}`);
if (!values.keep) await rm(root, { recursive: true, force: true });

/** n copies of the seed originals of one format, in copy-<k>/ folders; returns how many were written. */
async function copyOriginals(dir: string, format: string, count: number): Promise<number> {
  const from = ORIGINALS_OF[format] ?? ORIGINALS;
  const originals = (await listCorpus(from)).filter((f) => f.endsWith(`.${format}`));
  for (let i = 0; i < count; i++) {
    const file = originals[i % originals.length]!;
    const target = join(dir, `copy-${Math.floor(i / originals.length)}`, file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(from, file), target);
  }
  return count;
}
