/**
 * `npm run bench:site -- --n N`: the budgets of issue 8 at scale. Writes the five seeds + N synthetic reports to a
 * temp directory (for this measurement only, never published), builds them (time and peak memory per phase: data,
 * site-db, astro build), then measures dist/ (page sizes, file count, largest file) and, in headless Chromium on
 * the plain static server, each main route cold: first contentful paint against a floor page (unstyled, ≈ 1,500
 * Chinese characters, written into the same dist), the load event, and the filter redraw median where the page
 * has filters; what each kind of page weighs; and how many A4 pages the largest county's and the unit's briefs
 * print on. Prints; never fails on a budget. The site is built at base "/".
 * `--reuse <root>` measures again over the root a `--keep` run printed: its reports/ and data/ are reused (no
 * corpus, data or site-db phase), dist/ is rebuilt by astro build, or kept as it is with `--skip-build`; the root
 * is left in place.
 */
import { walk, type FileSize } from "./dir-files.ts";
import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { syntheticCounties } from "../src/publish/place-names.ts";
import { demoCounties, syntheticCorpus } from "../src/publish/synthetic-corpus.ts";
import { ensureChromium, launchChromium } from "../test/browser/chromium.ts";
import { parseCsv } from "../test/browser/csv.ts";
import { printed } from "../test/browser/print-pdf.ts";
import { waitForDuckdb } from "../test/browser/duckdb-ready.ts";
import { timeRedraws } from "../test/browser/page-timing.ts";
import { serveStatic } from "../test/browser/static-server.ts";
import { DATA_SCRIPT, readSeeds, writeReports } from "./corpus-files.ts";

const MiB = 1024 * 1024;
const BUDGET = { pageRaw: MiB, pageGzip: 200 * 1000, file: 25 * MiB, dist: 1024 * MiB, files: 20_000, fcpRatio: 2, loadMs: 2000, redrawMs: 100, buildS: 600, rssGiB: 8 };
const FLOOR_ROUTE = "bench-floor/";

export interface ScaleOptions {
  n: number;
  runs: number;
  redraws: number;
  keep: boolean;
  /** The root of an earlier --keep run: reuse its corpus and data instead of writing new ones. */
  reuse?: string | undefined;
  /** With reuse: measure its dist/ as it is, without astro build. */
  skipBuild?: boolean;
  /** A corpus spread thin: this many departments per county (each present by chance), over as many counties as n needs. */
  unitsPerCounty?: number | undefined;
  /** The fiscal years units report for (the synthetic corpus's four by default): one year is a shape of its own, a unit a report. */
  years?: number[] | undefined;
}

interface Phase {
  name: string;
  seconds: number;
  /** Peak resident memory of the phase's process (GNU time), or null where /usr/bin/time is missing. */
  rssMiB: number | null;
}

const TIME = "/usr/bin/time";

/** Runs a command to completion, its output to log; wall time and (via GNU time) peak RSS. */
async function phase(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: string): Promise<Phase> {
  const rssFile = `${log}.rss`;
  const [cmd, argv] = existsSync(TIME) ? [TIME, ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args];
  const t0 = performance.now();
  const out = createWriteStream(log);
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(cmd, argv, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once("error", fail);
    child.once("close", done);
  });
  await new Promise((done) => out.end(done));
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) {
    const tail = (await readFile(log, "utf8")).trimEnd().split("\n").slice(-20).join("\n");
    throw new Error(`${name} failed (exit ${code}); log ${log}:\n${tail}`);
  }
  const kb = existsSync(rssFile) ? Number((await readFile(rssFile, "utf8")).trim().split("\n").at(-1)) : NaN;
  return { name, seconds, rssMiB: Number.isFinite(kb) ? kb / 1024 : null };
}

