/**
 * `npm run bench:site [-- --runs 5 --redraws 20 --route spending/]`: the site's performance budgets, measured in
 * headless Chromium against the plain static server (a benchmark, not a test: it prints, it does not fail).
 * Builds the site into a temp directory, or serves SITE_DIST=<dir> (e.g. SITE_DIST=dist after `npm run build`).
 * Each run is a fresh browser context, so a cold cache.
 * `--n N [--runs 3 --redraws 10 --keep]`: the budgets at scale instead, over the seeds + N synthetic reports
 * (scripts/bench-site-scale.ts); `--units-per-county K` spreads them thin (K departments a county, each present by
 * chance, over about a thousand counties); `--years 2024` (or 2021-2024) the years they report for; `--reuse <kept root> [--skip-build]` measures a kept run again.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { ensureChromium, launchChromium } from "../test/browser/chromium.ts";
import { waitForDuckdb } from "../test/browser/duckdb-ready.ts";
import { installLoadProbes, readLoadTimes, timeRedraws, type LoadTimes } from "../test/browser/page-timing.ts";
import { startSite } from "../test/browser/serve-site.ts";
import { benchScale } from "./bench-site-scale.ts";

const BUDGET = { firstChartMs: 300, jsKiB: 150, redrawMs: 100 };

interface Script {
  url: string;
  raw: number;
  gzip: number;
}

interface Run extends LoadTimes {
  scripts: Script[];
}

/** The engine's own files (duckdb-browser*.js, the worker) are outside the JS budget by definition. */
const isDuckdb = (url: string) => /\/duckdb[^/]*$/.test(new URL(url).pathname);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One cold load: times from the in-page probes, and every script fetched until DuckDB was ready. */
async function coldLoad(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await installLoadProbes(page);
    const bodies: Promise<Script | null>[] = [];
    context.on("response", (res) => {
      const type = res.request().resourceType();
      if (type !== "script" && !/\.m?js$/.test(new URL(res.url()).pathname)) return;
      bodies.push(res.body().then((b) => ({ url: res.url(), raw: b.length, gzip: gzipSync(b).length }), () => null));
    });
    await page.goto(url, { waitUntil: "load" });
    const times = await readLoadTimes(page);
    const scripts = (await Promise.all(bodies)).filter((s): s is Script => s !== null);
    return { ...times, scripts };
  } finally {
    await context.close();
  }
}

async function redraws(browser: Browser, url: string, count: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const state = await waitForDuckdb(page, 60_000);
    if (state !== "ready") throw new Error(`DuckDB-WASM did not load on ${url}: data-duckdb="${state}"`);
    return await timeRedraws(page, "spending", "county", count);
  } finally {
    await context.close();
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(9);
const row = (name: string, value: string, budget: string, ok: boolean | null) =>
  `${name.padEnd(36)}${value}  ${budget.padEnd(12)}${ok === null ? "" : ok ? "ok" : "OVER"}`;

/** `--years 2024` or `--years 2021-2024`: the fiscal years the synthetic units report for. */
function fiscalYears(spec: string | undefined): number[] | undefined {
  if (spec === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(spec);
  const [from, to] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [0, -1];
  if (from > to) throw new Error(`invalid --years: ${spec} (expected a year, 2024, or a range, 2021-2024)`);
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: "string" },
      redraws: { type: "string" },
      route: { type: "string", default: "spending/" },
      n: { type: "string" },
      keep: { type: "boolean", default: false },
      reuse: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      "units-per-county": { type: "string" },
      years: { type: "string" },
    },
  });
  if (values["skip-build"] && values.reuse === undefined) throw new Error("--skip-build needs --reuse <root>");
  if (values.n !== undefined || values.reuse !== undefined) {
    const n = Number(values.n ?? 0);
    if (!Number.isInteger(n) || n < 0) throw new Error(`invalid --n: ${values.n}`);
    return benchScale({ n, runs: Number(values.runs ?? 3), redraws: Number(values.redraws ?? 10), keep: values.keep, reuse: values.reuse, skipBuild: values["skip-build"], unitsPerCounty: values["units-per-county"] === undefined ? undefined : Number(values["units-per-county"]), years: fiscalYears(values.years) });
  }
  const runs = Number(values.runs ?? 5);
  await ensureChromium();
  // The benchmark serves the site at "/" unless BASE_PATH says otherwise, as a plain deployment would.
  const site = await startSite({ ...process.env, BASE_PATH: process.env["BASE_PATH"] || "/" });
  const browser = await launchChromium();
  try {
    const url = new URL(values.route, site.url).href;
    console.log(`bench:site ${url} (${site.dist}), ${runs} cold runs, ${values.redraws} filter changes`);
    // Timings on a shared 2-core machine swing with other work; print the load so a reader can judge them.
    console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} CPUs`);
    const loads: Run[] = [];
    for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, url));
    const times = await redraws(browser, url, Number(values.redraws ?? 20));

    const budgetJs = loads.map((l) => l.scripts.filter((s) => !isDuckdb(s.url)).reduce((sum, s) => sum + s.gzip, 0) / 1024);
    const firstChart = median(loads.map((l) => l.firstChart));
    const fcp = loads.map((l) => l.firstContentfulPaint).filter((x): x is number => x !== null);
    const js = median(budgetJs);
    const redraw = median(times);
    console.log("");
    console.log(row("metric (median)", "    value", "budget", null));
    console.log(row("first chart visible (ms)", fmt(firstChart), `≤ ${BUDGET.firstChartMs}`, firstChart <= BUDGET.firstChartMs));
    if (fcp.length) console.log(row("first contentful paint (ms)", fmt(median(fcp)), "", null));
    console.log(row("JS before interaction, gzip (KiB)", fmt(js, 1), `≤ ${BUDGET.jsKiB}`, js <= BUDGET.jsKiB));
    console.log(row("DuckDB ready (ms)", fmt(median(loads.map((l) => l.duckdbReady))), "", null));
    console.log(row("filter redraw (ms)", fmt(redraw, 1), `≤ ${BUDGET.redrawMs}`, redraw <= BUDGET.redrawMs));
    console.log(row("filter redraw, first / max (ms)", `${fmt(times[0] ?? NaN, 1)} / ${Math.max(...times).toFixed(1)}`, "", null));
    console.log("");
    console.log("scripts fetched before any interaction (first run), gzip KiB / raw KiB:");
    for (const s of loads[0]?.scripts ?? []) {
      console.log(`  ${fmt(s.gzip / 1024, 1)} ${fmt(s.raw / 1024, 1)}  ${new URL(s.url).pathname}${isDuckdb(s.url) ? "  (DuckDB, not counted)" : ""}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((err: unknown) => {
  console.error(`bench:site: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
