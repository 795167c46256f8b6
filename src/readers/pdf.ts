/**
 * .pdf reader: pdf.js's text items and ruling lines → the Tika layout (see types.ts). Tables come from their
 * ruling lines (lattice); running headers, footers and page numbers are dropped. A scan (no text layer) is read
 * by OCR (pdf/ocr.ts), and so is a page that is only an image in a PDF typed otherwise, and a PDF whose text layer
 * is not the text its pages show: fonts embedded without a Unicode map (as print drivers and some office suites
 * write them) give letters, or rare characters in the order of the font's glyphs, where the page shows Chinese.
 * Where only some fonts have no map, their runs of glyphs are read by OCR where they stand (pdf/glyph-ocr.ts).
 */
import { ParseError } from "../extract/errors.ts";
import { toBlocks, toLayout } from "./pdf/layout.ts";
import { openPdf, readPage } from "./pdf/load.ts";
import { readUnmappedRuns } from "./pdf/glyph-ocr.ts";
import { ocrPages } from "./pdf/ocr.ts";
import { fullWidthPunctuation } from "./pdf/raster.ts";
import type { PageContent, TextItem } from "./pdf/load.ts";
import { damagedLinesOf } from "./text.ts";
import { OcrLater, type DocumentText, type ReadOptions } from "./types.ts";

export async function readPdf(bytes: Uint8Array, sourceFile: string, options: ReadOptions = {}): Promise<DocumentText> {
  const { doc, close } = await openPdf(bytes).catch((e: unknown) => {
    throw openError(e, sourceFile);
  });
  try {
    const pages: PageContent[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      pages.push(
        await readPage(doc, p).catch((e: unknown) => {
          throw new ParseError(sourceFile, null, "a readable PDF", `page ${p} pdf.js cannot read (${e instanceof Error ? e.message : String(e)})`);
        }),
      );
    }
    const blank = (p: PageContent) => p.items.every((i) => i.str.trim() === "");
    const allBlank = pages.every(blank);
    if (allBlank && !pages.some((p) => p.hasImages)) throw new ParseError(sourceFile, null, "a PDF with a text layer", "pages without any text");
    // A text layer that is not the text its pages show (fonts without a map): the whole of it, whose pages are read
    // as scans (measured on 洪江's LibreOffice PDF with every map cut: 16 of 17 facts and 20 of 22 indicators that
    // way, 9 and 8 by its runs), or some fonts' text, whose runs are read where they stand (glyph-ocr.ts: the rest
    // stays the text layer's, exact).
    const readable = allBlank || readableText(pages);
    const fonts = readable && !allBlank ? fontsWithoutMap(pages) : new Set<string>();
    const unmapped = (item: TextItem) => item.font !== undefined && fonts.has(item.font);
    const garbled = pages.some((p) => p.items.some(unmapped));
    // Each page that is only an image (a whole scan, or the signed and stamped 自评表 scanned into a report typed
    // otherwise) is read by OCR into the same geometry, so its tables come from its rulings as here.
    const scanned = pages.filter((p) => (!readable && !blank(p)) || (blank(p) && p.hasImages)).map((p) => p.page);
    if (scanned.length === 0 && !garbled) {
      const { text, pages: linePages } = toLayout(toBlocks(pages));
      return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: [] };
    }
    if (options.ocr === false) throw new OcrLater(sourceFile);
    const glyphs = garbled ? await readUnmappedRuns(bytes, sourceFile, pages, unmapped) : null;
    const scan = scanned.length > 0 ? await ocrPages(bytes, sourceFile, scanned) : null;
    const read = new Map((scan?.pages ?? []).map((p) => [p.page, p]));
    const { text: laid, pages: linePages, confidence: perLine } = toLayout(toBlocks((glyphs?.pages ?? pages).map((p) => read.get(p.page) ?? p)));
    // Full-width marks where OCR read ASCII ones beside Han (raster.ts), on the scanned pages' lines only (the runs
    // read in fonts without a map had theirs restored run by run).
    const text = laid.split("\n").map((line, i) => (read.has(linePages[i] ?? 0) ? fullWidthPunctuation(line) : line)).join("\n");
    const lines = { words: perLine.map((c) => c.conf ?? null), figures: perLine.map((c) => c.figureConf ?? null) };
    const scores = [...(scan?.confidence ?? []), ...(glyphs ? Array(glyphs.read).fill(glyphs.confidence) : [])];
    const confidence = Math.round(scores.reduce((s, c) => s + c, 0) / scores.length);
    const engine = scan?.engine ?? glyphs!.engine;
    const ocr = { pages: scanned.length + (glyphs?.read ?? 0), confidence, engine, lines, unmappedText: !readable || glyphs !== null, runs: glyphs?.runs ?? 0 };
    return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: damagedLinesOf(text), ocr };
  } finally {
    await close();
  }
}

/** Below this share of Han characters a text layer is not the text of a Chinese report (which is mostly Han). */
const MIN_HAN_SHARE = 0.01;
/**
 * Below this share of its Han characters among the 3,755 most common (GB 2312's first level) it is not Chinese
 * text either: a report's text has about nine in ten there, while glyph numbers read as code points scatter over
 * the 27,000 of the CJK blocks (about one in seven there).
 */
const MIN_COMMON_SHARE = 0.5;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0x09 && c <= 0x0d);

let common: Set<number> | undefined;
/** GB 2312's first level (rows 16–55: bytes B0–D7 then A1–FE), decoded once. */
function commonHan(): Set<number> {
  if (common) return common;
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  const text = new TextDecoder("gb18030").decode(new Uint8Array(bytes));
  common = new Set([...text].map((c) => c.codePointAt(0)!).filter(isHan));
  return common;
}

