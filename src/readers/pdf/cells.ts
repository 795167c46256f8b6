/**
 * A scanned table's cells, found from its rulings, each read again on its own. Read as one block (Tesseract's
 * --psm 6), a page's table runs its cells' lines together across the painted-out rulings, and a narrow cell's
 * wrapped lines sit beside its neighbours' at other heights: the engine then drops characters (会商、联审、跟踪服务
 * 等流程，培育 read as 跟踪服培育), a comma between two Han, one of two equal digits (11家 as 1家). A cell cropped
 * alone often reads whole, but not always better: it reads 100% as 100%6 and may miss a line. So the page's
 * reading stays, and a cell's own reading replaces it only where it mends it: characters put back that the page's
 * reading loses, and nothing else changed but a quote mark it made up (mends). Pure: rulings, image and words in, boxes, crops and
 * words out (ocr.ts runs the engine).
 */
import type { findRulings, OcrWord } from "./raster.ts";
import { inkAtLeast, type GrayImage } from "./scan-image.ts";

/** A box in pixels: x0, y0 inclusive; x1, y1 exclusive. */
export type Box = [number, number, number, number];

/** The grid the walls are drawn on, in pixels a square: a cell is far larger, a ruling's gap at a corner smaller. */
const STEP = 4;
/** Pixels a ruling is drawn wider (its scanned thickness) and longer (a corner the scan left open) than found. */
const WALL = 6;
const REACH = 12;
/** A cell smaller than this (pixels at 300 dpi, ≈ 2 mm) holds no line of text. */
const MIN_CELL = 24;
/** A region of the walls' grid that fills less of its box than this is not a rectangle (a ruling is missing). */
const RECTANGULAR = 0.92;
/** Ink pixels a cell must hold to be read: a full stop has dozens. */
const MIN_INK = 20;
/** A region more than this share of the page is a frame around the page's text, not a cell: read with the page. */
const MAX_CELL_SHARE = 0.5;

/**
 * The cells the rulings enclose: regions walled in on every side, rectangular, with ink in them. A region open to
 * the page's edge (text outside any table, a table without side borders), or a frame ruled round the whole page,
 * is not a cell: it is read with the page.
 */
export function rulingCells(image: GrayImage, rulings: ReturnType<typeof findRulings>): Box[] {
  const cols = Math.ceil(image.width / STEP);
  const rows = Math.ceil(image.height / STEP);
  const wall = new Uint8Array(cols * rows);
  const mark = (x0: number, y0: number, x1: number, y1: number) => {
    const c0 = Math.max(0, Math.floor(x0 / STEP));
    const c1 = Math.min(cols - 1, Math.floor(x1 / STEP));
    for (let r = Math.max(0, Math.floor(y0 / STEP)); r <= Math.min(rows - 1, Math.floor(y1 / STEP)); r++) wall.fill(1, r * cols + c0, r * cols + c1 + 1);
  };
  for (const r of rulings.horizontal) mark(r.from - REACH, r.at - WALL, r.to + REACH, r.at + WALL);
  for (const r of rulings.vertical) mark(r.at - WALL, r.from - REACH, r.at + WALL, r.to + REACH);

  // Flood fill of each region of the grid the walls leave, breadth first; `wall` marks both walls and visited.
  const queue = new Int32Array(cols * rows);
  const cells: Box[] = [];
  for (let start = 0; start < wall.length; start++) {
    if (wall[start]) continue;
    let head = 0;
    let tail = 0;
    const visit = (at: number) => {
      if (wall[at]) return;
      wall[at] = 1;
      queue[tail++] = at;
    };
    visit(start);
    let [c0, r0, c1, r1] = [cols, rows, -1, -1];
    let open = false;
    while (head < tail) {
      const at = queue[head++]!;
      const c = at % cols;
      const r = (at - c) / cols;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      if (c === 0 || r === 0 || c === cols - 1 || r === rows - 1) open = true;
      if (c > 0) visit(at - 1);
      if (c < cols - 1) visit(at + 1);
      if (r > 0) visit(at - cols);
      if (r < rows - 1) visit(at + cols);
    }
    const area = (c1 - c0 + 1) * (r1 - r0 + 1);
    if (open || tail < RECTANGULAR * area || area > MAX_CELL_SHARE * cols * rows) continue;
    const box: Box = [c0 * STEP, r0 * STEP, Math.min(image.width, (c1 + 1) * STEP), Math.min(image.height, (r1 + 1) * STEP)];
    if (box[2] - box[0] >= MIN_CELL && box[3] - box[1] >= MIN_CELL && inkAtLeast(image, box, MIN_INK)) cells.push(box);
  }
  return cells;
}

/** White around a cropped cell, so its first and last characters are not at the image's edge. */
export const CELL_MARGIN = 12;

