/** Splits a report text into numbered lines and table cells. */

export interface Line {
  /** 1-based line number in the source text. */
  n: number;
  /** The line as printed (no line terminator). */
  raw: string;
  /** Trimmed, with full-width and no-break spaces removed at both ends. */
  text: string;
}

/** One table cell: text from a tab-started line plus any untabbed continuation lines ("经济效\n益指标"). */
export interface Cell {
  line: number;
  /** Cell text with continuation lines joined without separator. */
  text: string;
  /** The text with every space removed, for matching labels ("年初 预算数" = "年初预算数"). */
  key: string;
  /** Index of the table row this cell belongs to (rows are separated by blank lines). */
  row: number;
}

/** A sheet title or attachment heading ("附件2", "…部门整体支出绩效自评表"): right under a table, never part of its last cell. */
export const STARTS_PART = /^附件\s*\d|自评表$|评价表$|数据表$/;
/** Trims ASCII, full-width (U+3000), no-break and BOM spaces (String#trim covers them all); inner tabs become spaces. */
export function clean(s: string): string {
  const t = s.trim();
  return t.includes("\t") ? t.replace(/\t+/g, " ") : t;
}

/** Text → lines; accepts \n, \r\n and \r, drops a leading BOM. */
export function toLines(text: string): Line[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Splitting on a plain "\n" is several times faster than on the pattern; most texts have no "\r".
  const raws = body.includes("\r") ? body.split(/\r\n|\r|\n/) : body.split("\n");
  const lines: Line[] = new Array(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] ?? "";
    lines[i] = { n: i + 1, raw, text: clean(raw) };
  }
  return lines;
}

/**
 * Lines → cells. Published Word tables arrive one cell per tab-started line; a blank line followed by a
 * tab-started line starts a new row; an untabbed line right after a cell (at most one blank line between)
 * continues that cell. Everything else is narrative and ends the current cell.
 */
export function toCells(lines: readonly Line[]): Cell[] {
  const cells: Cell[] = [];
  let row = 0;
  let blanks = 0;
  let open: Cell | null = null;
  for (const line of lines) {
    if (line.text === "" && !line.raw.startsWith("\t")) {
      blanks += 1;
      continue;
    }
    if (line.raw.startsWith("\t")) {
      if (blanks > 0) row += 1;
      open = { line: line.n, text: line.text, key: "", row };
      cells.push(open);
    } else if (open && blanks <= 1 && !/^\s/.test(line.raw) && !STARTS_PART.test(line.text)) {
      open.text += line.text;
    } else {
      open = null;
      row += 1;
    }
    blanks = 0;
  }
  for (const cell of cells) cell.key = squash(cell.text);
  return cells;
}

/** Removes every space inside a text. */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");

/** Groups cells by row, keeping order. */
export function rowsOf(cells: readonly Cell[]): Cell[][] {
  const rows: Cell[][] = [];
  let current: Cell[] = [];
  let id = -1;
  for (const cell of cells) {
    if (cell.row !== id && current.length > 0) {
      rows.push(current);
      current = [];
    }
    id = cell.row;
    current.push(cell);
  }
  if (current.length > 0) rows.push(current);
  return rows;
}
