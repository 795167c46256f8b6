/**
 * Benchmark: PDF reports read (src/readers/pdf.ts) and extracted (src/extract/report.ts) per second on one
 * core, over the seed PDFs of test/fixtures/originals repeated. `npm run bench:pdf -- --rounds 10`.
 * Prints the rate by wall time and by this process's CPU time (fairer on a shared machine).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { extractReport } from "../src/extract/report.ts";
import { readPdf } from "../src/readers/pdf.ts";

const ORIGINALS = join(import.meta.dirname, "../test/fixtures/originals");
const at = process.argv.indexOf("--rounds");
const rounds = at > 0 ? Number(process.argv[at + 1]) : 10;
const files = readdirSync(ORIGINALS).flatMap((y) => readdirSync(join(ORIGINALS, y)).filter((f) => f.endsWith(".pdf")).map((f) => `${y}/${f}`));
const inputs = files.map((f) => ({ relative: f.replace(/\.pdf$/, ".txt"), bytes: new Uint8Array(readFileSync(join(ORIGINALS, f))) }));

let pages = 0;
async function once(): Promise<void> {
  for (const { relative, bytes } of inputs) {
    const doc = await readPdf(bytes, relative);
    pages += new Set(doc.pages).size;
    extractReport({ text: doc.text, sourceFile: relative, sha256: "" });
  }
}
await once(); // warm-up: pdf.js's worker module, CMaps, JIT
pages = 0;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
for (let i = 0; i < rounds; i++) await once();
const wall = (performance.now() - wall0) / 1000;
const used = process.cpuUsage(cpu0);
const cpu = (used.user + used.system) / 1e6;
const n = rounds * inputs.length;
console.log(`${n} PDF reports (${pages} pages): ${(n / wall).toFixed(1)} reports/s by wall time (${wall.toFixed(2)} s), ${(n / cpu).toFixed(1)} reports/s by CPU time (${cpu.toFixed(2)} s)`);
