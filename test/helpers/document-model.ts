/**
 * A word-processor document as the fixtures need it (paragraphs, tables with merged cells, nested tables, text
 * boxes), and the two directions between it and the Tika text layout of src/readers/types.ts:
 * `documentOfTikaText` rebuilds a document from a seed text, `tikaTextOf` prints a document the way Tika does.
 * Only the fixture script and tests use this; production readers never build documents.
 */
import { isCjk } from "../../src/readers/cjk.ts";

/** A picture as stored in the document (PNG bytes) and its printed size. */
export interface Picture {
  png: Uint8Array;
  widthCm: number;
  heightCm: number;
}

export type Span = { text: string } | { bookmark: string } | { textBox: Paragraph[] } | { picture: Picture };

/** The fixture's automatic list styles: 一、 with （一） below it, and 1. (see test/helpers/fodt.ts). */
export type ListStyle = "chinese" | "decimal";

export interface Paragraph {
  kind: "paragraph";
  spans: Span[];
  /** Starts a new page. */
  pageBreakBefore?: boolean;
  /**
   * An automatic list number (Word's numbering, not text): its list, level (1 = top) and the label the word
   * processor draws for it. Consecutive numbered paragraphs of a list, and later ones after other text, count on.
   */
  number?: { list: ListStyle; level: number; label: string };
}

export interface Cell {
  blocks: Block[];
  /** Grid columns this cell covers (1 = not merged). */
  colSpan: number;
  /** Grid rows this cell covers (1 = not merged); the rows below hold no cell at its columns. */
  rowSpan: number;
}

export interface Row {
  /** The cells that start in this row, left to right (columns covered by a merge from above are skipped). */
  cells: Cell[];
}

export interface Table {
  kind: "table";
  columns: number;
  rows: Row[];
  /** Leading rows repeated at the top of every page the table continues on (0 = none). */
  headerRows: number;
}

export type Block = Paragraph | Table;

export interface WordDocument {
  blocks: Block[];
  /** Running page header text, or null for none. */
  header: string | null;
  /** Page footer "第 N 页" with the page number field. */
  pageNumbers: boolean;
}

export const paragraph = (text: string): Paragraph => ({ kind: "paragraph", spans: text === "" ? [] : [{ text }] });

export const cell = (texts: string | readonly string[], colSpan = 1, rowSpan = 1): Cell => ({
  blocks: (typeof texts === "string" ? [texts] : texts).map(paragraph),
  colSpan,
  rowSpan,
});

// Tika prints a Word bookmark in place as "[bookmark: name]".
const BOOKMARK = /\[bookmark: ([^\]]+)\]/g;

/** A text line → a paragraph, with Tika's bookmark marks turned back into bookmarks. */
export function paragraphOfLine(line: string): Paragraph {
  const spans: Span[] = [];
  let at = 0;
  for (const m of line.matchAll(BOOKMARK)) {
    if (m.index > at) spans.push({ text: line.slice(at, m.index) });
    spans.push({ bookmark: m[1] ?? "" });
    at = m.index + m[0].length;
  }
  if (at < line.length) spans.push({ text: line.slice(at) });
  return { kind: "paragraph", spans };
}

const isCellLine = (line: string) => line.startsWith("\t");

/**
 * Seed text → document. Tika ends each paragraph with a newline, starts each cell with a tab, and ends each
 * table row and each table with one more newline. Read back:
 * - outside a table every line is one paragraph (an empty line is an empty paragraph);
 * - a tab-started line is a cell; untabbed lines after it are its further paragraphs, where a single empty line
 *   between two of them is an empty paragraph of the cell;
 * - after a cell, no empty line before the next cell: same row; one: next row; two followed by untabbed text:
 *   the table ends there and the text is paragraphs again; two or more followed by a cell: next row, the extra
 *   empty lines being empty paragraphs of the cell (Tika prints both readings the same);
 * - a row with fewer cells than the table's widest row gets its last cell spanning the remaining columns.
 */
