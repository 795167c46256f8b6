/** A page printed to PDF as Chromium's "Save as PDF" does, read back with pdf.js: for the brief tests and bench:site. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "playwright-core";
import { foldText } from "../../src/readers/fold-text.ts";

/** The page printed as Chromium's "Save as PDF" does (A4 unless the page's @page says otherwise): pages and text. */
export async function printed(page: Page): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: "print" });
  const bytes = await page.pdf({ preferCSSPageSize: true, format: "A4", printBackground: true });
  const task = getDocument({ data: new Uint8Array(bytes) });
  try {
    const pdf = await task.promise;
    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      texts.push(content.items.map((i) => ("str" in i ? i.str : "")).join(""));
    }
    return { pages: pdf.numPages, text: squeeze(texts.join("")) };
  } finally {
    await task.destroy();
  }
}

/**
 * Text without spaces, folded as the PDF reader folds it: PDF text runs split and space words differently from
 * the DOM, and Chromium's subset fonts map some glyphs to radicals (⻚ for 页, issue 15) or to a sibling dash.
 */
export const squeeze = (s: string) =>
  foldText(s.normalize("NFKC"))
    .text.replace(/\s+/g, "")
    .replace(/[\u2012-\u2015]/g, "-"); // the same glyph serves – and ‒, and the PDF's text names either

