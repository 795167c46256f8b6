/**
 * The charts show the data: the spending chart draws one row per report, and the numbers in a chart's
 * 下载数据 CSV equal the published Parquet for the same filter (with the build-time page and after a filter).
 */
import { describe, expect, test } from "vitest";
import { PAGE_SIZE } from "../../src/query/filters.ts";
import { barRowCount, chartFigure, downloadCsv, tableReportIds, waitForTableIds } from "./chart-page.ts";
import { queryParquet, reportKeys, type ReportKey } from "./parquet.ts";
import { expectDuckdbReady, useBrowser } from "./site.ts";

const session = useBrowser();

interface Truth {
  reports: ReportKey[];
  /** report_id → column → value, for every reports column and every current-year actual fact (by metric). */
  values: Map<string, Record<string, unknown>>;
  /** Reports with at least one spending part, so a bar. */
  withSpending: string[];
  /** Column names the comparison knows: reports columns plus metric names. */
  known: Set<string>;
}

let cached: Promise<Truth> | null = null;

/** Ground truth from the served Parquet, read once per file on first use (inside a test, so a broken build fails it). */
function loadTruth(): Promise<Truth> {
  cached ??= (async () => {
    const dist = session.site.dist;
    const reportRows = await queryParquet<Record<string, unknown>>(dist, "SELECT * FROM reports");
    const facts = await queryParquet<{ report_id: string; metric: string; value: number }>(
      dist,
      `SELECT f.report_id, f.metric, f.value FROM facts f JOIN reports r ON r.report_id = f.report_id
       WHERE f.basis = 'actual' AND f.year = r.fiscal_year`,
    );
    const values = new Map(reportRows.map((r) => [String(r["report_id"]), { ...r }]));
    for (const f of facts) values.get(f.report_id)![f.metric] = f.value;
    const spendParts = new Set(["spend_basic", "spend_project", "spend_personnel", "spend_public"]);
    const known = new Set([...Object.keys(reportRows[0] ?? {}), ...facts.map((f) => f.metric)]);
    const withSpending = [...new Set(facts.filter((f) => spendParts.has(f.metric)).map((f) => f.report_id))];
    return { reports: await reportKeys(dist), values, withSpending, known };
  })();
  return cached;
}

/** Cells of the CSV that disagree with the Parquet, as readable lines; [] when all agree. */
function mismatches(truth: Truth, rows: Record<string, string>[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const id = row["report_id"] ?? "";
    const expected = truth.values.get(id);
    if (!expected) {
      out.push(`${id}: not a report in reports.parquet`);
      continue;
    }
    for (const [col, text] of Object.entries(row)) {
      if (!truth.known.has(col)) continue;
      const want = expected[col] ?? null;
      const same =
        want === null ? text === "" : typeof want === "number" ? text !== "" && Math.abs(Number(text) - want) <= 1e-9 * Math.max(1, Math.abs(want)) : text === String(want);
      if (!same) out.push(`${id}.${col}: CSV "${text}", Parquet ${JSON.stringify(want)}`);
    }
  }
  return out;
}

/** The county with the most reports, and its reports (a filter that keeps some rows and drops others). */
function busiestCounty(truth: Truth): { county: string; ids: string[] } {
  const byCounty = new Map<string, string[]>();
  for (const r of truth.reports) byCounty.set(r.county_code, [...(byCounty.get(r.county_code) ?? []), r.report_id]);
  const [county, ids] = [...byCounty].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { county, ids };
}

/** The reports of the latest year, in the view's default order (county, year, id): the default view's rows. */
function latestYear(truth: Truth): string[] {
  const latest = Math.max(...truth.reports.map((r) => r.fiscal_year));
  return truth.reports
    .filter((r) => r.fiscal_year === latest)
    .sort((a, b) => a.county_code.localeCompare(b.county_code) || a.report_id.localeCompare(b.report_id))
    .map((r) => r.report_id)
    .slice(0, PAGE_SIZE);
}

describe("spending chart", () => {
  test("draws the latest year by default, one table row and one bar row per report with spending figures", async () => {
    const truth = await loadTruth();
    const ids = latestYear(truth);
    const { page } = await session.open("spending/", { js: false });
    expect(await tableReportIds(page, "spending")).toEqual([...ids].sort());
    expect(truth.withSpending.length).toBeGreaterThan(0);
    expect(await barRowCount(page, "spending")).toBe(ids.filter((id) => truth.withSpending.includes(id)).length);
  });

  test("CSV download of the build-time page equals the Parquet (the default view)", async () => {
    const truth = await loadTruth();
    const { page } = await session.open("spending/", { js: false });
    const csv = await downloadCsv(page, chartFigure(page, "spending").locator("a.download-csv"));
    expect(csv.rows.map((r) => r["report_id"]).sort()).toEqual([...latestYear(truth)].sort());
    expect(csv.fields.filter((f) => f.startsWith("spend_")).length, "spend_* columns in the CSV").toBeGreaterThan(0);
    expect(mismatches(truth, csv.rows)).toEqual([]);
  });

  test("CSV download after a county filter (every year) equals the Parquet for that county", async () => {
    const truth = await loadTruth();
    const { county, ids } = busiestCounty(truth);
    const { page } = await session.open(`spending/?county=${county}&year=all`);
    await expectDuckdbReady(page);
    await waitForTableIds(page, "spending", ids);
    const csv = await downloadCsv(page, chartFigure(page, "spending").locator("a.download-csv"));
    expect(csv.rows.map((r) => r["report_id"]).sort()).toEqual([...ids].sort());
    expect(mismatches(truth, csv.rows)).toEqual([]);
  });

  test("下载全部 with JavaScript on is every row of the filtered view, not just the page drawn", async () => {
    const truth = await loadTruth();
    const { page } = await session.open("spending/?year=all");
    await expectDuckdbReady(page);
    const csv = await downloadCsv(page, chartFigure(page, "spending").locator("a.download-all"));
    expect(csv.bom).toBe(true);
    expect(csv.rows.map((r) => r["report_id"]).sort()).toEqual(truth.reports.map((r) => r.report_id).sort());
    expect(mismatches(truth, csv.rows)).toEqual([]);
  });

  test("下载全部 with JavaScript off is the published table, unfiltered", async () => {
    const { page } = await session.open("spending/", { js: false });
    const href = await chartFigure(page, "spending").locator("a.download-all").getAttribute("href");
    expect(href).toBe(session.url("data/reports.csv").replace(/^https?:\/\/[^/]+/, ""));
  });
});
