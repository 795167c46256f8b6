/** The PDF reader: small LibreOffice documents with exact texts, refusals, and every seed rebuilt as PDF. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/extract/errors.ts";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { fontsWithoutMap, readableText, readPdf } from "../../src/readers/pdf.ts";
import { OcrLater } from "../../src/readers/types.ts";
import { readOperators } from "../../src/readers/pdf/load.ts";
import { isPageNumber } from "../../src/readers/pdf/furniture.ts";
import { continues, joinLines, tidySpaces } from "../../src/readers/pdf/text-lines.ts";
import type { TextLine } from "../../src/readers/pdf/text-lines.ts";
import { cjkCmapPdf, latinPdf } from "../helpers/cjk-cmap-pdf.ts";
import { extractText, sourceLineMisses, tablesView } from "../helpers/same-tables.ts";
import { REPORTS_DIR, seed } from "../helpers/seeds.ts";

const READERS_DIR = join(import.meta.dirname, "../fixtures/readers");
const ORIGINALS = join(import.meta.dirname, "../fixtures/originals");
const read = (file: string) => readPdf(new Uint8Array(readFileSync(join(READERS_DIR, file))), file);
const expected = (name: string) => readFileSync(join(READERS_DIR, `${name}.expected.txt`), "utf8");

describe("readPdf: small documents print exactly their expected text", () => {
  it.each([
    "cell-two-paragraphs", // a cell's second paragraph on an untabbed line after it
    "empty-cell", // an empty cell is a lone tab
    "header-footer", // running header and "第 N 页" footer dropped; the page break joins nothing
    "merged-cells", // a cell spanning columns printed once; one spanning rows printed empty in its further rows
    "nested-table", // a table inside a cell printed inside that cell, as Tika does
    "table-over-pages", // one table over two pages, no row or table end injected at the break
    "table-over-pages-repeated-header", // the header row repeated on page 2 dropped
    "text-box", // a framed text box is body text
  ])("%s", async (name) => {
    const { text, pages, format } = await read(`${name}.pdf`);
    expect(format).toBe("pdf");
    expect(text).toBe(expected(name));
    expect(pages).toHaveLength(text.split("\n").length);
  });

  it("gives each line its page: header-footer's second page starts at line 3", async () => {
    const { text, pages } = await read("header-footer.pdf");
    expect(text.split("\n")).toEqual(["第一页正文：页眉和页脚不是正文。", "第一页第二段。", "第二页正文：分页之后的段落。", ""]);
    expect(pages).toEqual([1, 1, 2, 2]);
  });

  it("reads a table over two pages as one table with its lines on both pages", async () => {
    const { text, pages } = await read("table-over-pages.pdf");
    const lines = text.split("\n");
    expect(pages![0]).toBe(1);
    expect(pages!.at(-1)).toBe(2);
    // No blank pair (a table end) before the last row: the table is one table.
    expect(lines.slice(1, -4).join("\n")).not.toContain("\n\n\n");
  });
});

describe("readPdf: refusals name the file and what was expected", () => {
  it("a scan (images, no text layer) is read by OCR, its table from the image's rulings", async () => {
    const doc = await read("scan-only.pdf");
    expect(doc.text).toBe("扫描件测试\n这一页只有图像，没有文字层。\n\t项目\n\t金额（万元）\n\n\t科技专项\n\t100\n\n\n");
    expect(doc.ocr).toMatchObject({ pages: 1, engine: expect.stringMatching(/^tesseract 5\./) });
    expect(new Set(doc.pages)).toEqual(new Set([1]));
  });

  it("an encrypted PDF", async () => {
    const e = await read("encrypted.pdf").catch((x: unknown) => x);
    expect((e as ParseError).message).toBe("encrypted.pdf: expected a PDF that opens without a password, found an encrypted PDF");
  });

  it("a PDF cut short", async () => {
    const bytes = new Uint8Array(readFileSync(join(ORIGINALS, "2024/岳阳市-科学技术局.pdf"))).slice(0, 100_000);
    const e = await readPdf(bytes, "cut.pdf").catch((x: unknown) => x);
    expect((e as ParseError).message).toBe("cut.pdf: expected a readable PDF, found bytes pdf.js cannot read (Invalid PDF structure.)");
  });

  it("bytes that are no PDF", async () => {
    const e = await readPdf(new TextEncoder().encode("not a pdf at all"), "x.pdf").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).expected).toBe("a readable PDF");
    expect((e as ParseError).found).toMatch(/^bytes pdf\.js cannot read \(/);
  });
});

describe("text lines and paragraphs", () => {
  const line = (text: string, x0: number, x1: number, firstWord = 10.5): TextLine => ({ text, x0, x1, y: 0, size: 10.5, firstWord });
  const box = { left: 71, right: 524 };

  it("drops layout spaces next to Han text, keeps them between Latin words", () => {
    expect(tidySpaces("临湘市 2024 年度 部门")).toBe("临湘市2024年度部门");
    expect(tidySpaces("Page 1 of 3")).toBe("Page 1 of 3");
  });

  it("joins a line that wrapped, not one that ended short or a numbered item after a finished sentence", () => {
    expect(continues(line("其中，基", 71, 514.4), line("本支出699.94万元", 71, 300), box)).toBe(true);
    expect(continues(line("收支基本平衡。", 71, 202), line("2023年终决算", 71, 500), box)).toBe(false);
    expect(continues(line("均未超出预算安排。", 71, 508.8), line("（2）项目支出情况", 71, 163, 26.8), box)).toBe(false);
  });

  it("joins a figure broken over two lines without a space", () => {
    expect(joinLines([line("预算财政拨款 1160.", 71, 524), line("21万元", 71, 105)])).toBe("预算财政拨款1160.21万元");
  });

  it("knows page numbers", () => {
    expect(["第 3 页", "第3页 共10页", "- 3 -", "3/10", "12"].every(isPageNumber)).toBe(true);
    expect(isPageNumber("第三章")).toBe(false);
  });
});

const SEEDS = readdirSync(REPORTS_DIR).flatMap((year) => readdirSync(join(REPORTS_DIR, year)).map((f) => `${year}/${f}`));

describe.each(SEEDS)("%s rebuilt as PDF", async (relative) => {
  const file = relative.replace(/\.txt$/, ".pdf");
  const { text, pages } = await readPdf(new Uint8Array(readFileSync(join(ORIGINALS, file))), file);
  const fromPdf = extractText(text, relative);

  it("gives the same rows as the seed text", () => {
    expect(tablesView(fromPdf)).toEqual(tablesView(seed(relative)));
  });
  it("cites lines of its own text that print each value", () => {
    expect(sourceLineMisses(fromPdf, text)).toEqual([]);
  });
  it("has one page per line, never going back", () => {
    expect(pages).toHaveLength(text.split("\n").length);
    expect(pages!.every((p, i) => i === 0 || p >= pages![i - 1]!)).toBe(true);
  });
  it("finds rows at all (the comparison is not vacuous)", () => {
    expect(fromPdf.facts.length + fromPdf.indicators.length).toBeGreaterThan(0);
  });
});

describe("readPdf: a table without rulings", () => {
  it("reads rows from lines and cells from the wide gaps between columns", async () => {
    const file = join(import.meta.dirname, "../fixtures/pdf/stream-table.pdf");
    const { text, pages } = await readPdf(new Uint8Array(readFileSync(file)), "stream-table.pdf");
    expect(text).toBe("\t项目\n\t预算数\n\t执行数\n\n\t基本支出\n\t532.95\n\t532.95\n\n\t项目支出\n\t456.79\n\t443.37\n\n\n表后段落。\n");
    expect(pages).toEqual(Array(15).fill(1));
  });
});

describe("readPdf: Chinese text through pdf.js's predefined CMaps (read from the package, offline)", () => {
  it("decodes a non-embedded STSong-Light font in UniGB-UCS2-H", async () => {
    const { text, pages } = await readPdf(cjkCmapPdf(["部门整体支出绩效自评报告", "基本支出946.17万元"]), "cmap.pdf");
    expect(text).toBe("部门整体支出绩效自评报告\n基本支出946.17万元\n");
    expect(pages).toEqual([1, 1, 1]);
  });
});

describe("readPdf: a text layer that is not the text its pages show", () => {
  const items = (...strs: string[]) => [{ items: strs.map((str) => ({ str })) }];

  it("is told by its characters: no Han, or Han that no report uses (glyph numbers read as code points)", () => {
    expect(readableText(items("2024年度洪江市工业和信息化局", "整体支出绩效自评报告", "基本支出946.17万元"))).toBe(true);
    // Traditional characters are Chinese text too (folded later): most common ones are the same in both.
    expect(readableText(items("部門整體支出績效自評報告：基本支出為946.17萬元，項目支出的執行率是100%"))).toBe(true);
    expect(readableText(items("Ab3 7Xq 9zK!", "Qm2 (Lp) 8Rv"))).toBe(false);
    expect(readableText(items("䇗䈲婛娡䄬熭㰣䤗儛示䄄┯⟔䕜⴬㷀丞⛮䶺⭴簔䷞舅陁䥊匕"))).toBe(false);
  });

  it("is told font by font where only some fonts have no map, Kangxi radicals far apart among them", () => {
    const page = (...fonts: [string, string][]) => [{ items: fonts.map(([font, str]) => ({ font, str })) }];
    const body: [string, string] = ["body", "洪江市工业和信息化局整体支出绩效自评报告基本支出452.92万元".repeat(4)];
    // A browser's print maps 工 自 至 革 面 非 to their radicals, in small fonts of neighbours in radical order.
    expect(fontsWithoutMap(page(body, ["f5", "市⼯市⼯⼯差⼯市⼯⼯⼯"], ["f15", "⾃⾄⾃⾃⾃⾃⾃⾃⾃⾃".repeat(3)], ["f48", "⾰⻘⾯⾮⾯⾯⾮⾰⾯⾮".repeat(3)]))).toEqual(new Set());
    // Glyph numbers 12,032–12,245 read as code points: radicals all over the block (和员品 as ⽰⼔⼥⿁⿏).
    expect(fontsWithoutMap(page(body, ["f7", "⽰⼔⽰⼥⽰⼥⼥⿁⿁⽰⼥⽰⽰⽰⽰⿁⽰⽰⻪⽰⽰⽰⿏"]))).toEqual(new Set(["f7"]));
    // ㎡ is a report's unit, not a glyph number.
    expect(fontsWithoutMap(page(body, ["u", "㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡㎡"]))).toEqual(new Set());
  });

  it("is left for OCR (read after the run's other files), not read into a text without a department", async () => {
    await expect(readPdf(latinPdf(["Ab3 7Xq 9zK!", "Qm2 (Lp) 8Rv"]), "glyphs.pdf", { ocr: false })).rejects.toThrow(OcrLater);
  });
});

describe("text items from the operator list", () => {
  const glyph = (unicode: string, width = 1000, isSpace = false) => ({ unicode, width, isSpace });
  const round = (v: number) => Math.round(v * 100) / 100;
  const read = (fn: number[], args: unknown[]) => readOperators(fn, args).items.map((i) => [i.str, round(i.x), i.y, round(i.w), i.size]);

  it("places runs by Td and the font size; a wide TJ gap or a blank glyph starts a new item", () => {
    const fn = [OPS.beginText, OPS.setFont, OPS.moveText, OPS.showText, OPS.endText];
    const args = [null, ["F1", 10], [72, 700], [[glyph("基"), glyph("本"), -2000, glyph("9", 556), glyph(" ", 278, true), glyph("5", 556)]], null];
    expect(read(fn, args)).toEqual([["基本", 72, 700, 20, 10], ["9", 112, 700, 5.56, 10], ["5", 120.34, 700, 5.56, 10]]);
  });

  it("keeps a Han character that a subset font put at code 32 (pdf.js marks it isSpace)", () => {
    const fn = [OPS.beginText, OPS.setFont, OPS.setTextMatrix, OPS.showText];
    const args = [null, ["F1", 9], [[1, 0, 0, 1, 73.2, 704.8]], [[glyph("工"), glyph("业"), glyph("发"), glyph("展", 1000, true)]]];
    expect(read(fn, args)).toEqual([["工业发展", 73.2, 704.8, 36, 9]]);
  });
});
