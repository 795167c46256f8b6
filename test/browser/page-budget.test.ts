/**
 * No page over the size budget (issue 8): every HTML page of the build ≤ 1 MiB raw, and every main route
 * ≤ 200 KB gzip. Run it over a large build with SITE_DIST=<dist of a 10,000-report build> npm run test:browser --
 * test/browser/page-budget.test.ts; with the seeds it guards against a route that ships every row again.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "vitest";
import { FIXED_ROUTES } from "./routes.ts";
import { siteInfo } from "./site.ts";

const RAW_LIMIT = 1024 * 1024;
const GZIP_LIMIT = 200 * 1000;

test("every HTML page is at most 1 MiB", async () => {
  const dist = siteInfo().dist;
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
  expect(pages.length).toBeGreaterThan(0);
  const over: string[] = [];
  for (const file of pages) {
    const { size } = await stat(file);
    if (size > RAW_LIMIT) over.push(`${file.slice(dist.length + 1)}: ${(size / 2 ** 20).toFixed(2)} MiB`);
  }
  expect(over).toEqual([]);
});

test.each(FIXED_ROUTES)("/%s is at most 200 KB gzip", async (route) => {
  const html = await readFile(join(siteInfo().dist, route, "index.html"));
  expect(gzipSync(html).length).toBeLessThanOrEqual(GZIP_LIMIT);
});
