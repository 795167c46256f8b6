/**
 * Pages (text items and ruling segments) → the Tika layout: body paragraphs as lines; each table row as one
 * tab-started line per cell (the cell's further paragraphs untabbed after it) closed by an empty line.
 * Pure: no pdf.js here.
 */
import { edgeLines, furniture } from "./furniture.ts";
import type { EdgeLine } from "./furniture.ts";
import { findGrids } from "./grid.ts";
import type { Grid, GridCell } from "./grid.ts";
import type { PageContent, TextItem } from "./load.ts";
import { confidenceOf, continues, joinLines, sameEnumerator, splitAtSpaces, toParagraphs, toTextLines } from "./text-lines.ts";
import type { Confidence, TextBox, TextLine } from "./text-lines.ts";

/** A table cell with its text as paragraphs of lines; `merged` marks a cell continued from the row above. */
interface CellText {
  x0: number;
  x1: number;
  box: TextBox;
  paragraphs: TextLine[][];
  /** Tables drawn inside the cell, with the height of their top edge (to place them among the paragraphs). */
  nested?: { y: number; table: TableBlock }[];
  merged: boolean;
  page: number;
}

interface TableBlock {
  kind: "table";
  page: number;
  x0: number;
  x1: number;
  rows: CellText[][];
}

interface LineBlock {
  kind: "line";
  page: number;
  line: TextLine;
  /** The page's right edge, for the margin when no line shows it. */
  pageRight: number;
}

type Block = TableBlock | LineBlock;

export interface Layout {
  text: string;
  pages: number[];
  /** Each line's OCR confidences (lowest word, lowest word printing a figure); {} for a line from a text layer. A table cell's lines carry the whole cell's. */
  confidence: Confidence[];
}

/** A line of the layout with the page it is on and, read by OCR, its confidences. */
interface OutLine extends Confidence {
  text: string;
  page: number;
}

const centre = (i: TextItem): [number, number] => [i.x + i.w / 2, i.y + i.size * 0.3];
const inside = (x: number, y: number, b: { x0: number; x1: number; y0: number; y1: number }) =>
  x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/** Every page's blocks in reading order, with running headers, footers and page numbers left out. */
export function toBlocks(pages: readonly PageContent[]): Block[] {
  const perPage = pages.map((p) => pageBlocks(p));
  const edges = perPage.map((b) => b.edges);
  const drop = furniture(edges);
  return streamTables(perPage.flatMap((b) => b.blocks.filter((x) => x.kind === "table" || !drop.has(x.line))));
}

/**
 * Tables without rulings ("stream"): at least two consecutive body lines of one page, each split by wide gaps
 * into the same number (two or more) of parts, each part overlapping the one above it horizontally. Each line
 * is a row, each part a cell.
 */
export function streamTables(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let run: LineBlock[] = [];
  const aligned = (a: TextLine, b: TextLine) =>
    a.chunks!.length === b.chunks!.length && a.chunks!.every((c, i) => c.x0 < b.chunks![i]!.x1 && b.chunks![i]!.x0 < c.x1);
  const flush = () => {
    if (run.length >= 2) out.push(streamTableOf(run));
    else out.push(...run);
    run = [];
  };
  for (const block of blocks) {
    const prev = run.at(-1);
    if (block.kind === "line" && block.line.chunks) {
      if (prev && (prev.page !== block.page || !aligned(prev.line, block.line) || prev.line.y - block.line.y > 4 * block.line.size)) flush();
      run.push(block);
      continue;
    }
    flush();
    out.push(block);
  }
  flush();
  return out;
}

function streamTableOf(run: readonly LineBlock[]): TableBlock {
  const rows = run.map((b) =>
    b.line.chunks!.map((c): CellText => ({ x0: c.x0, x1: c.x1, box: { left: c.x0, right: c.x1 }, paragraphs: [[c]], merged: false, page: b.page })),
  );
  const x0 = Math.min(...run.map((b) => b.line.x0));
  const x1 = Math.max(...run.map((b) => b.line.x1));
  return { kind: "table", page: run[0]!.page, x0, x1, rows };
}

