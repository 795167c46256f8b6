// Every number of an indicator keeps its own line: target, result, weight and score stand on the lines after the name.
import { describe, expect, it } from "vitest";
import { lineText, seed } from "../helpers/seeds.ts";

const SEEDS = ["2024/岳阳市-科学技术局.txt", "2024/洪江市-工业和信息化局.txt", "2024/临湘市-科技和工业信息化局.txt", "2022/吉首市-科技和工业信息化局.txt"];
const linesOf = (file: string, name: string) => {
  const i = seed(file).indicators.find((x) => x.name === name);
  return i && [i.source_line, i.target_line, i.actual_line, i.weight_line, i.score_line];
};
const squash = (s: string) => s.replace(/\s/g, "");

describe("indicator lines", () => {
  it("岳阳 自评表 grid: name, target, result, weight and score on successive lines", () => {
    expect(linesOf(SEEDS[0]!, "组建科技创新平台，新增创新平台")).toEqual([304, 305, 306, 307, 308]);
    expect(linesOf(SEEDS[0]!, "全社会研发占GDP比重投入")).toEqual([348, 349, 350, 351, 352]);
    expect(lineText(SEEDS[0]!, 349)).toBe("\t争取实现全社会研发投入占GDP比重达2.35%");
    expect(lineText(SEEDS[0]!, 352)).toBe("\t5");
  });

  it("洪江 自评表 grid", () => {
    expect(linesOf(SEEDS[1]!, "新增规模工业企业")).toEqual([295, 296, 297, 298, 299]);
    expect(linesOf(SEEDS[1]!, "工业企业技改增长")).toEqual([325, 326, 327, 328, 329]);
    expect(lineText(SEEDS[1]!, 327)).toBe("\t141.7%");
  });

  it("target tables print no weight or score; 临湘's target statement is its name, so it shares the name's line", () => {
    expect(linesOf(SEEDS[2]!, "坚持改革攻坚激活力，服务园区高质发展")).toEqual([258, 258, 259, null, null]);
    expect(linesOf(SEEDS[3]!, "新增规模企业")).toEqual([378, 379, 380, null, null]);
    expect(lineText(SEEDS[3]!, 380)).toBe("\t完成8家");
  });

  it("every line of every seed indicator holds its number, and a missing number has no line", () => {
    for (const file of SEEDS) {
      for (const i of seed(file).indicators) {
        const at = (n: number | null) => squash(lineText(file, n ?? 0));
        expect(i.target_line === null).toBe(i.target_text === "");
        expect(i.actual_line === null).toBe(i.actual_text === "");
        expect(i.weight_line === null).toBe(i.weight === null);
        expect(i.score_line === null).toBe(i.score === null);
        // A cell may continue on the next lines, and 临湘's line keeps the enumerator (指标1：): the line holds the text's start.
        if (i.target_line !== null) expect(at(i.target_line)).toContain(squash(i.target_text).slice(0, 6));
        if (i.actual_line !== null) expect(at(i.actual_line)).toContain(squash(i.actual_text).slice(0, 6));
        if (i.weight !== null) expect(at(i.weight_line)).toContain(String(i.weight));
        if (i.score !== null) expect(at(i.score_line)).toContain(String(i.score));
      }
    }
  });

  it("the 自评表's weight and score sums name the lines of the weights", () => {
    const weights = seed(SEEDS[0]!).checks.find((c) => c.rule === "level1_weight_sum");
    expect(weights?.message).toBe("部门整体支出绩效自评表产出指标分值：合计为50分（第300行），4项（第307–337行）相加为40分，相差10分。");
  });
});
