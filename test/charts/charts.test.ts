/**
 * Charts rendered at build time (linkedom) from fixture rows: one mark per drawn row, Chinese labels and
 * units, a table row per drawn row, and a CSV of exactly those rows.
 */
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildDocument } from "../../src/charts/build-document.ts";
import { renderLegend } from "../../src/charts/legend.ts";
import { CHARTS, chartSpec } from "../../src/charts/registry.ts";
import { chartCsv, renderTableBody } from "../../src/charts/table.ts";
import { EMPTY_FILTERS } from "../../src/query/filters.ts";
import { reportSummaries, sangongView, spendingView } from "../../src/query/queries.ts";
import { spendingChart } from "../../src/charts/spending.ts";
import { sangongChart } from "../../src/charts/sangong.ts";
import { indicatorsChart } from "../../src/charts/indicators.ts";
import { compareChart } from "../../src/charts/compare.ts";
import { indicatorCompletionChart } from "../../src/charts/indicator-completion.ts";
import { indicatorScoreChart } from "../../src/charts/indicator-score.ts";
import { openFixtureDb } from "../query/fixture.ts";

let fixture: Awaited<ReturnType<typeof openFixtureDb>>;
beforeAll(async () => {
  fixture = await openFixtureDb();
});
afterAll(() => fixture.close());

const document = buildDocument();
const ctx = { document, width: 640 };
const rectsIn = (svg: Element, label: string) => svg.querySelectorAll(`g[aria-label="${label}"] rect`).length;
const texts = (svg: Element) => Array.from(svg.querySelectorAll("text")).map((t) => t.textContent ?? "");

describe("spending", () => {
  test("amounts: one segment per printed part; labels and unit in Chinese", async () => {
    const rows = await spendingView(fixture.db, EMPTY_FILTERS);
    const svg = spendingChart.render(rows, ctx);
    expect(svg.tagName.toLowerCase()).toBe("svg");
    // 临湘: personnel + public + project; 吉首: basic (not split) + project.
    expect(rectsIn(svg, "bar")).toBe(5);
    expect(texts(svg)).toContain("临湘市 · 科技和工业信息化局 · 2024年");
    expect(texts(svg).some((t) => t.includes("支出（万元）"))).toBe(true);
    expect(svg.querySelector("title")?.textContent).toMatch(/人员经费：450万元/);
  });

  test("shares end at 100% and per staff skips reports without a staff count", async () => {
    const rows = await spendingView(fixture.db, EMPTY_FILTERS);
    const shares = spendingChart.render(rows, { ...ctx, mode: "share" });
    expect(texts(shares).some((t) => t.includes("占比（%）"))).toBe(true);
    const perStaff = spendingChart.render(rows, { ...ctx, mode: "per_staff" });
    expect(rectsIn(perStaff, "bar")).toBe(3);
    expect(texts(perStaff).some((t) => t.includes("万元/人"))).toBe(true);
  });

  test("legend names only the parts drawn", async () => {
    const rows = await spendingView(fixture.db, EMPTY_FILTERS);
    const legend = renderLegend(document, spendingChart.legend(rows, ctx));
    expect(Array.from(legend.querySelectorAll("li")).map((li) => li.textContent)).toEqual(["人员经费", "公用经费", "基本支出（未分人员/公用）", "项目支出"]);
  });
});

test("sangong: one range line per row, overspent marked in the label", async () => {
  const rows = await sangongView(fixture.db, EMPTY_FILTERS);
  const svg = sangongChart.render(rows, ctx);
  expect(svg.querySelectorAll('g[aria-label="rule"] line').length).toBe(rows.length);
  expect(texts(svg).some((t) => t.includes("公务接待（超预算）"))).toBe(true);
  expect(texts(svg).some((t) => t.includes("金额（万元）"))).toBe(true);
  expect(sangongChart.legend(rows, ctx).map((i) => i.label)).toContain("本年实际（超预算）");
});

test("sangong by county: a group row names its county and how many of its reports overspent", async () => {
  const rows = await sangongView(fixture.db, { ...EMPTY_FILTERS, group: "county" });
  const svg = sangongChart.render(rows, ctx);
  expect(texts(svg)).toContain("临湘市（1 份报告） ｜ 公务接待（1 份超预算）");
});

