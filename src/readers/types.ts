/**
 * The contract between a document format and the extractor: every reader turns its format's bytes into the
 * one text layout the recognisers read (Apache Tika's text of a .docx): paragraphs as lines, each table cell
 * on a tab-started line (a cell's further paragraphs on the untabbed lines right after it), and an empty line
 * closing each table row. No recogniser knows which format a report came in.
 */

export type Format = "txt" | "docx" | "doc" | "pdf" | "html";

/** A file a web page links (an attachment: .doc, .pdf, .xls …), as the page names it. */
export interface Attachment {
  href: string;
  text: string;
}

export interface DocumentText {
  format: Format;
  /** The report in the layout above; its line numbers are the published source_line. */
  text: string;
  /** 1-based page of each line (index i is line i + 1) where the input is paged (PDF); null otherwise. */
  pages: number[] | null;
  /** How text bytes were decoded ("utf-8", "gb18030", "utf-16le" …); null for formats that say it themselves. */
  encoding: string | null;
  /** 1-based lines that hold an undecodable byte (marked U+FFFD in text), ascending. */
  damagedLines: number[];
  /** What was folded in the text as read (fold-text.ts): radicals, traditional characters, pinyin insertions. */
  folded?: { radicals: number; traditional: number; pinyin: number };
  /**
   * A scan read by OCR (.pdf only): pages read, mean word confidence (0–100), the engine's name and version, and
   * per line (index i is line i + 1; a table cell's lines carry the whole cell's) the lowest confidence of its
   * words and of its words that print a figure (null where it has none). `unmappedText`: the PDF had a text layer,
   * but not the text its pages show (fonts without a Unicode map), so what they show was read instead; `runs`: where
   * only some fonts had no map, how many runs of their glyphs were read (pdf/glyph-ocr.ts; 0 otherwise).
   */
  ocr?: { pages: number; confidence: number; engine: string; lines: { words: (number | null)[]; figures: (number | null)[] }; unmappedText: boolean; runs: number };
  /** Files a web page links (.html only). */
  attachments?: Attachment[];
}

/** How to read: `ocr: false` leaves a scan unread, throwing OcrLater, so a run can read its text files first. */
export interface ReadOptions {
  ocr?: boolean;
}

/** Thrown for a scan read with `ocr: false`: the file needs OCR, to be read again with it. */
export class OcrLater extends Error {
  readonly sourceFile: string;
  constructor(sourceFile: string) {
    super(`${sourceFile}: a scan, to be read by OCR`);
    this.sourceFile = sourceFile;
  }
}

/** Reads one file's bytes. Throws ParseError (src/extract/errors.ts) naming the file and what was expected. */
export type Reader = (bytes: Uint8Array, sourceFile: string, options?: ReadOptions) => DocumentText | Promise<DocumentText>;
