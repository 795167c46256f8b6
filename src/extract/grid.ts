/** Helpers for reading table rows out of the cell stream. */
import type { Cell } from "./lines.ts";
import { rowsOf } from "./lines.ts";

/**
 * A header cell's label as templates print it: one of `labels`, give or take an annotation in brackets after it
 * (the national template's 全年预算数（A）, 执行率（B/A）; 分值（分）, 年度资金总额（万元）) or a colon. Matched
 * against a cell's key (spaces removed).
 */
export function headerPattern(labels: string): RegExp {
  return new RegExp(`^(?:${labels})${ANNOTATION.source}`);
}

// A header cell's annotation: bracketed after its label, or a colon.
const ANNOTATION = /(?:[（(][^（）()]{1,10}[)）])?[:：]?$/;

/** A header cell's label without its annotation, as headerPattern reads it: "收入合计（万元）" → "收入合计". */
export const bareLabel = (key: string) => key.replace(ANNOTATION, "");

/** Index of the first cell in [from, to) whose squashed text matches. */
export function findCell(cells: readonly Cell[], pattern: RegExp, from = 0, to = cells.length): number {
  for (let i = from; i < to; i++) if (pattern.test(cells[i]?.key ?? "")) return i;
  return -1;
}

/** All indexes of cells whose squashed text matches. */
export function findCells(cells: readonly Cell[], pattern: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (pattern.test(cells[i]?.key ?? "")) out.push(i);
  return out;
}

interface RowIndex {
  rows: Cell[][];
  /** Cell index → position of its row in `rows`. */
  rowAt: number[];
  /** Row position → index of its first cell. */
  starts: number[];
}

// Every recogniser reads rows from the same cell stream: it is grouped into rows once. Only the last stream is
// kept (not a WeakMap of all of them: its entries would outlive young-generation collections and raise peak memory).
let last: { cells: readonly Cell[]; index: RowIndex } | null = null;

function rowIndex(cells: readonly Cell[]): RowIndex {
  let index = last?.cells === cells ? last.index : undefined;
  if (!index) {
    const rows = rowsOf(cells);
    const rowAt: number[] = [];
    const starts: number[] = [];
    rows.forEach((row, p) => {
      starts.push(rowAt.length);
      for (let j = 0; j < row.length; j++) rowAt.push(p);
    });
    index = { rows, rowAt, starts };
    last = { cells, index };
  }
  return index;
}

/**
 * Rows (lists of cells) starting with the row that holds cell `index`, up to cell `until` (a row it cuts is
 * cut there too). The row arrays are shared between callers: read them, never change them.
 */
export function rowsFrom(cells: readonly Cell[], index: number, until = cells.length): Cell[][] {
  if (!cells[index]) return [];
  const { rows, rowAt, starts } = rowIndex(cells);
  const p = rowAt[index] ?? 0;
  if (until <= (starts[p] ?? 0)) return [];
  if (until >= cells.length) return rows.slice(p);
  const q = rowAt[until - 1] ?? p;
  const out = rows.slice(p, q + 1);
  const last = rows[q] ?? [];
  const cut = until - (starts[q] ?? 0);
  if (cut < last.length) out[out.length - 1] = last.slice(0, cut);
  return out;
}

/** The row that holds cell `index`. */
export function rowOf(cells: readonly Cell[], index: number): Cell[] {
  const start = cells[index];
  if (!start) return [];
  let first = index;
  while (first > 0 && cells[first - 1]?.row === start.row) first -= 1;
  let end = index + 1;
  while (end < cells.length && cells[end]?.row === start.row) end += 1;
  return cells.slice(first, end);
}

/** The first non-empty cell after `index` (a label's value cell). */
export function valueAfter(cells: readonly Cell[], index: number): Cell | undefined {
  for (let i = index + 1; i < cells.length; i++) if (cells[i]?.text !== "") return cells[i];
  return undefined;
}

/** Text of the non-empty cells of a row. */
export const filled = (row: readonly Cell[]) => row.filter((c) => c.text !== "");
