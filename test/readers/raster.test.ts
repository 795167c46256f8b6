import { describe, expect, test } from "vitest";
import { findRulings, parseHocr, parseHocrImages, scannedPage, withoutPhantoms, withoutRulings } from "../../src/readers/pdf/raster.ts";
import { deskew, parsePnm, pgmBytes, skewAngle, type GrayImage } from "../../src/readers/pdf/scan-image.ts";

/** Tesseract's hOCR (-c hocr_char_boxes=1) of one line: each word [bbox, confidence, its characters with their boxes]. */
function hocr(words: [number[], number, [string, number[]][]][]): string {
  const chars = (cs: [string, number[]][]) => cs.map(([t, b]) => `<span class='ocrx_cinfo' title='x_bboxes ${b.join(" ")}; x_conf 90.1'>${t}</span>`).join("");
  const spans = words.map(([b, conf, cs], i) => `<span class='ocrx_word' id='word_1_${i + 1}' title='bbox ${b.join(" ")}; x_wconf ${conf}'>${chars(cs)}</span>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><html><body><div class='ocr_page' id='page_1'><p class='ocr_par'><span class='ocr_line' id='line_1_1' title="bbox 0 0 1 1">${spans}</span></p></div></body></html>`;
}

/** A white 600×400 image with a ruled box (lines 3 px thick) and a short stroke that is no ruling. */
function boxImage(): GrayImage {
  const width = 600;
  const height = 400;
  const pixels = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => (pixels[y * width + x] = 20);
  for (let x = 100; x <= 500; x++) for (let t = 0; t < 3; t++) (ink(x, 100 + t), ink(x, 300 + t));
  for (let y = 100; y <= 302; y++) for (let t = 0; t < 3; t++) (ink(100 + t, y), ink(498 + t, y));
  for (let x = 200; x < 215; x++) ink(x, 200); // a character's stroke: 15 px
  return { width, height, pixels };
}

describe("scanned page geometry", () => {
  test("a PGM round-trips through pgmBytes and parsePnm", () => {
    const image = boxImage();
    const back = parsePnm(pgmBytes(image));
    expect([back.width, back.height]).toEqual([600, 400]);
    expect(back.pixels).toEqual(image.pixels);
    expect(() => parsePnm(new TextEncoder().encode("P4\n1 1\n\0"))).toThrow(/expected an 8-bit binary PGM or PPM \(P5 or P6, maxval 255\), found P4/);
  });

  test("a PPM in colour becomes gray, a seal's red ink white and text through it still ink", () => {
    const rgb = [[20, 20, 20], [200, 40, 40], [255, 255, 255], [60, 10, 10], [128, 128, 128]];
    const bytes = new Uint8Array([...new TextEncoder().encode("P6\n5 1\n255\n"), ...rgb.flat()]);
    expect([...parsePnm(bytes).pixels]).toEqual([20, 255, 255, 25, 128]);
  });

  test("a page fed at a slant: its angle is found and turning it back makes its rulings straight again", () => {
    const width = 800;
    const height = 600;
    const pixels = new Uint8Array(width * height).fill(255);
    const slope = Math.tan((1.2 * Math.PI) / 180);
    // Three rulings across the page, 2 px thick, each running down to the right at 1.2°.
    for (const y0 of [100, 300, 500]) for (let x = 50; x < 750; x++) for (let t = 0; t < 2; t++) pixels[Math.round(y0 + slope * (x - 400) + t) * width + x] = 0;
    const slanted = { width, height, pixels };
    expect(skewAngle(slanted)).toBeCloseTo(1.2, 1);
    const upright = deskew(slanted, skewAngle(slanted));
    expect(findRulings(upright).horizontal.filter((r) => r.to - r.from > 600)).toHaveLength(3);
    // Turned the right way: the upright page has no slant left (turned the wrong way it would have 2.4°).
    expect(skewAngle(upright)).toBeCloseTo(0, 1);
    expect(deskew(upright, 0.01)).toBe(upright);
  });

  test("rulings: each thick line once, at its middle; a character's stroke is none", () => {
    const { horizontal, vertical } = findRulings(boxImage());
    expect(horizontal.map((r) => [r.at, r.from, r.to])).toEqual([[101, 100, 500], [301, 100, 500]]);
    expect(vertical.map((r) => [r.at, r.from, r.to])).toEqual([[101, 100, 302], [499, 100, 302]]);
  });

  test("the image without its rulings keeps the stroke and loses every line", () => {
    const image = boxImage();
    const clean = withoutRulings(image, findRulings(image));
    const dark = [...clean.pixels.keys()].filter((i) => clean.pixels[i]! < 140);
    expect(dark).toEqual(Array.from({ length: 15 }, (_, i) => 200 * 600 + 200 + i));
  });

  test("Tesseract's words sit on their line's baseline in points, rulings as segments (y up)", () => {
    const words = parseHocr(hocr([
      [[150, 150, 210, 185], 93, [["收", [150, 150, 180, 185]], ["入", [180, 150, 210, 185]]]],
      [[250, 146, 340, 191], 91, [["5", [250, 146, 265, 191]], ["3", [265, 146, 280, 191]], ["2", [280, 146, 295, 191]], [".", [295, 146, 300, 191]], ["9", [300, 146, 320, 191]], ["5", [320, 146, 340, 191]]]],
      [[360, 150, 390, 185], 88, [["万", [360, 150, 375, 185]], ["元", [375, 150, 390, 185]]]],
    ]));
    expect(words.map((w) => [w.text, w.conf, w.line, w.width])).toEqual([["收入", 93, "line_1_1", 60], ["532.95", 91, "line_1_1", 90], ["万元", 88, "line_1_1", 30]]);
    const image = boxImage();
    const page = scannedPage(2, image, 300, words, findRulings(image));
    const pt = 72 / 300;
    // The baseline is the bottom of the line's usual glyph box (185 px), not the taller digits' (191 px).
    expect(page.items.map((i) => [i.str, +(i.x / pt).toFixed(3), +(i.y / pt).toFixed(3)])).toEqual([["收入", 150, 215], ["532.95", 250, 215], ["万元", 360, 215]]);
    expect(page.box).toEqual([0, 0, 600 * pt, 400 * pt]);
    const top = page.segments.find((s) => s.y0 === s.y1 && Math.abs(s.y0 - 299 * pt) < 1e-9);
    expect([top?.x0, top?.x1]).toEqual([100 * pt, 500 * pt]);
    expect(page.segments).toHaveLength(4);
    expect(page.hasImages).toBe(true);
  });
});

describe("Tesseract given a list of images", () => {
  test("its hOCR gives each image's words apart, in the list's order, an image without any as none", () => {
    const one = hocr([[[10, 10, 50, 40], 90, [["甲", [10, 10, 50, 40]]]]]);
    const two = hocr([[[5, 5, 45, 35], 91, [["乙", [5, 5, 45, 35]]]]]).replace(/line_1_1/g, "line_3_1");
    const body = (h: string) => h.replace(/^.*<body>|<\/body>.*$/g, "");
    const all = `<html><body>${body(one)}<div class='ocr_page' id='page_2'></div>${body(two)}</body></html>`;
    expect(parseHocrImages(all).map((ws) => ws.map((w) => [w.text, w.line]))).toEqual([[["甲", "line_1_1"]], [], [["乙", "line_3_1"]]]);
    expect(parseHocr(all).map((w) => w.text)).toEqual(["甲", "乙"]);
  });
});

describe("Tesseract's specks and phantoms", () => {
  test("a lone punctuation mark read with low confidence is left out; confident ones and words stay", () => {
    const word = (conf: number, text: string): [number[], number, [string, number[]][]] => [[10, 10, 30, 70], conf, [[text, [10, 10, 30, 70]]]];
    expect(parseHocr(hocr([word(42, "。"), word(93, "。"), word(30, "利"), word(45, "”")])).map((w) => w.text)).toEqual(["。", "利"]);
  });

  test("a mark across a vertical ruling, a closing mark opening a cell, or a mark with no ink beside a ruling is dropped; its word's box shrinks", () => {
    const image = boxImage(); // rulings at x 101 and 499, y 100–302; a stroke at x 200–214, y 200
    const rulings = findRulings(image);
    const clean = withoutRulings(image, rulings);
    for (let x = 120; x < 130; x++) for (let y = 195; y < 205; y++) clean.pixels[y * clean.width + x] = 0; // a "1" at x 120
    for (let x = 108; x < 150; x++) for (let y = 255; y < 265; y++) clean.pixels[y * clean.width + x] = 0; // ink under ”二” at y 250
    const words = parseHocr(hocr([
      // ” where the left ruling was (the ink its box finds is the next character's), then 1, and ” in the blank at x 150.
      [[95, 190, 160, 210], 93, [["”", [95, 190, 125, 210]], ["1", [118, 190, 132, 210]], ["”", [150, 190, 160, 210]]]],
      [[198, 190, 216, 210], 91, [["一", [198, 190, 216, 210]]]],
      // A closing quote opening the cell's text is not there, even on ink; one closing a word is.
      [[108, 250, 150, 270], 90, [["”", [108, 250, 120, 270]], ["二", [120, 250, 135, 270]], ["”", [135, 250, 150, 270]]]],
      // Far from any ruling a mark's box may miss its ink: it stays.
      [[300, 190, 320, 210], 95, [["、", [300, 190, 320, 210]]]],
    ]));
    const kept = withoutPhantoms(words, clean, rulings);
    expect(kept.map((w) => [w.text, w.left, w.width])).toEqual([["1", 118, 14], ["一", 198, 18], ["二”", 120, 30], ["、", 300, 20]]);
  });
});
