/**
 * npm run demo -- [--n 2000] [--dir .demo] [--port 4321] [--no-serve] [--units-per-county K] [--by-province]: the site at scale over synthetic data only.
 * Generates n synthetic reports (units across years, many per county; never the real seeds themselves) into
 * <dir>/reports, publishes them to <dir>/data, builds the site with SITE_DEMO=1 (every page labelled 合成示例数据)
 * into <dir>/dist and serves it. <dir> is gitignored and rebuilt from scratch each run.
 * `--by-province`: the national layout instead, one release and one site per province under <dir>/dist/<code>/
 * and the national entry page at <dir>/dist/ (npm run data -- --by-province, then scripts/build-provinces.ts).
 */
import { spawn } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PROVINCES_FILE, type ProvincesFile } from "../src/publish/provinces.ts";
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
    "by-province": { type: "boolean", default: false },
    "units-per-county": { type: "string" },
  },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n <= 0) throw new Error(`invalid --n: ${values.n}`);
// --units-per-county K: K departments a county, each present by chance, so the reports spread over more counties and provinces.
const spread = values["units-per-county"] === undefined ? {} : { unitsPerCounty: Number(values["units-per-county"]), unitPresence: 0.6 };
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
const written = await writeReports(reportsDir, syntheticCorpus(seeds, demoCounties(syntheticCounties(), seeds), n, { seed: Number(values.seed), ...spread }));
console.log(`demo: ${written} synthetic reports in ${reportsDir}`);
const byProvince = values["by-province"];
await run(process.execPath, [...DATA_SCRIPT, "--in", reportsDir, "--out", dataDir, "--keep-going", ...(byProvince ? ["--by-province"] : [])]);
// The manifest says it too, so a downloaded manifest.json is never taken for the real corpus.
const releases = byProvince ? ((JSON.parse(await readFile(join(dataDir, PROVINCES_FILE), "utf8")) as ProvincesFile).provinces.map((p) => join(dataDir, p.dir))) : [dataDir];
for (const release of releases) {
  const manifestPath = join(release, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
  await writeFile(manifestPath, `${JSON.stringify({ synthetic: `${DEMO_LABEL}（npm run demo -- --n ${n}，非真实报告）`, ...manifest }, null, 2)}\n`);
}
if (byProvince) {
  await run(process.execPath, ["scripts/build-provinces.ts", "--data", dataDir, "--reports", reportsDir, "--out", distDir, "--demo"]);
} else {
  await run(process.execPath, ["scripts/site-db.ts"]);
  await run("astro", ["build", "--outDir", distDir]);
}
if (values["no-serve"]) console.log(`demo: built ${distDir}`);
else await run("astro", ["preview", "--outDir", distDir, "--host", "127.0.0.1", "--port", values.port]);
