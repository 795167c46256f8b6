/** .txt reader: report texts as published (Tika's text of a .docx), UTF-8 or GB18030. */
import { ParseError } from "../extract/errors.ts";
import { decodeReport } from "../publish/read-corpus.ts";
import type { DocumentText } from "./types.ts";

export function readText(bytes: Uint8Array, sourceFile: string): DocumentText {
  const decoded = decodeReport(bytes);
  if (decoded === null) throw new ParseError(sourceFile, null, "UTF-8 or GB18030 text", "bytes that are neither");
  return { format: "txt", text: decoded.text, pages: null, encoding: decoded.encoding, damagedLines: [] };
}
