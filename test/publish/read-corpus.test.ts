import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { listCorpus, readCorpusFile } from "../../src/publish/read-corpus.ts";
import { FIXTURES, SEEDS, tempDir } from "./helpers.ts";

const YUANJIANG = "2023/沅江市-科学技术和工业信息化局.txt";

describe("listCorpus", () => {
  test("finds .txt, .docx, .doc and .pdf in any case, recursively, relative with forward slashes, in code-unit order", async () => {
    const dir = await tempDir();
    for (const f of ["b/2.txt", "a/z/1.docx", "a/10.pdf", "B.DOC", "notes.md", "a/x.TXT", "a/y.docx.bak", "c/report.Pdf"]) {
      await mkdir(join(dir, f, ".."), { recursive: true });
      await writeFile(join(dir, f), "x");
    }
    expect(await listCorpus(dir)).toEqual(["B.DOC", "a/10.pdf", "a/x.TXT", "a/z/1.docx", "b/2.txt", "c/report.Pdf"]);
  });

  test("lists the five seeds", async () => {
    expect(await listCorpus(SEEDS)).toEqual([
      "2022/吉首市-科技和工业信息化局.txt",
      YUANJIANG,
      "2024/临湘市-科技和工业信息化局.txt",
      "2024/岳阳市-科学技术局.txt",
      "2024/洪江市-工业和信息化局.txt",
    ]);
  });
});

describe("readCorpusFile", () => {
  test("hashes the bytes as stored", async () => {
    const file = readCorpusFile(FIXTURES + "/gb18030", YUANJIANG);
    const bytes = await readFile(join(FIXTURES, "gb18030", YUANJIANG));
    expect(file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(file.sourceFile).toBe(YUANJIANG);
  });

  test("hands readers a plain Uint8Array, not a Buffer (pdf.js refuses Buffers)", () => {
    const file = readCorpusFile(FIXTURES + "/gb18030", YUANJIANG);
    expect(Buffer.isBuffer(file.bytes)).toBe(false);
    expect(file.bytes).toBeInstanceOf(Uint8Array);
  });
});
