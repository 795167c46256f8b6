/** Kinds of real web pages beyond the samples: a 决算's contents, a body described by what it has, a form's coded fields. */
import { describe, expect, it } from "vitest";
import { toLines } from "../../src/extract/lines.ts";
import { extractReport } from "../../src/extract/report.ts";
import { reportKind } from "../../src/extract/report-kind.ts";

const run = (lines: string[]) => extractReport({ text: `${lines.join("\n")}\n`, sourceFile: "x.txt", sha256: "0" });
const kindOf = (lines: string[]) => reportKind(toLines(`${lines.join("\n")}\n`), []);

describe("web pages of other kinds", () => {
  it("takes a 决算's kind from its title, not from the 自评表 its contents list", () => {
    expect(kindOf(["临沧市云县财政局2022年度部门决算", "目录", "一、收入支出决算表", "十二、部门整体支出绩效自评表", "十四、项目支出绩效自评"])).toBe("final_accounts");
    // Where only the contents name a kind, they decide ("第二部分2024年度单位决算情况说明").
    expect(kindOf(["目录", "公开时间:2025年10月15日", "第一部分单位概况", "第二部分2024年度单位决算情况说明"])).toBe("final_accounts");
    expect(kindOf(["一、项目概况", "本项目…"])).toBe("project_report");
  });

  it("ends a body's name before what it is said to have (下设办公室), and reads past a field's budget code", () => {
    const r = run([
      "渠县农业综合技术服务中心下设办公室、财务室、种子管理组等。",
      "2024年度部门整体支出绩效自评报告",
      "基本支出1523.26万元。",
    ]);
    expect(r.report).toMatchObject({ department_zh: "渠县农业综合技术服务中心", county_zh: "渠县", fiscal_year: 2024 });
    const coded = run(["项目支出绩效自评表（2022年度）", "项目名称\t委托业务项目", "主管部门\t219-池州市贵池区棠溪镇人民政府", "年初预算数\t全年预算数\t全年执行数", "年度资金总额\t90\t90\t89.97"]);
    expect(coded.report).toMatchObject({ department_zh: "池州市贵池区棠溪镇人民政府", county_zh: "贵池区", report_kind: "project_sheet" });
  });

  it("names the body a page prints without its county as the cause", () => {
    expect(() => run(["您当前所在位置: | 首页 |", "113307820026092077/2021-400219", "稠城街道", "2021-09-01", "二、2020年度部门（单位）决算公开表"])).toThrow(
      /x\.txt:3: .*the body named only as "稠城街道": the text never names its county/,
    );
  });

  it("refuses a form run into one line with that cause, and takes no total of several projects for a project", () => {
    const header = "安福全 zlnb210061 1 2019-05-22T04:56:35Z 2052-11.1.0.11691 FEAB6FBF67D44AA19C24BC22CBB840E5 9300 22370 False";
    const form = "附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 主管部门 219-池州市贵池区棠溪镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.974 89.974";
    expect(() => run([`${header} ${form}`])).toThrow(/池州市贵池区棠溪镇人民政府's 2022 .* prints a row whose figures fit no column \(第1行整张表格连成一行（年初预算数、全年预算数、全年执行数…）/);
    const several = [
      "红河州数据发展中心2024年度项目支出绩效单位自评报告",
      "一、基本情况",
      "2024年，红河州数据发展中心实施项目共15个，年初批复预算8个项目985万元，实际到位资金334.67万元。",
      "（1）展厅运维经费。年初安排展厅运维经费50万元。",
    ];
    expect(run(several).projects.map((p) => [p.name, p.amount, p.basis])).toEqual([["展厅运维经费", 50, "budget"]]);
  });
});

describe("staff in a body's prose", () => {
  it("reads 在职实有 and the posts after their kind; staff of another year are not the year's", () => {
    const r = run([
      "中共寻甸回族彝族自治县委员会办公室",
      "2023年度部门整体支出绩效自评报告",
      "截至2023年12月31日，中共寻甸回族彝族自治县委办公室机关行政编制39名，事业编制5名。",
      "截至2023年12月31日，中共寻甸回族彝族自治县委办公室在职实有32人，其中：财政全额保障32人。",
    ]);
    expect(r.report).toMatchObject({ department_kind: "party", staff_authorized: 44, staff_actual: 32 });
    const other = run(["重庆市潼南区玉溪镇人民政府", "2022年度部门决算情况说明", "2022年我单位共有行政编制24个，事业编制41个，2021年末实有在职人员60人，退休25人。"]);
    expect(other.report).toMatchObject({ staff_authorized: 65, staff_actual: null });
  });

  it("reads 编制人数, 核定编制 and 机关编制, 实有 and 实有人员, counted in 人 or 名", () => {
    const staff = (sentence: string) => {
      const { staff_authorized, staff_actual } = run(["中共桃江县委组织部2022年度部门整体支出绩效自评报告", sentence, "基本支出720.45万元。"]).report;
      return [staff_authorized, staff_actual];
    };
    expect(staff("内设机构9个，编制人数32人，实有人数30人。")).toEqual([32, 30]);
    expect(staff("县妇联机关编制6名，实有6人。")).toEqual([6, 6]);
    expect(staff("核定编制15名，实有人员14名。")).toEqual([15, 14]);
    expect(staff("编制数8名，在职人员7名。")).toEqual([8, 7]);
    // The posts by kind are summed, not read again as a total; 实有 before a kind is the kinds' sum.
    expect(staff("机关行政编制39名，事业编制5名，实有行政人员30人，事业人员4人。")).toEqual([44, 34]);
  });
});

describe("a figure's breakdown in brackets", () => {
  const title = "慈利县林业局2023年度部门整体支出绩效自评报告";
  it("adds up to that figure, and is not counted among the items of the list around it", () => {
    const r = run([title, "2023年度总支出2356.78万元，其中基本支出1123.45万元（人员经费986.12万元，公用经费137.33万元），项目支出1233.33万元。"]);
    expect(r.facts.map((f) => [f.metric, f.value]).sort()).toEqual([
      ["spend_basic", 1123.45],
      ["spend_personnel", 986.12],
      ["spend_project", 1233.33],
      ["spend_public", 137.33],
      ["spend_total", 2356.78],
    ]);
    expect(r.checks.filter((c) => c.severity === "error")).toEqual([]);
    const wrong = run([title, "2023年度总支出2356.78万元，其中基本支出1123.45万元（人员经费986.12万元，公用经费137万元），项目支出1233.33万元。"]);
    expect(wrong.checks.filter((c) => c.rule === "prose_items_sum").map((c) => c.message)).toEqual([
      "第2行“基本支出”及其分项：合计为1123.45万元（第2行），2项（第2行）相加为1123.12万元，相差0.33万元。",
    ]);
  });

  it("that compares with another year is no breakdown", () => {
    // Read as a breakdown, 2000 + 300 would not add up to 2356.78.
    const r = run([title, "2023年度总支出2356.78万元（上年为2000万元，增加300万元），其中基本支出1123.45万元，项目支出1233.33万元。"]);
    expect(r.checks.filter((c) => c.severity === "error")).toEqual([]);
  });
});

describe("figures of one funding source only", () => {
  it("are not published as the body's spending, and a note on their line says why", () => {
    const r = run([
      "宁乡市大成桥镇人民政府2023年度整体支出绩效自评报告",
      "我镇辖14个村（社区）。",
      "2023年全镇一般公共预算支出5632.18万元，其中：基本支出2011.40万元，项目支出3620.78万元。",
    ]);
    expect(r.facts).toEqual([]);
    expect(r.checks.filter((c) => c.rule === "fund_scope_only").map((c) => [c.severity, c.source_line, c.message])).toEqual([
      ["info", 3, "第3行印有单项资金来源（财政拨款或一般公共预算）的基本支出（2023年决算/执行）2011.4万元，不是部门全部资金的数字，未作为基本支出发布。"],
      ["info", 3, "第3行印有单项资金来源（财政拨款或一般公共预算）的项目支出（2023年决算/执行）3620.78万元，不是部门全部资金的数字，未作为项目支出发布。"],
    ]);
  });
});

describe("a 决算's sources of income in prose", () => {
  it("reads 财政拨款收入, 事业收入 and 经营收入, and sums 财政拨款收入 for its sources where they are not printed", () => {
    const r = run([
      "重庆市渝中区南纪门街道办事处2023年度部门决算",
      "1.总体情况。2023年度收入总计6567.06万元，支出总计6567.06万元。",
      "2.收入情况。2023年度收入合计6567.06万元。其中：财政拨款收入6567.06万元，占100.00%；事业收入0.00万元，占0.00%；经营收入0.00万元，占0.00%；其他收入0.00万元。",
    ]);
    expect(r.facts.map((f) => [f.metric, f.value, f.source_line]).sort()).toEqual([
      ["income_business", 0, 3],
      ["income_fiscal", 6567.06, 3],
      ["income_operating", 0, 3],
      ["income_other", 0, 3],
      ["income_total", 6567.06, 2],
      ["spend_total", 6567.06, 2],
    ]);
    expect(r.checks.filter((c) => c.rule === "income_parts_sum")).toEqual([]);
    const short = run(["重庆市渝中区南纪门街道办事处2023年度部门决算", "2023年度收入合计6567.06万元。其中：财政拨款收入6500万元，其他收入0.00万元。"]);
    expect(short.checks.find((c) => c.rule === "income_parts_sum")).toMatchObject({ severity: "error", source_line: 2 });
  });
});
