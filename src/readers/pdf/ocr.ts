/**
 * A scan's pages read by OCR: pdftoppm (poppler-utils) renders each page at 300 dpi, scan-image.ts makes it gray
 * (a red seal left out), upright and clean, raster.ts finds its rulings and paints them out, Tesseract 5
 * (tesseract-ocr, with tesseract-ocr-chi-sim) reads the words (hOCR, with each character's box, to drop characters
 * that are not there), each table cell is read again from its own crop where that puts back what the page's
 * reading lost (cells.ts), comparison-signs.ts reads the ≥ ≤ it cannot, its English model reads doubtful figures
 * again (figure-reread.ts), and the page comes back as a PageContent for layout.ts. The programs and models are
 * Debian packages the README's set-up installs; when one is missing the report fails saying which.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ParseError } from "../../extract/errors.ts";
import { cropCell, onPage, rulingCells, withCellReadings } from "./cells.ts";
import { withComparisonSigns } from "./comparison-signs.ts";
import type { PageContent } from "./load.ts";
import { figureStrip, FIGURE_CHARS, withFigures } from "./figure-reread.ts";
import { findRulings, parseHocr, parseHocrImages, scannedPage, withoutPhantoms, withoutRulings, type OcrWord } from "./raster.ts";
import { deskew, parsePnm, pgmBytes, skewAngle, withoutSpecks, type GrayImage } from "./scan-image.ts";

const run = promisify(execFile);
export const OCR_DPI = 300;
/** Below this mean word confidence (Tesseract's 0–100) a page is not read well enough to publish its figures. */
export const MIN_PAGE_CONFIDENCE = 60;
/** Pages read at once: Tesseract is single-threaded here (OMP_THREAD_LIMIT=1), two pages use two cores. */
const PARALLEL_PAGES = 2;

export interface OcrResult {
  pages: PageContent[];
  /** Mean word confidence per page, 0–100. */
  confidence: number[];
  engine: string;
}

/**
 * Reads the given pages (1-based) of a PDF by OCR, in that order; throws ParseError for a missing engine or a page
 * read too poorly.
 */
export async function ocrPages(bytes: Uint8Array, sourceFile: string, numbers: readonly number[]): Promise<OcrResult> {
  const engine = await tesseractVersion(sourceFile);
  const dir = await mkdtemp(join(tmpdir(), "ocr-"));
  try {
    await writeFile(join(dir, "in.pdf"), bytes);
    const pages: PageContent[] = new Array(numbers.length);
    const confidence: number[] = new Array(numbers.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < numbers.length; i = next++) {
        const number = numbers[i]!;
        const file = join(dir, `page-${number}.ppm`);
        // In colour, so a red seal can be told from black text (scan-image.ts).
        await run("pdftoppm", ["-r", String(OCR_DPI), "-f", String(number), "-l", String(number), "-singlefile", join(dir, "in.pdf"), join(dir, `page-${number}`)], { maxBuffer: 1 << 20 }).catch((e: unknown) => {
          throw missingOr(e, sourceFile, "pdftoppm", "poppler-utils");
        });
        const scanned = parsePnm(await readFile(file));
        await rm(file);
        const image = withoutSpecks(deskew(scanned, skewAngle(scanned)));
        const rulings = findRulings(image);
        const erased = withoutRulings(image, rulings);
        const read = await readWords(erased, rulings, join(dir, `clean-${i}`));
        const words = await withFiguresReread(withComparisonSigns(read, erased), erased, join(dir, `figures-${i}.pgm`));
        confidence[i] = words.length === 0 ? 0 : words.reduce((s, w) => s + w.conf, 0) / words.length;
        pages[i] = scannedPage(number, image, OCR_DPI, words, rulings);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PAGES }, lane));
    const poor = confidence.findIndex((c, i) => c < MIN_PAGE_CONFIDENCE && pages[i]!.items.length > 0);
    if (poor >= 0) {
      throw new ParseError(sourceFile, null, `a scan OCR reads with a mean word confidence of at least ${MIN_PAGE_CONFIDENCE}%`, `page ${numbers[poor]} read at ${confidence[poor]!.toFixed(0)}%: too poor a scan to publish its figures`);
    }
    return { pages, confidence, engine };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The page's words that are there (withoutPhantoms), read as one block, with the table cells read again from their
 * own crops where that puts back what the page's reading lost (cells.ts); all in one run of the engine (a list of
 * images: its model loads once a page).
 */
async function readWords(image: GrayImage, rulings: ReturnType<typeof findRulings>, stem: string): Promise<OcrWord[]> {
  const cells = rulingCells(image, rulings);
  const files = [`${stem}.pgm`, ...cells.map((_, k) => `${stem}-${k}.pgm`)];
  await writeFile(files[0]!, pgmBytes(image));
  for (const [k, cell] of cells.entries()) await writeFile(files[k + 1]!, pgmBytes(cropCell(image, cell)));
  await writeFile(`${stem}.list`, files.join("\n") + "\n");
  const { stdout } = await run("tesseract", [`${stem}.list`, "-", "-l", "chi_sim", "--psm", "6", "-c", "hocr_char_boxes=1", "hocr"], { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, maxBuffer: 256 << 20 });
  await Promise.all([...files, `${stem}.list`].map((f) => rm(f)));
  const [page = [], ...own] = parseHocrImages(stdout);
  return withCellReadings(withoutPhantoms(page, image, rulings), cells, cells.map((cell, k) => onPage(own[k] ?? [], cell)));
}

/** The doubtful words' figures read again by Tesseract's English model, digits only (figure-reread.ts). */
export async function withFiguresReread(words: OcrWord[], image: GrayImage, file: string): Promise<OcrWord[]> {
  const crops = figureStrip(words, image);
  if (!crops) return words;
  await writeFile(file, pgmBytes(crops.strip));
  const { stdout } = await run("tesseract", [file, "-", "-l", "eng", "--psm", "6", "-c", `tessedit_char_whitelist=${FIGURE_CHARS}`, "-c", "hocr_char_boxes=1", "hocr"], { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, maxBuffer: 64 << 20 });
  await rm(file);
  return withFigures(words, crops.slots, parseHocr(stdout));
}

export async function tesseractVersion(sourceFile: string): Promise<string> {
  try {
    const { stdout, stderr } = await run("tesseract", ["--list-langs"]);
    const langs = `${stdout}${stderr}`.split(/\s+/);
    if (!langs.includes("chi_sim")) {
      throw new ParseError(sourceFile, null, "Tesseract's Simplified Chinese model to read a scan", "tesseract without chi_sim: apt-get install tesseract-ocr-chi-sim");
    }
    if (!langs.includes("eng")) {
      throw new ParseError(sourceFile, null, "Tesseract's English model to read a scan's figures again", "tesseract without eng: apt-get install tesseract-ocr-eng");
    }
    const { stdout: version } = await run("tesseract", ["--version"]);
    return version.split("\n")[0]!.trim();
  } catch (e) {
    throw missingOr(e, sourceFile, "tesseract", "tesseract-ocr tesseract-ocr-chi-sim");
  }
}

/** A program that is not installed becomes a ParseError saying which package to install; other errors pass. */
export function missingOr(e: unknown, sourceFile: string, program: string, packages: string): unknown {
  if (e instanceof ParseError) return e;
  if ((e as { code?: string }).code === "ENOENT") {
    return new ParseError(sourceFile, null, `${program} to read a scan by OCR`, `${program} is not installed: apt-get install ${packages} (the README's set-up does)`);
  }
  return e;
}
