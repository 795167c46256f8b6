/** .doc reader: not written yet (issue 7). */
import { ParseError } from "../extract/errors.ts";
import type { DocumentText } from "./types.ts";

export function readDoc(_bytes: Uint8Array, sourceFile: string): DocumentText {
  throw new ParseError(sourceFile, null, "a format this pipeline reads", ".doc (reader not written yet)");
}
