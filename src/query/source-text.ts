/** A report's source text as numbered lines, read at build time for the report pages. */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { formatOf, readDocument } from "../readers/index.ts";
import type { Format } from "../readers/types.ts";

/** The corpus the pipeline read (reports.source_file is relative to it); REPORTS_DIR overrides. */
export function reportsDir(): string {
  return resolve(process.env["REPORTS_DIR"] ?? "data/reports");
}

/**
 * Splits text into lines exactly as the pipeline numbers them (src/extract/lines.ts toLines: BOM dropped,
 * \r\n, \r and \n all end a line), so line n here is source_line n there. test/query/source-text.test.ts checks it.
 */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
}

export interface SourceText {
  format: Format;
  /** Size of the original file. */
  bytes: number;
  /** The lines as the pipeline numbered them; null when the file no longer reads (the message says why). */
  lines: string[] | null;
  /** Page of each line (index i is line i + 1) for a paged original; null otherwise. */
  pages: number[] | null;
  /** Why the file did not read, when it did not. */
  error: string | null;
}

/**
 * A report's original and its text as the pipeline read it: re-read with the same reader (readers are
 * deterministic, so line n is the published source_line n, damaged bytes still marked); null when the file is
 * not there or is not a format the pipeline reads.
 */
export async function sourceText(sourceFile: string, dir = reportsDir()): Promise<SourceText | null> {
  const format = formatOf(sourceFile);
  const buffer = format === null ? null : await readFile(join(dir, ...sourceFile.split("/"))).catch(() => null);
  if (format === null || buffer === null) return null;
  const size = buffer.length;
  try {
    // A plain Uint8Array, as the pipeline hands readers (pdf.js refuses a Buffer).
    const doc = await readDocument(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), sourceFile);
    return { format, bytes: size, lines: splitLines(doc.text), pages: doc.pages, error: null };
  } catch (error) {
    return { format, bytes: size, lines: null, pages: null, error: error instanceof Error ? error.message : String(error) };
  }
}
