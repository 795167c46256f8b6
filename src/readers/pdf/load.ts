/** pdf.js in Node: one page's text items and ruling segments, placed as the page is viewed (y grows upwards). */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument, OPS, PDFWorker } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { initialTextParams, multiply, TextReader } from "./ops-text.ts";
import type { Matrix, TextParams } from "./ops-text.ts";
import { DirectPort } from "./port.ts";

// CMaps and standard fonts come from the package itself, read from disk: nothing is fetched over a network.
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_DIR = join(PDFJS_DIR, "cmaps") + "/";
const FONT_DIR = join(PDFJS_DIR, "standard_fonts") + "/";
// pdf.js logs errors only (its warnings about damaged PDFs are not ours to print).
const VERBOSITY = 0;

/** A run of text on one baseline: x, y of its start on the baseline; w its advance width; size the font size. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  /** The OCR engine's confidence in the word (0–100), for text read from a page image; absent for a text layer. */
  conf?: number;
  /** The font resource the text layer shows it in (pdf.js's loaded name); absent for text read by OCR. */
  font?: string;
}

/** An axis-parallel ruling segment: horizontal when y0 === y1, vertical when x0 === x1 (x0 ≤ x1, y0 ≤ y1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  /** 1-based page number. */
  page: number;
  /** Page box [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  items: TextItem[];
  /** Blank glyphs where they stand (ops-text.ts), for reading a font without a map by OCR; absent for a scan. */
  blanks?: TextItem[];
  segments: Segment[];
  /** Whether the page paints any image (to tell a scan from an empty page). */
  hasImages: boolean;
}

/**
 * Opens a PDF from bytes; `close` frees it. Rejects with pdf.js's own exceptions (InvalidPDFException,
 * PasswordException).
 */
export async function openPdf(bytes: Uint8Array): Promise<{ doc: PDFDocumentProxy; close: () => Promise<void> }> {
  const worker = await ensureWorker();
  // pdf.js detaches the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const task = getDocument({
    data: bytes.slice(),
    worker,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: FONT_DIR,
    useSystemFonts: false,
    // With disableFontFace pdf.js turns every glyph shown into an outline path and posts it to this thread, for
    // a canvas to fill: a sixth of the reading time, for paths this reader never looks at. Left false, pdf.js
    // would instead install each font in the DOM (which Node lacks); skipFontInstall (below) stops that.
    disableFontFace: false,
    stopAtErrors: false,
    verbosity: VERBOSITY,
  });
  try {
    const doc = await task.promise;
    skipFontInstall(doc);
    return { doc, close: () => task.destroy() };
  } catch (e) {
    await task.destroy();
    throw e;
  }
}

/**
 * Makes pdf.js's font loader a no-op for this document: nothing is rendered, so no font needs installing. (It
 * would base64 each font program into a CSS rule, then fail for want of a document and ask the worker for a
 * fallback font.) The loader is internal to pdf.js (pinned in package.json): if it moves, fail loudly here.
 */
function skipFontInstall(doc: PDFDocumentProxy): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (typeof loader?.bind !== "function") throw new Error("pdf.js internals changed: no _transport.fontLoader.bind to skip");
  loader.bind = () => Promise.resolve();
}

// pdf.js's worker code runs on this thread, behind one PDFWorker shared by every document, talking over a
// DirectPort (see port.ts) rather than the fake worker's structuredClone port. (The specifier is a variable
// because the package declares no types for the worker module.)
const WORKER_MODULE = "pdfjs-dist/legacy/build/pdf.worker.mjs";
let workerReady: Promise<PDFWorker> | null = null;
function ensureWorker(): Promise<PDFWorker> {
  workerReady ??= import(WORKER_MODULE).then((module: unknown) => {
    const port = new DirectPort();
    (module as { WorkerMessageHandler: { initializeFromPort(port: unknown): void } }).WorkerMessageHandler.initializeFromPort(port);
    return PDFWorker.create({ port: port as unknown as Worker, verbosity: VERBOSITY });
  });
  return workerReady;
}

