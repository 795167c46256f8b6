/**
 * Loaded on every page, and kept tiny: it owns the URL ⇄ form wiring and starts the engine after first paint
 * (idle, first interaction, or at once for a shared link with filters). Charts, Plot and DuckDB-WASM load lazily.
 */
import { applyParams, defaultsOf, filtersOf, paramsOf, urlFor } from "./form-state.ts";

type Engine = typeof import("./engine.ts");
let engine: Promise<Engine> | null = null;

function loadEngine(): Promise<Engine> {
  engine ??= import("./engine.ts").then(async (m) => {
    await m.start();
    return m;
  });
  return engine;
}

/** Runs fn after the first frame has been painted. */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

const form = document.querySelector<HTMLFormElement>("form.filters");

/** A failed start or redraw leaves the build-time charts in place and says so, instead of failing silently. */
function report(err: unknown): void {
  for (const el of Array.from(document.querySelectorAll(".chart-svg.busy"))) el.classList.remove("busy");
  for (const el of Array.from(document.querySelectorAll(".row-count"))) el.textContent = "筛选暂不可用（查询引擎出错）";
  console.error(err);
}

function redraw(): void {
  if (!form) return;
  const filters = filtersOf(form);
  loadEngine().then((m) => m.redraw(filters, defaultsOf(form))).catch(report);
}

/** The form's hidden page= field: cleared by any other choice (a new filter starts at page 1). */
const pageField = () => form?.querySelector<HTMLInputElement>('input[type="hidden"][name="page"]') ?? null;

/** Below this width the build-time SVG (drawn at 720 px) is scaled down too far to read, so redraw it to fit. */
const NARROW = 600;

/** The compare page's picked reports (ul.picked, src/client/compare-pick.ts); null on every other page. */
const picked = form?.querySelector<HTMLElement>("ul.picked") ?? null;
const pickModule = () => Promise.all([loadEngine(), import("./compare-pick.ts")]);

/** The form changed: back to page 1, into the URL, redrawn. */
function chosen(): void {
  if (!form) return;
  const page = pageField();
  if (page) page.value = "";
  history.pushState(null, "", urlFor(paramsOf(form)));
  redraw();
}

/** Shows the URL's choices in the form (on compare: its ids, else the build's default pick), then redraws. */
function restore(): void {
  if (!form) return;
  const params = new URLSearchParams(location.search);
  applyParams(form, params);
  if (!picked) return afterPaint(redraw);
  const ids = params.has("id") ? params.getAll("id") : (picked.dataset["defaultIds"] ?? "").split(",").filter(Boolean);
  pickModule()
    .then(([m, p]) => p.showPicks(m.db(), picked, ids))
    .then(redraw, report);
}

if (form) {
  const narrow = Array.from(document.querySelectorAll<HTMLElement>("figure.chart:not([data-static]) .chart-svg")).some((b) => b.clientWidth < NARROW);
  if (narrow && !location.search) afterPaint(() => void loadEngine().then(redraw, report));
  const onChoice = (event: Event) => {
    event.preventDefault();
    chosen();
  };
  form.addEventListener("change", onChoice);
  form.addEventListener("submit", onChoice);
  // Pager links change page= only: redraw in place rather than reload the page.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("nav.pager a[data-page]") : null;
    const page = pageField();
    if (!link || !page || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    page.value = link.dataset["page"] === "1" ? "" : (link.dataset["page"] ?? "");
    history.pushState(null, "", urlFor(paramsOf(form)));
    redraw();
    link.closest("figure")?.scrollIntoView({ block: "start" });
  });
  addEventListener("popstate", restore);
  // A shared or reloaded link: show its choices in the form now, redraw once the engine is up.
  if (location.search) restore();
}

if (form && picked) {
  // A unit picked in the compare page's search box (SearchBox mode "pick") joins the comparison.
  document.addEventListener("search-pick", (event) => {
    const pick = (event as CustomEvent<import("./search.ts").SearchPick>).detail;
    pickModule()
      .then(([m, p]) => p.addPick(m.db(), picked, pick, filtersOf(form).year))
      .then((added) => added && chosen(), report);
  });
  picked.addEventListener("click", (event) => {
    const li = event.target instanceof Element ? event.target.closest("button.pick-remove")?.closest("li") : null;
    if (!li) return;
    // Focus moves to the next remove button (else the search box) rather than being lost with the button.
    const next = li.nextElementSibling?.querySelector("button") ?? li.previousElementSibling?.querySelector("button") ?? document.querySelector<HTMLInputElement>("form.search-box[data-search-mode=pick] input");
    li.remove();
    next?.focus();
    chosen();
  });
}

document.getElementById("sql-run")?.addEventListener("click", () => {
  Promise.all([loadEngine(), import("./sql-box.ts")])
    .then(([m, box]) => box.runSqlBox(m.db()))
    .catch((err: unknown) => {
      const box = document.getElementById("sql-error");
      if (box) {
        box.textContent = `查询引擎未能启动：${err instanceof Error ? err.message : String(err)}`;
        box.hidden = false;
      }
    });
});

// 下载全部: the whole filtered view as CSV, written by DuckDB here; the href (the published table) is the JS-off way.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a.download-all[data-all]") : null;
  const figure = link?.closest<HTMLElement>("figure.chart");
  if (!link || !figure || !form) return;
  event.preventDefault();
  const filters = filtersOf(form);
  loadEngine()
    .then((m) => m.downloadAll(figure, filters, link.dataset["all"] ?? "all.csv"))
    .catch(report);
});

// Each chart's XLSX, SVG and PNG: made here from the CSV link and the SVG beside them, so the buttons show only
// where this script runs; each maker loads on its first use.
for (const button of document.querySelectorAll<HTMLButtonElement>("button.chart-export")) button.hidden = false;
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button.chart-export") : null;
  const figure = button?.closest<HTMLElement>("figure.chart");
  if (!button || !figure) return;
  const format = button.dataset["export"];
  const made =
    format === "xlsx"
      ? import("./chart-xlsx.ts").then((m) => m.downloadChartXlsx(figure, button))
      : format === "all-xlsx"
        ? loadEngine().then((m) => (form ? m.downloadAllXlsx(figure, filtersOf(form)) : undefined))
        : import("./chart-image.ts").then((m) => m.downloadChartImage(figure, format === "png" ? "png" : "svg"));
  made.catch((err: unknown) => {
    button.textContent = `${button.textContent ?? ""}未能生成`;
    console.error(err);
  });
});

// 打印简报: the page's print stylesheet keeps only its brief (src/styles/print.css).
for (const button of document.querySelectorAll<HTMLButtonElement>("button.print-page")) {
  button.hidden = false;
  button.addEventListener("click", () => print());
}

// Only pages that can use the engine (charts to redraw, filters, the SQL box) fetch its ≈ 8 MB; static charts
// (drawn once at build time, as on the overview) do not need it.
if (document.querySelector("figure.chart[data-chart]:not([data-static]), form.filters, textarea#sql")) {
  const start = () => void loadEngine().catch(report);
  for (const type of ["pointerdown", "keydown", "focusin"]) addEventListener(type, start, { once: true, capture: true, passive: true });
  afterPaint(() => ("requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 500)));
}