const area = (g: Grid) => (g.x1 - g.x0) * (g.y1 - g.y0);
const holds = (c: GridCell, g: Grid) => g.x0 >= c.x0 - 1 && g.x1 <= c.x1 + 1 && g.y0 >= c.y0 - 1 && g.y1 <= c.y1 + 1;

function pageBlocks(page: PageContent): { blocks: Block[]; edges: EdgeLine[] } {
  // A grid of one cell is a framed paragraph or a text box: its text is the text around it, as Tika prints a
  // text box. Smaller grids first: an item belongs to the innermost table holding it.
  const grids = findGrids(page.segments).filter((g) => g.cells.length > 1).sort((a, b) => area(a) - area(b));
  const inCell = new Map<GridCell, TextItem[]>();
  const body: TextItem[] = [];
  for (const item of page.items.flatMap(splitAtSpaces)) {
    const [x, y] = centre(item);
    const grid = grids.find((g) => inside(x, y, g));
    const cell = grid?.cells.find((c) => inside(x, y, c));
    if (cell) {
      const items = inCell.get(cell);
      if (items) items.push(item);
      else inCell.set(cell, [item]);
    }
    else if (!grid) body.push(item);
  }
  // A table inside another table's cell is printed inside that cell.
  const parent = new Map<Grid, GridCell>();
  for (const [i, g] of grids.entries()) {
    for (const h of grids.slice(i + 1)) {
      const cell = h.cells.find((c) => holds(c, g));
      if (cell) {
        parent.set(g, cell);
        break;
      }
    }
  }
  const outer = grids.filter((g) => !parent.has(g)).sort((a, b) => b.y1 - a.y1);
  const nestedIn = (cell: GridCell) => grids.filter((g) => parent.get(g) === cell);
  const lines = toTextLines(body);
  const tables: TableBlock[] = outer.map((g) => tableOf(g, inCell, nestedIn, page.page));
  const top = outer.length > 0 ? Math.max(...outer.map((g) => g.y1)) : -Infinity;
  const bottom = outer.length > 0 ? Math.min(...outer.map((g) => g.y0)) : Infinity;
  const blocks: (Block & { y: number })[] = [
    ...lines.map((line) => ({ kind: "line" as const, page: page.page, line, pageRight: page.box[2], y: line.y })),
    ...tables.map((t, i) => ({ ...t, y: outer[i]!.y1 })),
  ];
  blocks.sort((a, b) => b.y - a.y);
  return { blocks, edges: edgeLines(lines, top, bottom, page.box) };
}

function tableOf(grid: Grid, inCell: Map<GridCell, TextItem[]>, nestedIn: (cell: GridCell) => Grid[], page: number): TableBlock {
  const rows: CellText[][] = Array.from({ length: grid.rows }, () => []);
  for (const cell of grid.cells) {
    const lines = toTextLines(inCell.get(cell) ?? []);
    // The cell's padding, seen on its leftmost line, is taken to be the same on the right.
    const pad = lines.length > 0 ? Math.max(0, Math.min(...lines.map((l) => l.x0)) - cell.x0) : 0;
    const box = { left: cell.x0 + pad, right: cell.x1 - pad };
    const inner = nestedIn(cell).map((g) => ({ y: g.y1, table: tableOf(g, inCell, nestedIn, page) }));
    const text: CellText = { x0: cell.x0, x1: cell.x1, box, paragraphs: toParagraphs(lines, box), merged: false, page };
    if (inner.length > 0) text.nested = inner;
    rows[cell.row0]!.push(text);
    // A cell spanning rows is printed once, in its first row, and as an empty cell in the others (as Word's vMerge).
    for (let r = cell.row0 + 1; r <= cell.row1; r++) rows[r]!.push({ x0: cell.x0, x1: cell.x1, box, paragraphs: [], merged: true, page });
  }
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0);
  return { kind: "table", page, x0: grid.x0, x1: grid.x1, rows: rows.filter((r) => r.length > 0) };
}

