// Texts that stop inside a table, a sentence or right after a part's title are flagged as possibly truncated.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";
import { REPORTS_DIR, seed } from "../helpers/seeds.ts";

const SEEDS = ["2022/吉首市-科技和工业信息化局.txt", "2023/沅江市-科学技术和工业信息化局.txt", "2024/临湘市-科技和工业信息化局.txt", "2024/岳阳市-科学技术局.txt", "2024/洪江市-工业和信息化局.txt"];

/** The seed's first `last` lines, the last one cut to `chars` characters when given. */
function cut(file: string, last: number, chars?: number): string {
  const lines = readFileSync(join(REPORTS_DIR, file), "utf8").split(/\r?\n/).slice(0, last);
  if (chars !== undefined) lines[last - 1] = (lines[last - 1] ?? "").slice(0, chars);
  return lines.join("\n");
}
const flagged = (file: string, last: number, chars?: number) =>
  extractReport({ text: cut(file, last, chars), sourceFile: file, sha256: "0" })
    .checks.filter((c) => c.rule === "possibly_truncated")
    .map((c) => [c.severity, c.message, c.source_line]);

describe("possibly_truncated", () => {
  it("flags none of the five seeds: each ends in a full sentence, a short answer (无) or a 总分 row", () => {
    for (const file of SEEDS) expect(seed(file).checks.filter((c) => c.rule === "possibly_truncated"), file).toEqual([]);
  });

  it("a text that stops inside a table (临湘 支出 table after 1、局机关's 532.953; 岳阳 基础数据表 project rows)", () => {
    expect(flagged(SEEDS[2]!, 125)).toEqual([["warning", "文本在表格中间结束（第125行）", 125]]);
    expect(flagged(SEEDS[3]!, 147)).toEqual([["warning", "文本在表格中间结束（第147行）", 147]]);
  });

  it("a text that stops after a 自评表's 总分 row is not flagged (洪江 before its project sheet)", () => {
    expect(flagged(SEEDS[4]!, 455)).toEqual([]);
  });

  it("a text that stops in the middle of a sentence, in a paragraph or in a form's prose cell (临湘)", () => {
    expect(flagged(SEEDS[0]!, 636, 40)).toEqual([["warning", "文本在句子中间结束（第636行）", 636]]);
    expect(flagged(SEEDS[1]!, 17, 25)).toEqual([["warning", "文本在句子中间结束（第17行）", 17]]);
    expect(flagged(SEEDS[2]!, 461, 30)).toEqual([["warning", "文本在句子中间结束（第461行）", 461]]);
  });

  it("a text that stops right after a sheet title or a section heading", () => {
    expect(flagged(SEEDS[3]!, 233)).toEqual([["warning", "附件2 2024年度部门整体支出绩效自评表 标题之后没有内容（第233行）", 233]]);
    expect(flagged(SEEDS[3]!, 407)).toEqual([["warning", "附件3 2024年度项目支出绩效自评表 标题之后没有内容（第407行）", 407]]);
    expect(flagged(SEEDS[4]!, 220)).toEqual([["warning", "部门整体支出绩效自评表 标题之后没有内容（第220行）", 220]]);
    expect(flagged(SEEDS[0]!, 639)).toEqual([["warning", "十一、其他需要说明的问题 标题之后没有内容（第639行）", 639]]);
  });

  it("a text that stops inside the last 自评表's indicator grid publishes the rows it prints, flagged", () => {
    expect(flagged(SEEDS[4]!, 300)).toEqual([["warning", "文本在表格中间结束（第299行）", 299]]);
    const whole = seed(SEEDS[4]!).indicators.filter((i) => i.source_line <= 300);
    const read = extractReport({ text: cut(SEEDS[4]!, 300), sourceFile: SEEDS[4]!, sha256: "0" }).indicators;
    // Every indicator whose row ends before the cut is published as in the whole text.
    expect(read.map((i) => i.name)).toEqual(whole.filter((i) => (i.score_line ?? i.source_line) <= 300).map((i) => i.name));
  });

  it("a copy marked as cut off ([…]) or as starting in the middle is flagged at the mark", () => {
    const text = `${cut(SEEDS[4]!, 40)}\n[…]\n`;
    expect(extractReport({ text, sourceFile: "x.txt", sha256: "0" }).checks.filter((c) => c.rule === "possibly_truncated").map((c) => c.source_line)).toEqual([41]);
    const late = `[…]\n${readFileSync(join(REPORTS_DIR, SEEDS[4]!), "utf8")}`;
    expect(extractReport({ text: late, sourceFile: "x.txt", sha256: "0" }).checks.filter((c) => c.rule === "possibly_truncated").map((c) => c.message)).toEqual(["文本从第1行“[…]”处开始：原文此前的内容缺失"]);
  });
});