/**
 * The cell's pixels, gray as on the page, on a white margin. (Made black and white here, the crops read worse: 100%
 * as 100%6 or 10096. Left gray, the engine's threshold from a small crop's few pixels can whiten a whole line, 济、
 * 生态效 under 社会、经 read as nothing; such a reading mends nothing and is not taken.)
 */
export function cropCell(image: GrayImage, [x0, y0, x1, y1]: Box): GrayImage {
  const width = x1 - x0 + 2 * CELL_MARGIN;
  const height = y1 - y0 + 2 * CELL_MARGIN;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = y0; y < y1; y++) pixels.set(image.pixels.subarray(y * image.width + x0, y * image.width + x1), (y - y0 + CELL_MARGIN) * width + CELL_MARGIN);
  return { width, height, pixels };
}

/** A cell's words (read from its crop) where they are on the page. */
export function onPage(words: readonly OcrWord[], [x0, y0]: Box): OcrWord[] {
  const dx = x0 - CELL_MARGIN;
  const dy = y0 - CELL_MARGIN;
  return words.map((w) => ({ ...w, left: w.left + dx, top: w.top + dy, chars: w.chars.map((c) => ({ ...c, box: [c.box[0] + dx, c.box[1] + dy, c.box[2] + dx, c.box[3] + dy] })) }));
}

/**
 * What the page's reading of a cell may have lost: a Han character or a Chinese mark (or a digit beside the same
 * digit). Never a Latin letter, an ASCII mark or another digit, which the cell's own reading adds (100%6, 909%).
 */
const RESTORABLE = /^[\p{Script=Han}，、。；：“”‘’（）《》]$/u;
/** What the page's reading may have that is not there: a quote mark read from a ruling's edge (5“02.28). */
const PHANTOM = /^[“”‘’"']$/u;

/**
 * Whether the cell's own reading mends the page's: aligned on their longest common subsequence, every difference is
 * a character put back that the page's reading may lose (RESTORABLE; one equal to a neighbour only if a digit: 11家
 * read as 1家, while the cell's reading is the one to read 规模工工业) or a quote mark the page's reading made up. A
 * character read differently is left as the page read it: the engine's confidence does not tell which reading is
 * right (the cell's 氛转 was surer than the page's 氛围).
 */
export function mends(page: string, cell: string): boolean {
  const a = [...page];
  const b = [...cell];
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  let changes = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // A difference: the page's characters from i0 against the cell's from j0, up to the next match (taking an equal
    // pair as a match is always on a longest common subsequence).
    const [i0, j0] = [i, j];
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j++;
      else i++;
    }
    const lost = a.slice(i0, i);
    const put = b.slice(j0, j);
    const ok =
      lost.length === 0
        ? put.every((c, k) => {
            const doubled = b[j0 + k - 1] === c || b[j0 + k + 1] === c;
            return /^\d$/.test(c) ? doubled : RESTORABLE.test(c) && !doubled;
          })
        : put.length === 0
          ? lost.every((c) => PHANTOM.test(c))
          : false;
    if (!ok) return false;
    changes++;
  }
  return changes > 0;
}

/**
 * Whether the word's centre is in the cell, out to the middle of its rulings: the cell's box stops short of them by
 * the walls drawn, and a character the page's reading boxed loosely can have its centre there (工 at 规模|工).
 */
const centreIn = (w: OcrWord, [x0, y0, x1, y1]: Box, pad = WALL + STEP / 2) => {
  const x = w.left + w.width / 2;
  const y = w.top + w.height / 2;
  return x >= x0 - pad && x < x1 + pad && y >= y0 - pad && y < y1 + pad;
};

/**
 * The page's words (phantoms gone), with each cell's words replaced by the cell's own reading (placed on the page by
 * onPage) where that mends the page's (mends); elsewhere the page's reading stays as it was. The cell's reading is
 * taken as it is: a crop has no painted-out ruling inside it to read phantom marks from, and the engine's boxes for
 * a crop's marks are too loose for withoutPhantoms' ink test (、 boxed beside its ink).
 */
export function withCellReadings(words: readonly OcrWord[], cells: readonly Box[], readings: readonly (readonly OcrWord[])[]): OcrWord[] {
  const replaced = new Set<OcrWord>();
  const added: OcrWord[] = [];
  cells.forEach((cell, k) => {
    const own = readings[k] ?? [];
    const page = words.filter((w) => centreIn(w, cell));
    const text = page.map((w) => w.text).join("");
    const ownText = own.map((w) => w.text).join("");
    // The same text too where the page's reading put a word on the cell's ruling: layout.ts, going by the word's
    // box, may give it to the next cell (不 of 不破坏 read into the score's column).
    const same = ownText === text && page.some((w) => !centreIn(w, cell, 0));
    if (page.length === 0 || !(same || mends(text, ownText))) return;
    for (const w of page) replaced.add(w);
    added.push(...own);
  });
  return replaced.size === 0 ? [...words] : [...words.filter((w) => !replaced.has(w)), ...added];
}
