import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { decodeReport, listCorpus, readCorpusFile } from "../../src/publish/read-corpus.ts";
import { FIXTURES, SEEDS, tempDir } from "./helpers.ts";

const YUANJIANG = "2023/沅江市-科学技术和工业信息化局.txt";

describe("listCorpus", () => {
  test("finds *.txt recursively, relative with forward slashes, in code-unit order", async () => {
    const dir = await tempDir();
    for (const f of ["b/2.txt", "a/z/1.txt", "a/10.txt", "B.txt", "notes.md", "a/x.TXT"]) {
      await mkdir(join(dir, f, ".."), { recursive: true });
      await writeFile(join(dir, f), "x");
    }
    expect(await listCorpus(dir)).toEqual(["B.txt", "a/10.txt", "a/x.TXT", "a/z/1.txt", "b/2.txt"]);
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
});

describe("decodeReport", () => {
  test("UTF-8 with a BOM: BOM stripped", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("2024年度")]);
    expect(decodeReport(bytes)).toEqual({ encoding: "utf-8", text: "2024年度" });
  });

  test("GB18030 bytes decode to exactly the UTF-8 twin's text", async () => {
    const gb = decodeReport(await readFile(join(FIXTURES, "gb18030", YUANJIANG)));
    const utf8 = await readFile(join(SEEDS, YUANJIANG), "utf8");
    expect(gb?.encoding).toBe("gb18030");
    expect(gb?.text).toBe(utf8);
  });

  test("UTF-8 cut inside its last character stays UTF-8, with U+FFFD marking the cut", async () => {
    const decoded = decodeReport(await readFile(join(FIXTURES, "bad", "truncated.txt")));
    expect(decoded?.encoding).toBe("utf-8");
    expect(decoded?.text.startsWith("附件2\n\n临湘市2024年度部门")).toBe(true);
    expect(decoded?.text.endsWith("\uFFFD")).toBe(true);
  });

  test("bytes that are neither UTF-8 nor GB18030 give null", async () => {
    expect(decodeReport(await readFile(join(FIXTURES, "bad", "binary.txt")))).toBeNull();
  });

  test("an empty file is empty UTF-8 text", () => {
    expect(decodeReport(new Uint8Array())).toEqual({ encoding: "utf-8", text: "" });
  });
});
