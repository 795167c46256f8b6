import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Manifest } from "../../src/publish/manifest.ts";
import { syntheticCounties } from "../../src/publish/place-names.ts";
import { PROVINCES_FILE, provinceOf, type ProvincesFile } from "../../src/publish/provinces.ts";
import { publish } from "../../src/publish/publish.ts";
import { syntheticCorpus } from "../../src/publish/synthetic-corpus.ts";
import { TABLE_NAMES } from "../../src/schema/tables.ts";
import { nationalPageHtml } from "../../src/site/national-page.ts";
import { readSeeds, writeReports } from "../../scripts/corpus-files.ts";
import { SEEDS, tempDir } from "./helpers.ts";

/** Data rows of a published CSV (BOM and header dropped). */
const csvRows = async (path: string) => (await readFile(path, "utf8")).replace(/^\uFEFF/, "").split("\r\n").slice(1).filter((l) => l !== "");

describe("provinceOf", () => {
  test("reads the province from the county code that starts a report id", () => {
    expect(provinceOf("430682-2024-kjgyxxhj")).toBe("43");
    expect(provinceOf("130125-2023-jyj-xm-1a2b")).toBe("13");
    expect(provinceOf(null)).toBeNull();
    expect(provinceOf("2024-jyj")).toBeNull();
  });
});

// Seeds renamed into counties of Hebei (13) and Hunan (43), two departments each: one extraction, two releases.
describe("npm run data -- --by-province", { timeout: 60_000 }, () => {
  test("one release per province whose rows together are the single release's, and provinces.json naming them", async () => {
    const root = await tempDir();
    const places = syntheticCounties();
    const [h1, h2] = places.filter((c) => c.code.startsWith("13"));
    const [n1, n2] = places.filter((c) => c.code.startsWith("43") && !c.code.endsWith("00"));
    const corpus = syntheticCorpus(await readSeeds(SEEDS), [h1!, n1!, h2!, n2!], 40, { seed: 5, unitsPerCounty: 2, unitPresence: 1 });
    const written = await writeReports(join(root, "in"), corpus);
    const whole = await publish({ inDir: join(root, "in"), outDir: join(root, "whole") });
    const split = await publish({ inDir: join(root, "in"), outDir: join(root, "split"), byProvince: true });
    expect(whole.failures).toEqual([]);

    const file = JSON.parse(await readFile(join(root, "split", PROVINCES_FILE), "utf8")) as ProvincesFile;
    expect(file.provinces.map((p) => [p.code, p.name, p.dir])).toEqual([["13", "河北省", "13"], ["43", "湖南省", "43"]]);
    expect(file.provinces.map((p) => p.counties)).toEqual([2, 2]);
    expect(file.provinces.reduce((n, p) => n + p.reports, 0)).toBe(written);
    expect(split.provinces).toEqual(file.provinces);

    for (const t of TABLE_NAMES) {
      const all = await csvRows(join(root, "whole", `${t}.csv`));
      const parts = await Promise.all(file.provinces.map((p) => csvRows(join(root, "split", p.dir, `${t}.csv`))));
      // Each province holds only its own reports, and together exactly the whole release's rows, in key order.
      parts.forEach((rows, i) => expect(rows.every((r) => provinceOf(r.split(",")[0]!) === file.provinces[i]!.code)).toBe(true));
      expect(parts.flat()).toEqual(all);
    }
    for (const p of file.provinces) {
      const manifest = JSON.parse(await readFile(join(root, "split", p.dir, "manifest.json"), "utf8")) as Manifest;
      expect(manifest.release_id).toBe(p.release_id);
      expect(manifest.inputs).toHaveLength(p.reports);
      expect(manifest.inputs.every((i) => provinceOf(i.report_id) === p.code)).toBe(true);
      expect(p.years.reduce((n, y) => n + y.reports, 0)).toBe(p.reports);
    }
  });
});

describe("the national entry page", () => {
  const provinces = [
    { code: "13", name: "河北省", dir: "13", release_id: "2026-01-01-aaaaaaaaaa", reports: 1200, counties: 40, years: [{ fiscal_year: 2023, reports: 700 }, { fiscal_year: 2024, reports: 500 }] },
    { code: "43", name: "湖南省", dir: "43", release_id: "2026-01-01-bbbbbbbbbb", reports: 30, counties: 3, years: [{ fiscal_year: 2024, reports: 30 }] },
  ];
  const html = nationalPageHtml(provinces, { base: "/kanban/", demo: false, releasedAt: null });

  test("links each province's site under the base and totals the coverage", () => {
    expect(html).toContain('<a href="/kanban/13/">河北省</a>');
    expect(html).toContain('<a href="/kanban/43/">湖南省</a>');
    expect(html).toContain("收录 1,230 份报告，2 个省份、43 个县市");
    // A year a province has no report in is a dash, not 0.
    expect(html).toMatch(/湖南省<\/a><\/th><td class="num">3<\/td><td class="num">—<\/td><td class="num">30<\/td><td class="num">30<\/td>/);
  });

  test("searches counties from counties.json and units on the chosen province's search page", () => {
    expect(html).toContain('fetch(base + "counties.json")');
    expect(html).toContain('"/search/?q="');
    expect(html).toContain('<option value="43">湖南省</option>');
  });
});
