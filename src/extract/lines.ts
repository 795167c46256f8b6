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
  /** The cell's last line: its continuation lines run from line + 1 to here. */
  end: number;
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

// A token of a table row copied from a web page: a figure, a blank-cell mark, a comparator ("880", "100%", "-", "/", "≥").
const VALUE_TOKEN = /^(?:[-+]?\d[\d,.]*%?|[-—/／]+|[≥≤<>=＝]+)$/;
const SENTENCE_MARK = /[，。；！？;]/;
/** A row's cells on one line are short: a longer token is running text with a space in it. */
const TOKEN_LENGTH = 40;

/**
 * A table row printed on one line, as texts copied out of web pages give them: cells between tabs (a browser's copy
 * of a table), between pipes
 * ("项目名称 | 水旱灾害防御经费 |"), or between spaces where the line holds no sentence and either three cells, a
 * figure or an indent ("年度资金总额: 880 880 880 10 10", "主管部门 实施单位 天长市水利局"). Null for any other line.
 */
export function inlineCells(line: Line): string[] | null {
  const t = line.text;
  // A row copied out of a browser's table: its cells between tabs, an empty cell between two tabs.
  if (t.includes(" ") && /\S\t+\S/.test(line.raw)) {
    const parts = line.raw.trim().split("\t").map((p) => clean(p));
    while (parts.length > 0 && parts.at(-1) === "") parts.pop();
    return parts.length >= 2 ? parts : null;
  }
  if (t.includes("|")) {
    const parts = t.split("|").map((p) => clean(p));
    if (parts[0] === "") parts.shift();
    while (parts.length > 0 && parts.at(-1) === "") parts.pop();
    return parts.length >= 2 ? parts : null;
  }
  if (!t.includes(" ") && !t.includes("\u3000")) return null;
  if (SENTENCE_MARK.test(t)) return null;
  const tokens = t.split(/[\s\u3000]+/);
  if (tokens.length < 2 || tokens.some((k) => k.length > TOKEN_LENGTH)) return null;
  // An indented line of two is a label and its value ("    项目名称 水旱灾害防御经费"); a title with a space is not indented.
  const indented = /^[ \u3000]{2,}/.test(line.raw);
  return tokens.length >= 3 || indented || tokens.some((k) => VALUE_TOKEN.test(k)) ? tokens : null;
}

/**
 * Lines → cells. Published Word tables arrive one cell per tab-started line; a blank line followed by a
 * tab-started line starts a new row; an untabbed line right after a cell (at most one blank line between)
 * continues that cell. A row printed on one line (inlineCells) is a row of its own, each cell on that line.
 * Everything else is narrative and ends the current cell.
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
    // A tab-started line is one cell of a Word table (Tika's layout), unless tabs part it further: then it is a row
    // copied out of a browser whose first cells were merged from the rows above ("\t年度资金总额\t500\t520…").
    const tabbed = line.raw.startsWith("\t") && !/\S\t+\S/.test(line.raw);
    const inline = tabbed ? null : inlineCells(line);
    if (tabbed) {
      if (blanks > 0) row += 1;
      open = { line: line.n, text: line.text, key: "", row, end: line.n };
      cells.push(open);
    } else if (inline) {
      row += 1;
      for (const text of inline) cells.push({ line: line.n, text, key: "", row, end: line.n });
      open = null;
      row += 1;
    } else if (open && blanks <= 1 && !/^\s/.test(line.raw) && !STARTS_PART.test(line.text)) {
      open.text += line.text;
      open.end = line.n;
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
