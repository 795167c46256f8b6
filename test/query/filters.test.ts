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
});
