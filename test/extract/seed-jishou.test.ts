// 吉首市 2022: a notice, then the form template, then a narrative report with a 一级指标 score table.
import { describe, expect, it } from "vitest";
import { fact, seed } from "../helpers/seeds.ts";

const r = seed("2022/吉首市-科技和工业信息化局.txt");

describe("吉首市 2022 mixed layout", () => {
  it("prefers the full department name to the abbreviation and reads the fiscal year, not the writing year", () => {
    expect(r.report).toMatchObject({ county_code: "433101", county_en: "Jishou", department_zh: "吉首市科技和工业信息化局", fiscal_year: 2022, self_score: 97, grade: "优", staff_authorized: 26, staff_actual: 22 });
  });

  it("reads the 收支 tables and the fixed assets", () => {
    expect(fact(r, "income_total", "actual", 2022)).toEqual([5394.86, 153]);
    expect(fact(r, "income_carryover", "actual", 2022)).toEqual([46.08, 154]);
    expect(fact(r, "income_general_budget", "actual", 2022)).toEqual([2577.99, 155]);
    expect(fact(r, "income_gov_fund", "actual", 2022)).toEqual([2617.17, 156]);
    expect(fact(r, "income_other", "actual", 2022)).toEqual([153.63, 158]);
    expect(fact(r, "spend_basic", "actual", 2022)).toEqual([548.83, 210]);
    expect(fact(r, "spend_personnel", "actual", 2022)).toEqual([453.94, 211]);
    expect(fact(r, "spend_public", "actual", 2022)).toEqual([94.89, 212]);
    expect(fact(r, "spend_project", "actual", 2022)).toEqual([4846.03, 213]);
    expect(fact(r, "fixed_assets_total", "actual", 2022)).toEqual([73.04, 296]);
    expect(fact(r, "sangong_total", "budget", 2022)).toEqual([10.44, 606]);
    expect(fact(r, "procurement", "budget", 2022)).toEqual([9.5, 608]);
  });

  it("keeps the 三公 table's 0 and flags the 0.29 of its item and of the narrative", () => {
    expect(fact(r, "sangong_total", "actual", 2022)).toEqual([0, 257]);
    expect(fact(r, "sangong_reception", "actual", 2022)).toEqual([0.29, 258]);
    expect(r.checks.find((c) => c.rule === "sangong_parts_sum")).toMatchObject({ severity: "error", source_line: 257 });
    expect(r.checks.find((c) => c.rule === "value_conflict" && c.metrics === "sangong_total")?.source_line).toBe(606);
  });

  it("flags the swapped staff numbers of the narrative and the 3.05元 printed without 万", () => {
    const staff = r.checks.filter((c) => c.rule === "value_conflict" && c.metrics.startsWith("staff_"));
    expect(staff.map((c) => [c.metrics, c.source_line])).toEqual([
      ["staff_authorized", 602],
      ["staff_actual", 602],
    ]);
    expect(r.checks.find((c) => c.rule === "unit_suspect")?.source_line).toBe(608);
    expect(fact(r, "procurement", "actual", 2022)).toBeUndefined();
  });

  it("flags prose breakdowns that do not add up and the misprinted 1..95万元", () => {
    const prose = r.checks.filter((c) => c.rule === "prose_items_sum");
    expect(prose.find((c) => c.source_line === 10)?.message).toContain("相加为5791.02万元");
    expect(prose.filter((c) => c.severity === "error").map((c) => c.source_line)).toEqual([10, 518, 520]);
    expect(r.checks.find((c) => c.rule === "number_misprint")?.message).toContain("1..95万元");
  });

  it("does not publish one-funding-source figures (一般公共预算财政拨款基本支出454.45)", () => {
    expect(r.facts.some((f) => f.value === 454.45)).toBe(false);
  });

  it("reads the target table with name, target and result columns", () => {
    expect(r.indicators).toHaveLength(13);
    expect(r.indicators[0]).toMatchObject({ level1: "产出", level2: null, name: "公用经费控制率", target_text: "28.8万元", actual_text: "21.8万元", direction: "lower", status: "met", source_line: 357 });
    expect(r.indicators.find((i) => i.name === "重点工作完成及时率")).toMatchObject({ target_value: 100, actual_value: 98, status: "missed" });
    expect(r.indicators.find((i) => i.name === "社会公众满意度")).toMatchObject({ level1: "满意度", target_value: 98, actual_value: 95, status: "missed" });
  });

  it("lists the 21 专项 of the project paragraph, repeated names included", () => {
    const listed = r.projects.filter((p) => p.source_line === 520);
    expect(listed).toHaveLength(21);
    expect(listed.filter((p) => p.name === "智慧城市项目经费").map((p) => p.amount)).toEqual([137, 1000, 137, 137]);
    expect(r.checks.find((c) => c.rule === "items_sum" && c.source_line === 520)?.message).toContain("2123.47");
  });
});
