import { describe, expect, it } from "vitest";
import { parseAmount, parseMeasure, parsePercent, sum } from "../../src/extract/numbers.ts";

describe("numbers as printed", () => {
  it("keeps money exact and rejects non-numbers", () => {
    expect(parseAmount("532.953")).toBe(532.953);
    expect(parseAmount(" 5394.86  ")).toBe(5394.86);
    expect(parseAmount("　48")).toBe(48);
    expect(parseAmount("——")).toBeNull();
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("11家")).toBeNull();
    expect(parsePercent("91.31%")).toBe(91.31);
  });

  it("folds full-width digits, separators and signs before reading a number", () => {
    expect(parseAmount("９４６．１７")).toBe(946.17);
    expect(parseAmount("1,234.5")).toBe(1234.5);
    expect(parseAmount("1，234")).toBe(1234);
    expect(parseAmount("-12.5")).toBe(-12.5);
    expect(parseAmount("+7")).toBe(7);
    expect(parseAmount("基本支出")).toBeNull();
    expect(parsePercent("９５％")).toBe(95);
  });

  it("reads targets with comparator and unit", () => {
    expect(parseMeasure("≥95％")).toEqual({ value: 95, unit: "%", comparator: ">=" });
    expect(parseMeasure("≤100%")).toEqual({ value: 100, unit: "%", comparator: "<=" });
    expect(parseMeasure("2亿")).toEqual({ value: 2, unit: "亿元", comparator: null });
    expect(parseMeasure("11家")).toEqual({ value: 11, unit: "家", comparator: null });
    expect(parseMeasure("满意度在98%以上")).toEqual({ value: 98, unit: "%", comparator: ">=" });
    expect(parseMeasure("12个月内完成")).toMatchObject({ value: 12, unit: "个月" });
  });

  it("does not read a deadline or a sentence without numbers as a quantity", () => {
    expect(parseMeasure("2024.12.31前").value).toBeNull();
    expect(parseMeasure("控制在预算金额内").value).toBeNull();
  });

  it("adds without float noise", () => {
    expect(sum([443.37, 89.58])).toBe(532.95);
    expect(sum([0.1, 0.2])).toBe(0.3);
  });
});
