/** Helpers for reading table rows out of the cell stream. */
import type { Cell } from "./lines.ts";
import { rowsOf } from "./lines.ts";


/** Index of the first cell at or after `from` whose squashed text matches. */
export function findCell(cells: readonly Cell[], pattern: RegExp, from = 0): number {
  for (let i = from; i < cells.length; i++) if (pattern.test(cells[i]?.key ?? "")) return i;
  return -1;
}

/** All indexes of cells whose squashed text matches. */
export function findCells(cells: readonly Cell[], pattern: RegExp): number[] {
  const out: number[] = [];
  cells.forEach((c, i) => {
    if (pattern.test(c.key)) out.push(i);
  });
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
  return rowsFrom(cells, index)[0] ?? [];
}

/** The first non-empty cell after `index` (a label's value cell). */
export function valueAfter(cells: readonly Cell[], index: number): Cell | undefined {
  return cells.slice(index + 1).find((c) => c.text !== "");
}

/** Text of the non-empty cells of a row. */
export const filled = (row: readonly Cell[]) => row.filter((c) => c.text !== "");
