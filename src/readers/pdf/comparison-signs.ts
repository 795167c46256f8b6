/**
 * ≥ and ≤ before a figure, read from the ink. Tesseract's Chinese model has no such glyph to offer and reads the
 * sign in "≥95%" as a Han character or a stray mark (袜95%, 关90%, 亏95%, 兰20亿元, <100%, ”95%), yet the sign is what
 * an indicator's target means. Where such a stand-in comes before a figure, the leftmost ink there is looked at:
 * exactly a chevron (> or <) and, below it, one thin bar as wide (level, or slanted as ⩾ ⩽ print it), with
 * nothing else beside them, is the sign; anything else is left as read.
 * Pure: words and the page image in, words out.
 */
import { withChars, type OcrWord } from "./raster.ts";
import { INK, type GrayImage } from "./scan-image.ts";

/** A character the model puts where a comparison sign stands: anything but a digit, a letter or a sign it can read. */
const STAND_IN = /^[^\p{Nd}\p{L}≥≤=%％.]$|^\p{Script=Han}$/u;

interface Blob {
  pixels: [number, number][];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** 4-connected blobs of ink in [x0, x1) × [y0, y1). */
function blobs(image: GrayImage, x0: number, y0: number, x1: number, y1: number): Blob[] {
  const w = x1 - x0;
  const h = y1 - y0;
  const seen = new Uint8Array(w * h);
  const ink = (x: number, y: number) => image.pixels[(y0 + y) * image.width + x0 + x]! < INK;
  const out: Blob[] = [];
  for (let sy = 0; sy < h; sy++) {
    for (let sx = 0; sx < w; sx++) {
      if (seen[sy * w + sx] || !ink(sx, sy)) continue;
      const blob: Blob = { pixels: [], x0: sx, x1: sx, y0: sy, y1: sy };
      const stack: [number, number][] = [[sx, sy]];
      seen[sy * w + sx] = 1;
      while (stack.length > 0) {
        const [x, y] = stack.pop()!;
        blob.pixels.push([x, y]);
        blob.x0 = Math.min(blob.x0, x);
        blob.x1 = Math.max(blob.x1, x);
        blob.y0 = Math.min(blob.y0, y);
        blob.y1 = Math.max(blob.y1, y);
        for (const [nx, ny] of [[x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]] as const) {
          if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || !ink(nx, ny)) continue;
          seen[ny * w + nx] = 1;
          stack.push([nx, ny]);
        }
      }
      out.push(blob);
    }
  }
  return out;
}

/** The mean x of a blob's ink in the rows of [from, to) (fractions of its height), or null where it has none. */
function meanX(b: Blob, from: number, to: number): number | null {
  const h = b.y1 - b.y0 + 1;
  const xs = b.pixels.filter(([, y]) => y - b.y0 >= from * h && y - b.y0 < to * h).map(([x]) => x);
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** > or < drawn as one stroke: its middle rows far to one side of its top and bottom rows. */
function chevron(b: Blob): ">" | "<" | null {
  const w = b.x1 - b.x0 + 1;
  const h = b.y1 - b.y0 + 1;
  if (h < 8 || w < 0.4 * h || w > 1.6 * h) return null;
  const [top, mid, bottom] = [meanX(b, 0, 0.15), meanX(b, 0.4, 0.6), meanX(b, 0.85, 1)];
  if (top === null || mid === null || bottom === null) return null;
  if (mid - top >= 0.4 * w && mid - bottom >= 0.4 * w) return ">";
  if (top - mid >= 0.4 * w && bottom - mid >= 0.4 * w) return "<";
  return null;
}

/** A thin stroke under the chevron, about as wide: every column of it holds little ink. */
function bar(b: Blob, sign: Blob): boolean {
  const w = b.x1 - b.x0 + 1;
  const signW = sign.x1 - sign.x0 + 1;
  const signH = sign.y1 - sign.y0 + 1;
  if (w < 0.6 * signW || (b.y0 + b.y1) / 2 <= (sign.y0 + sign.y1) / 2 || b.y1 <= sign.y1 - signH * 0.1) return false;
  const column = new Map<number, number>();
  for (const [x] of b.pixels) column.set(x, (column.get(x) ?? 0) + 1);
  return Math.max(...column.values()) <= 0.3 * signH;
}

/** Blobs smaller than this (pixels) are dust. */
const DUST = 6;

/**
 * The sign the leftmost ink of [x0, x1) × [y0, y1) draws, or null: two blobs one above the other, a chevron and a
 * thin bar under it as wide, with nothing else beside them (what follows starts right of both). The region runs
 * from before the stand-in to the end of the figure: the engine's boxes put the sign's ink in the digit's box and
 * the digit's in the stand-in's, so only the ink is trusted, and only for the sign.
 */
export function comparisonSign(image: GrayImage, x0: number, y0: number, x1: number, y1: number): "≥" | "≤" | null {
  const [cx0, cy0] = [Math.max(0, x0), Math.max(0, y0)];
  const [cx1, cy1] = [Math.min(image.width, x1), Math.min(image.height, y1)];
  if (cx1 - cx0 < 4 || cy1 - cy0 < 8) return null;
  const found = blobs(image, cx0, cy0, cx1, cy1)
    .filter((b) => b.pixels.length >= DUST)
    .sort((a, b) => a.x0 - b.x0);
  const leftmost = found[0];
  // Ink at the region's left edge may be the previous character's: then this is no sign standing alone.
  if (!leftmost || leftmost.x0 === 0) return null;
  const group = found.filter((b) => b.x0 <= leftmost.x1);
  if (group.length !== 2) return null;
  const right = Math.max(...group.map((b) => b.x1));
  if (found.some((b) => !group.includes(b) && b.x0 <= right) || group.some((b) => b.y0 === 0 || b.y1 === cy1 - cy0 - 1)) return null;
  const [upper, lower] = [...group].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const kind = chevron(upper!);
  if (!kind || !bar(lower!, upper!)) return null;
  return kind === ">" ? "≥" : "≤";
}

/**
 * Each stand-in for a sign before a figure replaced by ≥ or ≤ where the ink shows one: the first character of a
 * word whose second is a digit, or a word of one character just before a word that starts with a digit on its
 * line (the two become one word, as the cell prints them). Confidence is kept, so the row is still checked.
 */
export function withComparisonSigns(words: readonly OcrWord[], image: GrayImage): OcrWord[] {
  const out: OcrWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const [first, second] = w.chars;
    if (!first || !STAND_IN.test(first.text)) {
      out.push(w);
      continue;
    }
    const h = w.height;
    // From up to a line's height left of the stand-in (its box may miss the sign's left arm), not into the word
    // before it, to the end of the figure.
    const before = words[i - 1];
    const from = Math.max(first.box[0] - h, before && before.line === w.line ? before.left + before.width + 1 : 0);
    const signAt = (figure: OcrWord) => comparisonSign(image, from, w.top - Math.round(h / 4), figure.left + figure.width + 2, w.top + h + Math.round(h / 4));
    if (second && /^\d/.test(second.text)) {
      const sign = signAt(w);
      out.push(sign ? withChars(w, [{ ...first, text: sign }, ...w.chars.slice(1)]) : w);
    } else if (!second && next && next.line === w.line && /^\d/.test(next.text) && next.left - (w.left + w.width) <= h) {
      const sign = signAt(next);
      if (sign) {
        out.push(withChars({ ...next, conf: Math.min(w.conf, next.conf) }, [{ ...first, text: sign }, ...next.chars]));
        i++;
      } else out.push(w);
    } else out.push(w);
  }
  return out;
}
