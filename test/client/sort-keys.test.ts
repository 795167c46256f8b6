/** The county table's sort order: numbers both ways, Chinese names in pinyin order, missing values always last. */
import { expect, test } from "vitest";
import { compareKeys } from "../../src/client/sort-keys.ts";

test("numbers largest first when descending, missing values last either way", () => {
  const keys = [3, null, 10, 1];
  expect([...keys].sort((a, b) => compareKeys(a, b, -1))).toEqual([10, 3, 1, null]);
  expect([...keys].sort((a, b) => compareKeys(a, b, 1))).toEqual([1, 3, 10, null]);
});

test("names in Chinese (pinyin) order", () => {
  expect(["教育局", "财政局", "科学技术局"].sort((a, b) => compareKeys(a, b, 1))).toEqual(["财政局", "教育局", "科学技术局"]);
});
