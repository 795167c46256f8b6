import { describe, expect, test } from "vitest";
import { cropCell, CELL_MARGIN, mends, onPage, rulingCells, withCellReadings, type Box } from "../../src/readers/pdf/cells.ts";
import { findRulings, type OcrWord } from "../../src/readers/pdf/raster.ts";
import type { GrayImage } from "../../src/readers/pdf/scan-image.ts";

/**
 * A white 800×600 page with a table ruled 3 px thick: columns at x 100, 300, 700; rows at y 100, 200, 300, where
 * the rule between rows stops at x 300, so the right column's two rows are one (a merged cell); a blob of ink in
 * each cell but the lower left; below the table, text outside any cell.
 */
function tablePage(): GrayImage {
  const width = 800;
  const height = 600;
  const pixels = new Uint8Array(width * height).fill(255);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) pixels.fill(20, y * width + x0, y * width + x1);
  };
  for (const y of [100, 300]) ink(100, y, 703, y + 3);
  ink(100, 200, 300, 203);
  for (const x of [100, 300, 700]) ink(x, 100, x + 3, 303);
  ink(150, 140, 190, 160); // upper left
  ink(400, 220, 460, 240); // the merged right cell
  ink(150, 400, 400, 420); // outside the table
  return { width, height, pixels };
}

const word = (text: string, left: number, top: number, width = 20 * [...text].length): OcrWord => ({
  text,
  left,
  top,
  width,
  height: 20,
  conf: 90,
  line: `line_${top}`,
  chars: [...text].map((t, i) => ({ text: t, box: [left + 20 * i, top, left + 20 * i + 20, top + 20] })),
});

describe("a scanned table's cells, each read again on its own", () => {
  test("the cells are the regions the rulings wall in and that hold ink; a merged cell is one; text outside is none", () => {
    const image = tablePage();
    const cells = rulingCells(image, findRulings(image));
    // Upper left and the merged right column; the lower left holds no ink; the text below the table is open to the page.
    expect(cells).toHaveLength(2);
    const [upperLeft, right] = [...cells].sort((a, b) => a[0] - b[0]) as [Box, Box];
    expect(upperLeft[0]).toBeGreaterThan(100);
    expect(upperLeft[2]).toBeLessThanOrEqual(300);
    expect(upperLeft[1]).toBeGreaterThan(100);
    expect(upperLeft[3]).toBeLessThanOrEqual(200);
    expect(right[1]).toBeLessThan(150);
    expect(right[3]).toBeGreaterThan(250);
  });

  test("a region whose ruling is missing on one side is not a cell (it is read with the page)", () => {
    const image = tablePage();
    const rulings = findRulings(image);
    const open = { ...rulings, vertical: rulings.vertical.filter((r) => Math.round(r.at) !== 701) };
    expect(rulingCells(image, open).map((c) => c[0] < 300)).toEqual([true]);
  });

  test("a frame ruled round the page is no cell: the text in it is read with the page", () => {
    const image: GrayImage = { width: 800, height: 600, pixels: new Uint8Array(800 * 600).fill(255) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) image.pixels.fill(20, y * image.width + x0, y * image.width + x1);
    };
    for (const y of [30, 570]) ink(30, y, 773, y + 3);
    for (const x of [30, 770]) ink(x, 30, x + 3, 573);
    ink(100, 100, 600, 120); // a line of text inside the frame
    expect(rulingCells(image, findRulings(image))).toEqual([]);
  });

  test("a crop is the cell on a white margin, and its words come back where they are on the page", () => {
    const image = tablePage();
    const cell: Box = [140, 130, 200, 170];
    const crop = cropCell(image, cell);
    expect([crop.width, crop.height]).toEqual([60 + 2 * CELL_MARGIN, 40 + 2 * CELL_MARGIN]);
    expect(crop.pixels[0]).toBe(255);
    expect(crop.pixels[(150 - 130 + CELL_MARGIN) * crop.width + (160 - 140 + CELL_MARGIN)]).toBe(20);
    const [back] = onPage([word("优化", CELL_MARGIN + 10, CELL_MARGIN + 5)], cell);
    expect([back!.left, back!.top, back!.chars[1]!.box]).toEqual([150, 135, [170, 135, 190, 155]]);
  });

  test("the cell's reading mends the page's only by putting back what the page's reading loses", () => {
    // Characters, a comma and one of two equal digits put back; a quote made up at a ruling's edge dropped.
    expect(mends("优化项目申报的会商、联审、跟踪服培育企业", "优化项目申报的会商、联审、跟踪服务等流程，培育企业")).toBe(true);
    expect(mends("强化担当意识夯实作风建设", "强化担当意识，夯实作风建设")).toBe(true);
    expect(mends("1家", "11家")).toBe(true);
    expect(mends("实现技术合同成交额5“02.28亿元", "实现技术合同成交额502.28亿元")).toBe(true);
    // What the crop's reading adds or changes is not taken: digits and letters, a Han character doubled, a
    // character read differently, a mark dropped, a line missed; nor a reading that changes nothing.
    expect(mends("≤100%", "≤100%6")).toBe(false);
    expect(mends("≥90%", "≥909%")).toBe(false);
    expect(mends("新增规模业企业", "新增规模工工业企业")).toBe(false);
    expect(mends("科技创新氛围", "科技创新氛转")).toBe(false);
    expect(mends("会商、联审", "会商联审")).toBe(false);
    expect(mends("社会、经济、生态效", "社会、经")).toBe(false);
    expect(mends("较为认可", "较为认可")).toBe(false);
  });

  test("a mended cell's words replace the page's in it; the others, and the words outside, stay as the page read them", () => {
    const cells: Box[] = [[100, 100, 300, 200], [300, 100, 500, 200]];
    const page = [word("跟踪服", 110, 110), word("培育", 110, 140), word("≤100%", 310, 110), word("表外", 110, 400)];
    const mended = [word("跟踪服务", 110, 110), word("等流程，培育", 110, 140)];
    const worse = [word("≤100%6", 310, 110)];
    const out = withCellReadings(page, cells, [mended, worse]);
    expect(out.map((w) => w.text)).toEqual(["≤100%", "表外", "跟踪服务", "等流程，培育"]);
    // The same text is taken from the cell's reading only when a page word sits on the cell's ruling.
    const onRuling = [word("不", 283, 110, 20), word("破坏", 312, 110)];
    const own = [word("不破坏", 302, 110)];
    expect(withCellReadings(onRuling, [cells[1]!], [own]).map((w) => [w.text, w.left])).toEqual([["不破坏", 302]]);
    expect(withCellReadings(page, [cells[1]!], [[word("≤100%", 312, 110)]]).map((w) => w.left)).toEqual([110, 110, 310, 110]);
  });
});
