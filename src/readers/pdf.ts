/**
 * .pdf reader: pdf.js's text items and ruling lines → the Tika layout (see types.ts). Tables come from their
 * ruling lines (lattice); running headers, footers and page numbers are dropped. A scan (no text layer) is read
 * by OCR (pdf/ocr.ts); a text layer that holds no Chinese (fonts without a Unicode map) is refused.
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
    if (pages.every((p) => p.items.every((i) => i.str.trim() === ""))) {
      if (!pages.some((p) => p.hasImages)) throw new ParseError(sourceFile, null, "a PDF with a text layer", "pages without any text");
      // Only images: a scan, read by OCR into the same geometry, so its tables come from their rulings as here.
      if (options.ocr === false) throw new OcrLater(sourceFile);
      const scan = await ocrPages(bytes, sourceFile);
      const { text: read, pages: linePages, confidence: perLine } = toLayout(toBlocks(scan.pages));
      const text = fullWidthPunctuation(read);
      const lines = { words: perLine.map((c) => c.conf ?? null), figures: perLine.map((c) => c.figureConf ?? null) };
      const confidence = Math.round(scan.confidence.reduce((s, c) => s + c, 0) / scan.confidence.length);
      return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: [], ocr: { pages: scan.pages.length, confidence, engine: scan.engine, lines } };
    }
    refuseUnreadableText(pages, sourceFile);
    const { text, pages: linePages } = toLayout(toBlocks(pages));
    return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: [] };
  } finally {
    await close();
  }
}

/** Below this share of Han characters a text layer is not the text of a Chinese report (which is mostly Han). */
const MIN_HAN_SHARE = 0.01;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0x09 && c <= 0x0d);

/**
 * A text layer whose fonts map no glyph to Unicode gives letters and symbols where the page shows Chinese:
 * refused with that cause, rather than read into a text that names no department and no year.
 */
function refuseUnreadableText(pages: readonly PageContent[], sourceFile: string): void {
  let visible = 0;
  let han = 0;
  // Counted by char code: a PDF has thousands of items, and this runs on every one.
  for (const page of pages) {
    for (const { str } of page.items) {
      for (let i = 0; i < str.length; i++) {
        const c = str.charCodeAt(i);
        if (!isSpace(c)) visible += 1;
        if (isHan(c)) han += 1;
      }
    }
  }
  if (han >= visible * MIN_HAN_SHARE) return;
  throw new ParseError(
    sourceFile,
    null,
    "a PDF whose text layer holds Chinese text",
    `a text layer of ${visible} characters with ${han === 0 ? "no" : `only ${han}`} Chinese among them: its fonts map their glyphs to no Unicode text, or it is no Chinese report; reading what the pages show would need OCR, which this reader runs only on pages without a text layer (scans)`,
  );
}

function openError(e: unknown, sourceFile: string): ParseError {
  const name = e instanceof Error ? e.name : "";
  if (name === "PasswordException") return new ParseError(sourceFile, null, "a PDF that opens without a password", "an encrypted PDF");
  const message = e instanceof Error ? e.message : String(e);
  return new ParseError(sourceFile, null, "a readable PDF", `bytes pdf.js cannot read (${message})`);
}
