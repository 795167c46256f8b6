/**
 * Every route loads cleanly with JavaScript on and off, and chart pages carry their build-time SVG either way: the
 * seeds' site, and the unit, county and search routes of the fixture corpus's site (several years, several units).
 */
import { describe, expect, test } from "vitest";
import { CHART_ROUTES, SITES } from "./routes.ts";
import { expectDuckdbReady, useBrowser, usesDuckdb } from "./site.ts";

describe.each(await SITES())("$key", ({ key, routes }) => {
  const session = useBrowser(key);


  describe.each([
    { js: true, mode: "JavaScript on" },
    { js: false, mode: "JavaScript off" },
  ])("$mode", ({ js }) => {
    test.each(routes)("/%s loads with no console error and no failed request", async (route) => {
      const { page, consoleErrors, failedRequests } = await session.open(route, { js });
      expect((await page.locator("body").innerText()).trim(), "page text").not.toBe("");
      // Pages that can use the engine (charts, filters, the SQL box) start it after first paint: wait for it, so an
      // engine failing on one route does not go unseen. The others must not download its ≈ 8 MB at all.
      const usesEngine = await usesDuckdb(page);
      if (js && usesEngine) await expectDuckdbReady(page);
      if (!usesEngine) expect(await page.evaluate(() => document.documentElement.dataset["duckdb"] ?? null), "engine state on a page without data").toBeNull();
      expect(await page.locator("figure.chart:not(:has(svg))").count(), "figure.chart without an svg").toBe(0);
      const chart = CHART_ROUTES[route];
      if (chart) {
        const svg = page.locator(`figure.chart[data-chart="${chart}"] svg`).first();
        expect(await svg.count(), `figure.chart[data-chart=${chart}] svg`).toBe(1);
        expect(await svg.isVisible()).toBe(true);
      }
      expect(consoleErrors).toEqual([]);
      expect(failedRequests).toEqual([]);
      expect(session.requestsLeaving(), "no request leaves the site (no CDN, no font service)").toEqual([]);
    });
  });

  test("every link within the site stays under the base path and resolves", async () => {
    const site = session.site;
    const origin = new URL(site.url).origin;
    const targets = new Map<string, string>();
    const { page } = await session.open(routes[0]!, { js: false });
    for (const route of routes) {
      await page.goto(session.url(route));
      // Resolved from the attribute: an SVG <a> (a chart mark linking its source line) has no string .href.
      const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => new URL(a.getAttribute("href") ?? "", document.baseURI).href));
      for (const href of hrefs) if (href.startsWith(`${origin}/`)) targets.set(href.split("#")[0]!, route);
    }
    const broken: string[] = [];
    for (const [href, from] of targets) {
      const status = href.startsWith(site.url) ? (await fetch(href, { method: "HEAD" })).status : "outside the base path";
      if (status !== 200) broken.push(`/${from} → ${href}: ${status}`);
    }
    expect(broken).toEqual([]);
  });
});
