import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { syntheticCounties } from "../../src/publish/place-names.ts";
import { prng, renamePlaces, scaleMoney, seedIdentity, shiftYears, syntheticCorpus, varyIndicatorRows } from "../../src/publish/synthetic-corpus.ts";
import { SEEDS } from "./helpers.ts";

describe("synthetic corpus", () => {
  test("seedIdentity reads year, county and department from a seed path", () => {
    expect(seedIdentity("2024/临湘市-科技和工业信息化局.txt")).toEqual({ year: 2024, county: "临湘市", department: "科技和工业信息化局" });
  });

  test("renamePlaces renames full names and the county stem in one pass", () => {
    const from = { county: "吉首市", department: "科技和工业信息化局" };
    expect(renamePlaces("吉首市科工信局；吉首市科技和工业信息化局；全吉首", from, { county: "吉安县", department: "吉首局" })).toBe(
      "吉安县科工信局；吉安县吉首局；全吉安",
    );
  });

  test("shiftYears moves years, not money or other numbers", () => {
    expect(shiftYears("2024年度，报告日期2025年6月9日，2024.12.31前，2019.5万元，12024", 1)).toBe(
      "2025年度，报告日期2026年6月9日，2025.12.31前，2019.5万元，12024",
    );
  });

  test("scaleMoney keeps each figure's decimals and scales table cells only inside money tables", () => {
    const text = "收入（万元）\n\t532.953\n\t12\n绩效指标\n\t9.5\n支出100万元";
    expect(scaleMoney(text, 2)).toBe("收入（万元）\n\t1065.906\n\t12\n绩效指标\n\t9.5\n支出200万元");
  });

  test("varyIndicatorRows only drops or repeats continuation rows after the indicator header", () => {
    const row = "\t\n\t\n\t数量指标\n\t新增平台\n\t2个";
    const text = `前言\n\n\t一级指标\n\t三级指标\n\n\t产出指标\n\t数量\n\t甲\n\t乙\n\n${row}`;
    const always = (r: number) => () => r;
    expect(varyIndicatorRows(text, always(0.5))).toBe(text);
    expect(varyIndicatorRows(text, always(0.0))).toBe(text.slice(0, -row.length - 2));
    expect(varyIndicatorRows(text, always(0.99))).toBe(`${text}\n\n${row}\n\n${row}`);
  });

  test("is deterministic for a seed, and never repeats a file path", async () => {
    const files = ["2024/临湘市-科技和工业信息化局.txt", "2023/沅江市-科学技术和工业信息化局.txt"];
    const seeds = await Promise.all(files.map(async (f) => ({ sourceFile: f, text: await readFile(join(SEEDS, f), "utf8") })));
    const counties = syntheticCounties();
    const a = [...syntheticCorpus(seeds, counties, 300, { seed: 9 })];
    const b = [...syntheticCorpus(seeds, counties, 300, { seed: 9 })];
    expect(b).toEqual(a);
    expect(new Set(a.map((r) => r.sourceFile)).size).toBe(300);
    expect(a[0]?.text).not.toContain("临湘");
    expect(prng(1)()).toBe(prng(1)());
  });
});