/** An unstyled page of about 1,500 Chinese characters, from a seed's prose: what any Chinese page costs to paint. */
export function floorPage(text: string, chars = 1500): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (const line of text.split("\n")) {
    const prose = line.replace(/^\t/, "").trim();
    const han = prose.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han < 10) continue;
    paragraphs.push(prose.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    count += han;
    if (count >= chars) break;
  }
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>floor</title></head><body>\n${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}\n</body></html>\n`;
}

interface RouteTimes {
  fcp: number | null;
  load: number;
}

/** One cold load in a fresh context: first contentful paint and the load event, from the page's own timeline. */
async function coldTimes(browser: Browser, url: string): Promise<RouteTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  try {
    const page = await context.newPage();
    const res = await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    if (!res || res.status() >= 400) throw new Error(`HTTP ${res?.status() ?? "no response"}`);
    await page.waitForFunction(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return (nav?.loadEventEnd ?? 0) > 0 && performance.getEntriesByName("first-contentful-paint").length > 0;
    }, undefined, { timeout: 10_000 }).catch(() => undefined);
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return { fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null, load: nav?.loadEventStart ?? NaN };
    });
  } finally {
    await context.close();
  }
}

/** The first chart and the first filter with two options or more, on a page with form.filters; else null. */
async function filterTarget(page: Page): Promise<{ chart: string; field: string } | null> {
  return page.evaluate(() => {
    const chart = document.querySelector<HTMLElement>("figure.chart[data-chart]")?.dataset["chart"];
    const select = Array.from(document.querySelectorAll<HTMLSelectElement>("form.filters select[name]")).find((s) => s.options.length > 1);
    return chart && select ? { chart, field: select.name } : null;
  });
}

async function redrawMedian(browser: Browser, url: string, count: number): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    const target = await filterTarget(page);
    if (!target) return "—";
    const state = await waitForDuckdb(page, 120_000);
    if (state !== "ready") return `duckdb ${state}`;
    return `${median(await timeRedraws(page, target.chart, target.field, count)).toFixed(0)} (${target.field})`;
  } catch (err) {
    return `error: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]?.slice(0, 60)}`;
  } finally {
    await context.close();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const kib = (b: number) => (b / 1024).toFixed(1);
const mib = (b: number) => (b / MiB).toFixed(1);
const mark = (ok: boolean) => (ok ? "ok" : "OVER");

export async function benchScale(options: ScaleOptions): Promise<void> {
  const root = options.reuse ?? (await mkdtemp(join(tmpdir(), "bench-site-scale-")));
  const reportsDir = join(root, "reports");
  const dataDir = join(root, "data");
  const dist = join(root, "dist");
  const logs = join(root, "logs");
  await mkdir(logs, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, REPORTS_DIR: reportsDir, BASE_PATH: "/" };
  delete env["SITE_DEMO"];
  const seeds = await readSeeds("data/reports");
  try {
    console.log(options.reuse ? `bench:site --reuse ${root}: its reports and data, dist ${options.skipBuild ? "as built" : "rebuilt"}` : `bench:site --n ${options.n}: five seeds + ${options.n} synthetic reports in ${root}`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} CPUs`);
    const node = process.execPath;
    const phases: Phase[] = [];
    if (!options.reuse) {
      await writeReports(reportsDir, seeds);
      const written = await writeReports(reportsDir, syntheticCorpus(seeds, demoCounties(syntheticCounties(), seeds), options.n, { seed: 20240101, ...(options.unitsPerCounty ? { unitsPerCounty: options.unitsPerCounty, unitPresence: 0.6 } : {}), ...(options.years ? { years: options.years } : {}) }));
      if (written < options.n) throw new Error(`invalid --n: ${options.n} (the counties hold ${written} reports)`);
      phases.push(await phase("data", node, [...DATA_SCRIPT, "--in", reportsDir, "--out", dataDir, "--keep-going"], env, join(logs, "data.log")));
      phases.push(await phase("site-db", node, ["scripts/site-db.ts"], env, join(logs, "site-db.log")));
    }
    if (!options.skipBuild) phases.push(await phase("astro build", "astro", ["build", "--outDir", dist], env, join(logs, "astro.log")));
    // A dist/ kept as built still holds the floor page of its run, which is no part of the site.
    await rm(join(dist, FLOOR_ROUTE), { recursive: true, force: true });
    if (phases.length > 0) {
      const total = phases.reduce((s, p) => s + p.seconds, 0);
      const peak = Math.max(...phases.map((p) => p.rssMiB ?? 0));
      console.log("");
      console.log(`${"build phase".padEnd(14)}${"seconds".padStart(9)}${"peak RSS MiB".padStart(14)}`);
      for (const p of phases) console.log(`${p.name.padEnd(14)}${p.seconds.toFixed(1).padStart(9)}${(p.rssMiB === null ? "n/a" : p.rssMiB.toFixed(0)).padStart(14)}`);
      // The build budget is for the whole build; a reused run has only its astro phase.
      const budget = options.reuse ? "" : `   budget ≤ ${BUDGET.buildS} s, ≤ ${BUDGET.rssGiB} GiB: ${mark(total <= BUDGET.buildS && peak <= BUDGET.rssGiB * 1024)}`;
      console.log(`${"total".padEnd(14)}${total.toFixed(1).padStart(9)}${peak.toFixed(0).padStart(14)}${budget}`);
    }

    // dist/ as deployed (before the floor page is added).
    const files = await walk(dist);
    const html = files.filter((f) => f.path.endsWith(".html"));
    // One file at a time: twenty thousand reads at once run out of file descriptors (EMFILE).
    const gz: (FileSize & { gzip: number })[] = [];
    for (const f of html) gz.push({ ...f, gzip: gzipSync(await readFile(join(dist, f.path))).length });
    const largest = (xs: FileSize[]) => xs.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: "-", bytes: 0 });
    const bigRaw = largest(html);
    const bigGzip = gz.reduce((a, b) => (b.gzip > a.gzip ? b : a), { path: "-", bytes: 0, gzip: 0 });
    const distBytes = files.reduce((s, f) => s + f.bytes, 0);
    const bigFile = largest(files);
    const reportPages = html.filter((f) => f.path.startsWith("reports/"));
    console.log("");
    console.log(`dist: ${files.length} files, ${mib(distBytes)} MiB (budget ≤ ${BUDGET.files} files, ≤ 1 GiB: ${mark(files.length <= BUDGET.files && distBytes <= BUDGET.dist)}); largest file ${bigFile.path} ${mib(bigFile.bytes)} MiB (≤ 25 MiB: ${mark(bigFile.bytes <= BUDGET.file)})`);
    console.log(`html: ${html.length} pages (${reportPages.length} report pages, ${mib(reportPages.reduce((s, f) => s + f.bytes, 0))} MiB); largest raw ${bigRaw.path} ${kib(bigRaw.bytes)} KiB, largest gzip ${bigGzip.path} ${kib(bigGzip.gzip)} KiB; over 1 MiB raw: ${html.filter((f) => f.bytes > BUDGET.pageRaw).length}, over 200 KB gzip: ${gz.filter((f) => f.gzip > BUDGET.pageGzip).length}`);
    // What each kind of page weighs (the first path segment: reports/, units/, counties/ …), heaviest kind first.
    const kinds = new Map<string, { pages: number; bytes: number }>();
    for (const f of html) {
      const kind = f.path.includes("/") ? `${f.path.split("/")[0]}/` : "(top)";
      const k = kinds.get(kind) ?? { pages: 0, bytes: 0 };
      kinds.set(kind, { pages: k.pages + 1, bytes: k.bytes + f.bytes });
    }
    console.log(`pages by kind: ${[...kinds].sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${v.pages} × ${kib(v.bytes / v.pages)} KiB = ${mib(v.bytes)} MiB`).join("; ")}`);
    const index = files.find((f) => f.path === "search-index.json");
    if (index) console.log(`search-index.json: ${kib(index.bytes)} KiB raw, ${kib(gzipSync(await readFile(join(dist, index.path))).length)} KiB gzip`);

    // The routes: fixed ones, plus the unit with most reports and its county.
    const reports = parseCsv(await readFile(join(dataDir, "reports.csv"))).rows;
    const perUnit = new Map<string, number>();
    for (const r of reports) perUnit.set(r["unit_id"]!, (perUnit.get(r["unit_id"]!) ?? 0) + 1);
    const unit = [...perUnit].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
    const county = unit.split("-")[0] ?? "";
    // A unit with one document (every unit of a one-year corpus) is its report's page (src/format/url.ts unitHref).
    const unitRoute = perUnit.get(unit) === 1 ? `reports/${reports.find((r) => r["unit_id"] === unit)!["report_id"]}/` : `units/${unit}/`;
    const routes = ["", "spending/", "sangong/", "indicators/", "quality/", "compare/", unitRoute, `counties/${county}/`, "search/"];
    await mkdir(join(dist, FLOOR_ROUTE), { recursive: true });
    await writeFile(join(dist, FLOOR_ROUTE, "index.html"), floorPage(seeds[0]?.text ?? ""));

    await ensureChromium();
    const server = await serveStatic(dist, "/");
    const browser = await launchChromium();
    try {
      const url = (route: string) => new URL(route, server.url).href;
      const sizeOf = (route: string) => gz.find((f) => f.path === `${route}index.html`);
      const timesOf = async (route: string) => {
        const runs: RouteTimes[] = [];
        for (let i = 0; i < options.runs; i++) runs.push(await coldTimes(browser, url(route)));
        return { fcp: median(runs.map((r) => r.fcp).filter((x): x is number => x !== null)), load: median(runs.map((r) => r.load)) };
      };
      // The browser's first page pays for its own start-up: load one and discard it, so the floor is not inflated.
      await coldTimes(browser, url(FLOOR_ROUTE));
      const floor = await timesOf(FLOOR_ROUTE);
      console.log("");
      console.log(`browser: ${options.runs} cold loads per route (median), ${options.redraws} filter changes; floor page FCP ${floor.fcp.toFixed(0)} ms, load ${floor.load.toFixed(0)} ms`);
      // The floor is measured again next to each route, so a change in the machine's load moves both alike.
      console.log(`${"route".padEnd(26)}${"KiB".padStart(8)}${"gz KiB".padStart(8)}${"FCP ms".padStart(8)}${"floor".padStart(7)}${"×floor".padStart(8)}${"load ms".padStart(9)}  redraw ms   budget (×floor ≤ 2, load ≤ 2 s, redraw ≤ 100)`);
      for (const route of routes) {
        const size = sizeOf(route);
        const name = `/${route}`.padEnd(26);
        if (!size) {
          console.log(`${name}  (no such page in this build)`);
          continue;
        }
        try {
          const near = await timesOf(FLOOR_ROUTE);
          const t = await timesOf(route);
          const ratio = t.fcp / near.fcp;
          const redraw = await redrawMedian(browser, url(route), options.redraws);
          const redrawMs = Number.parseFloat(redraw);
          const ok = ratio <= BUDGET.fcpRatio && t.load <= BUDGET.loadMs && (!Number.isFinite(redrawMs) || redrawMs <= BUDGET.redrawMs);
          console.log(`${name}${kib(size.bytes).padStart(8)}${kib(size.gzip).padStart(8)}${t.fcp.toFixed(0).padStart(8)}${near.fcp.toFixed(0).padStart(7)}${ratio.toFixed(2).padStart(8)}${t.load.toFixed(0).padStart(9)}  ${redraw.padEnd(11)} ${mark(ok)}`);
        } catch (err) {
          console.log(`${name}  error: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}`);
        }
      }
      // The briefs of the unit and of the county page with the most rows (its largest page), printed as Chromium does.
      const bigCounty = html.filter((f) => /^counties\/\d{6}\/index\.html$/.test(f.path)).reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: "", bytes: 0 });
      for (const route of [unitRoute, bigCounty.path.replace(/index\.html$/, "")]) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(url(route), { waitUntil: "load" });
          const rows = await page.locator("#brief tbody tr").count();
          const { pages } = await printed(page);
          console.log(`brief /${route}: ${rows} table rows, prints on ${pages} A4 page${pages === 1 ? "" : "s"} (budget 1: ${mark(pages === 1)})`);
        } finally {
          await context.close();
        }
      }
      console.log(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    if (options.keep || options.reuse) console.log(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}
