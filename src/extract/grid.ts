/** Helpers for reading table rows out of the cell stream. */
import type { Cell } from "./lines.ts";
import { rowsOf } from "./lines.ts";


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

/** Rows (lists of cells) starting with the row that holds cell `index`. */
export function rowsFrom(cells: readonly Cell[], index: number, until = cells.length): Cell[][] {
  const start = cells[index];
  if (!start) return [];
  let first = index;
  while (first > 0 && cells[first - 1]?.row === start.row) first -= 1;
  return rowsOf(cells.slice(first, until));
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
