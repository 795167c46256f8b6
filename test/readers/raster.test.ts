import { describe, expect, test } from "vitest";
import { findRulings, parsePgm, parseTesseractTsv, pgmBytes, scannedPage, withoutRulings, type GrayImage } from "../../src/readers/pdf/raster.ts";

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
  test("a PGM round-trips through pgmBytes and parsePgm", () => {
    const image = boxImage();
    const back = parsePgm(pgmBytes(image));
    expect([back.width, back.height]).toEqual([600, 400]);
    expect(back.pixels).toEqual(image.pixels);
    expect(() => parsePgm(new TextEncoder().encode("P6\n1 1\n255\n\0\0\0"))).toThrow(/expected an 8-bit binary PGM \(P5, maxval 255\), found P6/);
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
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "4\t1\t1\t1\t1\t0\t150\t150\t200\t35\t-1\t",
      "5\t1\t1\t1\t1\t1\t150\t150\t60\t35\t93.1\t收入",
      "5\t1\t1\t1\t1\t2\t250\t146\t90\t45\t91.0\t532.95",
      "5\t1\t1\t1\t1\t3\t360\t150\t30\t35\t88.0\t万元",
    ].join("\n");
    const words = parseTesseractTsv(tsv);
    expect(words.map((w) => [w.text, w.conf])).toEqual([["收入", 93.1], ["532.95", 91], ["万元", 88]]);
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

describe("Tesseract's specks", () => {
  test("a lone punctuation mark read with low confidence is left out; confident ones and words stay", () => {
    const row = (conf: number, text: string) => `5\t1\t1\t1\t1\t1\t10\t10\t20\t60\t${conf}\t${text}`;
    const tsv = ["header", row(42, "。"), row(93, "。"), row(30, "利"), row(45, "”")].join("\n");
    expect(parseTesseractTsv(tsv).map((w) => w.text)).toEqual(["。", "利"]);
  });
});
