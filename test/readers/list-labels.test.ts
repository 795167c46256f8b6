import { describe, expect, it } from "vitest";
import { emptyLevel, formatNumber, ListLabels } from "../../src/readers/list-labels.ts";

describe("formatNumber: Word's number formats", () => {
  it.each([
    [1, "chineseCounting", "一"], [10, "chineseCounting", "十"], [12, "chineseCountingThousand", "十二"], [20, "chineseCounting", "二十"],
    [105, "chineseCounting", "一百零五"], [110, "chineseCounting", "一百一十"], [12, "chineseLegalSimplified", "壹拾贰"], [10, "ideographDigital", "一〇"],
    [3, "ideographTraditional", "丙"], [3, "decimalEnclosedCircle", "③"], [21, "decimalEnclosedCircleChinese", "㉑"], [3, "decimalEnclosedParen", "⑶"],
    [12, "decimalFullWidth", "１２"], [4, "upperRoman", "IV"], [27, "lowerLetter", "aa"], [3, "decimalZero", "03"], [3, "none", ""], [3, "cardinalText", "3"],
  ] as const)("%i in %s is %s", (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });
});

describe("ListLabels: counting as Word counts", () => {
  const levels = [
    { ...emptyLevel(), format: "chineseCounting", text: "%1、", suffix: "nothing" as const },
    { ...emptyLevel(), format: "decimal", text: "%2." },
    { ...emptyLevel(), format: "decimal", text: "(%3)", restart: 1 },
  ];

  it("restarts a level after a use of a level above it, unless its restart limit says otherwise", () => {
    const labels = new ListLabels();
    const next = (ilvl: number) => labels.next("a", levels, ilvl, "x");
    // Level 3 restarts only after level 1 (restart 1): a new level-2 item does not reset it.
    expect([next(0), next(1), next(2), next(1), next(2), next(0), next(1), next(2)]).toEqual(["一、", "1. ", "(1) ", "2. ", "(2) ", "二、", "1. ", "(1) "]);
  });

  it("keeps one counter per list key", () => {
    const labels = new ListLabels();
    expect([labels.next("a", levels, 0, "甲"), labels.next("b", levels, 0, "乙"), labels.next("a", levels, 0, "丙")]).toEqual(["一、", "一、", "二、"]);
  });
});
