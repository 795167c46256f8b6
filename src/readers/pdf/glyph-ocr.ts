/**
 * Text a PDF shows in fonts without a map to Unicode, read by OCR where the text layer places it. The text layer
 * still says where each run of glyphs stands and how wide it is (the fonts' widths need no map), only not what it
 * says: each run (consecutive glyphs on one baseline) is cropped from the page rendered at 300 dpi and read as one
 * line (Tesseract, --psm 7), all runs of a page in one run of the engine. A clean rendered line reads nearly as
 * typed, where the page read as a scan loses a table's cells to their neighbours: 洪江's chromium print with all
 * its maps cut gave 0 of 22 indicators read as a page, 19 read run by run (about three runs in four exactly as
 * printed, most others a mark's width apart). A LibreOffice PDF with every map cut reads better as a page (pdf.ts).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CELL_MARGIN, cropCell, onPage } from "./cells.ts";
import type { PageContent, TextItem } from "./load.ts";
import { withComparisonSigns } from "./comparison-signs.ts";
import { decodeByVotes } from "./glyph-votes.ts";
import { missingOr, OCR_DPI, tesseractVersion, withFiguresReread } from "./ocr.ts";
import { findRulings, fullWidthPunctuation, parseHocrImages, withoutRulings, type OcrWord } from "./raster.ts";
import { inkAtLeast, parsePnm, pgmBytes } from "./scan-image.ts";

const run = promisify(execFile);
/** Pages read at once, as ocr.ts does. */
const PARALLEL_PAGES = 2;
// A run's box around its baseline, in font sizes: Han and capitals rise to about 0.9 of it, descenders fall 0.2.
const ASCENT = 0.95;
const DESCENT = 0.22;
/** Ink pixels a run's box holds at least to be read (a speck of a neighbour's stroke is not a glyph). */
const MIN_INK = 8;
/** Glyphs this close (in font sizes) on one baseline are one run; wider gaps part words or cells. */
const RUN_GAP = 0.6;

export interface GlyphOcrResult {
  pages: PageContent[];
  /** Pages whose runs were read. */
  read: number;
  /** Runs read. */
  runs: number;
  /** Mean word confidence over the runs read, 0–100. */
  confidence: number;
  engine: string;
}

interface Run {
  x: number;
  y: number;
  w: number;
  size: number;
  /** Each glyph's code (its font and the text layer's character), as glyph-votes.ts counts them. */
  glyphs: string[];
}

const codesOf = (it: TextItem) => [...it.str].map((c) => `${it.font ?? ""}\u0000${c}`);

/** Consecutive items on one baseline, of one size, close together, as one run. */
function runsOf(items: readonly TextItem[]): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    const r = runs.at(-1);
    const gap = r ? it.x - (r.x + r.w) : 0;
    if (r && Math.abs(it.y - r.y) < 0.1 * r.size && Math.abs(it.size - r.size) < 0.1 * r.size && gap < RUN_GAP * r.size && gap > -0.3 * r.size) {
      r.w = it.x + it.w - r.x;
      r.glyphs.push(...codesOf(it));
    } else runs.push({ x: it.x, y: it.y, w: it.w, size: it.size, glyphs: codesOf(it) });
  }
  return runs;
}

/**
 * The pages with every item `unmapped` says is shown in a font without a map replaced by what OCR reads where it
 * stands: one item per word read (with its confidence), or U+FFFD for each glyph of a run it reads nothing in.
 */
