/** Which reader reads which file: by extension, one reader file per format. */
import { ParseError } from "../extract/errors.ts";
import type { DocumentText, Format, ReadOptions, Reader } from "./types.ts";
import { foldText } from "./fold-text.ts";
import { readText } from "./text.ts";

// The Word and PDF readers load on first use: a worker thread that only reads texts never compiles pdf.js and
// the zip/XML parsers (≈ 190 ms of every thread's start-up, measured).
const LOADERS: Record<Format, () => Promise<Reader>> = {
  txt: async () => readText,
  docx: async () => (await import("./docx.ts")).readDocx,
  doc: async () => (await import("./doc.ts")).readDoc,
  pdf: async () => (await import("./pdf.ts")).readPdf,
  html: async () => (await import("./html.ts")).readHtml,
};
// A web page saved by a browser or a server's own extension.
const EXTENSIONS: Record<string, Format> = { txt: "txt", docx: "docx", doc: "doc", pdf: "pdf", html: "html", htm: "html", shtml: "html" };
const loaded = new Map<Format, Promise<Reader>>();

/** The format a path names by its extension, or null when no reader takes it. */
export function formatOf(path: string): Format | null {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext !== undefined ? (EXTENSIONS[ext] ?? null) : null;
}

/** Reads a corpus file in whatever supported format it is, its text folded (fold-text.ts). */
export async function readDocument(bytes: Uint8Array, sourceFile: string, options: ReadOptions = {}): Promise<DocumentText> {
  const format = formatOf(sourceFile);
  if (format === null) throw new ParseError(sourceFile, null, "a .txt, .docx, .doc, .pdf or .html file", "another extension");
  let reader = loaded.get(format);
  if (reader === undefined) loaded.set(format, (reader = LOADERS[format]()));
  const doc = await (await reader)(bytes, sourceFile, options);
  // Every format's text is folded the same way before any recogniser sees it (fold-text.ts).
  const { text, ...folded } = foldText(doc.text);
  const before = doc.folded;
  return { ...doc, text, folded: before ? { radicals: before.radicals + folded.radicals, traditional: before.traditional + folded.traditional, pinyin: before.pinyin + folded.pinyin } : folded };
}
