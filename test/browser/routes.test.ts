/** Every route loads cleanly with JavaScript on and off, and chart pages carry their build-time SVG either way. */
import { describe, expect, test } from "vitest";
import { CHART_ROUTES, siteRoutes } from "./routes.ts";
import { useBrowser, usesDuckdb, waitForDuckdb } from "./site.ts";

const session = useBrowser();
const routes = await siteRoutes();

describe.each([
  { js: true, mode: "JavaScript on" },
  { js: false, mode: "JavaScript off" },
])("$mode", ({ js }) => {
  test.each(routes)("/%s loads with no console error and no failed request", async (route) => {
    const { page, consoleErrors, failedRequests } = await session.open(route, { js });
    expect((await page.locator("body").innerText()).trim(), "page text").not.toBe("");
    if (js && (await usesDuckdb(page))) expect(await waitForDuckdb(page)).toBe("ready");
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