/** A table's lines: each cell's paragraphs (and tables inside it), an empty line after each row and one more after the table. */
function tableLines(table: TableBlock): OutLine[] {
  const out: OutLine[] = [];
  for (const row of table.rows) {
    for (const cell of row) {
      // The cell's paragraphs in order (a cell joined over a page break has them from two pages), tables
      // inside it placed among them by height; the first line of the cell is tab-started.
      // A value is read from its whole cell, so each of the cell's lines carries the cell's lowest confidence.
      const conf = confidenceOf(cell.paragraphs.flat());
      const parts = cell.paragraphs.map((p) => ({ y: p[0]!.y, lines: [{ text: joinLines(p), page: cell.page, ...conf }] }));
      for (const n of cell.nested ?? []) {
        const at = parts.findIndex((p) => p.y < n.y);
        parts.splice(at < 0 ? parts.length : at, 0, { y: n.y, lines: tableLines(n.table) });
      }
      const lines = parts.flatMap((p) => p.lines);
      if (lines.length === 0) lines.push({ text: "", page: cell.page });
      out.push({ ...lines[0]!, text: "\t" + lines[0]!.text }, ...lines.slice(1));
    }
    out.push({ text: "", page: out.at(-1)?.page ?? table.page });
  }
  // One more empty line ends the table, so the next paragraph is not read as its last cell's continuation.
  out.push({ text: "", page: out.at(-1)?.page ?? table.page });
  return out;
}

/** Blocks → text; a table continued on the next page is one table, its repeated header row dropped. */
export function toLayout(blocks: readonly Block[]): Layout {
  const joined = joinTables(blocks);
  // Landscape pages (a wide table) set their text wider than the portrait ones around them: each page width has its box.
  const boxes = new Map<number, TextBox>();
  const boxOf = (block: LineBlock) => {
    let box = boxes.get(block.pageRight);
    if (!box) boxes.set(block.pageRight, (box = bodyBoxOf(joined.filter((b) => b.kind !== "line" || b.pageRight === block.pageRight))));
    return box;
  };
  const out: string[] = [];
  const pages: number[] = [];
  const confidence: Confidence[] = [];
  const emit = (line: OutLine) => {
    out.push(line.text);
    pages.push(line.page);
    confidence.push(confidenceOf([line]));
  };
  let paragraph: LineBlock[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const lines = paragraph.map((b) => b.line);
    emit({ text: joinLines(lines), page: paragraph[0]!.page, ...confidenceOf(lines) });
    paragraph = [];
  };
  for (const block of joined) {
    if (block.kind === "line") {
      const prev = paragraph.at(-1);
      const samePage = prev?.page === block.page;
      const near = !samePage || (prev !== undefined && prev.line.y - block.line.y < 2.2 * block.line.size);
      if (!prev || !near || !continues(prev.line, block.line, boxOf(prev), paragraph[0]?.line)) flush();
      paragraph.push(block);
      continue;
    }
    flush();
    for (const line of tableLines(block)) emit(line);
  }
  flush();
  return { text: out.join("\n") + "\n", pages: [...pages, pages.at(-1) ?? 1], confidence: [...confidence, {}] };
}

/**
 * Where body text is set: the leftmost start of body lines, and as right edge the upper quartile of the long
 * lines' ends (the longest overhang the margin: punctuation may hang or be compressed into it), at least the
 * mirror of the left margin (a short document may have no full line at all).
 */
function bodyBoxOf(blocks: readonly Block[]): TextBox {
  const body = blocks.filter((b): b is LineBlock => b.kind === "line");
  const lines = body.map((b) => b.line);
  if (lines.length === 0) return { left: 0, right: 0 };
  const left = Math.min(...lines.map((l) => l.x0));
  const widest = Math.max(...lines.map((l) => l.x1));
  const ends = lines.map((l) => l.x1).filter((x) => x > left + 0.8 * (widest - left)).sort((a, b) => a - b);
  const mirrored = Math.min(...body.map((b) => b.pageRight)) - left;
  return { left, right: Math.max(ends[Math.floor(ends.length * 0.75)] ?? widest, mirrored) };
}

const EDGE = 3;
const sameColumns = (a: readonly CellText[], b: readonly CellText[]) =>
  a.length === b.length && a.every((c, i) => Math.abs(c.x0 - b[i]!.x0) <= EDGE && Math.abs(c.x1 - b[i]!.x1) <= EDGE);
const rowText = (row: readonly CellText[]) => row.map((c) => c.paragraphs.map(joinLines).join("\n")).join("\t");

