import { describe, expect, test } from "vitest";
import { chooseDuplicates, duplicateCheck, duplicateFailure, type Claim } from "../../src/publish/duplicates.ts";

const ID = "430682-2024-kjgyxxhj";
const claim = (sourceFile: string, over: Partial<Omit<Claim, "soundness">> & { soundness?: Partial<Claim["soundness"]> } = {}): Claim => ({
  sourceFile,
  reportId: ID,
  format: "txt",
  encoding: "utf-8",
  sha256: "a".repeat(64),
  ...over,
  soundness: { partsFound: 5, damagedLines: 0, repeatedBlocks: 0, errorChecks: 1, rows: 100, truncated: false, chars: 9000, ...over.soundness },
});
/** [loser, winner, reason] of each loss. */
const losses = (claims: Claim[]) => chooseDuplicates(claims).losses.map((l) => [l.loser, l.winner, l.reason]);

describe("chooseDuplicates", () => {
  test("one claim per report: it wins, nothing is lost", () => {
    const result = chooseDuplicates([claim("a.txt"), claim("b.txt", { reportId: "other" })]);
    expect([...result.winners]).toEqual([[ID, "a.txt"], ["other", "b.txt"]]);
    expect(result.losses).toEqual([]);
  });

  test("more layout parts recognised wins, whatever the paths", () => {
    expect(losses([claim("0/damaged.txt", { soundness: { partsFound: 3, rows: 500 } }), claim("2024/x.docx", { format: "docx", encoding: null, soundness: { partsFound: 7 } })])).toEqual([
      ["0/damaged.txt", "2024/x.docx", "识别版式部分 3 个对 7 个"],
    ]);
  });

  test("then fewer damaged lines, then fewer repeated blocks, then more rows, then fewer error checks", () => {
    expect(losses([claim("a.txt", { soundness: { repeatedBlocks: 1, rows: 120 } }), claim("b.txt", { sha256: "f".repeat(64) })])).toEqual([["a.txt", "b.txt", "重复印出的段落 1 处对 0 处"]]);
    expect(losses([claim("a.txt", { soundness: { damagedLines: 2, rows: 200 } }), claim("b.txt", { sha256: "f".repeat(64) })])).toEqual([["a.txt", "b.txt", "含损坏字节的行 2 行对 0 行"]]);
    // A copy that lost lines lost the figures that disagreed too: fewer errors, but fewer rows.
    expect(losses([claim("a.txt", { soundness: { rows: 99, errorChecks: 0 } }), claim("b.txt")])).toEqual([["a.txt", "b.txt", "数据行 99 行对 100 行"]]);
    expect(losses([claim("a.txt", { soundness: { errorChecks: 3 } }), claim("b.txt")])).toEqual([["a.txt", "b.txt", "错误级检查 3 条对 1 条"]]);
  });

  test("equal tables: the Word original over its PDF over a text; then UTF-8 over a re-encoded copy; then the longer text; then the hash", () => {
    expect(losses([claim("r.pdf", { format: "pdf", encoding: null }), claim("r.docx", { format: "docx", encoding: null }), claim("r.txt")])).toEqual([
      ["r.pdf", "r.docx", "内容相当，.docx 优先于 .pdf"],
      ["r.txt", "r.docx", "内容相当，.docx 优先于 .txt"],
    ]);
    expect(losses([claim("a.txt", { encoding: "utf-16le", sha256: "0".repeat(64) }), claim("b.txt")])).toEqual([["a.txt", "b.txt", "内容相当，UTF-8 编码优先于 UTF-16LE"]]);
    // A longer text wins only over a copy flagged as cut off; of two cut-off copies, the longer.
    expect(losses([claim("a.txt", { sha256: "0".repeat(64), soundness: { chars: 8000, truncated: true } }), claim("b.txt", { soundness: { chars: 7000 } })])).toEqual([
      ["a.txt", "b.txt", "表格相同，此文件疑似不完整（possibly_truncated），另一文件完整"],
    ]);
    expect(losses([claim("a.txt", { sha256: "0".repeat(64), soundness: { chars: 8000, truncated: true } }), claim("b.txt", { soundness: { truncated: true } })])).toEqual([
      ["a.txt", "b.txt", "表格相同，两者均疑似不完整，文本 8000 字符对 9000 字符"],
    ]);
    // Neither cut off: being longer decides nothing (a repeated block, a junk line); the hash does.
    expect(losses([claim("a.txt", { sha256: "b".repeat(64), soundness: { chars: 9900 } }), claim("b.txt", { sha256: "a".repeat(64) })])).toEqual([["a.txt", "b.txt", "内容相当，按 SHA-256 取其一"]]);
    expect(losses([claim("a.txt", { sha256: "b".repeat(64) }), claim("b.txt", { sha256: "a".repeat(64) })])).toEqual([["a.txt", "b.txt", "内容相当，按 SHA-256 取其一"]]);
  });

  test("byte-identical files: the same tables either way, the first path in code-unit order is kept", () => {
    expect(losses([claim("z/copy.txt"), claim("2024/x.txt")])).toEqual([["z/copy.txt", "2024/x.txt", "两个文件字节完全相同"]]);
  });

  test("the decision does not depend on the order of the claims", () => {
    const claims = [claim("a.txt", { soundness: { rows: 90 } }), claim("b.pdf", { format: "pdf", encoding: null }), claim("c.txt", { soundness: { partsFound: 4 } })];
    const forward = chooseDuplicates(claims);
    const backward = chooseDuplicates([...claims].reverse());
    expect(backward.losses).toEqual(forward.losses);
    expect(forward.winners.get(ID)).toBe("b.pdf");
    expect(forward.losses.map((l) => l.loser)).toEqual(["a.txt", "c.txt"]);
  });
});

describe("a lost duplicate in the manifest and in the winner's checks", () => {
  const loss = { reportId: ID, loser: "下载/x.txt", winner: "2024/x.docx", reason: "识别版式部分 5 个对 7 个" };

  test("the failure names both files and why", () => {
    expect(duplicateFailure(loss)).toEqual({
      file: "下载/x.txt",
      line: null,
      expected: "a report that no other input also holds",
      found: `the same report (${ID}) as 2024/x.docx, which was published`,
      message: `下载/x.txt: 与 2024/x.docx 为同一报告（${ID}），识别版式部分 5 个对 7 个；发布的是 2024/x.docx`,
    });
  });

  test("the check is an info row naming the other file", () => {
    expect(duplicateCheck(loss)).toEqual({
      report_id: ID, rule: "duplicate_input", severity: "info", metrics: "source_file",
      message: "另一文件 下载/x.txt 也是本报告，未采用（识别版式部分 5 个对 7 个）", source_line: null,
    });
  });
});
