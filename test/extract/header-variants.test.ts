/**
 * The 绩效自评表 templates of other provinces and years print the same columns with annotations: the national
 * 项目支出绩效自评表 has 全年预算数（A）, 全年执行数（B）, 执行率（B/A）; others add units, 分值（分）, 年度资金总额（万元）.
 * A seed with its headers so annotated must read exactly as the seed.
 */
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPORTS_DIR, seed } from "../helpers/seeds.ts";

const ANNOTATED: [string, string][] = [
  ["全年预算数", "全年预算数（A）"],
  ["全年执行数", "全年执行数（B）"],
  ["执行率", "执行率（B/A）"],
  ["年初预算数", "年初预算数（万元）"],
  ["分值", "分值（分）"],
  ["得分", "得分（分）"],
  ["年度资金总额", "年度资金总额（万元）"],
];

/** The seed text with each header cell annotated: a whole tab-started line, or a cell's continuation line (洪江's 全年 / 执行数). */
function annotated(relative: string): string {
  let text = readFileSync(join(REPORTS_DIR, relative), "utf8");
  for (const [plain, note] of ANNOTATED) text = text.replace(new RegExp(`^\\t${plain}[ \\u3000]*$`, "gm"), `\t${note}`);
  return text.replace(/^(\t(?:全年|年初)\n)(预算数|执行数)$/gm, (_, first: string, rest: string) => `${first}${rest}（万元）`);
}

const rowsOf = (r: ReturnType<typeof extractReport>) => ({ facts: r.facts, indicators: r.indicators, projects: r.projects, checks: r.checks.map((c) => [c.rule, c.severity, c.metrics, c.source_line]) });

describe("绩效自评表 headers with annotations read as the plain headers", () => {
  it.each(["2024/岳阳市-科学技术局.txt", "2024/洪江市-工业和信息化局.txt"])("%s", (relative) => {
    const text = annotated(relative);
    expect(text).toContain("\t执行率（B/A）\n");
    expect(text).toContain("\t分值（分）\n");
    const plain = seed(relative);
    const read = extractReport({ text, sourceFile: relative, sha256: plain.report.source_sha256 });
    expect(rowsOf(read)).toEqual(rowsOf(plain));
    expect(read.report).toEqual(plain.report);
  });
});
