/** Every seed rebuilt as .docx and .doc (test/fixtures/originals) reads into the same rows as the seed text. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/readers/index.ts";
import { extractText, sourceLineChanges, sourceLineMisses, tablesView } from "../helpers/same-tables.ts";
import { REPORTS_DIR, seed } from "../helpers/seeds.ts";

// The seeds end without the newlines after a last table row; a generated document ends with an empty paragraph.
const withoutTikaMarks = (s: string) => s.replace(/\[bookmark: [^\]\n]*\]/g, "").replace(/\s+$/, "");
const ORIGINALS = join(import.meta.dirname, "../fixtures/originals");
const SEEDS = readdirSync(REPORTS_DIR).flatMap((year) => readdirSync(join(REPORTS_DIR, year)).map((f) => `${year}/${f}`));

const CASES = ["docx", "doc"].flatMap((ext) => SEEDS.map((relative) => [relative, ext] as const));

describe.each(CASES)("%s as .%s", async (relative, ext) => {
  const file = relative.replace(/\.txt$/, `.${ext}`);
  const document = await readDocument(readFileSync(join(ORIGINALS, file)), file); // the reader its extension names
  const { text } = document;
  const fromWord = extractText(text, relative);
  const fromTxt = seed(relative);

  it("is the seed text, but for Tika's bookmark marks and the empty lines that close a last table", () => {
    const seedText = readFileSync(join(REPORTS_DIR, relative), "utf8");
    expect(withoutTikaMarks(text)).toBe(withoutTikaMarks(seedText));
  });
  it("gives the same rows as the seed text", () => {
    expect(tablesView(fromWord)).toEqual(tablesView(fromTxt));
  });
  it("cites lines that print each value, the same lines as the seed", () => {
    expect(sourceLineMisses(fromWord, text)).toEqual([]);
    expect(sourceLineChanges(fromWord, text, fromTxt, readFileSync(join(REPORTS_DIR, relative), "utf8"))).toEqual([]);
  });
  it(`was read as .${ext}`, () => {
    expect(document.format).toBe(ext);
  });
  it("finds rows at all (the comparison is not vacuous)", () => {
    expect(fromWord.facts.length + fromWord.indicators.length).toBeGreaterThan(0);
  });
});

describe("source lines of the seed texts themselves", () => {
  it.each(SEEDS)("%s", (relative) => {
    expect(sourceLineMisses(seed(relative), readFileSync(join(REPORTS_DIR, relative), "utf8"))).toEqual([]);
  });
});
