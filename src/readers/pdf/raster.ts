/**
 * A scanned page as the PDF reader's other pages are (load.ts's PageContent): ruling lines found in its gray image,
 * and the words Tesseract read (its TSV) placed in PDF points, so that layout.ts reads a scan's tables from their
 * rulings as it reads a vector PDF's. Pure: images and TSV text in, geometry out (ocr.ts runs the programs).
 */
import type { PageContent, Segment, TextItem } from "./load.ts";

/** An 8-bit gray image (PGM "P5", as pdftoppm -gray writes it), row by row, 0 black. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Parses a binary PGM (P5, maxval 255). */
export function parsePgm(bytes: Uint8Array): GrayImage {
  const header: string[] = [];
  let at = 0;
  // Four tokens (magic, width, height, maxval), separated by whitespace, comments (#…) skipped.
  while (header.length < 4) {
    while (at < bytes.length && /\s/.test(String.fromCharCode(bytes[at]!))) at++;
    if (bytes[at] === 0x23) {
      while (at < bytes.length && bytes[at] !== 0x0a) at++;
      continue;
    }
    let token = "";
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]!))) token += String.fromCharCode(bytes[at++]!);
    header.push(token);
  }
  const [magic, w, h, max] = header;
  if (magic !== "P5" || max !== "255") throw new Error(`expected an 8-bit binary PGM (P5, maxval 255), found ${magic} maxval ${max}`);
  const width = Number(w);
  const height = Number(h);
  const pixels = bytes.subarray(at + 1, at + 1 + width * height);
  if (pixels.length !== width * height) throw new Error(`a PGM of ${width}×${height} pixels with only ${pixels.length} bytes of them`);
  return { width, height, pixels };
}

/** The PGM bytes of an image (for the OCR engine to read). */
export function pgmBytes(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/** Darker than this is ink. */
const INK = 140;
/**
 * A ruling is at least this long (fraction of the page's width): longer than any run of characters' strokes. A
 * vertical one may be shorter, a cell's side in one row of a table with merged cells (≈ 6 mm), still taller than
 * a body character's stroke; headings' strokes of that height are too thin and too few to form a run.
 */
const MIN_RULE = 0.04;
const MIN_VERTICAL_RULE = 0.025;
/** Pixel rows (or columns) this close belong to one ruling: a scanned line is a few pixels thick. */
const RULE_THICKNESS = 6;

interface Run {
  from: number;
  to: number;
  at: number;
}

/** Runs of ink at least minLength long along each row (horizontal) or each column (vertical). */
function inkRuns(image: GrayImage, horizontal: boolean, minLength: number): Run[] {
  const { width, height, pixels } = image;
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const runs: Run[] = [];
  for (let l = 0; l < lines; l++) {
    let start = -1;
    // A gap of a pixel or two (a scan's broken line) does not end a run.
    let gap = 0;
    for (let i = 0; i <= length; i++) {
      const dark = i < length && pixels[horizontal ? l * width + i : i * width + l]! < INK;
      if (dark) {
        if (start < 0) start = i;
        gap = 0;
      } else if (start >= 0 && (++gap > 2 || i === length)) {
        const end = i - gap;
        if (end - start >= minLength) runs.push({ from: start, to: end, at: l });
        start = -1;
        gap = 0;
      }
    }
  }
  return runs;
}

/** Adjacent runs that overlap along their length, merged into one ruling at their middle. */
function mergeRuns(runs: readonly Run[]): Run[] {
  const out: (Run & { first: number; last: number })[] = [];
  for (const r of runs) {
    const same = out.find((o) => r.at - o.last <= RULE_THICKNESS && r.from < o.to && r.to > o.from);
    if (same) {
      same.from = Math.min(same.from, r.from);
      same.to = Math.max(same.to, r.to);
      same.last = r.at;
    } else out.push({ ...r, first: r.at, last: r.at });
  }
  return out.map((o) => ({ from: o.from, to: o.to, at: (o.first + o.last) / 2 }));
}

/** The image's horizontal and vertical rulings, in pixels. */
export function findRulings(image: GrayImage): { horizontal: Run[]; vertical: Run[] } {
  return {
    horizontal: mergeRuns(inkRuns(image, true, Math.round(image.width * MIN_RULE))),
    vertical: mergeRuns(inkRuns(image, false, Math.round(image.width * MIN_VERTICAL_RULE))),
  };
}

/** A copy of the image with its rulings painted white, so the OCR engine does not read them as 丨 or 一. */
export function withoutRulings(image: GrayImage, rulings: ReturnType<typeof findRulings>): GrayImage {
  const pixels = image.pixels.slice();
  // Past the ruling's ink on every side: a scan's line has gray edges and ends that would remain as specks (。”).
  const pad = RULE_THICKNESS / 2 + 3;
  for (const r of rulings.horizontal) {
    const from = Math.max(0, r.from - pad);
    const to = Math.min(image.width - 1, r.to + pad);
    for (let y = Math.max(0, Math.floor(r.at - pad)); y <= Math.min(image.height - 1, Math.ceil(r.at + pad)); y++) pixels.fill(255, y * image.width + from, y * image.width + to + 1);
  }
  for (const r of rulings.vertical) {
    for (let y = Math.max(0, r.from - pad); y <= Math.min(image.height - 1, r.to + pad); y++) {
      for (let x = Math.max(0, Math.floor(r.at - pad)); x <= Math.min(image.width - 1, Math.ceil(r.at + pad)); x++) pixels[y * image.width + x] = 255;
    }
  }
  return { ...image, pixels };
}

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** block, paragraph and line numbers: the line the engine put the word on. */
  line: string;
}

