/** A report's source text as numbered lines, read at build time for the report pages. */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { decodeReport } from "../publish/read-corpus.ts";

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

/** The numbered lines of a report's source file, or null when the file is not there. */
export async function sourceLines(sourceFile: string, dir = reportsDir()): Promise<string[] | null> {
  try {
    const decoded = decodeReport(await readFile(join(dir, ...sourceFile.split("/"))));
    return decoded ? splitLines(decoded.text) : null;
  } catch {
    return null;
  }
}
