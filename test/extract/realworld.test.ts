/**
 * Real published reports (test/fixtures/realworld, copied from shared/realworld; see its README): each that prints
 * a department, a year and figures publishes them, every expected value written here by hand from the file; the
 * others fail with their real cause.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/extract/errors.ts";
import { extractReport, type ExtractedReport } from "../../src/extract/report.ts";
import { readDocument } from "../../src/readers/index.ts";

const DIR = join(import.meta.dirname, "../fixtures/realworld");

async function read(file: string): Promise<ExtractedReport> {
  const doc = await readDocument(new Uint8Array(readFileSync(join(DIR, file))), file);
  return extractReport({ text: doc.text, sourceFile: file, sha256: "0" });
}
async function failure(file: string): Promise<string> {
  try {
    await read(file);
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
  throw new Error(`${file} was published`);
}
const facts = (r: ExtractedReport) => r.facts.map((f) => [f.metric, f.basis, f.year, f.value, f.source_line]).sort();
const rules = (r: ExtractedReport) => r.checks.map((c) => [c.rule, c.source_line]);
const identity = (r: ExtractedReport) => {
  const { department_zh, county_code, county_zh, fiscal_year, report_kind } = r.report;
  return { department_zh, county_code, county_zh, fiscal_year, report_kind };
};

describe("real reports as published", () => {
  it("南县政协 2021: a web page's fragment, the department in the site's name, the year only as 2021年部门决算收支", async () => {
    const r = await read("hunan_nanxian_zhengxie_2021.txt");
    expect(identity(r)).toEqual({ department_zh: "南县政协", county_code: "430921", county_zh: "南县", fiscal_year: 2021, report_kind: "overall" });
    expect(r.report.department_kind).toBe("cppcc");
    expect(facts(r)).toEqual(
      [
        ["income_total", "actual", 2021, 792.22, 11],
        ["income_fiscal", "actual", 2021, 792.22, 11],
        ["spend_total", "actual", 2021, 799.12, 12],
        ["spend_personnel", "actual", 2021, 434.89, 12],
        ["spend_public", "actual", 2021, 77.4, 12],
        ["spend_project", "actual", 2021, 286.83, 12],
      ].sort(),
    );
    expect(r.projects.map((p) => [p.name, p.amount])).toEqual([["委员活动经费", 36.3], ["扫黑除恶工作经费", 1], ["信息网络运行经费", 5], ["老干部活动经费", 10.5], ["派出纪检监察组专项经费", 5]]);
    expect(rules(r)).toEqual([["possibly_truncated", 18]]);
  });

  it("南县财政局 2020: a county of two characters, 机关整体支出, 综合评分 and 编制人员 in prose", async () => {
    const r = await read("hunan_nanxian_czj_2020.txt");
    expect(identity(r)).toEqual({ department_zh: "南县财政局", county_code: "430921", county_zh: "南县", fiscal_year: 2020, report_kind: "overall" });
    expect(r.report).toMatchObject({ self_score: 97, staff_authorized: 205, staff_actual: null });
    expect(r.facts).toEqual([]);
    expect(rules(r)).toEqual([["possibly_truncated", 14]]);
  });

  it("天长市水利局 2022: the national 项目支出绩效自评表 as flowing text, empty template rows left out", async () => {
    const r = await read("anhui_tianchang_slj_2022_xmzp.txt");
    expect(identity(r)).toEqual({ department_zh: "天长市水利局", county_code: "341181", county_zh: "天长市", fiscal_year: 2022, report_kind: "project_sheet" });
    expect(r.projects.map((p) => [p.name, p.basis, p.amount, p.source_line])).toEqual([["水旱灾害防御经费", "budget", 880, 12], ["水旱灾害防御经费", "actual", 880, 12]]);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.name, i.target_text, i.actual_text, i.weight, i.score, i.source_line])).toEqual([
      ["产出", "数量", "完成中型灌区节水改造项目数量", "1", "1", 10, 10, 26],
      ["产出", "数量", "完成农业综合水价改革项目", "1", "1", 10, 10, 27],
      ["产出", "质量", "工程质量合格", "", "", 10, 10, 29],
      ["产出", "时效", "年度资金支付完成率100%", "", "", 10, 10, 32],
      ["产出", "成本", "资金执行在预算范围内", "", "", 10, 10, 35],
      ["效益", "经济效益", "全市安全度汛", "", "", 10, 10, 45],
      ["效益", "社会效益", "保护全市人口财产不受损失", "", "", 10, 10, 50],
      ["效益", "可持续影响", "已建工程良性运行", "", "", 10, 10, 60],
      ["满意度", "满意度", "服务对象满意度", "90%", "100%", 10, 10, 67],
    ]);
    expect(r.indicators.every((i) => i.project === "水旱灾害防御经费" && i.sheet === "project")).toBe(true);
    // 总分 100 = 10 (预算执行率) + nine indicators of 10; 产出 50 and 效益 30 as their headers announce.
    expect(rules(r)).toEqual([["possibly_truncated", 72]]);
    expect(r.facts).toEqual([]);
    // The sheet is the document: its 总分 is the document's score.
    expect(r.report.self_score).toBe(100);
  });

  it("湘阴县卫生健康局 2021 and 岳阳市城市管理监督指挥中心 2018: the Yueyang form one cell a line; a city's body keeps its code", async () => {
    const xiangyin = await read("hunan_xiangyin_wjj_2021.txt");
    expect(identity(xiangyin)).toEqual({ department_zh: "湘阴县卫生健康局", county_code: "430624", county_zh: "湘阴县", fiscal_year: 2021, report_kind: "overall" });
    expect(xiangyin.report).toMatchObject({ staff_authorized: 55, staff_actual: 96 });
    const yueyang = await read("hunan_yueyang_szcg_2018.txt");
    expect(identity(yueyang)).toEqual({ department_zh: "岳阳市城市管理监督指挥中心", county_code: "430600", county_zh: "岳阳市", fiscal_year: 2018, report_kind: "overall" });
    expect(yueyang.report).toMatchObject({ staff_authorized: 21, staff_actual: 21 });
  });

  it("大英县司法局 2023: Sichuan's 部门预算项目支出绩效自评表 as pipe rows, from the middle of a page", async () => {
    const r = await read("sichuan_daying_sfj_2023_xmzp.txt");
    expect(identity(r)).toEqual({ department_zh: "大英县司法局", county_code: "510923", county_zh: "大英县", fiscal_year: 2023, report_kind: "project_sheet" });
    const project = "51092324T000010263357-2023年全县安可替代补助资金项目";
    expect(r.projects.map((p) => [p.name, p.basis, p.amount, p.source_line])).toEqual([[project, "budget", 3.36, 16], [project, "actual", 3.36, 16]]);
    // The page starts inside the previous form's grid: its indicator has no project the text names.
    expect(r.indicators.map((i) => [i.project, i.level1, i.level2, i.name, i.target_text, i.actual_text, i.weight, i.score])).toEqual([
      [null, "产出", "成本", "成本控制数", "≤30万元", "完成", 90, 90],
      [project, "产出", "质量", "完成安可产品购买并按要求支付资金", "100", "", null, null],
    ]);
    expect(rules(r)).toEqual([["possibly_truncated", 23]]);
  });

  it("东湖区扬子洲镇 2017: a project's own report; the 发布机构 names the town", async () => {
    const r = await read("jiangxi_donghu_yangzizhou_2017_xm.txt");
    expect(identity(r)).toEqual({ department_zh: "东湖区扬子洲镇", county_code: "360102", county_zh: "东湖区", fiscal_year: 2017, report_kind: "project_report" });
    expect(r.report.department_kind).toBe("township");
    expect(r.projects.map((p) => [p.name, p.basis, p.amount, p.source_line])).toEqual([["防汛工作相关经费", "budget", 110.56, 8]]);
    // Its breakdown (29.96 + 3 + 31.6 + 46) adds up: no check but the cut.
    expect(rules(r)).toEqual([["possibly_truncated", 22]]);
  });

  it("上海市普陀区财政局 2024 部门决算 (ONLYOFFICE PDF): every figure of its tables", async () => {
    const r = await read("上海市普陀区财政局2024年度部门决算.pdf");
    expect(identity(r)).toEqual({ department_zh: "上海市普陀区财政局", county_code: "310107", county_zh: "普陀区", fiscal_year: 2024, report_kind: "final_accounts" });
    expect(r.report.report_id).toBe("310107-2024-czj-js");
    const v = Object.fromEntries(r.facts.map((f) => [`${f.metric}/${f.basis}`, f.value]));
    expect(v).toEqual({
      // 收入支出决算总表
      "income_general_budget/actual": 2940.05,
      "income_other/actual": 6.2,
      "income_total/actual": 2946.25,
      "carryover_begin/actual": 49.14,
      "grand_total/actual": 2995.39,
      "spend_fn_201/actual": 2106.66,
      "spend_fn_208/actual": 326.71,
      "spend_fn_210/actual": 60.99,
      "spend_fn_221/actual": 445.69,
      "spend_total/actual": 2940.05,
      "carryover_end/actual": 55.34,
      // 收入决算表 and 支出决算表, 合计 rows
      "income_fiscal/actual": 2940.05,
      "spend_basic/actual": 2336.91,
      "spend_project/actual": 603.14,
      // 一般公共预算财政拨款基本支出决算表
      "spend_personnel/actual": 2152.26,
      "spend_public/actual": 184.65,
      // 财政拨款“三公”经费支出决算表: two figures printed, the template's blanks are 0
      "sangong_total/budget": 0.95,
      "sangong_total/actual": 0,
      "sangong_abroad/budget": 0,
      "sangong_abroad/actual": 0,
      "sangong_vehicle/budget": 0,
      "sangong_vehicle/actual": 0,
      "sangong_vehicle_purchase/budget": 0,
      "sangong_vehicle_purchase/actual": 0,
      "sangong_vehicle_operation/budget": 0,
      "sangong_vehicle_operation/actual": 0,
      "sangong_reception/budget": 0.95,
      "sangong_reception/actual": 0,
      // 情况说明
      "operating_costs/actual": 184.65,
      "procurement/actual": 251.25,
      "vehicles/actual": 0,
      "perf_target_projects/actual": 4,
      "perf_target_amount/actual": 598.42,
      "perf_self_eval_projects/actual": 4,
      "perf_self_eval_amount/actual": 598.42,
      "perf_self_eval_score/actual": 99.43,
    });
    // Each figure cites its page; the prose's 三公 and 本年收入/支出合计 agree with the tables.
    expect(r.checks.map((c) => c.rule)).toEqual(["prose_items_sum"]);
    expect(r.checks[0]!.message).toContain("可能是四舍五入所致");
  });

  it("fail with their real cause: no figures, no county, rows lost, a blank template", async () => {
    expect(await failure("hunan_hongjiang_jtzf_juesuan_toc.txt")).toMatch(/found none: 洪江市交通运输综合行政执法大队's 2024 部门决算 prints no figure, cut off at line 38$/);
    expect(await failure("unknown_county_bianban_2021_zxjf.txt")).toMatch(/found the body named only as "我办": the text never names its county$/);
    // A document-sharing site's preview: the form's cells one a line, its rows lost, its figures garbled ("年度资金总≥90%").
    expect(await failure("hebei_laoting_scjg_2021_xmzp.txt")).toMatch(/^hebei_laoting_scjg_2021_xmzp\.txt:34: .*found none that can be read: 乐亭县市场监督管理局's 2021 项目支出绩效自评表 prints a row whose figures fit no column \(第34行起表格的单元格一格一行/);
    expect(await failure("部门决算模板.pdf")).toMatch(/^部门决算模板\.pdf:1: .*found a template's placeholder "上海市XX局": a blank 部门决算 template/);
  });
});
