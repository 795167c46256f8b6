/** What every reader's text goes through before a recogniser sees it (src/readers/fold-text.ts). */
import { describe, expect, it } from "vitest";
import { foldText } from "../../src/readers/fold-text.ts";

describe("foldText", () => {
  it("folds Kangxi radicals (NFKC) and the Radicals Supplement (Unicode's table) to unified ideographs, counting them", () => {
    expect(foldText("2023年度冷⽔江市⼯业和信息化局")).toEqual({ text: "2023年度冷水江市工业和信息化局", radicals: 2, traditional: 0, pinyin: 0 });
    expect(foldText("部⻔⽀出⾃评")).toMatchObject({ text: "部门支出自评", radicals: 3 });
  });
  it("folds the code points a Simplified-Chinese font draws with one glyph, also when NFKC gives them (⼾ → 戶 → 户)", () => {
    expect(foldText("纳⼊专⼾管理")).toMatchObject({ text: "纳入专户管理", radicals: 2 });
    expect(foldText("专戶")).toMatchObject({ text: "专户", radicals: 1 });
    expect(foldText("完成率―100%")).toMatchObject({ text: "完成率—100%", radicals: 1 });
  });
  it("converts a traditional text to simplified, character for character", () => {
    expect(foldText("這個部門的經費")).toEqual({ text: "这个部门的经费", radicals: 0, traditional: 5, pinyin: 0 });
  });
  it("removes pinyin a mirror site inserted after characters", () => {
    expect(foldText("內(nèi)部控制")).toEqual({ text: "内部控制", radicals: 0, traditional: 1, pinyin: 1 });
  });
  it("leaves a simplified text as it is", () => {
    expect(foldText("部门整体支出（万元）：1,838.58")).toEqual({ text: "部门整体支出（万元）：1,838.58", radicals: 0, traditional: 0, pinyin: 0 });
  });
});
