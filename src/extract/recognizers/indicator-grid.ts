/**
 * The indicator grid of a 绩效自评表: 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因.
 * Merged cells leave the level columns blank on later rows, so levels carry down.
 */
import type { Level1, Level2 } from "../../schema/vocab.ts";
import type { IndicatorCandidate, Term } from "../findings.ts";
import { judge } from "../indicator-status.ts";
import { announcedWeight, level1Of, level2Of } from "../levels.ts";
import { headerPattern } from "../grid.ts";
import type { Cell } from "../lines.ts";
import { parseAmount } from "../numbers.ts";

export interface GridResult {
  indicators: IndicatorCandidate[];
  /** "产出指标(50分)": the points each level-1 group announces. */
  announced: { level1: Level1; weight: number; line: number }[];
  /** The 总分 row: total weight and total score. */
  total: { weight: Term | null; score: Term | null } | null;
}

const LEVEL1 = headerPattern("一级指标");
const LEVEL2 = headerPattern("二级指标");
const LEVEL3 = headerPattern("三级指标");
const WEIGHT = headerPattern("分值|指标分值|权重");
const SCORE = headerPattern("(?:自评)?得分");

export const points = (cell: Cell | undefined) => (cell ? parseAmount(cell.text.replace(/分\s*$/, "")) : null);

/** The grid's columns as a header row names them (-1 where absent). */
export interface GridColumns {
  level1: number;
  level2: number;
  name: number;
  /** 指标性质 (=, ≥, ≤) and 度量单位: the 2023 national template prints the target in three cells. */
  nature: number;
  target: number;
  unit: number;
  actual: number;
  weight: number;
  score: number;
}

export function gridColumns(header: readonly Cell[]): GridColumns {
  const names = header.map((c) => c.key);
  const col = (pattern: RegExp) => names.findIndex((n) => pattern.test(n));
  return {
    level1: col(LEVEL1),
    level2: col(LEVEL2),
    name: col(LEVEL3),
    nature: col(/^指标性质/),
    target: col(/指标值|目标值/),
    unit: col(/^(?:度量|计量)单位/),
    actual: col(/完成值|实际/),
    weight: col(WEIGHT),
    score: col(SCORE),
  };
}

// A template's row left empty: "指标2：……", "指标1：/ / /".
const EMPTY_NAME = /^(?:[…．.。\-—/／\s]*|无)$/;
/**
 * "指标1：坚持改革攻坚激活力" → the template's enumerator is layout, not part of the name. An opening quote before it
 * is a scan's: OCR reads one where a painted-out ruling left a cell's edge (“指标1：).
 */
export const ENUMERATOR = /^[“"]?\s*指标\s*\d+\s*[:：]\s*/;

/** An indicator's printed cells, as a grid row or a row on one line gives them. */
export interface IndicatorCells {
  name: Cell;
  nature?: Cell | undefined;
  target?: Cell | undefined;
  unit?: Cell | undefined;
  actual?: Cell | undefined;
  weight?: Cell | undefined;
  score?: Cell | undefined;
}

/**
 * One indicator from its cells, or null for a template's empty row. A target printed in three cells (指标性质 | 指标值
 * | 度量单位: "≤", "30", "万元") reads as the one text they say ("≤30万元"); a numeric result takes the unit too.
 */
export function indicatorOf(cells: IndicatorCells, sheet: "overall" | "project", project: string | null, level1: Level1, level2: Level2 | null): IndicatorCandidate | null {
  const name = cells.name.text.trim().replace(ENUMERATOR, "");
  if (EMPTY_NAME.test(name)) return null;
  const unitText = cells.unit?.text.trim() ?? "";
  const value = cells.target?.text.trim() ?? "";
  const nature = cells.nature?.text.trim() ?? "";
  const target_text = value === "" ? "" : `${/^[=＝]$/.test(nature) ? "" : nature}${value}${/^[\d.]+$/.test(value) ? unitText : ""}`;
  const actualRaw = cells.actual?.text.trim() ?? "";
  const actual_text = /^[\d.]+$/.test(actualRaw) ? `${actualRaw}${unitText}` : actualRaw;
  const weight = points(cells.weight);
  const score = points(cells.score);
  return {
    sheet,
    project,
    level1: level2 === "满意度" ? "满意度" : level1,
    level2,
    name,
    target_text,
    actual_text,
    ...judge(name, target_text, actual_text),
    weight,
    score,
    source_line: cells.name.line,
    // A grid prints one cell per line: each number links to its own line.
    target_line: target_text === "" ? null : (cells.target?.line ?? null),
    actual_line: actual_text === "" ? null : (cells.actual?.line ?? null),
    weight_line: weight === null ? null : (cells.weight?.line ?? null),
    score_line: score === null ? null : (cells.score?.line ?? null),
  };
}

/** The most common row length: the printed table's width (the header may have lost a merged first cell). */
function commonLength(rows: Cell[][]): number | null {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** A blank line inside a merged cell ("效益指标\n\n（30分）") splits one printed row in two: join rows until they fill the header. */
function mergeShortRows(rows: Cell[][], width: number): Cell[][] {
  const out: Cell[][] = [];
  let acc: Cell[] = [];
  for (const row of rows) {
    if (acc.length > 0 && acc.length + row.length <= width) {
      acc = [...acc, ...row];
    } else {
      if (acc.length > 0) out.push(acc);
      acc = row;
    }
    if (acc.length >= width) {
      out.push(acc);
      acc = [];
    }
  }
  if (acc.length > 0) out.push(acc);
  return out;
}

/** Reads the grid whose header row is rows[0], until its 总分 row. */
export function readIndicatorGrid(rows: Cell[][], sheet: "overall" | "project", project: string | null): GridResult {
  const [header = [], ...rest] = rows;
  const body = mergeShortRows(rest, commonLength(rest) ?? header.length);
  const at = gridColumns(header);
  const out: GridResult = { indicators: [], announced: [], total: null };
  let level1: Level1 | null = null;
  let level2: Level2 | null = null;
  for (const row of body) {
    const first = (row.find((c) => c.text !== "")?.key ?? "");
    if (/^(总分|合计)$/.test(first)) {
      const cells = row.filter((c) => c.text !== "");
      const term = (c: Cell | undefined): Term | null => {
        const v = points(c);
        return c && v !== null ? { label: "总分", value: v, line: c.line } : null;
      };
      out.total = { weight: term(cells[1]), score: term(cells[2]) };
      break;
    }
    if (row.some((c) => LEVEL3.test(c.key))) continue;
    const offset = row.length - header.length;
    const cell = (k: number) => (k < 0 ? undefined : row[k + offset]);
    const l1 = (cell(at.level1)?.key ?? "");
    const l2 = (cell(at.level2)?.key ?? "");
    if (l1) {
      level1 = level1Of(l1) ?? level1;
      const w = announcedWeight(l1);
      if (level1 && w !== null) out.announced.push({ level1, weight: w, line: cell(at.level1)?.line ?? 0 });
      level2 = null;
    }
    if (l2) level2 = level2Of(l2);
    const nameCell = cell(at.name);
    if (!nameCell || nameCell.text.trim() === "" || !level1) continue;
    const printed = { name: nameCell, nature: cell(at.nature), target: cell(at.target), unit: cell(at.unit), actual: cell(at.actual), weight: cell(at.weight), score: cell(at.score) };
    const indicator = indicatorOf(printed, sheet, project, level1, level2);
    if (indicator) out.indicators.push(indicator);
  }
  return out;
}