/**
 * A table that ends its page and one that starts the next page, with the same outer edges, are one table.
 * The continuation's first row is dropped when it repeats the table's header row; when a row was split by
 * the page break (a cell's last line on the first page is full, so its text goes on), the two parts are one row.
 */
function joinTables(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const [i, block] of blocks.entries()) {
    const prev = out.at(-1);
    const before = blocks[i - 1];
    // The previous block ended its page and this one starts the next page.
    const acrossBreak = before !== undefined && block.page === before.page + 1;
    if (block.kind !== "table" || prev?.kind !== "table" || before?.kind !== "table" || !acrossBreak) {
      out.push(block.kind === "table" ? { ...block, rows: [...block.rows] } : block);
      continue;
    }
    if (Math.abs(prev.x0 - block.x0) > EDGE || Math.abs(prev.x1 - block.x1) > EDGE) {
      out.push({ ...block, rows: [...block.rows] });
      continue;
    }
    let rows = block.rows;
    if (rows.length > 0 && prev.rows.length > 0 && rowText(rows[0]!) === rowText(prev.rows[0]!)) rows = rows.slice(1);
    const last = prev.rows.at(-1);
    const first = rows[0];
    if (last && first && sameColumns(last, first) && rowWasSplit(last, first)) {
      prev.rows[prev.rows.length - 1] = last.map((c, i) => joinCells(c, first[i]!));
      rows = rows.slice(1);
    }
    prev.rows.push(...rows);
  }
  return out;
}


/**
 * Whether the page break cut one row in two: either every continued cell's text runs on (its last line above
 * is full), or some cell's text ended above (the part below is empty) and a continued cell runs on or every
 * continued cell has several lines above the break (a break between two paragraphs of a tall cell).
 * A figure alone below never runs on a word (a header row above a row of amounts), a figure under a figure is the
 * next row's (a cell spanning both rows, 产出指标, leaves an empty cell below that looks like a fitted one), and the
 * next item of a numbered list (1、局机关 → 2、二级机构1; a cell holding 指标1：… alone above and 指标2：… below) is a
 * new row.
 */
function rowWasSplit(last: readonly CellText[], first: readonly CellText[]): boolean {
  const continued = last.filter((_, i) => first[i]!.paragraphs.length > 0);
  const runsOn = (c: CellText) => {
    const below = first[last.indexOf(c)]!.paragraphs[0]![0]!;
    const paragraph = c.paragraphs.at(-1);
    const above = paragraph?.at(-1);
    return above !== undefined && !/^[\d.,%-]+$/.test(below.text) && continues(above, below, c.box, paragraph![0]);
  };
  if (continued.length === 0) return false;
  // A figure above and a figure below in one column (分值 10 over 10) are two rows' figures: a figure is never cut.
  const figure = (t: string) => /^[\d.,%-]+$/.test(t);
  if (continued.some((c) => figure(c.paragraphs.map(joinLines).join("")) && figure(first[last.indexOf(c)]!.paragraphs.map(joinLines).join("")))) return false;
  const nextItem = (c: CellText) => c.paragraphs.length === 1 && sameEnumerator(c.paragraphs[0]![0]!.text, first[last.indexOf(c)]!.paragraphs[0]![0]!.text);
  if (continued.some(nextItem)) return false;
  const fitted = last.some((c, i) => c.paragraphs.length > 0 && first[i]!.paragraphs.length === 0);
  const lines = (c: CellText) => c.paragraphs.reduce((n, p) => n + p.length, 0);
  return continued.every(runsOn) || (fitted && (continued.some(runsOn) || continued.every((c) => lines(c) >= 2)));
}

function joinCells(top: CellText, bottom: CellText): CellText {
  // The joined cell starts where the row starts, on the first page.
  if (top.paragraphs.length === 0) return { ...bottom, merged: top.merged, page: top.page };
  if (bottom.paragraphs.length === 0) return top;
  const tail = top.paragraphs.at(-1)!;
  const [head, ...rest] = bottom.paragraphs;
  const paragraphs = continues(tail.at(-1)!, head![0]!, top.box)
    ? [...top.paragraphs.slice(0, -1), [...tail, ...head!], ...rest]
    : [...top.paragraphs, ...bottom.paragraphs];
  return { ...top, paragraphs };
}