/** A lone punctuation mark the engine is unsure of: a speck, or what is left of a ruling, not text. */
const SPECK_CONFIDENCE = 50;
const isSpeck = (text: string, conf: number) => conf < SPECK_CONFIDENCE && /^[\p{P}\p{S}]$/u.test(text);

/** Tesseract's TSV (level 5 rows are words) → words with their line; specks left out. */
export function parseTesseractTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split("\n").slice(1)) {
    const f = row.split("\t");
    if (f[0] !== "5" || f.length < 12) continue;
    const text = f.slice(11).join("\t").trim();
    if (text === "" || isSpeck(text, Number(f[10]))) continue;
    words.push({ text, left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]), conf: Number(f[10]), line: `${f[2]}.${f[3]}.${f[4]}` });
  }
  return words;
}

/** Han glyphs fill about this much of the font size in height: a line's ink height → its font size. */
const INK_TO_SIZE = 0.85;

/**
 * The page as the PDF reader's geometry: each word a text item on its line's baseline (the bottom of the line's
 * most common glyph height, so a digit's taller box does not move it off the line), the rulings as segments;
 * pixels at dpi → points, y growing upwards.
 */
export function scannedPage(page: number, image: GrayImage, dpi: number, words: readonly OcrWord[], rulings: ReturnType<typeof findRulings>): PageContent {
  const pt = 72 / dpi;
  const heightPt = image.height * pt;
  const byLine = new Map<string, OcrWord[]>();
  for (const w of words) byLine.set(w.line, [...(byLine.get(w.line) ?? []), w]);
  const items: TextItem[] = [];
  for (const line of byLine.values()) {
    const heights = line.map((w) => w.height).sort((a, b) => a - b);
    const typical = heights[heights.length >> 1]!;
    const bottom = median(line.filter((w) => Math.abs(w.height - typical) <= 2).map((w) => w.top + w.height));
    for (const w of line) items.push({ str: w.text, x: w.left * pt, y: heightPt - bottom * pt, w: w.width * pt, size: (typical * pt) / INK_TO_SIZE });
  }
  const segments: Segment[] = [
    ...rulings.horizontal.map((r) => ({ x0: r.from * pt, x1: r.to * pt, y0: heightPt - r.at * pt, y1: heightPt - r.at * pt })),
    ...rulings.vertical.map((r) => ({ x0: r.at * pt, x1: r.at * pt, y0: heightPt - r.to * pt, y1: heightPt - r.from * pt })),
  ];
  return { page, box: [0, 0, image.width * pt, heightPt], items, segments, hasImages: true };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
