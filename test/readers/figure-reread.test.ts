/** Doubtful figures read again (figure-reread.ts): which words are cropped, and which second readings are taken. */
import { describe, expect, test } from "vitest";
import { figureStrip, withFigures } from "../../src/readers/pdf/figure-reread.ts";
import type { OcrWord } from "../../src/readers/pdf/raster.ts";
import type { GrayImage } from "../../src/readers/pdf/scan-image.ts";

/** A word on line_1 at x, its characters 20 px wide each. */
function word(text: string, left: number, conf: number, line = "line_1"): OcrWord {
  const chars = [...text].map((t, i) => ({ text: t, box: [left + 20 * i, 100, left + 20 * i + 18, 130] as [number, number, number, number] }));
  return { text, left, top: 100, width: 20 * chars.length - 2, height: 30, conf, line, chars };
}
const page: GrayImage = { width: 1000, height: 400, pixels: new Uint8Array(1000 * 400).fill(255) };
page.pixels[115 * 1000 + 305] = 0; // one dark pixel inside the word at x = 300

describe("figureStrip", () => {
  test("crops only words that are a figure alone and read with doubt, stacked with white between", () => {
    const words = [word("率", 100, 92), word("1009%", 300, 40), word("100%", 500, 95), word("10分", 700, 30), word("100%p", 850, 20, "line_2")];
    const { strip, slots } = figureStrip(words, page)!;
    expect(slots.map((s) => words[s.word]!.text)).toEqual(["1009%", "100%p"]);
    expect(slots[1]!.top).toBeGreaterThan(slots[0]!.top + slots[0]!.height);
    // The crop holds the page's ink where it was: row 115 of the page is row 115 - (100 - 6) of the crop.
    const row = slots[0]!.top + 115 - 94;
    expect([...strip.pixels.subarray(row * strip.width, (row + 1) * strip.width)].filter((p) => p === 0)).toHaveLength(1);
    expect(figureStrip([word("100%", 500, 95)], page)).toBeNull();
  });
});

describe("withFigures", () => {
  const words = [word("1009%", 300, 40), word("169%6", 300, 35, "line_2"), word("10", 500, 40, "line_3"), word("95％p", 300, 30, "line_4")];
  const slots = words.map((_, i) => ({ word: i, top: 40 + 80 * i, height: 42 }));
  /** The second reading: one word in each slot's rows. */
  const reread = (texts: string[]) => texts.map((t, i) => ({ ...word(t, 40, 90), top: 40 + 80 * i + 5, height: 30 }));

  test("takes a second reading that leaves out what the first added; keeps the confidence; a full-width ％ stays", () => {
    const out = withFigures(words, slots, reread(["100%", "16%", "10", "95%"]));
    expect(out.map((w) => [w.text, w.conf])).toEqual([["100%", 40], ["16%", 35], ["10", 40], ["95％", 30]]);
    expect(out[0]!.chars.map((c) => c.text)).toEqual(["1", "0", "0", "%"]);
  });

  test("refuses one that adds a character, loses the per-cent sign, or is no figure", () => {
    const out = withFigures(words, slots, reread(["1009%", "169", "103", "9.5.%"]));
    expect(out.map((w) => w.text)).toEqual(["1009%", "169%6", "10", "95％p"]);
  });
});
