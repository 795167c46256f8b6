/** Turns whatever a report threw into a manifest failure record that a person can act on. */
import { ParseError } from "../extract/errors.ts";
import type { Failure } from "./manifest.ts";
import { ContractError } from "./validate-report.ts";

/** A failure record for a file; ParseError and ContractError keep their line, anything else keeps its message. */
export function toFailure(file: string, error: unknown): Failure {
  if (error instanceof ParseError) {
    return { file, line: error.line, expected: error.expected, found: error.found, message: error.message };
  }
  if (error instanceof ContractError) {
    return { file, line: error.line, expected: null, found: null, message: error.message };
  }
  const text = error instanceof Error ? error.message : String(error);
  // Prefix the file unless the message already starts with it, so the CLI can show it as a path the user typed.
  return { file, line: null, expected: null, found: null, message: text.startsWith(file) ? text : `${file}: ${text}` };
}

/** A failure stated directly by the pipeline (undecodable bytes, duplicate report_id). */
export function failure(file: string, expected: string, found: string): Failure {
  return { file, line: null, expected, found, message: `${file}: expected ${expected}, found ${found}` };
}

/** The failure as the CLI prints it, with the path as the user typed it: "data/reports/x.txt:12: expected …". */
export function formatFailure(f: Failure, inDir: string): string {
  const shown = `${inDir.replace(/[\\/]+$/, "")}/${f.file}`;
  return f.message.startsWith(f.file) ? shown + f.message.slice(f.file.length) : `${shown}: ${f.message}`;
}