export async function readUnmappedRuns(bytes: Uint8Array, sourceFile: string, pages: readonly PageContent[], unmapped: (item: TextItem) => boolean): Promise<GlyphOcrResult> {
  const engine = await tesseractVersion(sourceFile);
  const dir = await mkdtemp(join(tmpdir(), "glyph-ocr-"));
  const read: { page: number; runs: Run[]; items: TextItem[][] }[] = [];
  try {
    await writeFile(join(dir, "in.pdf"), bytes);
    const todo = pages.flatMap((p, i) => (p.items.some(unmapped) ? [i] : []));
    let next = 0;
    const lane = async () => {
      for (let t = next++; t < todo.length; t = next++) {
        const i = todo[t]!;
        const page = pages[i]!;
        // A font without a map may give a glyph as blank (its number is 32 or 160): its place is read too.
        const glyphs = [...page.items, ...(page.blanks ?? [])].filter(unmapped).sort((a, b) => b.y - a.y || a.x - b.x);
        const runs = runsOf(glyphs);
        read.push({ page: i, runs, items: await readRuns(join(dir, "in.pdf"), page, runs, join(dir, `p${page.page}`), sourceFile) });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PAGES }, lane));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // Each glyph as its readings elsewhere in the document decide it (glyph-votes.ts).
  const all = read.flatMap((p) => p.runs.map((run, k) => ({ run, items: p.items[k]! })));
  const votes = decodeByVotes(all.map(({ run, items }) => ({ glyphs: run.glyphs, words: items.filter((it) => !it.str.includes("\uFFFD")).map((it) => ({ text: it.str, conf: it.conf ?? 0 })) })));
  const decoded = all.map(({ run, items }, k) => {
    const d = votes[k];
    return d ? [{ str: d.str, x: run.x, y: run.y, w: run.w, size: run.size, conf: d.conf }] : items;
  });
  const out = [...pages];
  let at = 0;
  for (const p of read) {
    const items = decoded.slice(at, (at += p.runs.length)).flat();
    out[p.page] = { ...pages[p.page]!, items: [...pages[p.page]!.items.filter((it) => !unmapped(it)), ...items] };
  }
  const confidences = decoded.flat().map((w) => w.conf ?? 0);
  const confidence = confidences.length === 0 ? 0 : Math.round(confidences.reduce((s, c) => s + c, 0) / confidences.length);
  return { pages: out, read: read.length, runs: all.length, confidence, engine };
}

