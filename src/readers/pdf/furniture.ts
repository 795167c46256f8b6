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

/**
 * Which lines of each page are furniture. `edges[p]` are the page's lines above and below all its other
 * content (tables included), at most EDGE_LINES each side. A line there is furniture when it is a page
 * number, or when the same text (digits aside) stands at about the same height on at least half the pages.
 */
export function furniture(edges: readonly TextLine[][]): Set<TextLine> {
  const key = (l: TextLine) => l.text.replace(/\d+/g, "#").replace(/\s+/g, "");
  const counts = new Map<string, number[]>();
  for (const lines of edges) {
    for (const l of lines) {
      const k = key(l);
      counts.set(k, [...(counts.get(k) ?? []), l.y]);
    }
  }
  const repeated = (l: TextLine) => {
    const ys = counts.get(key(l)) ?? [];
    return edges.length >= 2 && ys.filter((y) => Math.abs(y - l.y) <= 6).length >= Math.max(2, edges.length / 2);
  };
  const out = new Set<TextLine>();
  for (const lines of edges) for (const l of lines) if (isPageNumber(l.text) || repeated(l)) out.add(l);
  return out;
}

/** The up to EDGE_LINES lines above `top` and below `bottom` (the page's other content), from sorted lines. */
export function edgeLines(lines: readonly TextLine[], top: number, bottom: number): TextLine[] {
  const above = lines.filter((l) => l.y > top).slice(0, EDGE_LINES);
  const below = lines.filter((l) => l.y < bottom).slice(-EDGE_LINES);
  return [...new Set([...above, ...below])];
}
