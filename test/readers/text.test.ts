import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ParseError } from "../../src/extract/errors.ts";
import { damagedLinesOf, decodeText, readText } from "../../src/readers/text.ts";

const FIXTURES = "test/fixtures";
const SEEDS = "data/reports";
const YUANJIANG = "2023/沅江市-科学技术和工业信息化局.txt";
const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, order: "le" | "be", bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i + (order === "le" ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === "le" ? 1 : 0)] = u >> 8;
  });
  return out;
}

function thrown(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
}

describe("decodeText", () => {
  test("UTF-8 with a BOM: BOM stripped", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("2024年度")]))).toEqual({ encoding: "utf-8", text: "2024年度", marks: 0, damage: 0, foreign: 0 });
  });

  test("GB18030 bytes decode to exactly the UTF-8 twin's text", async () => {
    const gb = decodeText(await readFile(join(FIXTURES, "gb18030", YUANJIANG)));
    expect(gb.encoding).toBe("gb18030");
    expect(gb.text).toBe(await readFile(join(SEEDS, YUANJIANG), "utf8"));
  });

  test("UTF-8 cut inside its last character stays UTF-8, with U+FFFD marking the cut", async () => {
    const decoded = decodeText(await readFile(join(FIXTURES, "bad", "truncated.txt")));
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text.startsWith("附件2\n\n临湘市2024年度部门")).toBe(true);
    expect(decoded.text.endsWith("\uFFFD")).toBe(true);
    expect(decoded.marks).toBe(1);
  });

  test("a flipped byte in UTF-8 is one mark, not a reason to read the file as GB18030", () => {
    const bytes = utf8("支出合计946.17万元\n基本支出532.95万元\n");
    bytes[3] = 0xff; // the first byte of 出
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("utf-8");
    // The lead byte and its two continuation bytes are each undecodable.
    expect(decoded.text).toBe("支\uFFFD\uFFFD\uFFFD合计946.17万元\n基本支出532.95万元\n");
    expect(decoded.marks).toBe(3);
  });

  test("UTF-16LE and BE, with a BOM or told by their NULs, decode to the text", () => {
    const text = "2024年度部门整体支出\n\t532.95\n";
    expect(decodeText(utf16(text, "le", true))).toMatchObject({ encoding: "utf-16le", text, marks: 0 });
    expect(decodeText(utf16(text, "be", true))).toMatchObject({ encoding: "utf-16be", text, marks: 0 });
    expect(decodeText(utf16(text, "le", false))).toMatchObject({ encoding: "utf-16le", text, marks: 0 });
    expect(decodeText(utf16(text, "be", false))).toMatchObject({ encoding: "utf-16be", text, marks: 0 });
  });

  test("an empty file is empty UTF-8 text", () => {
    expect(decodeText(new Uint8Array())).toEqual({ encoding: "utf-8", text: "", marks: 0, damage: 0, foreign: 0 });
  });
});

describe("damagedLinesOf", () => {
  test("lists the lines holding U+FFFD, numbered as the extractor numbers them", () => {
    expect(damagedLinesOf("\ufeff一\r\n二\uFFFD\r三\n\uFFFD\uFFFD\n五")).toEqual([2, 4]);
    expect(damagedLinesOf("没有损坏")).toEqual([]);
  });
});

describe("readText", () => {
  test("a seed reads whole, undamaged", async () => {
    const doc = readText(await readFile(join(SEEDS, YUANJIANG)), YUANJIANG);
    expect(doc).toMatchObject({ format: "txt", pages: null, encoding: "utf-8", damagedLines: [] });
  });

  test("a few damaged bytes: read, their lines listed", async () => {
    const bytes = Buffer.from(await readFile(join(SEEDS, YUANJIANG)));
    const text = bytes.toString("utf8");
    const line = text.split("\n").findIndex((l) => l.includes("万元")) + 1;
    const at = bytes.indexOf(Buffer.from(text.split("\n")[line - 1]!.match(/万元/)![0]));
    bytes[at] = 0xff;
    const doc = readText(bytes, "x.txt");
    expect(doc.encoding).toBe("utf-8");
    expect(doc.damagedLines).toEqual([line]);
  });

  test("binary bytes that decode (here as UTF-16LE, by their NULs) fail plainly: characters no report prints", () => {
    const e = thrown(() => readText(new Uint8Array([0xff, 0x00, 0x80, 0x81, 0xfe, 0x00, 0x01, 0x02, 0x9c, 0x9d]), "junk.txt"));
    expect(e.message).toBe(
      "junk.txt: expected UTF-8, GB18030 or UTF-16 text, found 3 of 5 characters no report prints (letters of other scripts, private-use characters): a binary file",
    );
  });

  test("random bytes fail plainly: too much damage", () => {
    let x = 7;
    const bytes = Uint8Array.from({ length: 4000 }, () => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    expect(thrown(() => readText(bytes, "junk.bin.txt")).message).toMatch(
      /^junk\.bin\.txt: expected UTF-8, GB18030 or UTF-16 text, found \d+ of \d+ characters undecodable or control characters \(\d+\.\d%, more than 1%\): a damaged or binary file$/,
    );
  });

  test("the binary fixture (it starts like a UTF-16LE BOM) fails plainly", async () => {
    const bytes = new Uint8Array(await readFile(join(FIXTURES, "bad", "binary.txt")));
    const e = thrown(() => readText(bytes, "bad/binary.txt"));
    expect(e.expected).toBe("UTF-8, GB18030 or UTF-16 text");
    expect(e.found).toMatch(/a damaged or binary file|no Chinese characters/);
  });

  test("more than 1% of the characters damaged: refused, the share said", () => {
    const bytes = utf8(`${"一".repeat(90)}`);
    for (let i = 0; i < 6; i++) bytes[i * 3 * 10] = 0xff; // 6 of 90 characters
    expect(() => readText(bytes, "x.txt")).toThrow(/found \d+ of \d+ characters undecodable/);
  });

  test("text without a single Chinese character is not a report text", () => {
    const e = thrown(() => readText(utf8("PK\u0003 hello world, plain ASCII\n"), "x.txt"));
    expect(e.found).toMatch(/a damaged or binary file|no Chinese characters/);
    expect(thrown(() => readText(utf8("just ascii, a readme\n".repeat(10)), "x.txt")).found).toBe(
      "no Chinese characters at all: a binary file or another kind of text",
    );
  });

  test("whitespace only is left to the extractor (it says: an empty file)", () => {
    expect(readText(utf8("\n\n \n"), "x.txt").text).toBe("\n\n \n");
  });
});
