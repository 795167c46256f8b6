import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { syntheticCounties } from "../../src/publish/place-names.ts";
import { prng, renamePlaces, scaleMoney, seedIdentity, shiftYears, syntheticCorpus, demoCounties, unitMoneyFactors, unitYears, varyIndicatorRows } from "../../src/publish/synthetic-corpus.ts";
import { listCorpus } from "../../src/publish/read-corpus.ts";
import { SEEDS } from "./helpers.ts";

const readdirSeeds = () => listCorpus(SEEDS);

describe("synthetic corpus", () => {
  test("seedIdentity reads year, county and department from a seed path", () => {
    expect(seedIdentity("2024/临湘市-科技和工业信息化局.txt")).toEqual({ year: 2024, county: "临湘市", department: "科技和工业信息化局" });
  });

  test("renamePlaces renames full names, the department's short forms and the county stem in one pass", () => {
    const from = { county: "吉首市", department: "科技和工业信息化局" };
    expect(renamePlaces("吉首市科工信局局长；市科工信局；吉首市科技和工业信息化局；全吉首", from, { county: "吉安县", department: "吉首局" })).toBe(
      "吉安县吉首局局长；市吉首局；吉安县吉首局；全吉安",
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

  test("unitYears keeps every year, starts late or drops one later year, never fewer than two", () => {
    const years = [2021, 2022, 2023, 2024];
    const seq = (...rs: number[]) => () => rs.shift() ?? 0.5;
    expect(unitYears(years, seq(0.1, 0.5))).toEqual([2021, 2022, 2023, 2024]);
    expect(unitYears(years, seq(0.7, 0.5))).toEqual([2022, 2023, 2024]);
    expect(unitYears(years, seq(0.9))).toEqual([2023, 2024]);
    expect(unitYears(years, seq(0.1, 0.1, 0.4))).toEqual([2021, 2022, 2024]);
    expect(unitYears([2023, 2024], seq(0.9))).toEqual([2023, 2024]);
  });

  test("unitMoneyFactors follow the unit's own size and growth", () => {
    const seq = (...rs: number[]) => () => rs.shift() ?? 0.5;
    // size 0.5·4^0.5 = 1, growth −0.08 + 0.23·(0.08/0.23) = 0, noise 0.96 + 0.08·0.5 = 1
    expect(unitMoneyFactors([2021, 2022], seq(0.5, 0.08 / 0.23)).map((f) => f.toFixed(6))).toEqual(["1.000000", "1.000000"]);
    // growth +15 %: the second year is 1.15× the first
    expect(unitMoneyFactors([2021, 2023], seq(0.5, 1)).map((f) => f.toFixed(4))).toEqual(["1.0000", "1.3225"]);
  });

  test("gives units several years each, many units per county, one seed layout per unit", async () => {
    const seeds = await Promise.all((await readdirSeeds()).map(async (f) => ({ sourceFile: f, text: await readFile(join(SEEDS, f), "utf8") })));
    const reports = [...syntheticCorpus(seeds, syntheticCounties().slice(0, 3), Infinity, { seed: 5, unitsPerCounty: 4, unitPresence: 1 })];
    const units = new Map<string, number[]>();
    for (const r of reports) {
      const { year, county, department } = seedIdentity(r.sourceFile);
      units.set(`${county}-${department}`, [...(units.get(`${county}-${department}`) ?? []), year]);
    }
    expect(units.size).toBe(12);
    expect([...units.values()].every((ys) => ys.length >= 2 && ys.length <= 4)).toBe(true);
    expect([...units.keys()].slice(0, 4)).toEqual(["石家庄市-科学技术局", "石家庄市-教育局", "石家庄市-工业和信息化局", "石家庄市-财政局"]);
  });

  test("demoCounties puts Hunan's county-level places first and leaves out the seeds' counties", () => {
    const counties = [
      { code: "130181", zh: "辛集市" }, { code: "430100", zh: "长沙市" }, { code: "430682", zh: "临湘市" }, { code: "430181", zh: "浏阳市" },
    ];
    const seeds = [{ sourceFile: "2024/临湘市-科技和工业信息化局.txt", text: "" }];
    expect(demoCounties(counties, seeds).map((c) => c.zh)).toEqual(["浏阳市", "长沙市", "辛集市"]);
  });
});
