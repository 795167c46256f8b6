/**
 * Figures the Chinese model read with doubt, read again by the English model with only digits, point, comma and
 * per cent allowed. On scanned tables chi_sim adds a stray 9, 6 or p about a per-cent sign (1009%, 169%6, 100%p for
 * 100% and 16%); the same crop read on its own by eng gives the figure. The second reading may only leave out
 * characters of the first, never add one (it reads 10 beside 分 as 103), and only a word that is a figure alone,
 * below the doubt threshold (UNCERTAIN_OCR), is read again; its confidence is kept, so every figure changed here is still checked
 * (ocr_uncertain), and no figure the engine was sure of changes. Pure: the strip of crops is built here, the engine
 * runs in ocr.ts, its hOCR comes back to `withFigures`.
 */
import { UNCERTAIN_OCR } from "../../schema/tables.ts";
import type { OcrChar, OcrWord } from "./raster.ts";
import type { GrayImage } from "./scan-image.ts";

/** White around each crop, and between crops in the strip, in pixels (300 dpi). */
const MARGIN = 6;
const GAP = 40;
/** What the English model may read. */
export const FIGURE_CHARS = "0123456789.,%";

/** A doubtful figure word (its index) and where its crop sits in the strip. */
export interface FigureSlot {
  word: number;
  /** Rows [top, top + height) of the strip. */
  top: number;
  height: number;
}

const FIGURE_CHAR = /^[\d.,%％]$/u;

/**
 * Whether the word is a figure and nothing else: figure characters from a digit on, with Latin letters after its
 * per-cent sign (100%p: no figure is followed by one; they go if the second reading finds no such ink). A figure
 * run together with Han text (10分, 20亿元) is left alone: the engine's character boxes are too loose there to
 * crop the figure alone.
 */
function wholeFigure(chars: readonly OcrChar[]): boolean {
  if (!/^\d$/.test(chars[0]?.text ?? "")) return false;
  let to = 0;
  while (to < chars.length && FIGURE_CHAR.test(chars[to]!.text)) to++;
  if (/^[%％]$/.test(chars[to - 1]!.text)) while (to < chars.length && /^[A-Za-z]$/.test(chars[to]!.text)) to++;
  return to === chars.length;
}

/** The crops of every doubtful word's figure, stacked one under another on white, and where each one is. */
export function figureStrip(words: readonly OcrWord[], image: GrayImage): { strip: GrayImage; slots: FigureSlot[] } | null {
  const crops: { word: number; box: [number, number, number, number] }[] = [];
  words.forEach((w, i) => {
    // Only what the rows are checked for: a figure the engine was sure of is never read again.
    if (w.conf >= UNCERTAIN_OCR || !wholeFigure(w.chars)) return;
    // Not into the words either side on its line: their ink is no part of the figure.
    const before = words[i - 1]?.line === w.line ? words[i - 1] : undefined;
    const after = words[i + 1]?.line === w.line ? words[i + 1] : undefined;
    const left = Math.max(w.left - MARGIN, before ? before.left + before.width + 1 : 0, 0);
    const right = Math.min(w.left + w.width + MARGIN, after ? after.left - 1 : image.width, image.width);
    const top = Math.max(0, w.top - MARGIN);
    const bottom = Math.min(image.height, w.top + w.height + MARGIN);
    if (right - left < 4 || bottom - top < 4) return;
    crops.push({ word: i, box: [left, top, right, bottom] });
  });
  if (crops.length === 0) return null;
  const width = Math.max(...crops.map((c) => c.box[2] - c.box[0])) + 2 * GAP;
  const height = crops.reduce((s, c) => s + c.box[3] - c.box[1] + GAP, GAP);
  const pixels = new Uint8Array(width * height).fill(255);
  const slots: FigureSlot[] = [];
  let y = GAP;
  for (const { word, box } of crops) {
    const [x0, y0, x1, y1] = box;
    for (let row = y0; row < y1; row++) pixels.set(image.pixels.subarray(row * image.width + x0, row * image.width + x1), (y + row - y0) * width + GAP);
    slots.push({ word, top: y, height: y1 - y0 });
    y += y1 - y0 + GAP;
  }
  return { strip: { width, height, pixels }, slots };
}

/** Whether `short` is `long` with some characters left out. */
function subsequence(short: string, long: string): boolean {
  let at = 0;
  for (const c of long) if (c === short[at]) at++;
  return at === short.length;
}

const FIGURE = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$|^\d+(?:\.\d+)?%?$/;

/**
 * The words with each slot's figure as the strip's reading gives it (words the reading puts on the slot's rows),
 * where that is a figure, has a per-cent sign where the first reading had one, and is the first reading with
 * characters left out.
 */
export function withFigures(words: readonly OcrWord[], slots: readonly FigureSlot[], reread: readonly OcrWord[]): OcrWord[] {
  const out = [...words];
  for (const slot of slots) {
    const text = reread
      .filter((r) => {
        const mid = r.top + r.height / 2;
        return mid >= slot.top && mid < slot.top + slot.height;
      })
      .sort((a, b) => a.left - b.left)
      .map((r) => r.text)
      .join("");
    const w = words[slot.word]!;
    const was = w.text.replace("％", "%");
    if (text === was || !FIGURE.test(text) || text.endsWith("%") !== was.includes("%") || !subsequence(text, was)) continue;
    // Each character gets the word's box (the second reading's boxes are in the strip); a full-width ％ stays so.
    const box: OcrChar["box"] = [w.left, w.top, w.left + w.width, w.top + w.height];
    const wide = w.text.includes("％");
    const chars = [...text].map((t) => ({ text: wide && t === "%" ? "％" : t, box }));
    out[slot.word] = { ...w, chars, text: chars.map((c) => c.text).join("") };
  }
  return out;
}
