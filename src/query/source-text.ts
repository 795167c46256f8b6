/** A report's source text as numbered lines, read at build time for the report pages. */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { readDocument } from "../readers/index.ts";
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
  lines: string[];
  /** Page of each line (index i is line i + 1) for a paged original; null otherwise. */
  pages: number[] | null;
}

/**
 * A report's text as the pipeline read it: the original re-read with the same reader (readers are
 * deterministic, so line n is the published source_line n, damaged bytes still marked), or null when the file
 * is not there or no longer reads.
 */
export async function sourceText(sourceFile: string, dir = reportsDir()): Promise<SourceText | null> {
  try {
    const bytes = await readFile(join(dir, ...sourceFile.split("/")));
    const doc = await readDocument(bytes, sourceFile);
    return { format: doc.format, bytes: bytes.length, lines: splitLines(doc.text), pages: doc.pages };
  } catch {
    return null;
  }
}
