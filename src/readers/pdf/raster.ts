/**
 * A scanned page as the PDF reader's other pages are (load.ts's PageContent): ruling lines found in its gray image,
 * and the words Tesseract read (its hOCR) placed in PDF points, so that layout.ts reads a scan's tables from their
 * rulings as it reads a vector PDF's. Pure: images and hOCR text in, geometry out (ocr.ts runs the programs).
 */
import { Parser } from "htmlparser2";
import type { PageContent, Segment, TextItem } from "./load.ts";
import { INK, inkAtLeast, type GrayImage } from "./scan-image.ts";

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
  type Piece = Run & { first: number; last: number };
  const near = (a: Piece, b: Piece) => a.from < b.to && a.to > b.from && b.first - a.last <= RULE_THICKNESS && a.first - b.last <= RULE_THICKNESS;
  const join = (a: Piece, b: Piece) => {
    a.from = Math.min(a.from, b.from);
    a.to = Math.max(a.to, b.to);
    a.first = Math.min(a.first, b.first);
    a.last = Math.max(a.last, b.last);
  };
  const out: Piece[] = [];
  for (const r of runs) {
    const piece = { ...r, first: r.at, last: r.at };
    const same = out.find((o) => near(o, piece));
    if (same) join(same, piece);
    else out.push(piece);
  }
  // A line a little off the pixel grid comes as overlapping pieces a row apart, each grown from its own first run:
  // pieces that overlap and touch are one ruling.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (near(out[i]!, out[j]!)) {
          join(out[i]!, out[j]!);
          out.splice(j--, 1);
          merged = true;
        }
      }
    }
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

/** A character Tesseract read, with its box in pixels (x0, y0 inclusive; x1, y1 exclusive). */
export interface OcrChar {
  text: string;
  box: [number, number, number, number];
}

export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  /** The line the engine put the word on (its hOCR id). */
  line: string;
  chars: OcrChar[];
}

/** A lone punctuation mark the engine is unsure of: a speck, or what is left of a ruling, not text. */
const SPECK_CONFIDENCE = 50;
const isSpeck = (text: string, conf: number) => conf < SPECK_CONFIDENCE && /^[\p{P}\p{S}]$/u.test(text);
const numbers = (title: string, key: string) => (new RegExp(`${key} ([\\d. -]+)`).exec(title)?.[1] ?? "").trim().split(/\s+/).map(Number);

/**
 * Tesseract's hOCR with character boxes (-c hocr_char_boxes=1) → words with their characters and line; specks left
 * out. hOCR rather than TSV for the characters' boxes: Tesseract's LSTM may put a mark where no ink is (withoutPhantoms).
 */
export function parseHocr(hocr: string): OcrWord[] {
  return parseHocrImages(hocr).flat();
}

/** The words of each image of a multi-image hOCR (Tesseract given a list of images), in the list's order. */
export function parseHocrImages(hocr: string): OcrWord[][] {
  const images: OcrWord[][] = [];
  let words: OcrWord[] = [];
  let line = "";
  let word: OcrWord | null = null;
  let char: OcrChar | null = null;
  const parser = new Parser({
    onopentag(_name, attrs) {
      const kind = attrs["class"];
      const title = attrs["title"] ?? "";
      if (kind === "ocr_page") images.push((words = []));
      else if (kind === "ocr_line" || kind === "ocr_caption" || kind === "ocr_header" || kind === "ocr_textfloat") line = attrs["id"] ?? "";
      else if (kind === "ocrx_word") {
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = numbers(title, "bbox");
        word = { text: "", left: x0, top: y0, width: x1 - x0, height: y1 - y0, conf: numbers(title, "x_wconf")[0] ?? 0, line, chars: [] };
      } else if (kind === "ocrx_cinfo" && word) {
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = numbers(title, "x_bboxes");
        char = { text: "", box: [x0, y0, x1, y1] };
      }
    },
    ontext(text) {
      if (char) char.text += text;
    },
    onclosetag() {
      if (char) {
        word!.chars.push(char);
        word!.text += char.text;
        char = null;
      } else if (word) {
        const text = word.text.trim();
        if (text !== "" && !isSpeck(text, word.conf)) words.push({ ...word, text });
        word = null;
      }
    },
  }, { decodeEntities: true });
  parser.end(hocr);
  // An hOCR fragment without its page (as tests write them) is one image.
  return images.length === 0 ? [words] : images;
}

