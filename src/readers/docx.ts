/** .docx reader: not written yet (issue 7). */
import { ParseError } from "../extract/errors.ts";
import type { DocumentText } from "./types.ts";

export function readDocx(_bytes: Uint8Array, sourceFile: string): DocumentText {
  throw new ParseError(sourceFile, null, "a format this pipeline reads", ".docx (reader not written yet)");
}
