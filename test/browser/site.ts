/**
 * The one fixture every browser test file uses: a Chromium per file, a fresh context per page, and watchers
 * that record console errors, failed requests and any request leaving the site (which fails the test).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { launchChromium } from "./chromium.ts";
import { waitForDuckdb } from "./duckdb-ready.ts";
import type { SiteInfo } from "./global-setup.ts";

export interface OpenOptions {
  /** false opens the page in a context with JavaScript disabled. */
  js?: boolean;
  viewport?: { width: number; height: number };
}

export interface Watched {
  page: Page;
  /** Console messages of type error and uncaught exceptions, with where they came from. */
  consoleErrors: string[];
  /** Requests that failed at the network level or got an HTTP status ≥ 400. */
  failedRequests: string[];
}

export interface Session {
  site: SiteInfo;
  /** Absolute URL of a site path ("spending/?county=430682"; leading "/" optional). */
  url(path: string): string;
  /** Opens path in a new context and waits for the load event. */
  open(path: string, options?: OpenOptions): Promise<Watched>;
  /** Requests that left the site during the current test (afterEach fails the test on any). */
  requestsLeaving(): string[];
}

/** Which site of global-setup.ts: the seeds' build ("site") or the fixture corpus's demo build ("fixtureSite"). */
export type SiteKey = "site" | "fixtureSite";

/** The site prepared by global-setup.ts; throws its error when the build or Chromium failed. */
export function siteInfo(key: SiteKey = "site"): SiteInfo {
  const site = inject(key);
  if (site.error) throw new Error(`site not available: ${site.error}`);
  return site;
}

/** Each open page's watcher, so helpers given only a page can quote its console errors. */
const watchers = new WeakMap<Page, Watched>();

/** Whether a request stays on the site: same origin, or data:/blob: URLs the page made itself. */
function isLocal(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:");
}

/**
 * Registers the per-file browser and per-test cleanup; call once at the top of a test file, or once in each
 * describe() of a file that checks both sites (the hooks are then scoped to that describe).
 */
export function useBrowser(key: SiteKey = "site"): Session {
  let browser: Browser | null = null;
  let site: SiteInfo | null = null;
  let contexts: BrowserContext[] = [];
  let external: string[] = [];

  let unavailable: unknown = null;

  // A beforeAll failure would leave the tests "skipped" (and the totals line at 0 failed); failing each test in
  // beforeEach makes a broken build or browser count as failures.
  beforeAll(async () => {
    try {
      site = siteInfo(key);
      browser = await launchChromium();
    } catch (err) {
      unavailable = err;
    }
  });
  beforeEach(() => {
    if (unavailable) throw unavailable;
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    const left = external;
    external = [];
    if (left.length > 0) throw new Error(`requests left the site:\n${left.join("\n")}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const session: Session = {
    get site() {
      if (!site) throw new Error("useBrowser(): the site is only available inside tests");
      return site;
    },
    requestsLeaving() {
      return [...external];
    },
    url(path: string) {
      return new URL(path.replace(/^\//, ""), session.site.url).href;
    },
    async open(path, options = {}) {
      if (!browser) throw new Error("useBrowser(): browser not launched");
      const origin = new URL(session.site.url).origin;
      const context = await browser.newContext({
        javaScriptEnabled: options.js ?? true,
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: "zh-CN",
      });
      contexts.push(context);
      // Context-level, so requests from workers (the DuckDB worker) are seen too.
      context.on("request", (req) => {
        if (isLocal(req.url(), origin)) return;
        console.warn(`request left the site: ${req.method()} ${req.url()}`);
        external.push(`${req.method()} ${req.url()}`);
      });
      const page = await context.newPage();
      const watched: Watched = { page, consoleErrors: [], failedRequests: [] };
      watchers.set(page, watched);
      page.on("console", (msg) => {
        if (msg.type() === "error") watched.consoleErrors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => watched.consoleErrors.push(`uncaught: ${err.message}`));
      page.on("requestfailed", (req) => watched.failedRequests.push(`${req.failure()?.errorText ?? "failed"} ${req.url()}`));
      page.on("response", (res) => {
        if (res.status() >= 400) watched.failedRequests.push(`${res.status()} ${res.url()}`);
      });
      await page.goto(session.url(path), { waitUntil: "load" });
      return watched;
    },
  };
  return session;
}

/** Waits for DuckDB-WASM and fails unless it is "ready", quoting the page's console errors as the likely cause. */
export async function expectDuckdbReady(page: Page): Promise<void> {
  const state = await waitForDuckdb(page);
  if (state !== "ready") {
    const errors = watchers.get(page)?.consoleErrors ?? [];
    throw new Error(`DuckDB-WASM did not load: data-duckdb="${state}"; console errors:\n${errors.join("\n") || "(none)"}`);
  }
}

/** Whether the page has anything DuckDB serves: a chart it redraws, filters or the SQL box (routes.ts ENGINE_SELECTOR). */
export function usesDuckdb(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector("figure.chart:not([data-static]), form.filters, textarea#sql") !== null);
}
