/**
 * A chart as a stand-alone image, as Our World in Data exports one: the title, units note and legend above the
 * chart's own SVG, the source (site, page URL, data release) below, on white, so a picture taken out of the page
 * still says what it shows and where it came from. Pure: SVG markup in, SVG markup out (the browser rasterises it
 * for the PNG, client/chart-image.ts).
 */
import { FONT_STACK } from "./palette.ts";

export interface ChartImageParts {
  /** The chart's <svg> as markup (XMLSerializer), drawn at width × height. */
  chart: string;
  width: number;
  height: number;
  title: string;
  note: string;
  legend: readonly { label: string; color: string }[];
  /** Lines under the chart: where the data comes from. */
  source: readonly string[];
}

const PAD = 16;
const TITLE = 18;
const TEXT = 13;
const SMALL = 12;
const LINE = 1.45;

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

/** Width of text in ems, near enough to wrap it: CJK and fullwidth characters 1 em, others about half. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 1 : 0.55;
  return ems;
}

/** Punctuation a Chinese line never starts with (it stays at the end of the line before, a little over the width). */
const NO_LINE_START = new Set("、，。；：！？）》」』”’…");

/** Greedy line breaks within maxEms (any character may break a CJK line; a URL breaks where it must). */
export function wrapText(text: string, maxEms: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (line !== "" && textEms(line + ch) > maxEms && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = ch === " " ? "" : ch;
    } else line += ch;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** The exported image's markup and size. */
export function chartImageSvg(parts: ChartImageParts): { svg: string; width: number; height: number } {
  const width = Math.max(320, Math.round(parts.width));
  const inner = width - 2 * PAD;
  const out: string[] = [];
  let y = PAD;
  const textLines = (text: string, size: number, attrs: string) => {
    for (const line of wrapText(text, inner / size)) {
      y += size * LINE;
      out.push(`<text x="${PAD}" y="${(y - size * 0.35).toFixed(1)}" font-size="${size}" ${attrs}>${escapeXml(line)}</text>`);
    }
  };
  textLines(parts.title, TITLE, 'font-weight="bold" fill="#1a1a1a"');
  if (parts.note) textLines(parts.note, TEXT, 'fill="#444444"');
  // Legend: swatch and label side by side, onto a new line when the next would not fit.
  let x = PAD;
  if (parts.legend.length > 0) y += TEXT * LINE;
  for (const item of parts.legend) {
    const w = TEXT + 6 + textEms(item.label) * TEXT + 14;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += TEXT * LINE;
    }
    out.push(`<rect x="${x}" y="${(y - TEXT).toFixed(1)}" width="${TEXT - 2}" height="${TEXT - 2}" fill="${escapeXml(item.color)}"/>`);
    out.push(`<text x="${x + TEXT + 4}" y="${(y - 2).toFixed(1)}" font-size="${TEXT}" fill="#1a1a1a">${escapeXml(item.label)}</text>`);
    x += w;
  }
  y += PAD / 2;
  out.push(`<g transform="translate(0 ${y.toFixed(1)})">${parts.chart}</g>`);
  y += parts.height + PAD / 2;
  for (const line of parts.source) textLines(line, SMALL, 'fill="#555555"');
  const height = Math.ceil(y + PAD);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_STACK)}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${out.join("")}</svg>`;
  return { svg, width, height };
}
