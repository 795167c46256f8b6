/**
 * .pdf reader: pdf.js's text items and ruling lines → the Tika layout (see types.ts). Tables come from their
 * ruling lines (lattice); running headers, footers and page numbers are dropped. A scan (no text layer) is
 * refused: it needs OCR.
 */
import { ParseError } from "../extract/errors.ts";
import { toBlocks, toLayout } from "./pdf/layout.ts";
import { openPdf, readPage } from "./pdf/load.ts";
import type { PageContent } from "./pdf/load.ts";
import type { DocumentText } from "./types.ts";

export async function readPdf(bytes: Uint8Array, sourceFile: string): Promise<DocumentText> {
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
      throw pages.some((p) => p.hasImages)
        ? new ParseError(sourceFile, null, "a PDF with a text layer", "only images (a scan): it needs OCR, which this pipeline does not do")
        : new ParseError(sourceFile, null, "a PDF with a text layer", "pages without any text");
    }
    const { text, pages: linePages } = toLayout(toBlocks(pages));
    return { format: "pdf", text, pages: linePages, encoding: null, damagedLines: [] };
  } finally {
    await close();
  }
}

function openError(e: unknown, sourceFile: string): ParseError {
  const name = e instanceof Error ? e.name : "";
  if (name === "PasswordException") return new ParseError(sourceFile, null, "a PDF that opens without a password", "an encrypted PDF");
  const message = e instanceof Error ? e.message : String(e);
  return new ParseError(sourceFile, null, "a readable PDF", `bytes pdf.js cannot read (${message})`);
}
