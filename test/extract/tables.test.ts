import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";

const TITLE = "2021年度醴陵市水利局部门整体支出绩效自评报告\n";
const run = (body: string) => extractReport({ text: TITLE + body, sourceFile: "t.txt", sha256: "0" });

describe("form tables read by their headers", () => {
  it("maps 三公 columns in the order the header prints them", () => {
    const r = run("\t机构名称\n\t三公经费\n合计\n\t其中：\n\n\t\n\t\n\t因公出国（境）费用\n\t公务接待费\n\t公务用车购置费\n\t公务用车运行维护费\n\n\t局机关及二级机构汇总\n\t7\n\t1\n\t2\n\t3\n\t1\n");
    const v = Object.fromEntries(r.facts.map((f) => [f.metric, [f.value, f.source_line]]));
    expect(v).toEqual({ sangong_total: [7, 15], sangong_abroad: [1, 16], sangong_reception: [2, 17], sangong_vehicle_purchase: [3, 18], sangong_vehicle_operation: [1, 19] });
    // The snippet ends inside its table, as a cut text would.
    expect(r.checks.map((c) => c.rule)).toEqual(["possibly_truncated"]);
  });

  it("reads other templates' row labels: 单位名称, a 合计 or 本部门 row, units without numbers", () => {
    const table = (rowHeader: string, own: string, unit: string) =>
      `\t${rowHeader}\n\t收入合计\n\t其中：\n\n\t\n\t\n\t上年结转\n\t公共财政拨款\n\n\t${own}\n\t100\n\t10\n\t90\n\n\t${unit}\n\t100\n\t10\n\t90\n\n\n说明：以上数据来自决算。\n`;
    const read = (body: string) => run(body).facts.map((f) => [f.metric, f.value]);
    const expected = [["income_total", 100], ["income_carryover", 10], ["income_general_budget", 90]];
    expect(read(table("单位名称", "合计", "1、局机关"))).toEqual(expected);
    expect(read(table("部门（单位）名称", "本部门", "局机关"))).toEqual(expected);
    expect(read(table("机构名称", "局机关及二级机构汇总", "2、二级机构"))).toEqual(expected);
  });

  it("publishes no department figure from units alone: 1、局机关 is not the department", () => {
    const body = "\t机构名称\n\t收入合计\n\n\t1、局机关\n\t60\n\n\t2、二级机构\n\t40\n\n\n正文继续。\n";
    expect(run(`${body}基本支出50万元。\n`).facts.map((f) => f.metric)).toEqual(["spend_basic"]);
  });

  it("a table cut off after its header publishes nothing of it, and the text is flagged as cut off", () => {
    const cut = "\t机构名称\n\t收入合计\n\t其中：\n\n\t\n\t上年结转\n\t公共财政拨款\n";
    expect(() => run(cut)).toThrow(/^t\.txt:8: expected figures/);
    const r = run(`基本支出50万元。\n${cut}`);
    expect(r.facts.map((f) => f.metric)).toEqual(["spend_basic"]);
    expect(r.checks.map((c) => [c.rule, c.source_line])).toEqual([["possibly_truncated", 9]]);
  });

  it("reads a 自评表 whose indicator grid stops before 总分, and checks its 总分 when printed", () => {
    const sheet = [
      "\t预算部门名称\n\t醴陵市水利局\n",
      "\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n",
      "\t年度资金总额\n\t10\n\t20\n\t18\n\t10\n\t90%\n\t9\n",
      "\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n",
      "\t产出指标\n\t数量指标\n\t修缮水渠\n\t3条\n\t2条\n\t50\n\t50\n",
    ].join("\n");
    // Cut before its 总分 row, the grid publishes the rows it prints and is flagged as cut off.
    expect(run(sheet).indicators.map((i) => i.name)).toEqual(["修缮水渠"]);
    expect(run(sheet).checks.map((c) => c.rule)).toContain("possibly_truncated");
    // 9 (execution) + 50 = 59, but the 总分 row says 58.
    const r = run(`${sheet}\n\t总分\n\t60\n\t58\n`);
    expect(r.indicators[0]).toMatchObject({ name: "修缮水渠", target_value: 3, actual_value: 2, status: "missed", weight: 50, score: 50 });
    expect(r.checks.map((c) => c.rule).sort()).toEqual(["missed_full_score", "score_sum"]);
  });

  it("reads a 自评表's funding breakdown in the national template's wording", () => {
    const sheet = [
      "\t预算部门名称\n\t醴陵市水利局\n",
      "\t年初预算数\n\t全年预算数\n\t全年执行数\n\t分值\n\t执行率\n\t得分\n",
      "\t年度资金总额\n\t10\n\t20\n\t18\n\t10\n\t90%\n\t9\n",
      "\t按收入性质分：18\n\t按支出性质分：18\n",
      "\t其中：一般公共预算：15\n\t其中：基本支出：12\n",
      "\t政府性基金：2\n\t项目支出：6\n",
      "\t国有资本经营：1\n\t\n",
      "\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成值\n\t分值\n\t得分\n",
      "\t产出指标\n\t数量指标\n\t修缮水渠\n\t3条\n\t3条\n\t90\n\t90\n",
      "\t总分\n\t100\n\t99\n",
    ].join("\n");
    const facts = Object.fromEntries(run(sheet).facts.map((f) => [`${f.metric}/${f.basis}`, f.value]));
    // The income parts add up to 全年执行数 (15 + 2 + 1 = 18): execution.
    expect(facts).toMatchObject({ "income_general_budget/actual": 15, "income_gov_fund/actual": 2, "income_state_capital/actual": 1, "spend_basic/actual": 12, "spend_project/actual": 6 });
  });

  it("refuses a text with a title but no figure, saying whose report prints none", () => {
    expect(() => run("一、基本情况\n我局认真履职。")).toThrow(/expected figures: .*found none: 醴陵市水利局's 2021 部门整体支出绩效自评报告 prints no figure$/);
  });
});
