/**
 * Regenerates test/fixtures/scans: each seed's LibreOffice PDF (test/fixtures/originals) as a scan would publish it,
 * every page an image with no text layer (pdftoppm, then img2pdf):
 * - scans/<year>/<seed>.pdf: every seed at 150 dpi in gray;
 * - scans-rough/300dpi/…: 洪江's report at 300 dpi in gray;
 * - scans-rough/stamped/…: 洪江's report as a worse scanner gives it: 150 dpi colour JPEG pages turned by 0.6°, with
 *   specks of dirt, and a red seal (its ink over the print, as a stamp is) over the 自评表 and on the first page;
 * - mixed/…: 洪江's PDF with its 自评表 page (6) swapped for that page of its 150 dpi scan (pdfseparate, pdfunite),
 *   as a report typed in Word with the signed and stamped table scanned into it;
 * - unmapped/…: 洪江's PDF and chromium's print of 沅江's with their fonts' maps to Unicode cut (each /ToUnicode key
 *   renamed, so no byte offset moves), as print drivers write fonts: the pages show the report, the text layer is
 *   no Chinese text;
 * - unmapped-part/…: chromium's print of 洪江's with only its first font's map cut (the font of most of its body
 *   text), as an office suite embeds one font without a map: the text layer is part Chinese, part glyph numbers.
 * Needs poppler-utils and img2pdf (apt-get install poppler-utils img2pdf) and sharp (installed with astro); tests
 * never do. Usage: npm run fixtures:scans
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import sharp, { type OverlayOptions } from "sharp";

const ROOT = join(import.meta.dirname, "..");
const FROM = join(ROOT, "test/fixtures/originals");
const OUT = join(ROOT, "test/fixtures/scans");
const ROUGH = join(ROOT, "test/fixtures/scans-rough");
const ROUGH_SEED = "2024/洪江市-工业和信息化局.pdf";
const UNMAPPED = join(ROOT, "test/fixtures/unmapped");
const PRINTED_SEED = "2023/沅江市-科学技术和工业信息化局.pdf";
const MIXED = join(ROOT, "test/fixtures/mixed");
const UNMAPPED_PART = join(ROOT, "test/fixtures/unmapped-part");

/** Renders a PDF's pages (pdftoppm with its options), lets `each` turn every page file into the image to wrap, wraps them at dpi. */
async function scan(pdf: string, out: string, dpi: number, options: string[], each: (png: string, page: number) => Promise<string> = async (png) => png): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), "scan-"));
  try {
    execFileSync("pdftoppm", ["-r", String(dpi), ...options, "-png", pdf, join(tmp, "page")]);
    const pngs = readdirSync(tmp).filter((f) => f.endsWith(".png")).sort().map((f) => join(tmp, f));
    const pages: string[] = [];
    for (const [i, png] of pngs.entries()) pages.push(await each(png, i + 1));
    mkdirSync(dirname(out), { recursive: true });
    execFileSync("img2pdf", ["--nodate", "--imgsize", `${dpi}dpi`, "-o", out, ...pages]);
    return pages.length;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A round red seal (ring, star, the department's name along the top), as an SVG of size px. */
function seal(px: number, name: string): Buffer {
  const r = px / 2;
  const star = Array.from({ length: 10 }, (_, k) => {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const d = k % 2 === 0 ? r * 0.28 : r * 0.11;
    return `${r + d * Math.cos(a)},${r + d * Math.sin(a)}`;
  }).join(" ");
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" opacity="0.78">` +
      `<circle cx="${r}" cy="${r}" r="${r * 0.93}" fill="none" stroke="#d8262b" stroke-width="${r * 0.07}"/>` +
      `<polygon points="${star}" fill="#d8262b"/>` +
      `<path id="arc" d="M ${r * 0.3},${r * 1.05} A ${r * 0.7},${r * 0.7} 0 1 1 ${r * 1.7},${r * 1.05}" fill="none"/>` +
      `<text font-family="Noto Sans CJK SC" font-size="${r * 0.2}" fill="#d8262b"><textPath href="#arc" startOffset="50%" text-anchor="middle">${name}</textPath></text>` +
      `</svg>`,
  );
}

/** Deterministic specks (1–3 px dark dots), about one per 100×100 px (≈ 190 a page), from a seeded generator. */
function specks(width: number, height: number, seed: number): Buffer {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const overlay = Buffer.alloc(width * height * 4); // transparent RGBA
  for (let k = 0; k < (width * height) / 10000; k++) {
    const x = Math.floor(next() * width);
    const y = Math.floor(next() * height);
    const size = 1 + Math.floor(next() * 3);
    for (let dy = 0; dy < size && y + dy < height; dy++) for (let dx = 0; dx < size && x + dx < width; dx++) overlay.writeUInt32BE(0x303030ff, ((y + dy) * width + x + dx) * 4);
  }
  return overlay;
}

rmSync(OUT, { recursive: true, force: true });
for (const year of readdirSync(FROM).sort()) {
  for (const file of readdirSync(join(FROM, year)).filter((f) => f.endsWith(".pdf")).sort()) {
    console.log(`${year}/${file}: ${await scan(join(FROM, year, file), join(OUT, year, file), 150, ["-gray"])} pages`);
  }
}

rmSync(ROUGH, { recursive: true, force: true });
const seed = join(FROM, ROUGH_SEED);
console.log(`300dpi/${ROUGH_SEED}: ${await scan(seed, join(ROUGH, "300dpi", ROUGH_SEED), 300, ["-gray"])} pages`);
// The page whose self-evaluation table the seal covers: the first page that prints 整体支出绩效自评表's rows.
const tablePage = 6;
const stamped = await scan(seed, join(ROUGH, "stamped", ROUGH_SEED), 150, [], async (png, page) => {
  const { width, height } = await sharp(png).metadata();
  const layers: OverlayOptions[] = [{ input: specks(width!, height!, page), raw: { width: width!, height: height!, channels: 4 }, top: 0, left: 0 }];
  const px = Math.round(width! * 0.22);
  if (page === 1) layers.push({ input: seal(px, "洪江市工业和信息化局"), top: Math.round(height! * 0.12), left: Math.round(width! * 0.55), blend: "multiply" });
  if (page === tablePage) layers.push({ input: seal(px, "洪江市工业和信息化局"), top: Math.round(height! * 0.3), left: Math.round(width! * 0.4), blend: "multiply" });
  const flat = await sharp(png).composite(layers).png().toBuffer();
  const out = png.replace(/\.png$/, ".jpg");
  writeFileSync(out, await sharp(flat).rotate(0.6, { background: "#ffffff" }).jpeg({ quality: 80 }).toBuffer());
  return out;
});
console.log(`stamped/${ROUGH_SEED}: ${stamped} pages`);

// 洪江's LibreOffice PDF (pdf.js then reads no Han at all) and chromium's print of 沅江 (test/fixtures/print: pdf.js
// then reads its glyph numbers as rare Han, 䇗䈲婛娡…).
rmSync(UNMAPPED, { recursive: true, force: true });
for (const [from, name] of [[seed, ROUGH_SEED], [join(ROOT, "test/fixtures/print", PRINTED_SEED), PRINTED_SEED]] as const) {
  const latin = readFileSync(from).toString("latin1");
  mkdirSync(dirname(join(UNMAPPED, name)), { recursive: true });
  writeFileSync(join(UNMAPPED, name), Buffer.from(latin.replaceAll("/ToUnicode", "/ToUnicodX"), "latin1"));
  console.log(`unmapped/${name}: ${latin.split("/ToUnicode").length - 1} font maps cut`);
}

rmSync(UNMAPPED_PART, { recursive: true, force: true });
{
  const latin = readFileSync(join(ROOT, "test/fixtures/print", ROUGH_SEED)).toString("latin1");
  const first = latin.indexOf("/ToUnicode");
  mkdirSync(dirname(join(UNMAPPED_PART, ROUGH_SEED)), { recursive: true });
  writeFileSync(join(UNMAPPED_PART, ROUGH_SEED), Buffer.from(`${latin.slice(0, first)}/ToUnicodX${latin.slice(first + "/ToUnicode".length)}`, "latin1"));
  console.log(`unmapped-part/${ROUGH_SEED}: its first font's map cut`);
}

rmSync(MIXED, { recursive: true, force: true });
const parts = mkdtempSync(join(tmpdir(), "mixed-"));
try {
  execFileSync("pdfseparate", [seed, join(parts, "typed-%d.pdf")]);
  execFileSync("pdfseparate", ["-f", String(tablePage), "-l", String(tablePage), join(OUT, ROUGH_SEED), join(parts, "scanned-%d.pdf")]);
  const count = readdirSync(parts).filter((f) => f.startsWith("typed-")).length;
  const pages = Array.from({ length: count }, (_, k) => join(parts, k + 1 === tablePage ? `scanned-${tablePage}.pdf` : `typed-${k + 1}.pdf`));
  mkdirSync(dirname(join(MIXED, ROUGH_SEED)), { recursive: true });
  execFileSync("pdfunite", [...pages, join(MIXED, ROUGH_SEED)]);
  console.log(`mixed/${ROUGH_SEED}: ${count} pages, page ${tablePage} scanned`);
} finally {
  rmSync(parts, { recursive: true, force: true });
}
