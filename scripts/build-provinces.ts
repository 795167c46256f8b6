/**
 * `npm run build:provinces -- --data <dir> --out <dir> [--reports data/reports] [--base /] [--demo]`: the national site as one static site per
 * province plus an entry page. <data> is what `npm run data -- --by-province` wrote (provinces.json and one release
 * per province); each province's site is built on its own (site-db, then astro build with BASE_PATH=<base><code>/)
 * into <out>/<code>/, one after another so that the peak memory is one province's build; then <out>/index.html
 * (src/site/national-page.ts) and <out>/counties.json. Prints each build's time, files and size, and the totals.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { PROVINCES_FILE, type ProvincesFile } from "../src/publish/provinces.ts";
import { nationalCounties } from "../src/query/national-counties.ts";
import { openParquetDb } from "../src/query/node-db.ts";
import { writeSiteDb } from "../src/query/write-site-db.ts";
import { NATIONAL_COUNTIES_FILE, nationalPageHtml, type NationalCountyRow } from "../src/site/national-page.ts";
import { walk } from "./dir-files.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    out: { type: "string" },
    reports: { type: "string", default: "data/reports" },
    base: { type: "string", default: "/" },
    demo: { type: "boolean", default: false },
  },
});
if (!values.data || !values.out) throw new Error("usage: npm run build:provinces -- --data <dir from npm run data -- --by-province> --out <dir> [--base /] [--demo]");
const dataRoot = resolve(values.data);
const outRoot = resolve(values.out);
const base = values.base.replace(/\/?$/, "/");
const provincesFile = JSON.parse(await readFile(join(dataRoot, PROVINCES_FILE), "utf8").catch(() => {
  throw new Error(`${join(dataRoot, PROVINCES_FILE)}: not found; run npm run data -- --by-province --out ${values.data} first`);
})) as ProvincesFile;

/** Runs a command with env added to this process's; its output is dropped but for errors. */
function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.once("error", fail);
    child.once("close", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

const MiB = 1024 * 1024;
await rm(outRoot, { recursive: true, force: true });
await mkdir(outRoot, { recursive: true });
const started = performance.now();
const counties: NationalCountyRow[] = [];
let totalBytes = 0;
let totalFiles = 0;
console.log(`${"province".padEnd(12)}${"reports".padStart(8)}${"build s".padStart(9)}${"files".padStart(8)}${"MiB".padStart(9)}${"largest file MiB".padStart(18)}`);
for (const p of provincesFile.provinces) {
  const dataDir = join(dataRoot, p.dir);
  const distDir = join(outRoot, p.dir);
  const t0 = performance.now();
  await writeSiteDb(dataDir);
  await run("astro", ["build", "--outDir", distDir], {
    DATA_DIR: dataDir,
    REPORTS_DIR: resolve(values.reports),
    BASE_PATH: `${base}${p.dir}/`,
    SITE_PROVINCE: p.name,
    SITE_NATIONAL_HOME: base,
    ...(values.demo ? { SITE_DEMO: "1" } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  const db = await openParquetDb(dataDir);
  for (const c of await nationalCounties(db)) counties.push([p.dir, c.county_code, c.county_zh, c.reports]);
  db.close();
  const files = await walk(distDir);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  const largest = Math.max(...files.map((f) => f.bytes));
  totalBytes += bytes;
  totalFiles += files.length;
  console.log(`${`${p.code} ${p.name}`.padEnd(12)}${String(p.reports).padStart(8)}${seconds.toFixed(1).padStart(9)}${String(files.length).padStart(8)}${(bytes / MiB).toFixed(1).padStart(9)}${(largest / MiB).toFixed(1).padStart(18)}`);
}
const html = nationalPageHtml(provincesFile.provinces, { base, demo: values.demo, releasedAt: null });
await writeFile(join(outRoot, "index.html"), html);
await writeFile(join(outRoot, NATIONAL_COUNTIES_FILE), JSON.stringify(counties));
const reports = provincesFile.provinces.reduce((n, p) => n + p.reports, 0);
console.log(
  `national: ${provincesFile.provinces.length} provinces, ${reports} reports, ${counties.length} counties; index.html ${(html.length / 1024).toFixed(1)} KiB, ` +
    `${NATIONAL_COUNTIES_FILE} ${(JSON.stringify(counties).length / 1024).toFixed(1)} KiB; all sites ${totalFiles} files, ${(totalBytes / MiB).toFixed(1)} MiB; ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s → ${outRoot}`,
);
