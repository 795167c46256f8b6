import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { listCorpus } from "./src/publish/read-corpus.ts";
import { syntheticCounties } from "./src/publish/place-names.ts";
import { syntheticCorpus } from "./src/publish/synthetic-corpus.ts";
import { RECOGNIZERS } from "./src/extract/recognizers/index.ts";
import { toCells, toLines } from "./src/extract/lines.ts";
import { readIdentity } from "./src/extract/identity.ts";
import { moneyTerms } from "./src/extract/narrative-terms.ts";
import { extractReport } from "./src/extract/report.ts";
const dir = "data/reports";
const seedFiles = await listCorpus(dir);
const seeds = await Promise.all(seedFiles.map(async (f) => ({ sourceFile: f, text: await readFile(join(dir, f), "utf8") })));
const corpus = [...syntheticCorpus(seeds, syntheticCounties(), 2000, { seed: 20240101 })];
const t: Record<string, number> = {}; const found: Record<string, number> = {};
for (let round = 0; round < 3; round++) {
  for (const r of corpus) {
    const s0 = performance.now();
    const lines = toLines(r.text);
    const s1 = performance.now();
    const identity = readIdentity(r.sourceFile, lines);
    const s2 = performance.now();
    const prose = lines.filter((l) => !l.raw.startsWith("\t") && l.text.includes("元")).map((line) => ({ line, terms: moneyTerms(line.text) }));
    const s3 = performance.now();
    const cells = toCells(lines);
    const s4 = performance.now();
    if (round > 0) { t.lines = (t.lines ?? 0) + s1 - s0; t.identity = (t.identity ?? 0) + s2 - s1; t.prose = (t.prose ?? 0) + s3 - s2; t.cells = (t.cells ?? 0) + s4 - s3; }
    const ctx = { file: r.sourceFile, lines, cells, prose, fiscalYear: identity.fiscal_year };
    for (const rec of RECOGNIZERS) {
      const a = performance.now();
      const part = rec.recognize(ctx as any);
      if (round > 0) { const k = rec.part + (part ? " found" : " absent"); t[k] = (t[k] ?? 0) + performance.now() - a; found[k] = (found[k] ?? 0) + 1; }
    }
    if (round > 0) { const a = performance.now(); extractReport({ text: r.text, sourceFile: r.sourceFile, sha256: "x" }); t.TOTAL = (t.TOTAL ?? 0) + performance.now() - a; }
  }
}
const n = corpus.length * 2;
for (const [k, v] of Object.entries(t).sort()) console.log(k.padEnd(34), "per report", (1000 * v / n).toFixed(1).padStart(6), "µs; per call", (1000 * v / (found[k] ?? n)).toFixed(1).padStart(6), "µs", found[k] !== undefined ? `(${(found[k]! / n * 100).toFixed(0)}% of reports)` : "");
