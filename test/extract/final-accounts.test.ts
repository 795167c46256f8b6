/** 部门决算 in the national template, as text: test/fixtures/kinds (written by hand) and snippets of its tables. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";

const FILE = "2024/临湘市-科技和工业信息化局-决算.txt";
const text = readFileSync(join(import.meta.dirname, "../fixtures/kinds", FILE), "utf8");
const run = (t: string) => extractReport({ text: t, sourceFile: "x.txt", sha256: "0" });

describe("a 部门决算", () => {
  it("reads the 收入支出决算总表, the 合计 rows, 人员/公用经费合计, the 三公 row and the 情况说明", () => {
    const r = run(text);
    expect(r.report).toMatchObject({ report_id: "430682-2024-kjgyxxhj-js", unit_id: "430682-kjgyxxhj", report_kind: "final_accounts", fiscal_year: 2024 });
    const v = Object.fromEntries(r.facts.map((f) => [`${f.metric}/${f.basis}`, [f.value, f.source_line]]));
    expect(v).toEqual({
      "income_general_budget/actual": [902.59, 18],
      "income_fiscal/actual": [902.59, 154],
      "income_other/actual": [43.58, 53],
      "income_total/actual": [946.17, 58],
      "carryover_begin/actual": [0, 63],
      "grand_total/actual": [946.17, 68],
      "spend_fn_206/actual": [612.4, 25],
      "spend_fn_215/actual": [205.31, 30],
      "spend_fn_208/actual": [82.16, 35],
      "spend_fn_210/actual": [23.1, 40],
      "spend_fn_221/actual": [23.2, 45],
      "spend_total/actual": [946.17, 60],
      "carryover_end/actual": [0, 65],
      "spend_basic/actual": [532.95, 85],
      "spend_project/actual": [413.22, 86],
      "spend_personnel/actual": [443.37, 109],
      "spend_public/actual": [89.58, 111],
      "sangong_total/budget": [6, 138],
      "sangong_total/actual": [4.58, 139],
      "sangong_abroad/budget": [0, 140],
      "sangong_abroad/actual": [0, 141],
      "sangong_vehicle/budget": [0, 142],
      "sangong_vehicle/actual": [0, 143],
      "sangong_vehicle_purchase/budget": [0, 144],
      "sangong_vehicle_purchase/actual": [0, 145],
      "sangong_vehicle_operation/budget": [0, 146],
      "sangong_vehicle_operation/actual": [0, 147],
      "sangong_reception/budget": [6, 148],
      "sangong_reception/actual": [4.58, 149],
      "operating_costs/actual": [89.58, 158],
      "procurement/actual": [35.2, 158],
      "vehicles/actual": [0, 158],
    });
    // Its parts add up (支出合计 = 基本 + 项目 = the function classes; 基本 = 人员 + 公用) and its prose agrees.
    expect(r.checks).toEqual([]);
  });

  it("checks its function classes against 本年支出合计, and its prose against its tables", () => {
    const changed = text.replace("\t612.40", "\t621.40").replace("公务接待费支出决算为4.58万元", "公务接待费支出决算为4.85万元");
    const rules = run(changed).checks.map((c) => [c.rule, c.metrics.split(",")[0], c.source_line]);
    expect(rules).toEqual([["value_conflict", "sangong_reception", 156], ["function_classes_sum", "spend_total", 60]]);
  });

  it("an empty 三公 table under a note that the department had none is 0 in each of its twelve cells", () => {
    const empty = text.replace(/\t6\.00\n\t4\.58\n(\t\n){8}\t6\.00\n\t4\.58\n/, "").replace("“三公”经费财政拨款支出年初预算为", "本部门2024年度无“三公”经费财政拨款支出。“三公”经费财政拨款支出年初预算为");
    const sangong = run(empty).facts.filter((f) => f.metric.startsWith("sangong_") && f.source_line !== 156);
    expect(sangong.map((f) => f.value)).toEqual(Array(12).fill(0));
    expect(new Set(sangong.map((f) => f.source_line)).size).toBe(1);
  });

  it("reads the tables under other counties' titles (公开表1, a year or the department before the table's name)", () => {
    const retitled = text
      .replace("\n收入支出决算总表\n", "\n公开表1 临湘市科技和工业信息化局收入支出决算总表\n")
      .replace("\n支出决算表\n", "\n附表3：2024年度支出决算表\n")
      .replace("\n一般公共预算财政拨款基本支出决算表\n", "\n表六 2024年度一般公共预算财政拨款基本支出决算表\n");
    const same = (t: string) => run(t).facts.map((f) => [f.metric, f.basis, f.value]).sort();
    expect(same(retitled)).toEqual(same(text));
  });

  it("a 三公 row that does not fit its header is refused with a check, never guessed", () => {
    const short = text.replace("\t公务接待费\n", "\n");
    const r = run(short);
    expect(r.checks.find((c) => c.rule === "row_misaligned")?.message).toMatch(/^三公经费表（第\d+行）表头有5类、12列预算数\/决算数，对不上，未采用。$/);
  });
});

describe("a 部门预算", () => {
  it("reads the same template's tables as the year's budget", () => {
    const t = (rows: string[][]) => rows.map((r) => r.map((c) => `\t${c}`).join("\n")).join("\n\n") + "\n\n\n";
    const text = [
      "临湘市科技和工业信息化局",
      "2025年度部门预算",
      "部门收支总表",
      "单位：万元",
      t([["收入", "支出"], ["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款收入", "900.00", "一、科学技术支出", "600.00"], ["二、其他收入", "20.00", "二、资源勘探工业信息等支出", "320.00"], ["本年收入合计", "920.00", "本年支出合计", "920.00"]]),
      "部门支出总表",
      "单位：万元",
      t([["科目名称", "合计", "基本支出", "项目支出"], ["合计", "920.00", "520.00", "400.00"]]),
      "“三公”经费支出预算表",
      "单位：万元",
      t([["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"], ["小计", "公务用车购置费", "公务用车运行费"], ["5.00", "", "2.00", "", "2.00", "3.00"]]),
    ].join("\n");
    const r = run(text);
    expect(r.report).toMatchObject({ report_id: "430682-2025-kjgyxxhj-ys", report_kind: "budget", fiscal_year: 2025 });
    const v = Object.fromEntries(r.facts.map((f) => [`${f.metric}/${f.basis}`, f.value]));
    expect(v).toEqual({
      "income_general_budget/budget": 900,
      "income_other/budget": 20,
      "income_total/budget": 920,
      "spend_fn_206/budget": 600,
      "spend_fn_215/budget": 320,
      "spend_total/budget": 920,
      "spend_basic/budget": 520,
      "spend_project/budget": 400,
      "sangong_total/budget": 5,
      "sangong_abroad/budget": 0,
      "sangong_vehicle/budget": 2,
      "sangong_vehicle_purchase/budget": 0,
      "sangong_vehicle_operation/budget": 2,
      "sangong_reception/budget": 3,
    });
  });
});
