/**
 * npm run bench:readers -- [--rounds 100]: reads every seed rebuilt as .docx and .doc (test/fixtures/originals)
 * `rounds` times on one thread, with and without extractReport; prints reports/s by wall and by CPU time. A
 * benchmark, not a test.
 */
import { readFile, readdir } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { extractReport } from "../src/extract/report.ts";
import { readDoc } from "../src/readers/doc.ts";
import { readDocx } from "../src/readers/docx.ts";
import type { Reader } from "../src/readers/types.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "100" }, dir: { type: "string", default: "test/fixtures/originals" } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds <= 0) throw new Error(`invalid --rounds: ${values.rounds}`);

const files: string[] = [];
for (const year of (await readdir(values.dir)).sort()) for (const f of (await readdir(join(values.dir, year))).sort()) files.push(`${year}/${f}`);

async function bench(ext: string, reader: Reader, extract: boolean): Promise<void> {
  const inputs = await Promise.all(files.filter((f) => f.endsWith(`.${ext}`)).map(async (f) => ({ f, bytes: await readFile(join(values.dir, f)) })));
  const bytes = inputs.reduce((s, i) => s + i.bytes.length, 0);
  for (const { f, bytes: b } of inputs) await reader(b, f); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const { f, bytes: b } of inputs) {
      const { text } = await reader(b, f);
      if (extract) extractReport({ text, sourceFile: f, sha256: "" });
    }
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const n = rounds * inputs.length;
  const what = `.${ext} ${extract ? "read + extractReport" : "read"}`.padEnd(28);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // CPU time hardly moves when other jobs share the machine; wall time does.
  console.log(`${what} ${n} reports: ${wall.toFixed(2)} s wall, ${(n / wall).toFixed(0).padStart(5)} reports/s; ${cpuSeconds.toFixed(2)} s CPU, ${(n / cpuSeconds).toFixed(0).padStart(5)} reports per CPU second (${((bytes * rounds) / cpuSeconds / 1024 / 1024).toFixed(1)} MB of files)`);
}

console.log(`${files.length} files in ${values.dir}, ${rounds} rounds, one thread; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
await bench("docx", readDocx, false);
await bench("docx", readDocx, true);
await bench("doc", readDoc, false);
await bench("doc", readDoc, true);
