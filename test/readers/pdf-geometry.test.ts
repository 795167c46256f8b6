/** The PDF reader's geometry: grids from rulings (grid.ts) and page furniture (furniture.ts), on hand-made pages. */
import { describe, expect, it } from "vitest";
import { edgeLines, furniture } from "../../src/readers/pdf/furniture.ts";
import { findGrids } from "../../src/readers/pdf/grid.ts";
import type { Segment } from "../../src/readers/pdf/load.ts";
import type { TextLine } from "../../src/readers/pdf/text-lines.ts";

const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });
const line = (text: string, y: number): TextLine => ({ text, x0: 50, x1: 300, y, size: 10, firstWord: 10 });

describe("findGrids", () => {
  it("closes a row a page break cut without a rule below it, where its cells' sides end", () => {
    // Two rows ruled on top; the verticals run on 40 pt below the last rule, to the bottom of the page's body.
    const grids = findGrids([h(700, 50, 350), h(660, 50, 350), v(50, 580, 700), v(200, 580, 700), v(350, 580, 700)]);
    expect(grids).toHaveLength(1);
    expect(grids[0]!.rows).toBe(2);
    expect(grids[0]!.cells.map((c) => [c.row0, c.col0, c.y0, c.y1])).toEqual([[0, 0, 660, 700], [0, 1, 660, 700], [1, 0, 580, 660], [1, 1, 580, 660]]);
  });
  it("closes the rest of that row on the next page, open above", () => {
    const grids = findGrids([h(760, 50, 350), h(720, 50, 350), v(50, 720, 800), v(350, 720, 800)]);
    expect(grids[0]!.cells.map((c) => [c.y0, c.y1])).toEqual([[760, 800], [720, 760]]);
  });
  it("adds nothing to a closed table", () => {
    const grids = findGrids([h(700, 50, 350), h(660, 50, 350), v(50, 660, 700), v(350, 660, 700)]);
    expect(grids[0]!.rows).toBe(1);
  });
});

describe("furniture", () => {
  it("knows a running header by its distance from the page's top, on portrait and landscape pages alike", () => {
    const portrait = [0, 0, 595, 842];
    const landscape = [0, 0, 842, 595];
    const pages = [portrait, portrait, portrait, landscape].map((box, i) => {
      const header = line("某某局2024年度部门整体支出绩效自评报告 2025/6/9", box[3]! - 20);
      const body = line(`正文第${i + 1}页`, box[3]! - 100);
      return { header, edges: edgeLines([header, body], box[3]! - 60, 0, box) };
    });
    const drop = furniture(pages.map((p) => p.edges));
    expect(pages.every((p) => drop.has(p.header))).toBe(true);
    expect(drop.size).toBe(4);
  });

  it("read by OCR, a header one character in eight off (临汀市 for 临湘市) is the same header; from a text layer it is not", () => {
    const box = [0, 0, 595, 842];
    const texts = ["临湘市2024年度部门整体支出绩效自评报告", "临湘市2024年度部门整体支出绩效自评报告", "临汀市2024年度部门整体支出绩效自评报告", "临汀市2024年度部门整体支出绩效自評報吿"];
    const pages = (ocr: boolean) =>
      texts.map((t, i) => {
        const header = { ...line(t, 822), ...(ocr ? { conf: 90 } : {}) };
        return { header, edges: edgeLines([header, line(`正文第${i + 1}页`, 742)], 782, 0, box) };
      });
    const scanned = pages(true);
    expect(scanned.map((p) => furniture(scanned.map((q) => q.edges)).has(p.header))).toEqual([true, true, true, false]);
    const typed = pages(false);
    expect(typed.map((p) => furniture(typed.map((q) => q.edges)).has(p.header))).toEqual([true, true, false, false]);
  });
});
