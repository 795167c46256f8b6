/** An indicator's name as its cell prints it (indicatorOf): the template's enumerator is no part of it. */
import { expect, test } from "vitest";
import type { Cell } from "../../src/extract/lines.ts";
import { indicatorOf } from "../../src/extract/recognizers/indicator-grid.ts";

const cell = (text: string, line: number): Cell => ({ text, key: text.replace(/\s/g, ""), line, row: 0, end: line }) as Cell;

test.each([
  ["指标1：群众满意度", "群众满意度"],
  ["指标 2: 服务对象满意度", "服务对象满意度"],
  // OCR reads an opening quote at a table cell's edge where its ruling was painted out.
  ["“指标1：群众满意度", "群众满意度"],
  // A quote that opens the name itself stays.
  ["“三公经费”控制率", "“三公经费”控制率"],
])("%s → %s", (text, name) => {
  expect(indicatorOf({ name: cell(text, 10), target: cell("≥90%", 11) }, "overall", null, "满意度", "满意度")?.name).toBe(name);
});

test("a template's row left empty is no indicator", () => {
  expect(indicatorOf({ name: cell("指标2：……", 10) }, "project", "x", "产出", "数量")).toBeNull();
});
