/**
 * npm run demo -- [--n 2000] [--dir .demo] [--port 4321] [--no-serve]: the site at scale over synthetic data only.
 * Generates n synthetic reports (units across years, many per county; never the real seeds themselves) into
 * <dir>/reports, publishes them to <dir>/data, builds the site with SITE_DEMO=1 (every page labelled 合成示例数据)
 * into <dir>/dist and serves it. <dir> is gitignored and rebuilt from scratch each run.
 */
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { syntheticCounties } from "../src/publish/place-names.ts";
import { demoCounties, syntheticCorpus } from "../src/publish/synthetic-corpus.ts";
import { DEMO_LABEL } from "../src/site/demo.ts";
import { DATA_SCRIPT, readSeeds, writeReports } from "./corpus-files.ts";

const { values } = parseArgs({
  options: {
    n: { type: "string", default: "2000" },
    dir: { type: "string", default: ".demo" },
    port: { type: "string", default: "4321" },
    seed: { type: "string", default: "2026" },
    "no-serve": { type: "boolean", default: false },
  },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n <= 0) throw new Error(`invalid --n: ${values.n}`);
const root = resolve(values.dir);
const reportsDir = join(root, "reports");
const dataDir = join(root, "data");
const distDir = join(root, "dist");
const env = { ...process.env, SITE_DEMO: "1", DATA_DIR: dataDir, REPORTS_DIR: reportsDir };

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.once("error", fail);
    child.once("close", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

await rm(root, { recursive: true, force: true });
const seeds = await readSeeds("data/reports");
const written = await writeReports(reportsDir, syntheticCorpus(seeds, demoCounties(syntheticCounties(), seeds), n, { seed: Number(values.seed) }));
console.log(`demo: ${written} synthetic reports in ${reportsDir}`);
await run(process.execPath, [...DATA_SCRIPT, "--in", reportsDir, "--out", dataDir, "--keep-going"]);
// The manifest says it too, so a downloaded manifest.json is never taken for the real corpus.
const manifestPath = join(dataDir, "manifest.json");
const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
await writeFile(manifestPath, `${JSON.stringify({ synthetic: `${DEMO_LABEL}（npm run demo -- --n ${n}，非真实报告）`, ...manifest }, null, 2)}\n`);
await run(process.execPath, ["scripts/site-db.ts"]);
await run("astro", ["build", "--outDir", distDir]);
if (values["no-serve"]) console.log(`demo: built ${distDir}`);
else await run("astro", ["preview", "--outDir", distDir, "--host", "127.0.0.1", "--port", values.port]);
