/** ≥ and ≤ read from the ink where Tesseract's Chinese model offers a Han character or a stray mark (comparison-signs.ts). */
import { describe, expect, test } from "vitest";
import { comparisonSign, withComparisonSigns } from "../../src/readers/pdf/comparison-signs.ts";
import type { OcrWord } from "../../src/readers/pdf/raster.ts";
import type { GrayImage } from "../../src/readers/pdf/scan-image.ts";

const W = 120;
const H = 60;
/** A white image with thick strokes from (x0, y0) to (x1, y1), 3 px wide. */
function drawn(strokes: [number, number, number, number][]): GrayImage {
  const pixels = new Uint8Array(W * H).fill(255);
  for (const [x0, y0, x1, y1] of strokes) {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
    for (let i = 0; i <= steps; i++) {
      const x = Math.round(x0 + ((x1 - x0) * i) / steps);
      const y = Math.round(y0 + ((y1 - y0) * i) / steps);
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) pixels[(y + dy) * W + x + dx] = 0;
    }
  }
  return { width: W, height: H, pixels };
}
const greater: [number, number, number, number][] = [[20, 12, 40, 24], [40, 24, 20, 36]];
const less: [number, number, number, number][] = [[40, 12, 20, 24], [20, 24, 40, 36]];
const level: [number, number, number, number] = [20, 44, 40, 44];
const slanted: [number, number, number, number] = [20, 48, 40, 38];
/** A digit-like stroke right of the sign: what follows it. */
const digit: [number, number, number, number][] = [[60, 12, 60, 44], [56, 12, 60, 12]];

describe("comparisonSign", () => {
  test.each([
    ["≥ with a level bar", [...greater, level, ...digit], "≥"],
    ["⩾, the bar slanted", [...greater, slanted, ...digit], "≥"],
    ["≤ with a level bar", [...less, level, ...digit], "≤"],
    ["⩽, the bar slanted", [...less, [20, 38, 40, 48] as [number, number, number, number], ...digit], "≤"],
  ])("%s", (_, strokes, sign) => {
    expect(comparisonSign(drawn(strokes as [number, number, number, number][]), 5, 2, 80, 58)).toBe(sign);
  });

  test.each([
    ["> alone", [...greater, ...digit]],
    ["a bar alone", [level, ...digit]],
    ["二: two bars", [[20, 20, 40, 20], [16, 40, 44, 40], ...digit]],
    ["a chevron with a bar too short", [...greater, [28, 44, 34, 44], ...digit]],
    ["a third stroke over the chevron, as in a Han character", [...greater, level, [24, 5, 36, 5], ...digit]],
  ])("%s is no sign", (_, strokes) => {
    expect(comparisonSign(drawn(strokes as [number, number, number, number][]), 5, 2, 80, 58)).toBeNull();
  });

  test("ink cut by the region's left edge may belong to the character before: no sign", () => {
    expect(comparisonSign(drawn([...greater, level, ...digit]), 30, 2, 80, 58)).toBeNull();
  });
});

describe("withComparisonSigns", () => {
  const word = (text: string, left: number, boxes: [number, number][], conf = 0): OcrWord => ({
    text, left, top: 12, width: boxes.at(-1)![1] - left, height: 33, conf, line: "line_1",
    chars: [...text].map((t, i) => ({ text: t, box: [boxes[i]![0], 12, boxes[i]![1], 45] as [number, number, number, number] })),
  });
  const image = drawn([...greater, level, ...digit]);

  test("a stand-in read as its own word before the figure joins it as ≥; its lower confidence is kept", () => {
    const out = withComparisonSigns([word("袜", 22, [[22, 42]]), word("1", 55, [[55, 63]], 93)], image);
    expect(out.map((w) => [w.text, w.conf])).toEqual([["≥1", 0]]);
  });

  test("a stand-in opening the figure's word becomes ≥; a word the ink does not back stays as read", () => {
    expect(withComparisonSigns([word("关1", 22, [[22, 42], [55, 63]], 40)], image)[0]!.text).toBe("≥1");
    expect(withComparisonSigns([word("关1", 22, [[22, 42], [55, 63]], 40)], drawn([...greater, ...digit]))[0]!.text).toBe("关1");
    // A digit first, or a letter: nothing to read.
    expect(withComparisonSigns([word("A1", 22, [[22, 42], [55, 63]], 40)], image)[0]!.text).toBe("A1");
  });
});
