/**
 * Lattice tables: ruling segments → tables of cells (pdfplumber's "lines" strategy). Near-collinear edges
 * are snapped together; the distinct edge positions make a grid of elementary cells; neighbours with no
 * ruling between them are one merged cell. Pure geometry, no pdf.js.
 */
import type { Segment } from "./load.ts";

/** A table cell: its box, and the grid rows and columns it spans (inclusive). */
export interface GridCell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  row0: number;
  row1: number;
  col0: number;
  col1: number;
}

export interface Grid {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Number of grid rows, top to bottom. */
  rows: number;
  cells: GridCell[];
}

/** Edges closer than this (points) are one edge. */
const SNAP = 2;

/** Merges collinear horizontal (or, transposed, vertical) segments that overlap or touch. */
function mergeCollinear(segments: readonly Segment[], horizontal: boolean): Segment[] {
  const pos = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const start = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const end = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const sorted = [...segments].sort((a, b) => pos(a) - pos(b));
  const lanes: Segment[][] = [];
  for (const s of sorted) {
    const lane = lanes.at(-1);
    if (lane && pos(s) - pos(lane[0]!) <= SNAP) lane.push(s);
    else lanes.push([s]);
  }
  const merged: Segment[] = [];
  for (const lane of lanes) {
    const at = lane.reduce((sum, s) => sum + pos(s), 0) / lane.length;
    const spans = lane.map((s) => [start(s), end(s)] as [number, number]).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0]!;
    const flush = () => merged.push(horizontal ? { x0: a, x1: b, y0: at, y1: at } : { x0: at, x1: at, y0: a, y1: b });
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + SNAP) b = Math.max(b, d);
      else {
        flush();
        [a, b] = [c, d];
      }
    }
    flush();
  }
  return merged;
}

const touches = (h: Segment, v: Segment) =>
  v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;

/** Positions closer than SNAP become one (their mean), ascending. */
function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[0]! <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** The tables a page's ruling segments draw, top to bottom. A lone rule (no crossing lines) is no table. */
export function findGrids(segments: readonly Segment[]): Grid[] {
  const hs = mergeCollinear(segments.filter((s) => s.y0 === s.y1), true);
  const vs = mergeCollinear(segments.filter((s) => s.x0 === s.x1), false);
  // Connected components of crossing segments: one per table.
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) if (touches(hs[i]!, vs[j]!)) parent[find(i)] = find(hs.length + j);
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  hs.forEach((s, i) => groupOf(groups, find(i)).h.push(s));
  vs.forEach((s, j) => groupOf(groups, find(hs.length + j)).v.push(s));
  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    const closed = [...h, ...openEdges(h, v)];
    if (closed.length < 2 || v.length < 2) continue;
    const grid = gridOf(closed, v);
    if (grid.cells.length > 0) grids.push(grid);
  }
  return grids.sort((a, b) => b.y1 - a.y1);
}

/**
 * The rules a page break leaves undrawn: a browser's print of a row cut by the break draws its cells' sides to the
 * page's edge of the body but no rule below (or, on the next page, above) them. Where the verticals run on past the
 * outermost rule, that row is closed where they end, so its cells are cells and the page join (layout.ts) can mend it.
 */
function openEdges(h: readonly Segment[], v: readonly Segment[]): Segment[] {
  if (h.length === 0) return [];
  const low = Math.min(...h.map((s) => s.y0));
  const high = Math.max(...h.map((s) => s.y0));
  const edge = (y: number, reaching: Segment[]): Segment[] =>
    reaching.length < 2 ? [] : [{ x0: Math.min(...reaching.map((s) => s.x0)), x1: Math.max(...reaching.map((s) => s.x0)), y0: y, y1: y }];
  const bottom = Math.min(...v.map((s) => s.y0));
  const top = Math.max(...v.map((s) => s.y1));
  return [
    ...(bottom < low - SNAP ? edge(bottom, v.filter((s) => s.y0 <= bottom + SNAP)) : []),
    ...(top > high + SNAP ? edge(top, v.filter((s) => s.y1 >= top - SNAP)) : []),
  ];
}

function groupOf(groups: Map<number, { h: Segment[]; v: Segment[] }>, key: number) {
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { h: [], v: [] }));
  return g;
}

function gridOf(h: Segment[], v: Segment[]): Grid {
  const ys = distinct(h.map((s) => s.y0)).reverse(); // top first
  const xs = distinct(v.map((s) => s.x0));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // A ruling at x separates the band between two ys when it covers the band's middle.
  const ruledV = (x: number, top: number, bottom: number) => {
    const mid = (top + bottom) / 2;
    return v.some((s) => Math.abs(s.x0 - x) <= SNAP && s.y0 <= mid && s.y1 >= mid);
  };
  const ruledH = (y: number, left: number, right: number) => {
    const mid = (left + right) / 2;
    return h.some((s) => Math.abs(s.y0 - y) <= SNAP && s.x0 <= mid && s.x1 >= mid);
  };
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !ruledV(xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !ruledH(ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const spans = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const cell = spans.get(root);
      if (!cell) spans.set(root, { x0: xs[c]!, x1: xs[c + 1]!, y0: ys[r + 1]!, y1: ys[r]!, row0: r, row1: r, col0: c, col1: c });
      else {
        cell.row1 = Math.max(cell.row1, r);
        cell.col1 = Math.max(cell.col1, c);
        cell.x1 = Math.max(cell.x1, xs[c + 1]!);
        cell.y0 = Math.min(cell.y0, ys[r + 1]!);
      }
    }
  }
  // A region with an unruled side lies outside the table (beside a shorter row): it is no cell.
  const cells = [...spans.values()].filter(
    (c) =>
      ruledV(c.x0, c.y1, c.y0) && ruledV(c.x1, c.y1, c.y0) && ruledH(c.y1, c.x0, c.x1) && ruledH(c.y0, c.x0, c.x1),
  );
  cells.sort((a, b) => a.row0 - b.row0 || a.col0 - b.col0);
  return { x0: xs[0]!, x1: xs.at(-1)!, y0: ys.at(-1)!, y1: ys[0]!, rows, cells };
}
