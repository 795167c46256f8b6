/** Text copied out of web pages: table rows on one line (tabs, pipes, spaces), forms one cell a line. */
import { describe, expect, it } from "vitest";
import { inlineCells, toLines } from "../../src/extract/lines.ts";
import { extractReport } from "../../src/extract/report.ts";

const cellsOf = (line: string) => inlineCells(toLines(line)[0]!);
const run = (lines: string[]) => extractReport({ text: `${lines.join("\n")}\n`, sourceFile: "x.txt", sha256: "0" });

describe("rows printed on one line", () => {
  it("splits a browser's copy at tabs, a mirror's at pipes, a preview's at spaces; prose and titles stay lines", () => {
    expect(cellsOf("主管部门\t\t实施单位\t天长市水利局")).toEqual(["主管部门", "", "实施单位", "天长市水利局"]);
    expect(cellsOf("总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | ||")).toEqual(["总额", "0.00", "3.36", "3.36", "100.00%", "10", "10"]);
    expect(cellsOf("年度资金总额: 880 880 880 10 10")).toEqual(["年度资金总额:", "880", "880", "880", "10", "10"]);
    expect(cellsOf("    项目名称 水旱灾害防御经费")).toEqual(["项目名称", "水旱灾害防御经费"]);
    expect(cellsOf("南县财政局2020年度 机关整体支出绩效评价报告")).toBeNull();
    expect(cellsOf("本年收入合计 946.17万元，其中：财政拨款收入 902.59万元。")).toBeNull();
  });

  it("reads a project sheet copied from a browser, tab by tab", () => {
    const r = run([
      "天长市水利局项目支出绩效自评表",
      "（2022年度）",
      "项目名称\t水旱灾害防御经费",
      "主管部门\t\t实施单位\t天长市水利局",
      "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
      "年度资金总额\t880\t880\t870\t10\t98.86%\t9.9",
      "总分\t100\t99.9",
    ]);
    expect(r.report).toMatchObject({ department_zh: "天长市水利局", report_kind: "project_sheet", fiscal_year: 2022 });
    expect(r.projects.map((p) => [p.basis, p.amount, p.source_line])).toEqual([["budget", 880, 6], ["actual", 870, 6]]);
  });

  it("reads a copied row whose first cells are merged from above (it starts with tabs) as a row, not as one cell", () => {
    const r = run([
      "项目支出绩效自评表",
      "（2023年度）",
      "项目名称\t乡村振兴衔接资金项目",
      "主管部门\t平江县农业农村局\t实施单位\t平江县农业农村局",
      "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
      "\t年度资金总额\t500\t520\t498.6\t10\t95.88%\t9.6",
      "\t其中：当年财政拨款\t500\t520\t498.6\t—\t—\t—",
      "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
      "\t产出指标\t数量指标\t建设村数\t20个\t20个\t40\t40",
      "\t\t质量指标\t验收合格率\t100%\t100%\t20\t20",
      "\t效益指标\t社会效益指标\t受益群众满意度\t≥90%\t96%\t20\t19",
      "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t10\t10",
      "总分\t\t\t\t\t\t100\t98.6",
    ]);
    expect(r.report).toMatchObject({ department_zh: "平江县农业农村局", report_kind: "project_sheet", fiscal_year: 2023, self_score: 98.6 });
    expect(r.projects.map((p) => [p.basis, p.amount, p.source_line])).toEqual([["budget", 520, 6], ["actual", 498.6, 6]]);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.name, i.target_text, i.actual_text, i.weight, i.score, i.source_line])).toEqual([
      ["产出", "数量", "建设村数", "20个", "20个", 40, 40, 9],
      ["产出", "质量", "验收合格率", "100%", "100%", 20, 20, 10],
      ["效益", "社会效益", "受益群众满意度", "≥90%", "96%", 20, 19, 11],
      ["满意度", "满意度", "群众满意度", "≥90%", "95%", 10, 10, 12],
    ]);
    expect(r.checks.filter((c) => c.severity === "error")).toEqual([]);
  });

  it("refuses a funds row between spaces that fits its header in more than one way", () => {
    expect(() =>
      run(["乐亭县市场监督管理局项目支出绩效自评表（2021年度）", "项目名称 双随机抽查委托审计费", "年初预算数 调整预算数 全年执行数 分值 执行率 得分", "年度资金总额 30 30 10 100% 99"]),
    ).toThrow(/found none that can be read: .* prints a row whose figures fit no column \(第4行资金行印有5个数，表头有6列/);
  });
});
