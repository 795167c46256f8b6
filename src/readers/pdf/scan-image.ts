/**
 * A page image as pdftoppm renders it → the gray, upright, clean image OCR reads: colour (PPM) to gray with a red
 * seal left out, a page the scanner fed at a slant turned straight (so its rulings run along pixel rows and columns
 * as raster.ts looks for them), specks of dirt wiped. Pure: bytes in, pixels out.
 */

/** An 8-bit gray image, row by row, 0 black. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Darker than this is ink. */
export const INK = 140;

/** Whether the box (x0, y0 inclusive; x1, y1 exclusive; clipped to the image) holds at least n ink pixels. */
export function inkAtLeast(image: GrayImage, [x0, y0, x1, y1]: readonly [number, number, number, number], n: number): boolean {
  let found = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) if (image.pixels[y * image.width + x]! < INK && ++found >= n) return true;
  }
  return false;
}

/**
 * Parses a binary PGM (P5) or PPM (P6), maxval 255, into gray. In colour, a red pixel (a seal's ink: red well above
 * green and blue) is white: official text is black, and a seal stamped over a table would otherwise hide its cells
 * from the OCR. Where text shows through the seal the pixel is dark in every channel and stays ink.
 */
export function parsePnm(bytes: Uint8Array): GrayImage {
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
  if ((magic !== "P5" && magic !== "P6") || max !== "255") throw new Error(`expected an 8-bit binary PGM or PPM (P5 or P6, maxval 255), found ${magic} maxval ${max}`);
  const width = Number(w);
  const height = Number(h);
  const channels = magic === "P6" ? 3 : 1;
  const data = bytes.subarray(at + 1, at + 1 + width * height * channels);
  if (data.length !== width * height * channels) throw new Error(`a ${magic} of ${width}×${height} pixels with only ${data.length} bytes of them`);
  if (channels === 1) return { width, height, pixels: data };
  const pixels = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < pixels.length; i++, j += 3) {
    const r = data[j]!;
    const g = data[j + 1]!;
    const b = data[j + 2]!;
    pixels[i] = r - Math.max(g, b) > SEAL_RED ? 255 : Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return { width, height, pixels };
}

/** How much redder than green and blue a seal's ink is (a black or gray pixel is about equal in all three). */
const SEAL_RED = 60;

/** The PGM bytes of an image (for the OCR engine to read). */
export function pgmBytes(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.pixels.length);
  out.set(header);
  out.set(image.pixels, header.length);
  return out;
}

/** Slants tried, in degrees either way: a sheet fed askew by hand is within a few degrees. */
const MAX_SKEW = 3;
const SKEW_STEP = 0.05;
/** Below this the page is left as it is: a rule across a page drifts less than a pixel or two. */
const MIN_SKEW = 0.05;

/**
 * The page's slant in degrees (positive: its lines run down to the right): the angle at which the ink, counted
 * along lines of that slope, falls into the fewest, fullest rows — text lines and rulings line up only when the
 * count follows them; of equally good angles, their middle. Read on a half-size copy (2×2 blocks, dark if any pixel
 * is), which is plenty for the angle.
 */
export function skewAngle(image: GrayImage): number {
  const f = 2;
  const w = Math.floor(image.width / f);
  const h = Math.floor(image.height / f);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let by = 0; by < h; by++) {
    for (let bx = 0; bx < w; bx++) {
      let dark = false;
      for (let y = by * f; y < by * f + f && !dark; y++) for (let x = bx * f; x < bx * f + f && !dark; x++) dark = image.pixels[y * image.width + x]! < INK;
      if (dark) (xs.push(bx), ys.push(by));
    }
  }
  if (xs.length === 0) return 0;
  let best: number[] = [];
  let bestScore = -1;
  const rows = new Float64Array(h + 2 * Math.ceil(w * Math.tan((MAX_SKEW * Math.PI) / 180)) + 2);
  const offset = (rows.length - h) / 2;
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += SKEW_STEP) {
    const slope = Math.tan((a * Math.PI) / 180);
    rows.fill(0);
    for (let k = 0; k < xs.length; k++) rows[Math.round(ys[k]! - slope * xs[k]! + offset)]!++;
    let score = 0;
    for (const n of rows) score += n * n;
    if (score > bestScore) (bestScore = score), (best = [a]);
    else if (score === bestScore) best.push(a);
  }
  return Math.round(((best[0]! + best.at(-1)!) / 2) * 100) / 100;
}

/** The image turned by -angle degrees about its centre (white where the turn leaves no pixel); unchanged if slight. */
export function deskew(image: GrayImage, angle: number): GrayImage {
  if (Math.abs(angle) < MIN_SKEW) return image;
  const { width, height } = image;
  const t = (angle * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = width / 2;
  const cy = height / 2;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    for (let x = 0; x < width; x++) {
      const dx = x - cx;
      // The source of output pixel (x, y): a straight row of the output is a line of slope tan(angle) in the input.
      // Bilinear between its four pixels: nearest-pixel sampling leaves strokes jagged, and the OCR reads them worse.
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || x0 + 1 >= width || y0 < 0 || y0 + 1 >= height) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const at = y0 * width + x0;
      const top = image.pixels[at]! * (1 - fx) + image.pixels[at + 1]! * fx;
      const bottom = image.pixels[at + width]! * (1 - fx) + image.pixels[at + width + 1]! * fx;
      pixels[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, pixels };
}

/** A speck is at most this wide and tall (pixels at 300 dpi, ≈ 0.7 mm): smaller than a full stop, a decimal point's size. */
const MAX_SPECK = 8;
/** …and has no other ink this near (≈ 2 mm): a decimal point, a colon's dots (a full-width ： has 2 mm between them) sit closer. */
const SPECK_ISOLATION = 24;

/**
 * The image without specks of dirt: blots of ink no bigger than MAX_SPECK with no other ink within SPECK_ISOLATION
 * of them. Tesseract reads such dots as stray characters (., ', 丶) and its confidence in the page falls with them.
 */
export function withoutSpecks(image: GrayImage): GrayImage {
  const { width, height } = image;
  const pixels = image.pixels.slice();
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const blob: number[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (seen[start] || pixels[start]! >= INK) continue;
    // The 8-connected blob of ink at start.
    blob.length = 0;
    stack.push(start);
    seen[start] = 1;
    let x0 = width, x1 = -1, y0 = height, y1 = -1;
    while (stack.length > 0) {
      const p = stack.pop()!;
      blob.push(p);
      const x = p % width;
      const y = (p - x) / width;
      x0 = Math.min(x0, x), x1 = Math.max(x1, x), y0 = Math.min(y0, y), y1 = Math.max(y1, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          const q = ny * width + nx;
          if (nx >= 0 && nx < width && ny >= 0 && ny < height && !seen[q] && pixels[q]! < INK) (seen[q] = 1), stack.push(q);
        }
      }
    }
    if (x1 - x0 >= MAX_SPECK || y1 - y0 >= MAX_SPECK) continue;
    let ink = 0;
    for (let y = Math.max(0, y0 - SPECK_ISOLATION); y <= Math.min(height - 1, y1 + SPECK_ISOLATION); y++) {
      for (let x = Math.max(0, x0 - SPECK_ISOLATION); x <= Math.min(width - 1, x1 + SPECK_ISOLATION); x++) if (image.pixels[y * width + x]! < INK) ink++;
    }
    if (ink === blob.length) for (const p of blob) pixels[p] = 255;
  }
  return { width, height, pixels };
}