/** Each run's words as text items where they stand on the page. */
async function readRuns(pdf: string, page: PageContent, runs: readonly Run[], stem: string, sourceFile: string): Promise<TextItem[][]> {
  await run("pdftoppm", ["-r", String(OCR_DPI), "-gray", "-f", String(page.page), "-l", String(page.page), "-singlefile", pdf, stem], { maxBuffer: 1 << 20 }).catch((e: unknown) => {
    throw missingOr(e, sourceFile, "pdftoppm", "poppler-utils");
  });
  // Rulings painted out, as on a scan: a cell's border beside its first glyph would join a ≥ to it (comparison-signs.ts).
  const rendered = parsePnm(await readFile(`${stem}.pgm`));
  const image = withoutRulings(rendered, findRulings(rendered));
  const px = OCR_DPI / 72;
  const height = page.box[3];
  const boxes = runs.map((r) => {
    const x0 = Math.max(0, Math.floor(r.x * px) - 2);
    const x1 = Math.min(image.width, Math.max(x0 + 1, Math.ceil((r.x + r.w) * px) + 2));
    const y0 = Math.max(0, Math.floor((height - r.y - ASCENT * r.size) * px));
    const y1 = Math.min(image.height, Math.max(y0 + 1, Math.ceil((height - r.y + DESCENT * r.size) * px)));
    return [x0, y0, x1, y1] as [number, number, number, number];
  });
  const files = boxes.map((_, k) => `${stem}-${k}.pgm`);
  await Promise.all(boxes.map((b, k) => writeFile(files[k]!, pgmBytes(cropCell(image, b)))));
  // A glyph alone (a title spaced out, 单 位 名 称) is read as one character: as a line the engine reads 加 there.
  // A run without ink is a font's space glyph (its number is no space character), not text.
  const inked = boxes.map((b) => inkAtLeast(image, b, MIN_INK));
  const single = runs.map((r) => r.glyphs.length === 1);
  const images: OcrWord[][] = runs.map(() => []);
  for (const [psm, alone] of [["7", false], ["10", true]] as const) {
    const which = runs.flatMap((_, k) => (inked[k] && single[k] === alone ? [k] : []));
    if (which.length === 0) continue;
    await writeFile(`${stem}.list`, which.map((k) => files[k]).join("\n") + "\n");
    const { stdout } = await run("tesseract", [`${stem}.list`, "-", "-l", "chi_sim", "--psm", psm, "-c", "hocr_char_boxes=1", "hocr"], { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, maxBuffer: 256 << 20 });
    parseHocrImages(stdout).forEach((words, j) => (images[which[j]!] = words));
  }
  await Promise.all([`${stem}.pgm`, `${stem}.list`, ...files].map((f) => rm(f)));
  // ≥ ≤ from their ink and doubtful figures read again, as on a scan's page (ocr.ts), with the words where they stand.
  const placed = runs.map((_, k) => onPage(images[k] ?? [], boxes[k]!).filter((w) => w.text.trim() !== ""));
  const all = await withFiguresReread(withComparisonSigns(placed.flat(), image), image, `${stem}-figures.pgm`);
  // Back to their runs by where they stand (two words of a sign and its figure may have become one).
  const inRun: OcrWord[][] = runs.map(() => []);
  for (const w of all) {
    const cx = w.left + w.width / 2;
    const cy = w.top + w.height / 2;
    const k = boxes.findIndex(([x0, y0, x1, y1]) => cx >= x0 - CELL_MARGIN && cx <= x1 + CELL_MARGIN && cy >= y0 - CELL_MARGIN && cy <= y1 + CELL_MARGIN);
    if (k >= 0) inRun[k]!.push(w);
  }
  // A run with ink the engine reads nothing in shows U+FFFD for each glyph: unknown, never guessed.
  return runs.map((r, k) =>
    inRun[k]!.length > 0
      ? fullWidthRun(withinGlyphCount(inRun[k]!, r.glyphs.length)).map((w) => ({ str: w.text, x: w.left / px, y: r.y, w: w.width / px, size: r.size, conf: w.conf }))
      : inked[k]
        ? [{ str: "\uFFFD".repeat(Math.max(1, r.glyphs.length)), x: r.x, y: r.y, w: r.w, size: r.size, conf: 0 }]
        : [],
  );
}

/** Marks OCR may read in a speck of a neighbour's stroke at a run's edge. */
const EDGE_MARK = /^[|:;,.'"`_~\-、，。：；！!？?‘’“”]$/u;

/**
 * The words of a run with the marks at its ends dropped while they read more characters than the run has glyphs:
 * the text layer counts its glyphs exactly, so a ":" or "|" beyond them is a neighbour's edge (响 read as 响:).
 */
function withinGlyphCount(words: readonly OcrWord[], glyphs: number): OcrWord[] {
  const out = words.map((w) => ({ ...w }));
  let extra = out.reduce((s, w) => s + [...w.text].length, 0) - glyphs;
  const trim = (at: "start" | "end") => {
    const w = at === "end" ? out.at(-1) : out[0];
    const chars = w ? [...w.text] : [];
    const edge = at === "end" ? chars.at(-1) : chars[0];
    if (!w || edge === undefined || !EDGE_MARK.test(edge)) return false;
    w.text = (at === "end" ? chars.slice(0, -1) : chars.slice(1)).join("");
    if (w.text === "") out.splice(at === "end" ? out.length - 1 : 0, 1);
    extra -= 1;
    return true;
  };
  while (extra > 0 && (trim("end") || trim("start")));
  return out;
}

/** ASCII ( ) : ; beside Han made full width across the run's words, as the run prints them together. */
function fullWidthRun(words: readonly OcrWord[]): OcrWord[] {
  const fixed = fullWidthPunctuation(words.map((w) => w.text).join(""));
  let at = 0;
  return words.map((w) => ({ ...w, text: fixed.slice(at, (at += w.text.length)) }));
}
