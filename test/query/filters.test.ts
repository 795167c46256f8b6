import { describe, expect, test } from "vitest";
import { EMPTY_FILTERS, formParams, parseFilters, toSearchParams } from "../../src/query/filters.ts";

describe("filters ⇄ URL", () => {
  test("round trip", () => {
    const f = { ...EMPTY_FILTERS, county: "430682", year: 2024, status: "missed", mode: "share" as const, id: ["a-1", "b-2"] };
    const params = toSearchParams(f);
    expect(params.toString()).toBe("county=430682&year=2024&status=missed&mode=share&id=a-1&id=b-2");
    expect(parseFilters(params)).toEqual(f);
  });

  test("empty filters give an empty query string", () => {
    expect(toSearchParams(EMPTY_FILTERS).toString()).toBe("");
  });

  test("values outside a vocabulary and malformed years are ignored", () => {
    const f = parseFilters(new URLSearchParams("year=20x4&level1=bogus&status=met&category=sangong_total&sort=drop"));
    expect(f).toEqual({ ...EMPTY_FILTERS, status: "met", category: "sangong_total" });
  });

  test("compare ids: deduplicated, at most five, no odd characters", () => {
    const f = parseFilters(new URLSearchParams("id=a&id=a&id=b&id=c&id=d&id=e&id=f&id=x'y"));
    expect(f.id).toEqual(["a", "b", "c", "d", "e"]);
  });

  test("formParams drops the empty '全部' choices", () => {
    expect(formParams([["county", ""], ["year", "2023"], ["id", "a"], ["id", "b"]]).toString()).toBe("year=2023&id=a&id=b");
  });

  test("the page's default year: absent → the default, year=all → every year (null); toSearchParams says so back", () => {
    const defaults = { year: 2024 };
    expect(parseFilters(new URLSearchParams(""), defaults).year).toBe(2024);
    expect(parseFilters(new URLSearchParams("year=all"), defaults).year).toBeNull();
    expect(parseFilters(new URLSearchParams("year=2022"), defaults).year).toBe(2022);
    expect(toSearchParams({ ...EMPTY_FILTERS, year: 2024 }, defaults).toString()).toBe("");
    expect(toSearchParams({ ...EMPTY_FILTERS, year: null }, defaults).toString()).toBe("year=all");
  });

  test("kind, flag, group and page: vocabularies and a page number above 1", () => {
    const f = parseFilters(new URLSearchParams("kind=education&flag=overspent&group=county&page=3&sort=change_vs_budget&severity=error"));
    expect(f).toMatchObject({ kind: "education", flag: "overspent", group: "county", page: 3, sort: "change_vs_budget", severity: "error" });
    expect(toSearchParams(f).toString()).toBe("kind=education&severity=error&flag=overspent&sort=change_vs_budget&group=county&page=3");
    expect(parseFilters(new URLSearchParams("kind=bogus&group=unit&page=1&flag=x")).page).toBeNull();
    expect(parseFilters(new URLSearchParams("kind=bogus&group=unit&page=0&flag=x"))).toEqual(EMPTY_FILTERS);
  });
});
