/**
 * The committed fixture corpus (test/fixtures/corpus: 3 counties × 4 departments, 2–4 years each) as a demo build
 * (inject("fixtureSite")): a unit's series over several years with every point on its source line, a county's
 * units year by year and its coverage, peer rank, search by name and pinyin initials, every page labelled
 * synthetic and within the size budget. Unit ids and years are those of test/fixtures/README.md; every figure
 * is read from the CSVs the site serves, so regenerating the corpus changes no expectation here.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { DEMO_LABEL } from "../../src/site/demo.ts";
import { chartFigure, tableRows } from "./chart-page.ts";
import { numbersIn, roundsTo } from "./numbers.ts";
import { servedTable, unitRoutes } from "./routes.ts";
import { useBrowser } from "./site.ts";

const session = useBrowser("fixtureSite");
const table = (name: string) => servedTable(session.site.dist, name);

/** 浏阳市工业和信息化局: a report in each of 2021–2024 (test/fixtures/README.md). */
const UNIT = "430181-gyxxhj";
const COUNTY = "430181";
const SPENDING = ["spend_total", "spend_basic", "spend_project"];

/** The href a chart mark carries, made absolute (an SVG <a> has no string .href). */
const svgHrefs = (page: import("playwright-core").Page, chart: string) =>
  chartFigure(page, chart)
    .locator("svg a")
    .evaluateAll((as) => as.map((a) => new URL(a.getAttribute("href") ?? "", document.baseURI).href));

describe("unit page of a unit with four years", () => {
  test("its spending chart has a point per year and series, each linking to the report line that holds the figure (JavaScript off)", async () => {
    const reports = (await table("reports")).filter((r) => r["unit_id"] === UNIT);
    expect(reports.map((r) => r["fiscal_year"]).sort()).toEqual(["2021", "2022", "2023", "2024"]);
    const facts = await table("facts");
    const expected = new Map<string, { metric: string; value: number }>();
    for (const r of reports) {
      for (const metric of SPENDING) {
        const fact = facts.find((f) => f["report_id"] === r["report_id"] && f["metric"] === metric && f["basis"] === "actual" && f["year"] === r["fiscal_year"]);
        expect(fact, `${r["report_id"]} ${metric}`).toBeDefined();
        expected.set(session.url(`reports/${r["report_id"]}/#L${fact!["source_line"]}`), { metric, value: Number(fact!["value"]) });
      }
    }
    const { page } = await session.open(`units/${UNIT}/`, { js: false });
    const hrefs = await svgHrefs(page, "unit-spending");
    expect([...hrefs].sort()).toEqual([...expected.keys()].sort());
    const totals = [...expected].filter(([, f]) => f.metric === "spend_total").map(([href]) => href);
    expect(totals, "支出合计: 4 points, one per year").toHaveLength(4);
    // Each linked line holds the figure: open the report at the line and read it.
    for (const [href, { metric, value }] of expected) {
      await page.goto(href);
      const line = page.locator("ol.source-text > li:target");
      expect(await line.count(), href).toBe(1);
      const text = await line.innerText();
      expect(numbersIn(text).some((n) => roundsTo(value, n)), `${href} (${metric} ${value}): "${text}"`).toBe(true);
    }
  });

  test("its table lists the four reports newest first and shows the self-score rank among peers of its latest year", async () => {
    const reports = await table("reports");
    const own = reports.filter((r) => r["unit_id"] === UNIT).sort((a, b) => Number(b["fiscal_year"]) - Number(a["fiscal_year"]));
    const latest = own[0]!;
    const scored = (r: Record<string, string>) => r["self_score"] !== "" && r["self_score"] !== undefined;
    const peers = reports.filter((r) => r["department_kind"] === latest["department_kind"] && r["fiscal_year"] === latest["fiscal_year"] && scored(r));
    expect(peers.length, "several peers of its kind that year").toBeGreaterThan(2);
    const rank = 1 + peers.filter((r) => Number(r["self_score"]) > Number(latest["self_score"])).length;
    const { page } = await session.open(`units/${UNIT}/`, { js: false });
    const listed = await page.locator("#reports + .table-scroll tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-report-id")));
    expect(listed).toEqual(own.map((r) => r["report_id"]));
    const title = await chartFigure(page, "peer-self_score").locator("figcaption h2").textContent();
    expect(title).toContain(`第 ${rank} / ${peers.length}`);
    // The unit is highlighted: exactly one bin of the histogram holds it.
    expect((await tableRows(page, "peer-self_score")).filter((r) => r.cells.includes("是"))).toHaveLength(1);
  });
});

