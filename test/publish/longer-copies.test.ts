/**
 * Issue 15 §3: a copy is never better for being longer. A block printed twice, NUL bytes and a number no report
 * prints are damage; only a copy flagged possibly_truncated loses for being shorter.
 */
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";
import { longNumberLines, maskLongNumbers } from "../../src/publish/damaged-bytes.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import { publish } from "../../src/publish/publish.ts";
import { readText } from "../../src/readers/text.ts";
import { copyTree, tempDir } from "./helpers.ts";

const SEED = "2024/洪江市-工业和信息化局.txt";

describe("longer copies", () => {
  it("a block of lines printed twice is a repeated_block check; a form's cell repeating its prose is not", async () => {
    const text = await readFile(join("data/reports", SEED), "utf8");
    const lines = text.split("\n");
    const doubled = [...lines.slice(0, 30), ...lines.slice(10, 30), ...lines.slice(30)].join("\n");
    const checks = extractReport({ text: doubled, sourceFile: SEED, sha256: "0" }).checks.filter((c) => c.rule === "repeated_block");
    expect(checks.map((c) => c.source_line)).toEqual([expect.any(Number)]);
    expect(checks[0]!.message).toMatch(/^第\d+–\d+行的 \d+ 行与第\d+行起的内容逐字相同/);
    // 吉首's form holds its 年度主要工作内容 in cells and its prose says them again: no check.
    const jishou = await readFile("data/reports/2022/吉首市-科技和工业信息化局.txt", "utf8");
    expect(extractReport({ text: jishou, sourceFile: "j.txt", sha256: "0" }).checks.filter((c) => c.rule === "repeated_block")).toEqual([]);
  });

  it("NUL and other control characters are damage: marked, their lines listed", () => {
    const body = "本部门认真履行职责，加强预算管理，提高资金使用效益。".repeat(10);
    const doc = readText(new TextEncoder().encode(`2024年度醴陵市水利局部门整体支出绩效自评报告\n基本支出12\u0000.5万元。\n${body}\n`), "x.txt");
    expect(doc.text).toContain("基本支出12\uFFFD.5万元");
    expect(doc.damagedLines).toEqual([2]);
  });

  it("a number of more than 15 significant digits is a damaged line and never a value; an identifier after its label is none", () => {
    const text = `一、概况\n编号：${"7".repeat(400)}\n统一社会信用代码114331010066942188，支出合计1234567890123456789万元。\n`;
    expect(longNumberLines(text)).toEqual([2, 3]);
    const masked = maskLongNumbers(text);
    expect(masked).toContain("统一社会信用代码114331010066942188");
    expect(masked).not.toContain("7777");
    expect(masked).toContain(`支出合计${"\uFFFD".repeat(19)}万元`);
    expect(masked.length).toBe(text.length);
  });

  it("beside its seed, a copy longer by a repeated block or a junk line loses; the seed is published", async () => {
    const root = await tempDir();
    await copyTree("data/reports/2024/洪江市-工业和信息化局.txt", join(root, "in", SEED));
    const text = await readFile(join("data/reports", SEED), "utf8");
    const lines = text.split("\n");
    await mkdir(join(root, "in/0"), { recursive: true });
    await writeFile(join(root, "in/0/repeated.txt"), [...lines.slice(0, 30), ...lines.slice(10, 30), ...lines.slice(30)].join("\n"));
    await writeFile(join(root, "in/0/junk.txt"), text.replace("\n", `\n${"9".repeat(400)}\n`));
    const result = await publish({ inDir: join(root, "in"), outDir: join(root, "out"), keepGoing: true });
    const manifest = JSON.parse(await readFile(join(root, "out", "manifest.json"), "utf8")) as Manifest;
    expect(manifest.inputs.filter((i) => i.status === "published").map((i) => i.source_file)).toEqual([SEED]);
    expect(result.duplicates.map((d) => d.message.replace(/^.*?），/, ""))).toEqual([
      `含损坏字节的行 1 行对 0 行；发布的是 ${SEED}`,
      `重复印出的段落 1 处对 0 处；发布的是 ${SEED}`,
    ]);
  });
});