/** Dark pixels a character's box must hold to be a character: a full stop at 300 dpi has dozens. */
const MIN_GLYPH_INK = 4;
/** How near a vertical ruling (pixels at 300 dpi, ≈ 5 mm: a cell's padding and first character) a phantom mark is found. */
const CELL_EDGE = 64;
const CLOSING = /^[”’。，、；：！？）》」』】〕]$/u;

/**
 * Each word with only the characters that are there, its box and text made from those; a word left without any
 * is dropped. On scanned tables Tesseract reads quotes and full stops (” 。) at a cell's edge, where a column's
 * ruling was painted out, with high confidence: a punctuation mark whose box crosses a vertical ruling (a cell's
 * text never does; the ink it finds is the next cell's first character), a closing mark opening a cell's text, or
 * a mark with no ink under it near a ruling, is not there. Elsewhere a mark's box may miss its ink (（ ） 、 get boxes beside them), so it stays.
 */
export function withoutPhantoms(words: readonly OcrWord[], image: GrayImage, rulings: ReturnType<typeof findRulings>): OcrWord[] {
  const half = RULE_THICKNESS / 2;
  const phantom = (c: OcrChar, first: boolean) => {
    if (!/^\p{P}$/u.test(c.text)) return false;
    const [x0, y0, x1, y1] = c.box;
    const beside = rulings.vertical.filter((r) => y0 < r.to && y1 > r.from);
    if (beside.some((r) => x0 < r.at + half && x1 > r.at - half)) return true;
    // Closing punctuation never opens a line (kinsoku), so never a cell's text: a word starting with one at a cell's left edge.
    if (first && CLOSING.test(c.text) && beside.some((r) => x0 >= r.at && x0 - r.at <= CELL_EDGE)) return true;
    return beside.some((r) => Math.min(Math.abs(x0 - r.at), Math.abs(x1 - r.at)) <= CELL_EDGE) && !inkAtLeast(image, c.box, MIN_GLYPH_INK);
  };
  const out: OcrWord[] = [];
  for (const w of words) {
    const chars = w.chars.filter((c, i) => !phantom(c, i === 0));
    if (chars.length === w.chars.length) out.push(w);
    else if (chars.length > 0) out.push(withChars(w, chars));
  }
  return out;
}

/** The word made of these characters: its text from theirs, its box around theirs. */
export function withChars(w: OcrWord, chars: OcrChar[]): OcrWord {
  const left = Math.min(...chars.map((c) => c.box[0]));
  const top = Math.min(...chars.map((c) => c.box[1]));
  const width = Math.max(...chars.map((c) => c.box[2])) - left;
  const height = Math.max(...chars.map((c) => c.box[3])) - top;
  return { ...w, text: chars.map((c) => c.text).join(""), left, top, width, height, chars };
}

const FULL_WIDTH: Record<string, string> = { "(": "（", ")": "）", ":": "：", ";": "；", ",": "，", "?": "？", "!": "！" };
const HAN = /\p{Script=Han}/u;

/**
 * Tesseract's Chinese model reads full-width punctuation as ASCII ("信息化建设(5G基站)", "指标2:是否"); set against a
 * Han character, a mark is the full-width one Chinese text prints. A comma between digits stays (1,234.56).
 */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/[():;,?!]/g, (mark, at: number) => {
    const before = text[at - 1] ?? "";
    const after = text[at + 1] ?? "";
    if (mark === "," && /\d/.test(before) && /\d/.test(after)) return mark;
    return HAN.test(before) || HAN.test(after) ? FULL_WIDTH[mark]! : mark;
  });
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
    for (const w of line) items.push({ str: w.text, x: w.left * pt, y: heightPt - bottom * pt, w: w.width * pt, size: (typical * pt) / INK_TO_SIZE, conf: w.conf });
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
