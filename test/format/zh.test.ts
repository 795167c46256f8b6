import { describe, expect, test } from "vitest";
import { formatChange, formatNumber, formatPercent, formatScore, formatShare, formatWan, formatWithUnit, formatYear, MISSING } from "../../src/format/zh.ts";
import { normalizeBase, reportHref, unitHref, withBase } from "../../src/format/url.ts";

describe("Chinese number formatting", () => {
  test.each([
    [formatNumber(1234567.891), "1,234,567.89"],
    [formatNumber(0), "0"],
    [formatWan(532.95), "532.95万元"],
    [formatWan(11658.78), "11,658.78万元"],
    [formatShare(0.1234), "12.3%"],
    [formatShare(1), "100.0%"],
    [formatPercent(95.27), "95.3%"],
    [formatChange(0.125), "+12.5%"],
    [formatChange(-0.04), "-4.0%"],
    [formatChange(0), "0.0%"],
    [formatWithUnit(37, "人"), "37人"],
    [formatWithUnit(95, "%"), "95.0%"],
    [formatScore(96.5), "96.5分"],
    [formatYear(2024), "2024年"],
  ])("%s = %s", (actual, expected) => {
    expect(actual).toBe(expected);
  });

  test("absent values show a dash, never 0", () => {
    for (const fn of [formatNumber, formatWan, formatShare, formatPercent, formatChange, formatScore, formatYear]) expect(fn(null)).toBe(MISSING);
    expect(formatShare(Number.NaN)).toBe(MISSING);
  });
});

describe("URLs under the base path", () => {
  test.each([
    ["/", "spending/", "/spending/"],
    ["/sub", "data/site.duckdb", "/sub/data/site.duckdb"],
    ["/sub/", "/about/", "/sub/about/"],
  ])("withBase(%s, %s)", (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });

  test("report links point at the line anchor", () => {
    expect(reportHref("/kanban/", "430682-2024-kjgyxxhj", 117)).toBe("/kanban/reports/430682-2024-kjgyxxhj/#L117");
    expect(reportHref(normalizeBase("/x"), "a")).toBe("/x/reports/a/");
    // A unit with one document is its report's page; with several, its own.
    expect(unitHref("/x/", { unit_id: "430682-kj", sole_report_id: "430682-2024-kj" }, "#peers")).toBe("/x/reports/430682-2024-kj/#peers");
    expect(unitHref("/x/", { unit_id: "430682-kj", sole_report_id: null })).toBe("/x/units/430682-kj/");
  });
});
