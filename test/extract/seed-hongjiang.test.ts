// 洪江市 2024: narrative report + 基础数据表 + 部门整体支出绩效自评表 + 项目支出绩效自评表.
import { describe, expect, it } from "vitest";
import { checksOf, fact, seed } from "../helpers/seeds.ts";

const r = seed("2024/洪江市-工业和信息化局.txt");

describe("洪江市 2024 narrative with appendix tables", () => {
  it("identifies the report", () => {
    expect(r.report).toMatchObject({ county_code: "431281", county_en: "Hongjiang", department_zh: "洪江市工业和信息化局", fiscal_year: 2024, self_score: 100, grade: null, staff_authorized: 25, staff_actual: 23 });
  });

  it("reads spending from the paragraphs; 人员经费 = 工资福利支出 + 对个人和家庭补助", () => {
    expect(fact(r, "spend_basic", "actual", 2024)).toEqual([452.92, 20]);
    expect(fact(r, "spend_personnel", "actual", 2024)).toEqual([413.79, 20]);
    expect(r.checks.find((c) => c.rule === "derived_value")).toMatchObject({ severity: "info", metrics: "spend_personnel", source_line: 20 });
    expect(fact(r, "spend_public", "actual", 2024)).toEqual([39.13, 20]);
    expect(fact(r, "spend_project", "actual", 2024)).toEqual([289.64, 22]);
  });

  it("turns the 基础数据表 columns into prior-year, budget and actual rows", () => {
    expect(fact(r, "sangong_reception", "actual", 2023)).toEqual([2.57, 100]);
    expect(fact(r, "sangong_reception", "budget", 2024)).toEqual([3, 101]);
    expect(fact(r, "sangong_reception", "actual", 2024)).toEqual([2.48, 102]);
    expect(fact(r, "sangong_total", "actual", 2024)).toBeUndefined();
  });

  it("reads the funds row of the 自评表", () => {
    expect(fact(r, "budget_initial", "budget", 2024)).toEqual([347.73, 240]);
    expect(fact(r, "budget_final", "budget", 2024)).toEqual([813.27, 241]);
    expect(fact(r, "budget_executed", "actual", 2024)).toEqual([742.56, 242]);
    expect(fact(r, "execution_rate", "actual", 2024)).toEqual([91.31, 244]);
    // 按收入性质分 / 按支出性质分 split 年初预算数 (346.52 + 1.21 = 347.73), not 全年执行数.
    expect(fact(r, "income_total", "budget", 2024)).toEqual([347.73, 248]);
    expect(fact(r, "spend_basic", "budget", 2024)).toEqual([346.52, 253]);
    expect(fact(r, "spend_project", "budget", 2024)).toEqual([1.21, 257]);
    expect(r.facts.find((f) => f.metric === "execution_rate")?.unit).toBe("%");
  });

  it("reads 14 overall and 8 project indicators with weights, scores and status", () => {
    const overall = r.indicators.filter((i) => i.sheet === "overall");
    const project = r.indicators.filter((i) => i.sheet === "project");
    expect(overall).toHaveLength(14);
    expect(project).toHaveLength(8);
    expect(project.every((i) => i.project === "遗属生活补助")).toBe(true);
    expect(overall[0]).toMatchObject({ level1: "产出", level2: "数量", name: "新增规模工业企业", target_text: "11家", actual_text: "11家", target_value: 11, actual_value: 11, unit: "家", weight: 5, score: 5, status: "met", source_line: 295 });
    expect(overall.find((i) => i.name === "工业企业固定资产投资")).toMatchObject({ target_value: 2, actual_value: 42.1, unit: "亿元", level2: "经济效益", status: "met" });
    expect(overall.find((i) => i.name === "成本控制率")).toMatchObject({ target_text: "≤100%", direction: "lower", status: "met" });
    expect(overall.find((i) => i.name === "完成达标率")).toMatchObject({ target_text: "≥95％", target_value: 95, actual_value: 100, unit: "%" });
    expect(overall.find((i) => i.name === "助企纾困")).toMatchObject({ status: "unknown", target_value: null, level2: "社会效益" });
    expect(overall.find((i) => i.name === "服务对象满意度")).toMatchObject({ level1: "满意度", level2: "满意度", weight: 10, score: 10 });
  });

  it("lists the 12 projects of the paragraph and the 基础数据表 project", () => {
    const listed = r.projects.filter((p) => p.source_line === 22);
    expect(listed).toHaveLength(12);
    expect(listed[6]).toMatchObject({ name: "先进制造业高地专项资金", amount: 100, basis: "actual", year: 2024 });
    expect(r.projects.filter((p) => p.name === "遗属生活补助").map((p) => [p.basis, p.year, p.amount, p.source_line])).toEqual([
      ["actual", 2023, 1.21, 110],
      ["budget", 2024, 1.21, 111],
      ["actual", 2024, 1.21, 112],
    ]);
  });

  it("flags the 总分 that is not the sum of the item scores (99.6 vs 100)", () => {
    const c = r.checks.find((x) => x.rule === "score_sum");
    expect(c).toMatchObject({ severity: "error", source_line: 455 });
    expect(c?.message).toContain("99.6");
    expect(checksOf(r, "items_sum").map(([, m]) => m)).toEqual(expect.arrayContaining(["spend_project", "spend_public"]));
  });
});
