// 全年执行数 of a 部门整体支出绩效自评表 as the department's 支出合计 (actual) where no 支出合计 is printed.
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";
import { checksOf, fact, lineText, seed } from "../helpers/seeds.ts";

const TITLE = "2021年度醴陵市水利局部门整体支出绩效自评报告\n";
const run = (body: string) => extractReport({ text: TITLE + body, sourceFile: "t.txt", sha256: "0" });
const SHEET = [
  "附件2\n2021年度部门整体支出绩效自评表\n\t预算部门名称\n\t醴陵市水利局\n",
  "\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n",
  "\t年度资金总额\n\t10\n\t20\n\t18\n\t10\n\t90%\n\t9\n",
  "\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n",
  "\t产出指标\n\t数量指标\n\t修缮水渠\n\t3条\n\t3条\n\t50\n\t50\n",
  "\t总分\n\t60\n\t59\n",
].join("\n");
const SPENDING_TABLE = "\t机构名称\n\t支出合计\n\t基本支出\n\t项目支出\n\n\t局机关及二级机构汇总\n\t20\n\t12\n\t8\n";

describe("全年执行数 of the 部门整体支出绩效自评表 as spend_total", () => {
  it("岳阳 prints no 支出合计: its 全年执行数 1725.06 (line 252) is published, and 基本 855.82 + 项目 869.24 add up to it", () => {
    const r = seed("2024/岳阳市-科学技术局.txt");
    expect(fact(r, "spend_total", "actual", 2024)).toEqual([1725.06, 252]);
    expect(lineText("2024/岳阳市-科学技术局.txt", 252)).toBe("\t1725.06");
    expect(fact(r, "spend_basic", "actual", 2024)).toEqual([855.82, 263]);
    expect(fact(r, "spend_project", "actual", 2024)).toEqual([869.24, 143]);
    expect(checksOf(r, "spend_parts_sum")).toEqual([]);
    expect(checksOf(r, "value_conflict").filter(([, m]) => m === "spend_total")).toEqual([]);
  });

  it("洪江 prints no 支出合计: its 全年执行数 742.56 (line 242) is published; the paragraphs' 452.92 + 289.64 add up to it", () => {
    const r = seed("2024/洪江市-工业和信息化局.txt");
    expect(fact(r, "spend_total", "actual", 2024)).toEqual([742.56, 242]);
    expect(lineText("2024/洪江市-工业和信息化局.txt", 242)).toBe("\t742.56");
    // The funding breakdown (基本 346.52 + 项目 1.21 = 347.73) splits the budget, so it stays a budget total.
    expect(fact(r, "spend_total", "budget", 2024)).toEqual([347.73, 249]);
    expect(checksOf(r, "spend_parts_sum")).toEqual([]);
  });

  it("the three seeds without a 自评表 funds row keep their 支出合计", () => {
    expect(fact(seed("2024/临湘市-科技和工业信息化局.txt"), "spend_total", "actual", 2024)).toEqual([946.17, 116]);
    expect(fact(seed("2022/吉首市-科技和工业信息化局.txt"), "spend_total", "actual", 2022)).toEqual([5394.86, 209]);
    expect(fact(seed("2023/沅江市-科学技术和工业信息化局.txt"), "spend_total", "actual", 2023)).toEqual([11658.78, 17]);
  });

  it("is checked against 基本支出 + 项目支出 printed elsewhere", () => {
    const r = run(`一、基本情况\n2021年度基本支出10万元，项目支出5万元。\n${SHEET}`);
    expect(fact(r, "spend_total", "actual", 2021)).toEqual([18, 19]);
    expect(r.checks.filter((c) => c.rule === "spend_parts_sum")).toEqual([
      {
        report_id: "430281-2021-slj",
        rule: "spend_parts_sum",
        severity: "error",
        metrics: "spend_total,spend_basic,spend_project",
        message: "支出合计（2021年决算/执行）与基本支出、项目支出：合计为18万元（第19行），2项（第3行）相加为15万元，相差3万元。",
        source_line: 19,
      },
    ]);
  });

  it("loses to a 支出合计 table that breaks the total down, before or after the sheet, with a value_conflict", () => {
    const before = run(`${SPENDING_TABLE}\n${SHEET}`);
    expect(fact(before, "spend_total", "actual", 2021)).toEqual([20, 8]);
    expect(before.checks.filter((c) => c.rule === "value_conflict").map((c) => [c.message, c.source_line])).toEqual([
      ["支出合计（2021年决算/执行）在第8行为20万元，在第27行为18万元；发布采用第8行（分项表格）。", 27],
    ]);
    const after = run(`${SHEET}\n${SPENDING_TABLE}`);
    expect(fact(after, "spend_total", "actual", 2021)).toEqual([20, 48]);
    expect(after.checks.filter((c) => c.rule === "value_conflict").map((c) => [c.message, c.source_line])).toEqual([
      ["支出合计（2021年决算/执行）在第48行为20万元，在第17行为18万元；发布采用第48行（分项表格）。", 17],
    ]);
  });

  it("outranks a paragraph's 支出合计", () => {
    const r = run(`一、基本情况\n2021年度支出合计25万元。\n${SHEET}`);
    expect(fact(r, "spend_total", "actual", 2021)).toEqual([18, 19]);
    expect(r.checks.filter((c) => c.rule === "value_conflict").map((c) => [c.message, c.source_line])).toEqual([
      ["支出合计（2021年决算/执行）在第19行为18万元，在第3行为25万元；发布采用第19行（自评表）。", 3],
    ]);
  });

  it("a project sheet's 全年执行数 is the project's, not the department's", () => {
    const project = SHEET.replace("\t预算部门名称\n\t醴陵市水利局", "\t项目名称\n\t水渠修缮").replace("部门整体支出", "项目支出");
    expect(fact(run(project), "spend_total", "actual", 2021)).toBeUndefined();
  });
});
