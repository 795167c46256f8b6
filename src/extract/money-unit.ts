/**
 * The money unit a table states — in its title ("年度收入情况（万元）"), its row-label header ("经费控制情况（元）",
 * "年度预算申请（万元）"), a caption line above it ("单位：元", "金额单位：千元") or one column's header ("全年预算数（元）")
 * — and amounts converted to 万元, the unit of every published amount. A table that states no unit is read in 万元,
 * as the templates print it. Pure.
 */
import type { Note, ReportContext } from "./findings.ts";
import { rowOf } from "./grid.ts";
import type { Cell } from "./lines.ts";

export type MoneyUnit = "元" | "千元" | "万元" | "亿元";

/** A unit statement and the line it is printed on. */
export interface StatedUnit {
  unit: MoneyUnit;
  line: number;
}

const IN_WAN: Record<MoneyUnit, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };
const DIVISOR: Record<MoneyUnit, string> = { 元: "除以10000", 千元: "除以10", 万元: "", 亿元: "乘以10000" };

// A unit alone in brackets ("（万元）", "(元)", "（单位：元）"), or after 单位： ("金额单位：千元"). "（元/人）", "单位：个"
// and "万元以上" state no money unit.
const STATED = /[（(]\s*(?:金额)?(?:单位[:：]\s*)?(亿元|万元|千元|元)\s*[)）]|(?:金额)?单位[:：]\s*(亿元|万元|千元|元)(?![\u3400-\u9fff/／])/;

/** The money unit a text states, or null. */
export function unitIn(text: string): MoneyUnit | null {
  // Every statement holds 元: most texts are spared the pattern.
  if (!text.includes("元")) return null;
  const m = STATED.exec(text);
  return ((m?.[1] ?? m?.[2]) as MoneyUnit | undefined) ?? null;
}

/** An amount printed in `unit`, in 万元; rounded to 6 decimals, so 5329500.12 元 is 532.950012 万元 without float noise. */
export function toWan(value: number, unit: MoneyUnit): number {
  return unit === "万元" ? value : Math.round(value * IN_WAN[unit] * 1e6) / 1e6;
}

/** Lines above a table that may caption it (a title, "单位：万元"): untabbed, at most this many, none past another table's cell. */
const CAPTION_LINES = 3;
/** Title rows above a table ("年度收入情况（万元）"): rows of one filled cell, at most this many. */
const TITLE_ROWS = 2;

/**
 * The unit a table states for its amounts: in one of its title or header cells (`from` up to `to`, not included),
 * in the title rows just above them, or in the caption lines above those. A column's own statement
 * ("全年预算数（元）") is taken for the table's: the templates print one unit per table.
 */
export function tableUnit(ctx: ReportContext, from: number, to: number): StatedUnit | null {
  const cells = ctx.cells;
  if (!cells[from]) return null;
  const stated = (c: Cell): StatedUnit | null => {
    const unit = unitIn(c.key);
    return unit === null ? null : { unit, line: c.line };
  };
  for (let i = from; i < to && i < cells.length; i++) {
    const s = stated(cells[i]!);
    if (s) return s;
  }
  // Title rows: rows of one filled cell right above (a row starts at `first`).
  let first = from - rowOf(cells, from).indexOf(cells[from]!);
  for (let k = 0; k < TITLE_ROWS && first > 0; k++) {
    const row = rowOf(cells, first - 1);
    const filled = row.filter((c) => c.key !== "");
    if (filled.length !== 1) break;
    const s = stated(filled[0]!);
    if (s) return s;
    first -= row.length;
  }
  // Caption lines: untabbed text between the previous table's cells and this table's first cell.
  let seen = 0;
  for (let n = (cells[first]?.line ?? cells[from]!.line) - 1; n >= 1 && seen < CAPTION_LINES; n--) {
    const line = ctx.lines[n - 1];
    if (!line || line.raw.startsWith("\t")) break;
    if (line.text === "") continue;
    seen += 1;
    const unit = unitIn(line.text);
    if (unit) return { unit, line: line.n };
  }
  return null;
}

/** The info check saying a table's amounts were converted from the unit it states. */
export function unitConvertedNote(stated: StatedUnit, what: string, metrics: string): Note {
  return {
    rule: "unit_converted",
    severity: "info",
    metrics,
    message: `${what}金额按第${stated.line}行注明的单位（${stated.unit}）读取，已${DIVISOR[stated.unit]}，按万元发布。`,
    line: stated.line,
  };
}