export function documentOfTikaText(text: string, header: string | null): WordDocument {
  const lines = text.replace(/^\ufeff/, "").split("\n");
  if (lines.at(-1) === "") lines.pop(); // the final newline ends the last paragraph, it is not one more
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isCellLine(lines[i] ?? "")) {
      blocks.push(paragraphOfLine(lines[i] ?? ""));
      i += 1;
      continue;
    }
    const rows: string[][][] = [[]];
    let tableOpen = true;
    while (tableOpen && i < lines.length && isCellLine(lines[i] ?? "")) {
      const texts = [(lines[i] ?? "").slice(1)];
      i += 1;
      let run: string[] = [];
      while (i < lines.length && !isCellLine(lines[i] ?? "")) run.push(lines[i++] ?? "");
      const doubleBlank = run.findIndex((l, k) => l === "" && run[k + 1] === "" && run.slice(k).some((x) => x !== ""));
      if (doubleBlank >= 0) {
        // Row end and table end; what follows are paragraphs (re-read by the outer loop).
        i -= run.length - (doubleBlank + 2);
        run = run.slice(0, doubleBlank);
        tableOpen = false;
      }
      let trailing = 0;
      while (trailing < run.length && run[run.length - 1 - trailing] === "") trailing += 1;
      texts.push(...run.slice(0, run.length - trailing));
      const atEnd = i >= lines.length;
      if (tableOpen && !atEnd && trailing >= 2) texts.push(...Array<string>(trailing - 1).fill(""));
      else if (tableOpen && atEnd && trailing > 2) i -= trailing - 2; // empty paragraphs after a final table
      rows.at(-1)?.push(texts);
      if (tableOpen && !atEnd && trailing >= 1) rows.push([]);
    }
    blocks.push(tableOfCellTexts(rows.filter((r) => r.length > 0)));
  }
  return { blocks, header, pageNumbers: true };
}

function tableOfCellTexts(rows: readonly (readonly (readonly string[])[])[]): Table {
  const columns = Math.max(...rows.map((r) => r.length));
  return {
    kind: "table",
    columns,
    headerRows: 0,
    rows: rows.map((texts) => ({
      cells: texts.map((t, k) => ({
        blocks: t.map(paragraphOfLine),
        colSpan: k === texts.length - 1 ? columns - texts.length + 1 : 1,
        rowSpan: 1,
      })),
    })),
  };
}

function spanText(s: Span): string {
  if ("text" in s) return s.text;
  if ("bookmark" in s) return `[bookmark: ${s.bookmark}]`;
  if ("textBox" in s) return s.textBox.map((p) => p.spans.map(spanText).join("")).join("\n");
  return ""; // a picture has no text
}

/**
 * What stands at each grid position of a table: a cell starting there, the first column of a cell continued
 * from the row above (Word keeps a `vMerge` continuation cell there), or a column covered by a cell to the left.
 */
export type Slot = { kind: "start"; cell: Cell } | { kind: "continued"; cell: Cell } | { kind: "covered" };

/** A table's rows as grid slots; throws when a row's cells do not fill the grid exactly. */
export function gridOf(t: Table): Slot[][] {
  const below = new Array<{ cell: Cell; rows: number } | null>(t.columns).fill(null);
  return t.rows.map((row, r) => {
    const slots: Slot[] = [];
    let next = 0;
    while (slots.length < t.columns) {
      const col = slots.length;
      const above = below[col];
      const c = above ? above.cell : row.cells[next++];
      if (c === undefined) throw new Error(`table row ${r + 1}: ${col} of ${t.columns} grid columns filled`);
      slots.push(above ? { kind: "continued", cell: c } : { kind: "start", cell: c });
      for (let k = 1; k < c.colSpan; k++) slots.push({ kind: "covered" });
      for (let k = 0; k < c.colSpan; k++) {
        const rest = above ? above.rows - 1 : c.rowSpan - 1;
        below[col + k] = rest > 0 ? { cell: c, rows: rest } : null;
      }
    }
    if (slots.length > t.columns || next < row.cells.length) throw new Error(`table row ${r + 1}: more cells than ${t.columns} grid columns`);
    return slots;
  });
}

/** Document → the Tika text layout (what a reader of this document's .docx should print). */
export function tikaTextOf(doc: Pick<WordDocument, "blocks">): string {
  return doc.blocks.map(blockText).join("");
}

/** A list number as the readers print it: glued to Chinese text, a space before Latin text or a figure ("1. 2024年"). */
function numberText(label: string, text: string): string {
  return isCjk(label.at(-1)) || isCjk(text[0]) ? label : `${label} `;
}

function blockText(block: Block): string {
  if (block.kind === "paragraph") {
    const text = block.spans.map(spanText).join("");
    return `${block.number ? numberText(block.number.label, text) : ""}${text}\n`;
  }
  // A vertically merged cell prints where it starts and as an empty cell in each row it continues into.
  const slotText = (s: Slot) => (s.kind === "start" ? `\t${s.cell.blocks.map(blockText).join("")}` : s.kind === "continued" ? "\t\n" : "");
  const rows = gridOf(block).map((slots) => `${slots.map(slotText).join("")}\n`);
  return `${rows.join("")}\n`;
}
