/** Damaged bytes (U+FFFD in the text): keep their numbers out of the tables, and say which lines were hit. Pure. */
import type { CheckRow } from "../schema/tables.ts";

/** A run of number characters touching a mark, marks included: ASCII and full-width digits, decimal points, thousands commas. */
const NEAR_MARK = /[0-9０-９.,．]*\uFFFD[\uFFFD0-9０-９.,．]*/g;

/**
 * The text handed to the extractor: every digit, decimal point or comma in a run touching U+FFFD becomes U+FFFD
 * too, so "94�.17" cannot be read as 94 or .17. Lengths and line breaks are kept, so line numbers stay exact.
 */
export function maskDamagedNumbers(text: string): string {
  return text.includes("\uFFFD") ? text.replace(NEAR_MARK, (run) => "\uFFFD".repeat(run.length)) : text;
}

/** How many damaged lines a check message names before it says "等". */
const NAMED_LINES = 20;

/** The warning a report read with damaged bytes carries; lines are the reader's damagedLines (ascending, not empty). */
export function damagedBytesCheck(reportId: string, lines: readonly number[]): CheckRow {
  const named = lines.slice(0, NAMED_LINES).join("、");
  const more = lines.length > NAMED_LINES ? `等 ${lines.length} 行` : "";
  return {
    report_id: reportId,
    rule: "damaged_bytes",
    severity: "warning",
    metrics: "source_text",
    message: `原文第 ${named} 行${more}有无法解码的字节（显示为 �），紧挨损坏字节的数字未发布`,
    source_line: lines[0] ?? null,
  };
}