/**
 * Whether a text layer is the Chinese text its pages show. Fonts embedded without a map to Unicode give letters
 * and symbols (no Han at all), or, read by glyph number, Han characters no report uses (䇗䈲婛娡䄬熭㰣…).
 */
export function readableText(pages: readonly { items: readonly { str: string }[] }[]): boolean {
  let visible = 0;
  let han = 0;
  let usual = 0;
  const known = commonHan();
  // Counted by char code: a PDF has thousands of items, and this runs on every one.
  for (const page of pages) {
    for (const { str } of page.items) {
      for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        if (!isSpace(c)) visible += 1;
        if (isHan(c)) {
          han += 1;
          if (known.has(c)) usual += 1;
        }
      }
    }
  }
  return han >= visible * MIN_HAN_SHARE && usual >= han * MIN_COMMON_SHARE;
}

/** Fonts without a map show this many visible characters, and this share of the text, before they are judged. */
const MIN_FONT_CHARS = 20;
const MIN_ODD_SHARE = 0.005;
// The few symbols outside these blocks a report prints: ° · × ÷ ± § • ‰ ℃ № ≈ ≠ ≤ ≥ ※.
const SYMBOLS = new Set([0xb0, 0xb7, 0xd7, 0xf7, 0xb1, 0xa7, 0x2022, 0x2030, 0x2103, 0x2116, 0x2248, 0x2260, 0x2264, 0x2265, 0x203b]);
/**
 * Characters a report's text is made of: ASCII, common Han, dashes and quotes, Roman numerals, ①, radicals, CJK
 * marks, units squared (㎡ ㎞), full width. A font read by glyph number gives control characters, rare Han and Latin-1 letters (¢ ü ©).
 */
function plausible(c: number, known: Set<number>): boolean {
  if (isHan(c)) return known.has(c);
  return (c > 0x20 && c < 0x7f) || SYMBOLS.has(c) || (c >= 0x2010 && c <= 0x2026) || (c >= 0x2160 && c <= 0x217f) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2e80 && c <= 0x303f) || (c >= 0x3380 && c <= 0x33df) || (c >= 0xff01 && c <= 0xffef);
}

const isKangxi = (c: number) => c >= 0x2f00 && c <= 0x2fd5;
/**
 * A font whose text is all Kangxi radicals, many of them and far apart, is glyph numbers read as code points (pdf.js
 * gives 12,032–12,245 as ⽰⼔⼥⿁⿏ for 和员品…). A font that maps characters to their radicals (⼯ for 工, as a
 * browser's print does) either holds other characters too, or, split small by the print, a few radicals next to each
 * other in radical order (⾃⾄, ⾯⾮⾰: its glyphs are in that order): every print fixture's fonts are so.
 */
function scatteredRadicals(f: { visible: number; radicals: Set<number>; radicalChars: number }): boolean {
  if (f.radicalChars < 0.9 * f.visible || f.radicals.size < 4) return false;
  const codes = [...f.radicals];
  return Math.max(...codes) - Math.min(...codes) > 0x20;
}

/**
 * The fonts whose text layer is not their text: where some fonts of a PDF were embedded without a map to Unicode,
 * the text layer is part Chinese and part glyph numbers (control characters, rare Han, Latin-1 letters, Yi and
 * Hangul syllables), too little of it for the document's share to tell. A font is judged on all of its text: most
 * of it implausible for a report, it has no map.
 */
export function fontsWithoutMap(pages: readonly { items: readonly { str: string; font?: string }[] }[]): Set<string> {
  const known = commonHan();
  const fonts = new Map<string, { visible: number; odd: number; radicals: Set<number>; radicalChars: number }>();
  for (const page of pages) {
    for (const { str, font } of page.items) {
      if (font === undefined) continue;
      let f = fonts.get(font);
      if (!f) fonts.set(font, (f = { visible: 0, odd: 0, radicals: new Set(), radicalChars: 0 }));
      for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        if (isSpace(c)) continue;
        f.visible += 1;
        if (!plausible(c, known)) f.odd += 1;
        if (isKangxi(c)) {
          f.radicals.add(c);
          f.radicalChars += 1;
        }
      }
    }
  }
  for (const f of fonts.values()) if (scatteredRadicals(f)) f.odd += f.radicalChars;
  // A print driver splits a font into many small ones (chromium: a Type 3 font per few glyphs), so the fonts whose
  // text is mostly implausible are judged together; a few rare characters in fonts of their own (a name's 慀) are
  // not a missing map: so many, and a share of the text.
  const all = [...fonts.entries()];
  const odd = all.filter(([, f]) => f.odd * 2 > f.visible);
  const oddChars = odd.reduce((s, [, f]) => s + f.visible, 0);
  if (oddChars < MIN_FONT_CHARS || oddChars < MIN_ODD_SHARE * all.reduce((s, [, f]) => s + f.visible, 0)) return new Set();
  return new Set(odd.map(([name]) => name));
}

function openError(e: unknown, sourceFile: string): ParseError {
  const name = e instanceof Error ? e.name : "";
  if (name === "PasswordException") return new ParseError(sourceFile, null, "a PDF that opens without a password", "an encrypted PDF");
  const message = e instanceof Error ? e.message : String(e);
  return new ParseError(sourceFile, null, "a readable PDF", `bytes pdf.js cannot read (${message})`);
}
