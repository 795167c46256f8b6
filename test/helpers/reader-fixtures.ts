/** Reads the small reader documents of test/fixtures/readers and the text each must read as (test/helpers/reader-documents.ts defines them). */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const READER_DOCUMENTS = join(import.meta.dirname, "../fixtures/readers");

/** Names of the documents that have an expected text and a file of this extension. */
export function readerDocuments(ext: string): string[] {
  const files = readdirSync(READER_DOCUMENTS);
  return files.filter((f) => f.endsWith(".expected.txt")).map((f) => f.slice(0, -".expected.txt".length)).filter((n) => files.includes(`${n}.${ext}`)).sort();
}

export const expectedText = (name: string) => readFileSync(join(READER_DOCUMENTS, `${name}.expected.txt`), "utf8");
export const documentBytes = (file: string) => readFileSync(join(READER_DOCUMENTS, file));