describe("county page", () => {
  test("lists the units with a report in the chosen year, latest first, and each earlier year through the year selector (JavaScript off)", async () => {
    const own = (await table("reports")).filter((r) => r["county_code"] === COUNTY);
    const years = [...new Set(own.map((r) => r["fiscal_year"]!))].sort().reverse();
    expect(years).toEqual(["2024", "2023", "2022", "2021"]);
    const idsOf = (year: string) => own.filter((r) => r["fiscal_year"] === year).map((r) => r["report_id"]).sort();
    expect(idsOf("2024").length, "the years differ in how many units report").not.toBe(idsOf("2021").length);
    const { page } = await session.open(`counties/${COUNTY}/`, { js: false });
    const rows = () => page.locator("table.sortable tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-report-id")).sort());
    expect(await rows()).toEqual(idsOf("2024"));
    const selector = page.locator("nav ul.year-nav a");
    expect(await selector.allInnerTexts()).toEqual(years.map((y) => `${y}年`));
    expect(await page.locator("nav ul.year-nav a[aria-current=page]").innerText()).toBe("2024年");
    for (const year of years.slice(1)) {
      await Promise.all([page.waitForURL(new RegExp(`/counties/${COUNTY}/${year}/$`)), page.locator("nav ul.year-nav a", { hasText: `${year}年` }).click()]);
      expect(await rows(), year).toEqual(idsOf(year));
      expect(await page.locator("nav ul.year-nav a[aria-current=page]").innerText()).toBe(`${year}年`);
    }
  });

  test("its coverage table shows every unit × year, linking the reports and marking the missing years", async () => {
    const own = (await table("reports")).filter((r) => r["county_code"] === COUNTY);
    const years = [...new Set(own.map((r) => r["fiscal_year"]!))].sort();
    const units = [...new Set(own.map((r) => r["unit_id"]!))].sort();
    const expected = units.map((u) => [u, ...years.map((y) => own.find((r) => r["unit_id"] === u && r["fiscal_year"] === y)?.["report_id"] ?? "无报告")]);
    // 财政局 from 2022, 教育局 from 2023 (test/fixtures/README.md): some years are missing.
    expect(expected.flat().filter((c) => c === "无报告").length).toBeGreaterThan(0);
    const { page } = await session.open(`counties/${COUNTY}/`, { js: false });
    expect(await page.locator("table.coverage thead th").allInnerTexts()).toEqual(["部门", ...years.map((y) => `${y}年`)]);
    const shown = await page.locator("table.coverage tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-unit-id") ?? "",
        ...[...tr.querySelectorAll("td")].map((td) => {
          const a = td.querySelector("a");
          return a ? (new URL(a.href).pathname.split("/").at(-2) ?? "") : (td.textContent ?? "").replace("—", "").trim();
        }),
      ]),
    );
    expect(shown.sort((a, b) => (a[0]! < b[0]! ? -1 : 1))).toEqual(expected);
  });
});

describe("search", () => {
  test.each([
    ["浏阳工", "浏阳市 工业和信息化局"],
    // Initials of consecutive characters: 浏阳 + 工业. ("lygx", 浏阳工信, is no run of the name; it reaches only
    // the one-letter-off fallback, which finds 浏阳科学技术局 by g≈k.)
    ["lygy", "浏阳市 工业和信息化局"],
  ])("%s finds %s (JavaScript on)", async (query, name) => {
    const { page, consoleErrors } = await session.open("");
    const box = page.locator("#site-search");
    await box.focus();
    await box.pressSequentially(query);
    const names = page.locator("#site-search-list [role=option] .search-name");
    await expect.poll(() => names.allInnerTexts()).toContain(name);
    expect(consoleErrors).toEqual([]);
  });

  test("/search/ links every unit by county and by kind (JavaScript off)", async () => {
    const reports = await table("reports");
    const units = [...new Set(reports.map((r) => r["unit_id"]!))].sort();
    expect(units).toHaveLength(12);
    const { page, failedRequests } = await session.open("search/", { js: false });
    const hrefs = (section: string) =>
      page.locator(`#${section} + dl dd a`).evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname.split("/").at(-2) ?? "")));
    expect((await hrefs("by-county")).sort()).toEqual(units);
    expect((await hrefs("by-kind")).sort()).toEqual(units);
    expect((await page.locator("#by-county + dl dt a").allInnerTexts()).sort()).toEqual([...new Set(reports.map((r) => r["county_zh"]!))].sort());
    expect(failedRequests).toEqual([]);
  });
});

describe("the build", () => {
  test(`every page carries the ${DEMO_LABEL} label, in its title and its banner`, async () => {
    const dist = session.site.dist;
    const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
    // The fixed routes, 39 reports, 12 units, 3 counties with their earlier years, the county index.
    expect(files.length).toBeGreaterThan(39 + 12 + 3);
    const unlabelled: string[] = [];
    for (const file of files) {
      const html = await readFile(file, "utf8");
      if (!html.includes(`<title>[${DEMO_LABEL}]`) || !/class="demo-banner"[^>]*><strong>合成示例数据<\/strong>/.test(html)) unlabelled.push(file.slice(dist.length + 1));
    }
    expect(unlabelled).toEqual([]);
    const { page } = await session.open(`units/${UNIT}/`, { js: false });
    expect(await page.locator(".demo-banner").innerText()).toContain(DEMO_LABEL);
  });

  test("every page is within the size budget: ≤ 1 MiB raw, unit and county pages ≤ 200 KB gzip", async () => {
    const dist = session.site.dist;
    const over: string[] = [];
    const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
    for (const file of files) {
      const html = await readFile(file);
      if (html.length > 2 ** 20) over.push(`${file.slice(dist.length + 1)}: ${html.length} B raw`);
    }
    for (const route of unitRoutes(await table("reports"))) {
      const gz = gzipSync(await readFile(join(dist, route, "index.html"))).length;
      if (gz > 200_000) over.push(`${route}: ${gz} B gzip`);
    }
    expect(over).toEqual([]);
  });
});
