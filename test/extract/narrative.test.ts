import { describe, expect, it } from "vitest";
import { basisMarker, metricOf, moneyTerms, yearIn } from "../../src/extract/narrative-terms.ts";
import { lineFacts } from "../../src/extract/recognizers/narrative-money.ts";

const line = (text: string, n = 7) => ({ n, raw: text, text });
const facts = (text: string, fy = 2023) => lineFacts(line(text), fy).facts.map((f) => [f.metric, f.basis, f.year, f.value, f.scope]);

describe("money in prose", () => {
  it("labels each figure with the words before it", () => {
    expect(moneyTerms("其中：人员经费443.37万元，公用经费89.58万元").map((t) => [t.label, t.value])).toEqual([
      ["人员经费", 443.37],
      ["公用经费", 89.58],
    ]);
  });

  it("maps labels to metrics, trying without 为/决算/预算数", () => {
    expect(metricOf("2023年终决算支出为", false)).toBe("spend_total");
    expect(metricOf("一般公共预算支出", false)).toBeNull();
    expect(metricOf("其他项目支出", false)).toBeNull();
    expect(metricOf("因公出国（境）费支出决算为", true)).toBe("sangong_abroad");
    expect(metricOf("公务接待费", false)).toBeNull();
    expect(metricOf("国有资本经营拔款", false)).toBe("income_state_capital");
  });

  it("ignores fund names when deciding budget or actual", () => {
    expect(basisMarker("其中一般公共预算财政拨款")).toBeNull();
    expect(basisMarker("我局2023年年初安排预算收入")).toBe("budget");
    expect(basisMarker("实际“三公”经费支出")).toBe("actual");
    // 上年结转 is the fiscal year's income; 比上年 names the year compared with.
    expect(yearIn("上年结转", 2024)).toBeNull();
    expect(yearIn("，比上年减少", 2024)).toBeNull();
    expect(yearIn("较2023年度增长", 2024)).toBeNull();
    expect(yearIn("上年决算数", 2024)).toBe(2023);
    expect(yearIn("2019年技改奖励资金", 2024)).toBeNull();
  });

  it("carries 预算 through a paragraph until 实际 switches it", () => {
    expect(facts("2023年我局“三公”经费预算安排支出12万元，其中，公务接待费12万元。实际“三公”经费支出11.84万元，其中：公务接待经费 11.84万元")).toEqual([
      ["sangong_total", "budget", 2023, 12, "all"],
      ["sangong_reception", "budget", 2023, 12, "all"],
      ["sangong_total", "actual", 2023, 11.84, "all"],
      ["sangong_reception", "actual", 2023, 11.84, "all"],
    ]);
  });

  it("lets 实际支出 continue the sentence's subject", () => {
    expect(facts("2022年本单位预算安排公用经费28.8万元，实际支出21.8万元", 2022)).toEqual([
      ["spend_public", "budget", 2022, 28.8, "all"],
      ["spend_public", "actual", 2022, 21.8, "all"],
    ]);
  });

  it("marks one-funding-source statements and sums 工资福利 with 对个人和家庭补助", () => {
    expect(facts("2024年度财政拨款基本支出532.95万元，其中：人员经费443.37万元", 2024)).toEqual([
      ["spend_basic", "actual", 2024, 532.95, "fund"],
      ["spend_personnel", "actual", 2024, 443.37, "fund"],
    ]);
    expect(facts("基本支出452.92万元。其中：工资福利支出337.20万元；商品服务支出39.13万元；对个人和家庭补助76.59万元。", 2024)).toContainEqual(["spend_personnel", "actual", 2024, 413.79, "all"]);
  });

  it("reads other counties' wording of totals and sources", () => {
    expect(facts("2024年度部门收入总计1234.56万元，其中：一般公共预算财政拨款收入1200万元，其他收入34.56万元。", 2024)).toEqual([
      ["income_total", "actual", 2024, 1234.56, "all"],
      ["income_general_budget", "actual", 2024, 1200, "all"],
      ["income_other", "actual", 2024, 34.56, "all"],
    ]);
    expect(facts("2024年度支出总计1234.56万元，其中：基本支出800万元，项目支出434.56万元。", 2024)[0]).toEqual(["spend_total", "actual", 2024, 1234.56, "all"]);
    // 财政拨款收入 is a source of income, never the total.
    expect(facts("2024年度收入决算数为1234.56万元，其中：财政拨款收入1200万元。", 2024)).toEqual([
      ["income_total", "actual", 2024, 1234.56, "all"],
      ["income_fiscal", "actual", 2024, 1200, "all"],
    ]);
    expect(facts("基本支出800万元，其中：人员经费支出700万元，日常公用经费支出100万元。", 2024)).toEqual([
      ["spend_basic", "actual", 2024, 800, "all"],
      ["spend_personnel", "actual", 2024, 700, "all"],
      ["spend_public", "actual", 2024, 100, "all"],
    ]);
    expect(facts("上年结转20万元，政府性基金拨款收入5万元", 2024)).toEqual([
      ["income_carryover", "actual", 2024, 20, "all"],
      ["income_gov_fund", "actual", 2024, 5, "all"],
    ]);
  });

  it("keeps the fiscal year after a comparison with the year before", () => {
    expect(facts("“三公”经费支出5.6万元，比上年减少1.2万元，其中：公务接待费2.3万元，公务用车运行维护费3.3万元。", 2024)).toEqual([
      ["sangong_total", "actual", 2024, 5.6, "all"],
      ["sangong_reception", "actual", 2024, 2.3, "all"],
      ["sangong_vehicle_operation", "actual", 2024, 3.3, "all"],
    ]);
    expect(facts("本年度支出合计较上年增加120万元，主要原因是项目支出增加。", 2024)).toEqual([]);
  });

  it("reads 公车 for 公务用车 and 出国（境）经费 for 出国（境）费", () => {
    expect(facts("2024年“三公”经费支出5.6万元，其中：公车运行维护费3.3万元，公车购置费0万元，公务接待费2.3万元，因公出国（境）经费0万元。", 2024)).toEqual([
      ["sangong_total", "actual", 2024, 5.6, "all"],
      ["sangong_vehicle_operation", "actual", 2024, 3.3, "all"],
      ["sangong_vehicle_purchase", "actual", 2024, 0, "all"],
      ["sangong_reception", "actual", 2024, 2.3, "all"],
      ["sangong_abroad", "actual", 2024, 0, "all"],
    ]);
  });

  it("lets 决算数为 continue the sentence's subject", () => {
    expect(facts("2024年“三公”经费预算数为8万元，决算数为5.6万元，较预算节约2.4万元。", 2024)).toEqual([
      ["sangong_total", "budget", 2024, 8, "all"],
      ["sangong_total", "actual", 2024, 5.6, "all"],
    ]);
  });

  it("reads a figure printed in 亿元 in 万元, and says so", () => {
    const out = lineFacts(line("2024年度支出合计3.25亿元，其中基本支出8000万元"), 2024);
    expect(out.facts.map((f) => [f.metric, f.value])).toEqual([
      ["spend_total", 32500],
      ["spend_basic", 8000],
    ]);
    expect(out.notes).toEqual([{ rule: "unit_converted", severity: "info", metrics: "spend_total", message: "第7行“2024年度支出合计”印为3.25亿元，按32500万元发布。", line: 7 }]);
  });

  it("does not take a figure printed in 元 as 万元", () => {
    const out = lineFacts(line("政府采购预算数9.5万元，实际政府采购数3.05元"), 2022);
    expect(out.facts.map((f) => f.value)).toEqual([9.5]);
    expect(out.notes[0]).toMatchObject({ rule: "unit_suspect", line: 7 });
  });
});