test("indicators: one stacked bar per report, a segment per status present", async () => {
  const rows = await indicatorsChart.query(fixture.db, EMPTY_FILTERS);
  const svg = indicatorsChart.render(rows, ctx);
  // 临湘: met, missed, unknown; 吉首: missed.
  expect(rectsIn(svg, "bar")).toBe(4);
  expect(Array.from(svg.querySelectorAll("title")).map((t) => t.textContent).join("\n")).toMatch(/临湘市 · 科技和工业信息化局 · 2024年\n未完成：1 个（共 3 个）/);
  expect(indicatorsChart.legend(rows, ctx).map((i) => i.label)).toEqual(["已完成", "未完成", "无法判断"]);
});

test("indicator completion: a histogram of 10-point bins by status; lower-is-better as target ÷ actual", async () => {
  const rows = await indicatorCompletionChart.query(fixture.db, EMPTY_FILTERS);
  // 新增规模工业企业 12/10 → bin 12 (met); 三公经费控制 20/25 and 项目完成率 80/100 → bin 8 (missed).
  expect(rows).toEqual([
    { bin: 8, status: "missed", n: 2 },
    { bin: 12, status: "met", n: 1 },
  ]);
  const svg = indicatorCompletionChart.render(rows, ctx);
  expect(svg.querySelectorAll('g[aria-label="rect"] rect').length).toBe(2);
  expect(texts(svg).some((t) => t.includes("完成比（%）"))).toBe(true);
});

test("indicator score: one dot per (分值, 得分, status) sized by its count", async () => {
  const rows = await indicatorScoreChart.query(fixture.db, EMPTY_FILTERS);
  expect(rows).toHaveLength(4);
  const svg = indicatorScoreChart.render(rows, ctx);
  // (10, 10, met) (10, 6, missed) (10, 10, unknown) (10, 8, missed) → four distinct groups.
  expect(svg.querySelectorAll('g[aria-label="dot"] circle').length).toBe(4);
  expect(texts(svg).some((t) => t.includes("自评得分（分）"))).toBe(true);
});

test("compare: one bar per report and measure that has a value", async () => {
  const rows = await reportSummaries(fixture.db, EMPTY_FILTERS);
  const svg = compareChart.render(rows, ctx);
  // 临湘: 5 measures (no execution rate) → 4; 吉首: basic share, completion rate, score → 3.
  expect(rectsIn(svg, "bar")).toBe(7);
  expect(texts(svg)).toContain("自评得分（分）");
});

describe("table and CSV beside every chart", () => {
  // The fixture prints no execution rate, so that distribution has no bins to check.
  test.each(Object.keys(CHARTS).filter((id) => id !== "dist-execution-rate"))("%s: one tbody row per drawn row, numbers linked to source lines", async (id) => {
    const spec = chartSpec(id);
    // Compare draws only the reports chosen.
    const f = id === "compare" ? { ...EMPTY_FILTERS, id: ["430682-2024-kjgyxxhj", "433101-2022-kjgyxxhj"] } : EMPTY_FILTERS;
    const rows = await spec.query(fixture.db, f);
    expect(rows.length).toBeGreaterThan(0);
    const tbody = renderTableBody(document, spec, rows, "/base/");
    const trs = Array.from(tbody.querySelectorAll("tr"));
    const ids = rows.map((r) => ("report_id" in r ? r.report_id : null));
    expect(trs).toHaveLength(rows.length);
    expect(trs.map((tr) => tr.getAttribute("data-report-id"))).toEqual(ids);
    for (const a of Array.from(tbody.querySelectorAll("a.src"))) expect(a.getAttribute("href")).toMatch(/^\/base\/reports\/[\w-]+\/#L\d+$/);

    const csv = chartCsv(spec, rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(rows.length);
    if (ids.some((id) => id !== null)) expect(parsed.data.map((r) => r["report_id"])).toEqual(ids);
  });

  test("spending CSV holds the numbers and their source lines as queried", async () => {
    const rows = await spendingView(fixture.db, EMPTY_FILTERS);
    const parsed = Papa.parse<Record<string, string>>(chartCsv(spendingChart, rows).slice(1), { header: true });
    expect(parsed.data[0]).toMatchObject({ report_id: "430682-2024-kjgyxxhj", spend_personnel: "450", spend_personnel_line: "102", basic_share: "0.6" });
  });
});
