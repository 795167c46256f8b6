/**
 * Text items from pdf.js's operator list (the showText operators and the text state), so a page is read in
 * one pass: getTextContent would load and walk the same fonts and glyphs a second time. Positions follow the
 * PDF text model (ISO 32000-1 §9.4): glyph advance tx = (w0·Tfs + Tc + Tw)·Th, a TJ number n moves −n/1000·Tfs·Th.
 */
import { normalizeUnicode, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "./load.ts";

export type Matrix = [number, number, number, number, number, number];

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The text state parameters that q/Q save and restore with the graphics state. */
export interface TextParams {
  font: string | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

export const initialTextParams = (): TextParams => ({ font: null, size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 });

interface Glyph {
  unicode: string;
  width: number;
  isSpace: boolean;
}

const CONTROL = /^[\u0009-\u000d\u001c-\u001f\u0085]+$/;
// A TJ adjustment wider than this (thousandths of an em) is a gap between words or cells, not kerning.
const GAP_ADJUSTMENT = 150;

/** Follows BT/ET, Tm, Td, T*, Tf … and turns each showText into text items (split at spaces and wide gaps). */
export class TextReader {
  items: TextItem[] = [];
  /** Glyphs the text layer gives as blank, where they stand: spaces, or a font without a map's glyphs 32 and 160. */
  blanks: TextItem[] = [];
  params: TextParams = initialTextParams();
  #tm: Matrix = IDENTITY;
  #tlm: Matrix = IDENTITY;
  readonly #fontMatrix: (font: string) => number[] | null;

  constructor(fontMatrix: (font: string) => number[] | null) {
    this.#fontMatrix = fontMatrix;
  }

  /** Handles a text operator; returns false for any other operator. `ctm` is the current transform. */
  handle(fn: number, args: unknown[] | null, ctm: Matrix): boolean {
    const p = this.params;
    switch (fn) {
      case OPS.beginText:
        this.#tm = this.#tlm = IDENTITY;
        return true;
      case OPS.setTextMatrix:
        this.#tm = this.#tlm = Array.from(args![0] as ArrayLike<number>) as Matrix;
        return true;
      case OPS.moveText:
        this.#moveText(args![0] as number, args![1] as number);
        return true;
      case OPS.setLeadingMoveText:
        p.leading = -(args![1] as number);
        this.#moveText(args![0] as number, args![1] as number);
        return true;
      case OPS.nextLine:
        this.#moveText(0, -p.leading);
        return true;
      case OPS.setLeading:
        p.leading = args![0] as number;
        return true;
      case OPS.setFont:
        p.font = args![0] as string;
        p.size = args![1] as number;
        return true;
      case OPS.setCharSpacing:
        p.charSpacing = args![0] as number;
        return true;
      case OPS.setWordSpacing:
        p.wordSpacing = args![0] as number;
        return true;
      case OPS.setHScale:
        p.hScale = (args![0] as number) / 100;
        return true;
      case OPS.setTextRise:
        p.rise = args![0] as number;
        return true;
      case OPS.showText:
        this.#show(args![0] as (Glyph | number | null)[], ctm);
        return true;
      default:
        return false;
    }
  }

  #moveText(tx: number, ty: number): void {
    this.#tlm = multiply(this.#tlm, [1, 0, 0, 1, tx, ty]);
    this.#tm = this.#tlm;
  }

  #show(glyphs: (Glyph | number | null)[], ctm: Matrix): void {
    const p = this.params;
    const unitsPerEm = p.font ? (this.#fontMatrix(p.font)?.[0] ?? 0.001) : 0.001;
    let run: { str: string; start: number; end: number } | null = null;
    let x = 0; // advance in text space along the line
    const flush = () => {
      if (run && run.str.trim() !== "") this.#emit(run.str, run.start, run.end, ctm);
      run = null;
    };
    for (const g of glyphs) {
      if (typeof g === "number") {
        if (Math.abs(g) > GAP_ADJUSTMENT) flush();
        x -= (g / 1000) * p.size * p.hScale;
        continue;
      }
      if (!g) continue;
      const advance = (g.width * unitsPerEm * p.size + p.charSpacing + (g.isSpace ? p.wordSpacing : 0)) * p.hScale;
      // isSpace says the code is 32 (word spacing applies to it), not that the glyph is blank: a subset font
      // may put a Han character there. A control character is no blank either: a font without a map to Unicode
      // gives its glyph numbers (tab to carriage return among them), and the glyph is still shown there.
      if (g.unicode.trim() === "" && !CONTROL.test(g.unicode)) {
        flush();
        if (g.width > 0) this.#emit(" ", x, x + g.width * unitsPerEm * p.size * p.hScale, ctm, this.blanks);
      } else {
        run ??= { str: "", start: x, end: x };
        run.str += g.unicode;
        run.end = x + g.width * unitsPerEm * p.size * p.hScale;
      }
      x += advance;
    }
    flush();
    this.#tm = multiply(this.#tm, [1, 0, 0, 1, x, 0]);
  }

  #emit(str: string, start: number, end: number, ctm: Matrix, to: TextItem[] = this.items): void {
    const p = this.params;
    const m = multiply(ctm, multiply(this.#tm, [p.size, 0, 0, p.size, start, p.rise]));
    const [a, b, , d, e, f] = m;
    // Text not upright as viewed (a stamp, a watermark, a vertical label) is not part of any line.
    if (Math.abs(b) > 1e-3 * Math.abs(a) || a <= 0 || d <= 0) return;
    const scale = a / p.size;
    to.push({ str: normalizeUnicode(str), x: e, y: f, w: (end - start) * scale, size: a, ...(p.font ? { font: p.font } : {}) });
  }
}
