// 岳阳市 2024: narrative + 附件1 基础数据表 + 附件2 整体自评表 + 附件3 项目自评表.
import { describe, expect, it } from "vitest";
import { fact, seed } from "../helpers/seeds.ts";

const r = seed("2024/岳阳市-科学技术局.txt");

describe("岳阳市 2024 appendix tables", () => {
  it("identifies a prefecture-level city department", () => {
    expect(r.report).toMatchObject({ county_code: "430600", county_zh: "岳阳市", county_en: "Yueyang", department_zh: "岳阳市科学技术局", fiscal_year: 2024, self_score: 94.26, staff_authorized: 48, staff_actual: 42 });
  });

  it("gives the 三公 trend 2023 actual → 2024 budget → 2024 actual per category", () => {
    expect(fact(r, "sangong_total", "actual", 2023)).toEqual([4.66, 111]);
    expect(fact(r, "sangong_total", "budget", 2024)).toEqual([8, 112]);
    expect(fact(r, "sangong_total", "actual", 2024)).toEqual([2.3, 113]);
    expect(fact(r, "sangong_vehicle_operation", "actual", 2024)).toEqual([1.38, 128]);
    expect(fact(r, "sangong_reception", "budget", 2024)).toEqual([5, 137]);
    expect(fact(r, "sangong_reception", "actual", 2024)).toEqual([0.92, 138]);
    expect(fact(r, "procurement", "budget", 2024)).toEqual([277.8, 197]);
    expect(fact(r, "procurement", "actual", 2024)).toEqual([274.56, 198]);
    expect(fact(r, "spend_public", "actual", 2023)).toEqual([88.79, 176]);
  });

  it("reads spending and the funds row", () => {
    expect(fact(r, "spend_basic", "actual", 2024)?.[0]).toBe(855.82);
    expect(fact(r, "spend_project", "actual", 2024)).toEqual([869.24, 143]);
    expect(fact(r, "budget_final", "budget", 2024)).toEqual([1863.29, 251]);
    expect(fact(r, "execution_rate", "actual", 2024)).toEqual([92.58, 254]);
    expect(fact(r, "income_general_budget", "budget", 2024)).toEqual([1838.58, 262]);
    expect(fact(r, "income_nontax", "budget", 2024)).toEqual([5, 270]);
    expect(fact(r, "income_other", "budget", 2024)).toEqual([19.71, 274]);
  });

  it("reads 9 overall and 9 project indicators; the missed R&D target scored 5 of 10", () => {
    expect(r.indicators.filter((i) => i.sheet === "overall")).toHaveLength(9);
    expect(r.indicators.filter((i) => i.sheet === "project" && i.project === "市级专项资金")).toHaveLength(9);
    expect(r.indicators.find((i) => i.name === "全社会研发占GDP比重投入")).toMatchObject({ level1: "效益", level2: "经济效益", target_value: 2.35, actual_value: 2.19, unit: "%", status: "missed", weight: 10, score: 5, source_line: 348 });
    expect(r.indicators.find((i) => i.name === "完成时间")).toMatchObject({ target_value: null, status: "unknown" });
    expect(r.indicators.find((i) => i.name === "全市科技人员满意度")).toMatchObject({ target_value: 95, actual_value: 99, status: "met" });
  });

  it("flags level-1 weights that contradict their headers and the 专项 sub-total that differs between tables", () => {
    const weights = r.checks.filter((c) => c.rule === "level1_weight_sum");
    expect(weights.map((c) => c.source_line)).toEqual([300, 342, 490, 532]);
    expect(r.checks.filter((c) => c.rule === "project_amount_conflict").map((c) => c.source_line)).toEqual([433, 434]);
    const sub = r.checks.filter((c) => c.rule === "items_sum" && c.metrics === "project");
    expect(sub.map((c) => c.source_line)).toEqual([157, 158]);
    expect(sub[0]?.message).toContain("相加为85万元");
    expect(r.checks.some((c) => c.rule === "score_sum")).toBe(false);
    // The project sheet prints 执行率 "10" where 85 ÷ 85 is 100%.
    expect(r.checks.find((c) => c.rule === "execution_rate")).toMatchObject({ severity: "error", source_line: 436 });
  });

  it("keeps the 基础数据表 projects with their three columns", () => {
    expect(r.projects.filter((p) => p.name === "保运转工作经费").map((p) => [p.basis, p.year, p.amount])).toEqual([
      ["actual", 2023, 0],
      ["budget", 2024, 50],
      ["actual", 2024, 50],
    ]);
  });
});
