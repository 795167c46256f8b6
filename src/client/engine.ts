/** The lazily loaded side of the page: DuckDB-WASM, the chart specs and their redraw. */
import { chartSpec } from "../charts/registry.ts";
import { chartCsv, chartSheetColumns } from "../charts/table.ts";
import { normalizeBase, withBase } from "../format/url.ts";
import type { FilterDefaults, Filters } from "../query/filters.ts";
import { memoDb } from "../query/memo-db.ts";
import { wasmDb, type WasmDb } from "../query/wasm-db.ts";
import { chartFileName } from "./chart-caption.ts";
import { redrawFigure } from "./redraw.ts";
import { saveBlob } from "./save-file.ts";

const base = normalizeBase(import.meta.env.BASE_URL);

/** The page's Db; the engine files are served from the site itself (see astro.config.mjs). */
export function db(): WasmDb {
  return wasmDb({
    worker: withBase(base, "duckdb/duckdb-browser-eh.worker.js"),
    wasmGz: withBase(base, "duckdb/duckdb-eh.wasm.gz"),
    database: withBase(base, "data/site.duckdb"),
  });
}

/** Starts the engine and marks <html data-duckdb="ready"> (or "error") for people and tests. */
export async function start(): Promise<void> {
  try {
    await db().ready;
    document.documentElement.dataset["duckdb"] = "ready";
  } catch (err) {
    document.documentElement.dataset["duckdb"] = "error";
    throw err;
  }
}

let generation = 0;

/** The figures a redraw touches: every chart of the page but the static ones (drawn once at build time). */
const liveFigures = () => Array.from(document.querySelectorAll<HTMLElement>("figure.chart[data-chart]:not([data-static])"));

/** Re-queries and redraws every chart on the page; an older, slower redraw never overwrites a newer one. */
export async function redraw(filters: Filters, defaults: FilterDefaults): Promise<void> {
  const mine = ++generation;
  const figures = liveFigures();
  for (const f of figures) f.querySelector(".chart-svg")?.classList.add("busy");
  const shared = memoDb(db());
  await Promise.all(
    figures.map(async (figure) => {
      const id = figure.dataset["chart"] ?? "";
      const spec = chartSpec(id);
      // performance.measure entries ("query:spending", "draw:spending") let bench:site split the redraw time.
      const t0 = performance.now();
      const rows = await spec.query(shared, filters);
      const t1 = performance.now();
      if (mine !== generation) return;
      redrawFigure(figure, spec, rows, filters, defaults, base);
      performance.measure(`query:${id}`, { start: t0, end: t1 });
      performance.measure(`draw:${id}`, { start: t1, end: performance.now() });
    }),
  );
  if (mine === generation) document.documentElement.dataset["drawn"] = String(mine);
}

/** 下载全部: every row of the figure's filtered view (no page) as CSV, written by DuckDB in the browser. */
export async function downloadAll(figure: HTMLElement, filters: Filters, name: string): Promise<void> {
  const spec = chartSpec(figure.dataset["chart"] ?? "");
  if (!spec.queryAll) return;
  const rows = await spec.queryAll(db(), filters);
  saveBlob(new Blob([chartCsv(spec, rows)], { type: "text/csv;charset=utf-8" }), name);
}

/** The same rows as downloadAll, as XLSX under the chart's caption (the XLSX writer loads on first use). */
export async function downloadAllXlsx(figure: HTMLElement, filters: Filters): Promise<void> {
  const spec = chartSpec(figure.dataset["chart"] ?? "");
  if (!spec.queryAll) return;
  const [rows, { saveSheetXlsx }] = await Promise.all([spec.queryAll(db(), filters), import("./chart-xlsx.ts")]);
  await saveSheetXlsx(figure, chartSheetColumns(spec, rows), rows, chartFileName(figure, "xlsx", "all-"), [`全部筛选结果，共 ${rows.length} 行`]);
}
