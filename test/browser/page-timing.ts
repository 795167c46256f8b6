/**
 * In-page probes for `npm run bench:site`: timestamps taken inside the page with performance.now() (relative to
 * navigation start), so the figures leave out the DevTools round trips of the driver.
 */
import type { Page } from "playwright-core";

export interface LoadTimes {
  /**
   * When a figure.chart svg was first on screen: the later of first-contentful-paint and the frame after the
   * requestAnimationFrame that first saw the svg with a non-zero size (nothing is on screen before FCP).
   */
  firstChart: number;
  firstContentfulPaint: number | null;
  /** <html data-duckdb> became "ready". */
  duckdbReady: number;
}

/** Installs the probes before any page script runs; call once per context, before page.goto. */
export async function installLoadProbes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { __bench: Record<string, number> }).__bench = marks;
    const seeChart = () => {
      const svg = document.querySelector("figure.chart svg");
      if (svg && svg.getBoundingClientRect().width > 0) {
        // rAF runs just before a paint; the next rAF runs after that paint has been produced.
        requestAnimationFrame(() => (marks["firstChart"] = performance.now()));
      } else requestAnimationFrame(seeChart);
    };
    requestAnimationFrame(seeChart);
    new MutationObserver(() => {
      if (document.documentElement.dataset["duckdb"] === "ready") marks["duckdbReady"] ??= performance.now();
      // The document, not <html>: init scripts run before <html> exists.
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-duckdb"] });
  });
}

/** Waits for the chart and DuckDB marks and returns them with first-contentful-paint. */
export async function readLoadTimes(page: Page, timeout = 60_000): Promise<LoadTimes> {
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __bench?: Record<string, number> }).__bench;
      return m?.["firstChart"] !== undefined && m["duckdbReady"] !== undefined;
    },
    undefined,
    { timeout },
  );
  return page.evaluate(() => {
    const m = (window as unknown as { __bench: Record<string, number> }).__bench;
    const fcp = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
    const fcpTime = fcp?.startTime ?? null;
    return { firstChart: Math.max(m["firstChart"]!, fcpTime ?? 0), firstContentfulPaint: fcpTime, duckdbReady: m["duckdbReady"]! };
  });
}

/**
 * Changes select[name=<field>] `count` times (cycling through its options) and times each change until the
 * chart's <svg> has been replaced, seen by a MutationObserver. Returns milliseconds per change.
 */
export function timeRedraws(page: Page, chart: string, field: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ chart, field, count }) => {
      const figure = document.querySelector(`figure.chart[data-chart="${chart}"]`);
      const select = document.querySelector<HTMLSelectElement>(`form.filters select[name="${field}"]`);
      if (!figure || !select) throw new Error(`no figure.chart[data-chart=${chart}] or select[name=${field}]`);
      const values = [...select.options].map((o) => o.value);
      if (values.length < 2) throw new Error(`select[name=${field}] has fewer than two options`);
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const old = figure.querySelector("svg");
        const replaced = new Promise<number>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`change ${i}: svg not replaced within 10 s`)), 10_000);
          const observer = new MutationObserver(() => {
            const now = figure.querySelector("svg");
            if (now && now !== old) {
              observer.disconnect();
              clearTimeout(timer);
              done(performance.now());
            }
          });
          observer.observe(figure, { childList: true, subtree: true });
        });
        const next = values[(values.indexOf(select.value) + 1) % values.length]!;
        const start = performance.now();
        select.value = next;
        select.dispatchEvent(new Event("input", { bubbles: true }));
        select.dispatchEvent(new Event("change", { bubbles: true }));
        times.push((await replaced) - start);
        // Let the frame paint before the next change, as a person clicking would.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return times;
    },
    { chart, field, count },
  );
}
