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
    message: `原文第 ${named} 行${more}有无法解码的字节或字形（显示为 �），紧挨损坏字节的数字未发布`,
    source_line: lines[0] ?? null,
  };
}

// A figure of more than 15 significant digits (a run of digits, separators allowed): no report prints one, and no
// double holds it exactly. Its line is damaged, and the run is masked so no part of it is read as a value.
// An identifier a report prints (统一社会信用代码 114331010066942188, an account number) is not a figure: up to 24
// digits after its label are left alone.
const LONG_NUMBER = /(代码|编码|账号|帐号|卡号|号码|编号|证号|代号)?[:：]?\s*(0*[1-9][\d,，.]{15,})/g;
const IDENTIFIER_DIGITS = 24;
const digitsIn = (run: string) => run.replace(/^[0,，.]+/, "").replace(/[^\d]/g, "").length;
const SIGNIFICANT = 15;

/** 1-based lines holding a number of more than 15 significant digits. */
export function longNumberLines(text: string): number[] {
  if (!/\d[\d,，.]{15}/.test(text)) return [];
  const out: number[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const m of line.matchAll(LONG_NUMBER)) {
      if (isDamage(m)) {
        out.push(i + 1);
        break;
      }
    }
  });
  return out;
}

/** The extractor's text with every such number masked (U+FFFD, length kept). */
export function maskLongNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (whole, label: string | undefined, run: string) => (isDamage([whole, label, run]) ? whole.slice(0, whole.length - run.length) + "\uFFFD".repeat(run.length) : whole));
}

function isDamage(m: readonly (string | undefined)[]): boolean {
  const digits = digitsIn(m[2] ?? "");
  return digits > SIGNIFICANT && (m[1] === undefined || digits > IDENTIFIER_DIGITS);
}

/** The warning a report with such numbers carries. */
export function longNumberCheck(reportId: string, lines: readonly number[]): CheckRow {
  return {
    report_id: reportId,
    rule: "damaged_number",
    severity: "warning",
    metrics: "source_text",
    message: `原文第 ${lines.slice(0, NAMED_LINES).join("、")} 行印有超过 15 位有效数字的数（不是报告的数字，可能是损坏），未采用`,
    source_line: lines[0] ?? null,
  };
}
