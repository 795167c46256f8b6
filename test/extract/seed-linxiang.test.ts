// 临湘市 2024: the form template (tab-indented cells) with a narrative 综述. Values read by hand from the text.
import { describe, expect, it } from "vitest";
import { checksOf, fact, lineText, seed } from "../helpers/seeds.ts";

const FILE = "2024/临湘市-科技和工业信息化局.txt";
const r = seed(FILE);

describe("临湘市 2024 form template", () => {
  it("identifies department, county and fiscal year from the text", () => {
    expect(r.report).toMatchObject({
      county_code: "430682",
      county_zh: "临湘市",
      county_en: "Linxiang",
      department_zh: "临湘市科技和工业信息化局",
      fiscal_year: 2024,
      self_score: 98,
      grade: "优",
      staff_authorized: 48,
      staff_actual: 37,
      source_file: FILE,
    });
    expect(r.report.report_id).toMatch(/^430682-2024-[a-z]+$/);
  });

  it("reads income, spending and 三公 from the 汇总 rows", () => {
    expect(fact(r, "income_total", "actual", 2024)).toEqual([946.17, 60]);
    expect(fact(r, "income_carryover", "actual", 2024)).toEqual([0, 61]);
    expect(fact(r, "income_other", "actual", 2024)).toEqual([43.58, 65]);
    expect(fact(r, "income_general_budget", "actual", 2024)).toBeUndefined();
    expect(fact(r, "spend_total", "actual", 2024)).toEqual([946.17, 116]);
    expect(fact(r, "spend_basic", "actual", 2024)).toEqual([532.95, 117]);
    expect(fact(r, "spend_personnel", "actual", 2024)).toEqual([443.37, 118]);
    expect(fact(r, "spend_public", "actual", 2024)).toEqual([89.58, 119]);
    expect(fact(r, "spend_project", "actual", 2024)).toEqual([456.79, 120]);
    expect(fact(r, "sangong_total", "actual", 2024)).toEqual([4.85, 165]);
    expect(fact(r, "sangong_reception", "actual", 2024)).toEqual([4.85, 166]);
    expect(fact(r, "sangong_vehicle_operation", "actual", 2024)).toEqual([0, 167]);
    expect(fact(r, "sangong_vehicle_purchase", "actual", 2024)).toEqual([0, 168]);
    expect(fact(r, "sangong_abroad", "actual", 2024)).toEqual([0, 169]);
    expect(lineText(FILE, 117)).toContain("532.95");
  });

  it("reads the 13 indicators of the 定量目标 table, qualitative ones as unknown", () => {
    expect(r.indicators).toHaveLength(13);
    expect(r.indicators.map((i) => i.level2)).toEqual(["质量", "质量", "质量", "数量", "数量", "数量", "时效", "时效", "成本", "社会效益", "经济效益", "生态效益", "满意度"]);
    const first = r.indicators[0];
    expect(first).toMatchObject({ sheet: "overall", level1: "产出", name: "坚持改革攻坚激活力，服务园区高质发展", source_line: 258, status: "unknown", weight: null });
    expect(first?.actual_text).toMatch(/^牵头负责中央审计署驻长沙特派办/);
    const eco = r.indicators.find((i) => i.level2 === "生态效益");
    expect(eco?.actual_text).toMatch(/^全力推动浮标（钓具）产业/);
    expect(r.indicators.at(-1)).toMatchObject({ level1: "满意度", name: "群众满意度", actual_text: "绝大多数人满意", source_line: 336 });
    expect(r.indicators.every((i) => i.status === "unknown")).toBe(true);
  });

  it("flags the totals that do not add up and the sub-unit row printed as 532.953", () => {
    expect(checksOf(r, "spend_parts_sum")).toEqual([["error", "spend_total,spend_basic,spend_project", 116]]);
    expect(checksOf(r, "income_parts_sum")).toEqual([["error", "income_total,income_carryover,income_other", 60]]);
    const unit = r.checks.find((c) => c.rule === "unit_rows_sum");
    expect(unit?.message).toContain("532.953");
    expect(unit?.message).toContain("532.95万元");
    expect(r.projects).toEqual([]);
  });

  it("says which layout parts it found", () => {
    expect(r.parts.found).toEqual(expect.arrayContaining(["income_table", "spending_table", "sangong_table", "target_table", "narrative"]));
    expect(r.parts.absent).toEqual(expect.arrayContaining(["base_data_table", "evaluation_sheets"]));
  });
});
