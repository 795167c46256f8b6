/**
 * PDFs as a browser prints them (test/fixtures/print, made by scripts/make-print-fixtures.ts with Debian's chromium):
 * Skia's subset fonts whose text layer gives radicals (⼯ for 工), a running header (title and date) and a footer
 * 第 N 页 共 M 页, wide forms on landscape pages between portrait ones, tables and rows cut by page breaks.
 * Each must give exactly the rows of the text it was printed from.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldingChecks } from "../../src/publish/folding-checks.ts";
import { readDocument } from "../../src/readers/index.ts";
import { extractText, sourceLineMisses, tablesView } from "../helpers/same-tables.ts";

const ROOT = join(import.meta.dirname, "../..");
const PRINTS = join(ROOT, "test/fixtures/print");
// The texts the prints were made from: the seeds, the variant and the national-template 部门决算 fixture.
const SOURCES = ["data/reports", "test/fixtures/variants", "test/fixtures/kinds"].map((d) => join(ROOT, d));
const sourceText = (relative: string) => {
  for (const dir of SOURCES) {
    try {
      return readFileSync(join(dir, relative), "utf8");
    } catch {
      // not in this folder
    }
  }
  throw new Error(`no source text for ${relative}`);
};
const PRINTED = readdirSync(PRINTS).flatMap((year) => readdirSync(join(PRINTS, year)).map((f) => `${year}/${f}`));

it("prints every seed, the variant and the 部门决算 fixture", () => {
  expect(PRINTED).toHaveLength(7);
});

describe.each(PRINTED)("%s printed by chromium", async (relative) => {
  const txt = relative.replace(/\.pdf$/, ".txt");
  const doc = await readDocument(new Uint8Array(readFileSync(join(PRINTS, relative))), relative);
  const fromPdf = extractText(doc.text, txt);
  const lines = doc.text.split("\n");

  it("gives exactly the rows of its text", () => {
    expect(tablesView(fromPdf)).toEqual(tablesView(extractText(sourceText(txt), txt)));
  });
  it("cites lines of its own text that print each value", () => {
    // An empty cell of a 部门决算's 三公 table is a zero (accounts-sangong.ts): it cites that cell.
    const emptyCellZero = /= 0 at line \d+: "\\t"$/;
    expect(sourceLineMisses(fromPdf, doc.text).filter((m) => !emptyCellZero.test(m))).toEqual([]);
  });
  it("folds the radicals its fonts gave and says so in an info check", () => {
    expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/u);
    expect(doc.folded!.radicals).toBeGreaterThan(50);
    expect(foldingChecks("r", doc.folded).map((c) => [c.rule, c.severity])).toEqual([["radicals_folded", "info"]]);
  });
  it("drops the running header and footer", () => {
    expect(lines.filter((l) => /第\s*\d+\s*页\s*共\s*\d+\s*页|2025\/6\/9/.test(l))).toEqual([]);
  });
});
