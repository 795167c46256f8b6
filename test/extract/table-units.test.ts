/**
 * Tables that state their money unit: other counties print the same tables in 元 ("年度收入情况（元）", "经费控制情况（元）",
 * a caption line "单位：元"). A seed rebuilt so, every amount of the table printed in 元, must publish the seed's facts,
 * projects and checks, plus one unit_converted check per table naming the line that states the unit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";
import { tableUnit, toWan, unitIn } from "../../src/extract/money-unit.ts";
import { toCells, toLines } from "../../src/extract/lines.ts";
import { REPORTS_DIR, seed } from "../helpers/seeds.ts";

/** "946.17" → "9461700": the amount in 元, by moving the decimal point (no float arithmetic). */
function inYuan(amount: string): string {
  const [int = "", frac = ""] = amount.split(".");
  const digits = `${int}${frac.padEnd(4, "0").slice(0, 4)}`.replace(/^0+(?=\d)/, "");
  return frac.length > 4 ? `${digits}.${frac.slice(4)}` : digits;
}

const AMOUNT_CELL = /^(\t[ \u3000]*)(\d+(?:\.\d+)?)([ \u3000]*)$/;

/** The seed's lines [from, to) (1-based, first matching line of each pattern) with every amount cell in 元. */
function amountsInYuan(text: string, from: RegExp, to: RegExp): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => from.test(l));
  const end = lines.findIndex((l, i) => i > start && to.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return lines.map((l, i) => (i >= start && i < end ? l.replace(AMOUNT_CELL, (_, a: string, n: string, b: string) => `${a}${inYuan(n)}${b}`) : l)).join("\n");
}

const read = (relative: string) => readFileSync(join(REPORTS_DIR, relative), "utf8");
const lineOf = (text: string, pattern: RegExp) => text.split("\n").findIndex((l) => pattern.test(l)) + 1;
const extract = (relative: string, text: string) => extractReport({ text, sourceFile: relative, sha256: seed(relative).report.source_sha256 });
const checkRows = (r: ReturnType<typeof extractReport>) => r.checks.map((c) => [c.rule, c.severity, c.metrics, c.source_line, c.message]);

/** Every table's rows as the seed's, and its checks but for the unit_converted ones the conversion adds. */
function expectSeedRows(got: ReturnType<typeof extractReport>, plain: ReturnType<typeof extractReport>): void {
  expect(got.facts).toEqual(plain.facts);
  expect(got.projects).toEqual(plain.projects);
  expect(got.indicators).toEqual(plain.indicators);
  expect(got.report).toEqual(plain.report);
  expect(checkRows({ ...got, checks: got.checks.filter((c) => c.rule !== "unit_converted") })).toEqual(checkRows(plain));
}

describe("unitIn", () => {
  it.each([
    ["年度收入情况（万元）", "万元"],
    ["经费控制情况(元)", "元"],
    ["年度预算申请（万元）", "万元"],
    ["（单位：元）", "元"],
    ["金额单位：千元", "千元"],
    ["单位：万元", "万元"],
    ["表1 部门整体支出绩效自评表（单位:亿元）", "亿元"],
  ])("%s → %s", (text, unit) => expect(unitIn(text)).toBe(unit));
  it.each(["单位：个", "人均经费（元/人）", "项目支出120万元（含结转）", "万元以上项目", "预算部门名称"])("%s states no money unit", (text) => expect(unitIn(text)).toBeNull());
});

describe("toWan", () => {
  it("converts without float noise", () => {
    expect(toWan(9461700, "元")).toBe(946.17);
    expect(toWan(5329530, "元")).toBe(532.953);
    expect(toWan(5329500.12, "元")).toBe(532.950012);
    expect(toWan(9461.7, "千元")).toBe(946.17);
    expect(toWan(1.5, "亿元")).toBe(15000);
    expect(toWan(946.17, "万元")).toBe(946.17);
  });
});

describe("tableUnit", () => {
  it("finds a caption line above the table, and stops at another table's cells", () => {
    const lines = toLines("正文。\n单位：元\n\n\t机构名称\n\t收入合计\n\n\t汇总\n\t12\n");
    const ctx = { file: "t.txt", lines, cells: toCells(lines), prose: [], fiscalYear: 2024, kind: "overall" as const };
    expect(tableUnit(ctx, 0, 2)).toEqual({ unit: "元", line: 2 });
    const adjacent = toLines("单位：元\n\n\t上表\n\t12\n\n\t机构名称\n\t收入合计\n");
    expect(tableUnit({ ...ctx, lines: adjacent, cells: toCells(adjacent) }, 2, 4)).toBeNull();
  });
});

