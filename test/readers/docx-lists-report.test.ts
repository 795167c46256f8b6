/**
 * A report whose numbered rows are Word list numbers, not text: the 吉首 seed rebuilt as a .docx in which every
 * table cell "1、局机关", "2、二级机构1" … holds only "局机关" with a w:numPr (one list per table, as Word restarts
 * them). The 收支 tables find their unit rows by that number (the unit rows' sums are checked against the 汇总
 * row), so the .docx must print it as the seed does, and give the seed's rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/report.ts";
import { readDocx } from "../../src/readers/docx.ts";
import { documentOfTikaText, gridOf, type Block, type Paragraph } from "../helpers/document-model.ts";
import { docxOf } from "../helpers/docx.ts";
import { REPORTS_DIR, seed } from "../helpers/seeds.ts";

const SEED = "2022/吉首市-科技和工业信息化局.txt";
const NUMBERED = /^(\d+)、(.+)$/;
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Body XML of the seed's document model; a cell paragraph "n、text" becomes "text" numbered in its table's list. */
function bodyOf(blocks: readonly Block[]): { body: string; lists: number } {
  let lists = 0;
  const para = (p: Paragraph, numId: number | null) => {
    const text = p.spans.map((s) => ("text" in s ? s.text : "")).join("");
    const m = numId === null ? null : NUMBERED.exec(text);
    const props = m ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : "";
    return `<w:p>${props}<w:r><w:t xml:space="preserve">${escape(m ? m[2]! : text)}</w:t></w:r></w:p>`;
  };
  const body = blocks
    .map((b) => {
      if (b.kind === "paragraph") return para(b, null);
      const numId = ++lists;
      const rows = gridOf(b).map((slots) =>
        slots
          .map((s) => {
            if (s.kind === "covered") return "";
            const span = s.cell.colSpan > 1 ? `<w:gridSpan w:val="${s.cell.colSpan}"/>` : "";
            if (s.kind === "continued") return `<w:tc><w:tcPr>${span}<w:vMerge/></w:tcPr><w:p/></w:tc>`;
            const merge = s.cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : "";
            const inner = s.cell.blocks.map((x) => (x.kind === "paragraph" ? para(x, numId) : "")).join("") || "<w:p/>";
            return `<w:tc><w:tcPr>${span}${merge}</w:tcPr>${inner}</w:tc>`;
          })
          .join(""),
      );
      return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl>`;
    })
    .join("");
  return { body, lists };
}

/** One "%1、" decimal list per table: each its own numbering instance restarting at 1. */
function numberingOf(lists: number): string {
  const abstract = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>';
  const nums = Array.from({ length: lists }, (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`);
  return `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${abstract}${nums.join("")}</w:numbering>`;
}

describe("a .docx whose table rows are numbered by Word lists", () => {
  it("reads as the seed text: the same unit rows, facts and checks", () => {
    const text = readFileSync(join(REPORTS_DIR, SEED), "utf8");
    const { body, lists } = bodyOf(documentOfTikaText(text, null).blocks);
    expect(body).not.toContain(">1、局机关<"); // the numbers are list numbers, not text
    const docx = docxOf(body, { "word/numbering.xml": numberingOf(lists) });
    const read = readDocx(docx, "2022/吉首市-科技和工业信息化局.docx").text;
    expect(read).toContain("\t1、局机关\n");
    expect(read).toContain("\t3、二级机构2\n");
    const plain = seed(SEED);
    const extracted = extractReport({ text: read, sourceFile: SEED, sha256: plain.report.source_sha256 });
    const rows = (r: typeof plain) => ({
      facts: r.facts.map(({ source_line: _, ...f }) => f),
      projects: r.projects.map(({ source_line: _, ...p }) => p),
      checks: r.checks.map((c) => [c.rule, c.severity, c.metrics]),
    });
    expect(rows(extracted)).toEqual(rows(plain));
    expect(extracted.facts.length).toBeGreaterThan(20);
  });
});
