/** The lazily loaded side of the page: DuckDB-WASM, the chart specs and their redraw. */
import { chartSpec } from "../charts/registry.ts";
import { normalizeBase, withBase } from "../format/url.ts";
import type { Filters } from "../query/filters.ts";
import { memoDb } from "../query/memo-db.ts";
import { wasmDb, type WasmDb } from "../query/wasm-db.ts";
import { redrawFigure } from "./redraw.ts";

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

/** Re-queries and redraws every chart on the page; an older, slower redraw never overwrites a newer one. */
export async function redraw(filters: Filters): Promise<void> {
  const mine = ++generation;
  const figures = Array.from(document.querySelectorAll<HTMLElement>("figure.chart[data-chart]"));
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
      redrawFigure(figure, spec, rows, filters.mode, base);
      performance.measure(`query:${id}`, { start: t0, end: t1 });
      performance.measure(`draw:${id}`, { start: t1, end: performance.now() });
    }),
  );
  if (mine === generation) document.documentElement.dataset["drawn"] = String(mine);
}