describe("a seed's tables printed in 元 read as the seed", () => {
  it("临湘: the 收支 form's titles say （元）; the 三公 table, which has no title, takes the form's unit", () => {
    const relative = "2024/临湘市-科技和工业信息化局.txt";
    const text = amountsInYuan(read(relative).replaceAll("情况（万元）", "情况（元）"), /^\t年度收入情况/, /^\t三、部门/);
    expect(text).toContain("\t9461700\n");
    const got = extract(relative, text);
    expectSeedRows(got, seed(relative));
    const converted = got.checks.filter((c) => c.rule === "unit_converted");
    const income = lineOf(text, /^\t年度收入情况（元）/);
    const spending = lineOf(text, /^\t部门（单位）年度支出和结余情况（元）/);
    expect(converted.map((c) => [c.severity, c.source_line, c.metrics])).toEqual([
      ["info", income, "income_total,income_carryover,income_other"],
      ["info", spending, "spend_total,spend_basic,spend_personnel,spend_public,spend_project"],
      ["info", spending, "sangong_total,sangong_reception,sangong_vehicle_operation,sangong_vehicle_purchase,sangong_abroad"],
    ]);
    expect(converted.map((c) => c.message)).toEqual([
      `年度收入表金额按第${income}行注明的单位（元）读取，已除以10000，按万元发布。`,
      `年度支出表金额按第${spending}行注明的单位（元）读取，已除以10000，按万元发布。`,
      `三公经费表金额按第${spending}行注明的单位（元）读取，已除以10000，按万元发布。`,
    ]);
  });

  it("临湘: the unit in the header cells (收入合计（元）) rather than the titles", () => {
    const relative = "2024/临湘市-科技和工业信息化局.txt";
    const headers = read(relative).replaceAll("情况（万元）", "情况").replace("\t收入合计\n", "\t收入合计（元）\n").replace("\t支出合计\n", "\t支出合计（元）\n");
    const text = amountsInYuan(headers, /^\t年度收入情况/, /^\t三、部门/);
    const plain = seed(relative);
    const got = extract(relative, text);
    expect(got.facts).toEqual(plain.facts);
    const income = lineOf(text, /^\t收入合计（元）/);
    const spending = lineOf(text, /^\t支出合计（元）/);
    expect(got.checks.filter((c) => c.rule === "unit_converted").map((c) => c.source_line)).toEqual([income, spending, spending]);
  });

  it("岳阳: 经费控制情况（元） in the 基础数据表", () => {
    const relative = "2024/岳阳市-科学技术局.txt";
    const text = amountsInYuan(read(relative).replace("\t经费控制情况（万元）", "\t经费控制情况（元）"), /^\t经费控制情况/, /^\t(楼堂馆所|厉行节约|说明)/);
    expect(text).toContain("\t4112800　\n");
    const got = extract(relative, text);
    expectSeedRows(got, seed(relative));
    const converted = got.checks.filter((c) => c.rule === "unit_converted");
    const unitLine = lineOf(text, /^\t经费控制情况（元）/);
    expect(converted.map((c) => [c.source_line, c.message])).toEqual([[unitLine, `经费控制情况表金额按第${unitLine}行注明的单位（元）读取，已除以10000，按万元发布。`]]);
  });

  it("岳阳: a caption line 单位：元 above an unannotated 经费控制情况 table", () => {
    const relative = "2024/岳阳市-科学技术局.txt";
    const captioned = read(relative).replace("\n\t经费控制情况（万元）", "\n\n单位：元\n\t经费控制情况");
    const text = amountsInYuan(captioned, /^\t经费控制情况/, /^\t(楼堂馆所|厉行节约|说明)/);
    const got = extract(relative, text);
    const plain = seed(relative);
    // Two lines more than the seed from the caption on: compare values and metrics, not lines.
    const values = (r: ReturnType<typeof extractReport>) => r.facts.map((f) => [f.metric, f.basis, f.year, f.value]);
    expect(values(got)).toEqual(values(plain));
    expect(got.checks.filter((c) => c.rule === "unit_converted").map((c) => c.source_line)).toEqual([lineOf(text, /^单位：元$/)]);
  });

  it("洪江: the 自评表's 年度预算申请（元） converts the funds row and its breakdown, not 分值, 执行率 or 得分", () => {
    const relative = "2024/洪江市-工业和信息化局.txt";
    const funds = read(relative)
      .replace("\t年度预\n算申请\n（万元）", "\t年度预\n算申请\n（元）")
      .replace("\t年度资金总额\n\t347.73\n\t813.27\n\t742.56\n", "\t年度资金总额\n\t3477300\n\t8132700\n\t7425600\n");
    const lines = funds.split("\n");
    const from = lines.findIndex((l) => l === "\t年度资金总额");
    const to = lines.findIndex((l, i) => i > from && /三级指标/.test(l));
    const text = lines.map((l, i) => (i > from && i < to ? l.replace(/([:：])(\d+(?:\.\d+)?)$/, (_, colon: string, n: string) => `${colon}${inYuan(n)}`) : l)).join("\n");
    expect(text).toContain("\t按收入性质分：3477300\n");
    const got = extract(relative, text);
    expectSeedRows(got, seed(relative));
    // The statement is a cell of three lines (年度预 / 算申请 / （元）): its line is the cell's first.
    const unitLine = lineOf(text, /^\t年度预$/);
    expect(got.checks.filter((c) => c.rule === "unit_converted").map((c) => [c.source_line, c.metrics])).toEqual([[unitLine, "budget_initial,budget_final,budget_executed,spend_total"]]);
  });
});
