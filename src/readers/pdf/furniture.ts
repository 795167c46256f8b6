/** Page furniture: running headers, footers and page numbers, which are no part of the report's text. */
import type { TextLine } from "./text-lines.ts";

const PAGE_NUMBER = [
  /^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页$/,
  /^[-–—－]\s*\d+\s*[-–—－]$/,
  /^\d+\s*[/／]\s*\d+$/,
  /^\d{1,4}$/,
  /^(?:page|p\.)\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
];

export const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.replace(/\s+/g, " ").trim()));

/** How many lines at the top and at the bottom of a page may be furniture. */
const EDGE_LINES = 2;

/** A line at a page's top or bottom edge, with its distance from that edge of the page. */
export interface EdgeLine {
  line: TextLine;
  side: "top" | "bottom";
  distance: number;
}

/**
 * Which lines of each page are furniture. `edges[p]` are the page's lines above and below all its other
 * content (tables included), at most EDGE_LINES each side. A line there is furniture when it is a page
 * number, or when the same text (digits aside; read by OCR, nearly the same) stands at about the same distance from
 * the same edge of the page on at least half the pages (measured from the edge, so landscape pages among portrait ones have the same header).
 */
export function furniture(edges: readonly EdgeLine[][]): Set<TextLine> {
  const key = (e: EdgeLine) => `${e.side}:${e.line.text.replace(/\d+/g, "#").replace(/\s+/g, "")}`;
  const counts = new Map<string, number[]>();
  for (const lines of edges) {
    for (const e of lines) {
      const k = key(e);
      counts.set(k, [...(counts.get(k) ?? []), e.distance]);
    }
  }
  const repeated = (e: EdgeLine) => {
    const k = key(e);
    // OCR reads a running header a little differently on some pages (临汀市 for 临湘市): a text read by OCR counts
    // the same header read within one character in eight.
    const at = e.line.conf === undefined ? (counts.get(k) ?? []) : [...counts].flatMap(([other, ds]) => (other.startsWith(`${e.side}:`) && nearlySame(k, other) ? ds : []));
    return edges.length >= 2 && at.filter((d) => Math.abs(d - e.distance) <= 6).length >= Math.max(2, edges.length / 2);
  };
  const out = new Set<TextLine>();
  for (const lines of edges) for (const e of lines) if (isPageNumber(e.line.text) || repeated(e)) out.add(e.line);
  return out;
}

/** Whether two texts are equal, or (six characters and more) differ in at most one character in eight. */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  const allowed = Math.floor(Math.min(a.length, b.length) / 8);
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return false;
  // Levenshtein distance, row by row.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]! <= allowed;
}

/**
 * The up to EDGE_LINES lines above `top` and below `bottom` (the page's other content), from sorted lines, each with
 * its distance from the page's edge (`box` is the page box [x0, y0, x1, y1]).
 */
export function edgeLines(lines: readonly TextLine[], top: number, bottom: number, box: readonly number[]): EdgeLine[] {
  const above = lines.filter((l) => l.y > top).slice(0, EDGE_LINES);
  const below = lines.filter((l) => l.y < bottom && !above.includes(l)).slice(-EDGE_LINES);
  return [
    ...above.map((line) => ({ line, side: "top" as const, distance: box[3]! - line.y })),
    ...below.map((line) => ({ line, side: "bottom" as const, distance: line.y - box[1]! })),
  ];
}