/** Text items and ruling segments of one page. */
export async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageContent> {
  const page = await doc.getPage(pageNumber);
  // Everything is placed as the page is viewed (a landscape page may be a portrait one with /Rotate 90),
  // with y growing upwards from the view's bottom edge.
  const viewport = page.getViewport({ scale: 1 });
  const view = multiply([1, 0, 0, -1, 0, viewport.height], viewport.transform as Matrix);
  const ops = await page.getOperatorList();
  const fontMatrix = (font: string) => (page.commonObjs.has(font) ? ((page.commonObjs.get(font) as { fontMatrix?: number[] }).fontMatrix ?? null) : null);
  const content = readOperators(ops.fnArray, ops.argsArray, view, fontMatrix);
  page.cleanup();
  return { page: pageNumber, box: [0, 0, viewport.width, viewport.height], ...content };
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

// Path drawing codes inside constructPath's data (pdf.js DrawOPS).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;
// A filled rectangle thinner than this (points) is a ruling line drawn as a fill, as Word and LibreOffice do.
const THIN = 2.5;
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

/**
 * One pass over a page's operators: text items (see ops-text.ts), axis-parallel segments of every painted path
 * (strokes, and thin filled rectangles), in page space, and whether any image is painted.
 */
export function readOperators(
  fnArray: number[],
  argsArray: unknown[],
  view: Matrix = IDENTITY,
  fontMatrix: (font: string) => number[] | null = () => null,
): { items: TextItem[]; blanks: TextItem[]; segments: Segment[]; hasImages: boolean } {
  const segments: Segment[] = [];
  const text = new TextReader(fontMatrix);
  const stack: { ctm: Matrix; params: TextParams }[] = [];
  let ctm: Matrix = view;
  let hasImages = false;
  const restore = () => {
    const saved = stack.pop();
    ctm = saved?.ctm ?? view;
    text.params = saved?.params ?? initialTextParams();
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[];
    if (text.handle(fn, args, ctm)) continue;
    if (fn === OPS.save) stack.push({ ctm, params: { ...text.params } });
    else if (fn === OPS.restore) restore();
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, params: { ...text.params } });
      const matrix = args[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, Array.from(matrix) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) restore();
    else if (IMAGE_OPS.has(fn)) hasImages = true;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      if (paint === OPS.endPath) continue;
      const data = (args[1] as (ArrayLike<number> | null)[])[0];
      if (data) pathSegments(data, ctm, paint === OPS.stroke || paint === OPS.closeStroke, segments);
    }
  }
  return { items: text.items, blanks: text.blanks, segments, hasImages };
}

function pathSegments(data: ArrayLike<number>, ctm: Matrix, stroked: boolean, out: Segment[]): void {
  // Collect the subpaths as point lists; each straight edge of a stroked path is a candidate ruling line,
  // and a filled thin rectangle is one ruling line along its long axis.
  const subpaths: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let k = 0; k < data.length; ) {
    const op = data[k]!;
    if (op === MOVE_TO) {
      if (current.length > 0) subpaths.push(current);
      current = [apply(ctm, data[k + 1]!, data[k + 2]!)];
      k += 3;
    } else if (op === LINE_TO) {
      current.push(apply(ctm, data[k + 1]!, data[k + 2]!));
      k += 3;
    } else if (op === CURVE_TO) {
      // A curve breaks the path: it is no ruling line.
      if (current.length > 0) subpaths.push(current);
      current = [apply(ctm, data[k + 5]!, data[k + 6]!)];
      k += 7;
    } else if (op === QUAD_TO) {
      if (current.length > 0) subpaths.push(current);
      current = [apply(ctm, data[k + 3]!, data[k + 4]!)];
      k += 5;
    } else if (op === CLOSE) {
      if (current.length > 1) current.push(current[0]!);
      k += 1;
    } else break;
  }
  if (current.length > 0) subpaths.push(current);
  for (const pts of subpaths) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (!stroked) {
      if (maxY - minY <= THIN && maxX - minX > THIN) out.push({ x0: minX, y0: (minY + maxY) / 2, x1: maxX, y1: (minY + maxY) / 2 });
      else if (maxX - minX <= THIN && maxY - minY > THIN) out.push({ x0: (minX + maxX) / 2, y0: minY, x1: (minX + maxX) / 2, y1: maxY });
      continue;
    }
    for (let k = 1; k < pts.length; k++) {
      const [ax, ay] = pts[k - 1]!;
      const [bx, by] = pts[k]!;
      if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 0.5) out.push({ x0: Math.min(ax, bx), y0: ay, x1: Math.max(ax, bx), y1: ay });
      else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 0.5) out.push({ x0: ax, y0: Math.min(ay, by), x1: ax, y1: Math.max(ay, by) });
    }
  }
}
