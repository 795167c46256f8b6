/** Which reader reads which file: by extension, one reader file per format. */
import { ParseError } from "../extract/errors.ts";
import type { DocumentText, Format, Reader } from "./types.ts";
import { readDoc } from "./doc.ts";
import { readDocx } from "./docx.ts";
import { readPdf } from "./pdf.ts";
import { readText } from "./text.ts";

export const READERS: Record<Format, Reader> = { txt: readText, docx: readDocx, doc: readDoc, pdf: readPdf };

/** The format a path names by its extension, or null when no reader takes it. */
export function formatOf(path: string): Format | null {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined && ext in READERS ? (ext as Format) : null;
}

/** Reads a corpus file in whatever supported format it is. */
export async function readDocument(bytes: Uint8Array, sourceFile: string): Promise<DocumentText> {
  const format = formatOf(sourceFile);
  if (format === null) throw new ParseError(sourceFile, null, "a .txt, .docx, .doc or .pdf file", "another extension");
  return READERS[format](bytes, sourceFile);
}
