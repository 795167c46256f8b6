/**
 * .pdf reader: pdf.js's text items and ruling lines → the Tika layout (see types.ts). Tables come from their
 * ruling lines (lattice); running headers, footers and page numbers are dropped. A scan (no text layer) is read
 * by OCR (pdf/ocr.ts), and so is a page that is only an image in a PDF typed otherwise, and a PDF whose text layer
 * is not the text its pages show: fonts embedded without a Unicode map (as print drivers and some office suites
 * write them) give letters, or rare characters in the order of the font's glyphs, where the page shows Chinese.
 */
import { ParseError } from "../extract/errors.ts";
import { toBlocks, toLayout } from "./pdf/layout.ts";
import { openPdf, readPage } from "./pdf/load.ts";
import { ocrPages } from "./pdf/ocr.ts";
import { fullWidthPunctuation } from "./pdf/raster.ts";
import type { PageContent } from "./pdf/load.ts";
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
    const unmapped = !allBlank && !readableText(pages);
    // Pages read by OCR into the same geometry, so their tables come from their rulings as here: every page whose
    // text layer is not its text, and each page that is only an image (a whole scan, or the signed and stamped
    // 自评表 scanned into a report typed otherwise).
    const scanned = pages.filter((p) => (unmapped && !blank(p)) || (blank(p) && p.hasImages)).map((p) => p.page);
    if (scanned.length === 0) {
      const { text, pages: linePages } = toLayout(toBlocks(pages));
      return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: [] };
    }
    if (options.ocr === false) throw new OcrLater(sourceFile);
    const scan = await ocrPages(bytes, sourceFile, scanned);
    const read = new Map(scan.pages.map((p) => [p.page, p]));
    const { text: laid, pages: linePages, confidence: perLine } = toLayout(toBlocks(pages.map((p) => read.get(p.page) ?? p)));
    // Full-width marks where OCR read ASCII ones beside Han (raster.ts), on the OCR's lines only.
    const text = laid.split("\n").map((line, i) => (read.has(linePages[i] ?? 0) ? fullWidthPunctuation(line) : line)).join("\n");
    const lines = { words: perLine.map((c) => c.conf ?? null), figures: perLine.map((c) => c.figureConf ?? null) };
    const confidence = Math.round(scan.confidence.reduce((s, c) => s + c, 0) / scan.confidence.length);
    return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: [], ocr: { pages: scan.pages.length, confidence, engine: scan.engine, lines, unmappedText: unmapped } };
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

function openError(e: unknown, sourceFile: string): ParseError {
  const name = e instanceof Error ? e.name : "";
  if (name === "PasswordException") return new ParseError(sourceFile, null, "a PDF that opens without a password", "an encrypted PDF");
  const message = e instanceof Error ? e.message : String(e);
  return new ParseError(sourceFile, null, "a readable PDF", `bytes pdf.js cannot read (${message})`);
}
