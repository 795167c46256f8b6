/**
 * .doc (Word 97–2003) reader: word-extractor's body text → the Tika text layout (src/readers/types.ts), the
 * same layout as src/readers/docx.ts prints for the same document.
 *
 * word-extractor finds the text, but prints a table cell's end (U+0007) and a tab alike, and a paragraph in a
 * table like one outside it. So before it cleans the text, the cell marks, the row ends (it has already made
 * them "\n") and the paragraph ends of paragraphs in a table (sprmPFInTable in their properties) are swapped
 * for private-use characters that its cleaning keeps; the layout is then read off them unambiguously. Merged
 * cells come out as .docx prints them (a spanned cell once, a vertical merge's continuation cells empty); a
 * table nested in a cell is printed inside it as Tika does (tables nested deeper print as one nested level);
 * page breaks are not lines; text boxes, headers and footers are other parts of the file and left out. Automatic
 * list numbers, which are not in the text, are drawn from the list tables (doc/lists.ts) and inserted before
 * their paragraphs.
 */
import { createRequire } from "node:module";
import { ParseError } from "../extract/errors.ts";
import { kindOf } from "./sniff.ts";
import type { DocumentText } from "./types.ts";
import { readDocLists, type DocList } from "./doc/lists.ts";
import { ListLabels, MAX_LEVELS } from "./list-labels.ts";

const EXPECTED = "a Word 97–2003 .doc document (an OLE compound file with a WordDocument stream)";

// Private-use stand-ins for the marks word-extractor's cleaning would turn into tabs and newlines.
export const CELL_END = "\ue007";
export const ROW_END = "\ue00a";
export const CELL_PARAGRAPH_END = "\ue00d";
export const NESTED_ROW_END = "\ue01a";
export const NESTED_CELL_END = "\ue017";
export const NESTED_PARAGRAPH_END = "\ue01d";
export const PAGE_BREAK = "\ue00c";

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_F_INNER_TABLE_CELL = 0x244b;
const SPRM_P_F_INNER_TTP = 0x244c;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_P_ITAP = 0x6649; // table depth, written by Word 2000 and later
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;
const F_ENCRYPTED = 0x0100;

interface Piece {
  text: string;
  startCp: number;
  endCp: number;
  length: number;
  startFilePos: number;
  endFilePos: number;
  bpc: number;
}

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}

const require = createRequire(import.meta.url);
// word-extractor's own .doc extractor and buffer reader: its public entry point offers no hook before cleaning.
const WordOleExtractor = require("word-extractor/lib/word-ole-extractor.js") as new () => {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<WordDocument>;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocument>;
  documentStream(document: unknown, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  buildDocument(): WordDocument;
};
const BufferReader = require("word-extractor/lib/buffer-reader.js") as new (buffer: Buffer) => unknown;

class Encrypted extends Error {}

class TableMarkingExtractor extends WordOleExtractor {
  /** The Data stream, where properties too large for their page are kept (sprmPHugePapx). */
  private data: Buffer | null = null;
  /** List numbers to insert into the body: before character `at` of piece `piece` (see insertListNumbers). */
  private labels: { piece: number; at: number; label: string }[] = [];

  override async extractWordDocument(document: unknown, buffer: Buffer): Promise<WordDocument> {
    if (buffer.length >= 0x0c && (buffer.readUInt16LE(0x0a) & F_ENCRYPTED) !== 0) throw new Encrypted();
    try {
      this.data = await this.streamBuffer(await this.documentStream(document, "Data"));
    } catch {
      this.data = null; // a document without large properties has no Data stream
    }
    return super.extractWordDocument(document, buffer);
  }

  /**
   * After word-extractor's pass (row ends → "\n"), marks the paragraph ends of every paragraph in a table, and
   * writes each list paragraph's number in front of it.
   */
  override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    super.writeParagraphProperties(buffer, tableBuffer);
    const chars = this._pieces.map((piece) => piece.text.split("")); // UTF-16 units, as piece offsets count; joined once
    const marked = markedParagraphs(buffer, tableBuffer, this.data);
    for (const p of marked) {
      if (p.depth === 0 && !p.rowEnd) continue;
      // Deeper tables print as one nested level: their cells and rows end with paragraph marks.
      const paragraphEnd = p.depth === 1 ? CELL_PARAGRAPH_END : p.nestedRowEnd ? NESTED_ROW_END : p.nestedCellEnd ? NESTED_CELL_END : NESTED_PARAGRAPH_END;
      const lineBreak = p.depth === 1 ? CELL_PARAGRAPH_END : NESTED_PARAGRAPH_END;
      this.pieces(p.start, p.end, (piece, i) => {
        const c = chars[piece]![i];
        if (p.rowEnd) {
          if (c === "\x07") chars[piece]![i] = ROW_END;
        } else if (c === "\r") chars[piece]![i] = paragraphEnd;
        else if (c === "\x0b") chars[piece]![i] = lineBreak;
      });
    }
    try {
      this.writeListNumbers(marked, readDocLists(buffer, tableBuffer), chars);
    } catch {
      this.labels = []; // list numbers decorate the text: a list this reader cannot follow never costs the report
    }
    this._pieces.forEach((piece, k) => (piece.text = chars[k]!.join("")));
  }

  /** Each list paragraph's label (list-labels.ts) prepended to its first character, counted in text order. */
  private writeListNumbers(marked: readonly MarkedParagraph[], lists: Map<number, DocList>, chars: string[][]): void {
    if (lists.size === 0) return;
    const cpOf = (fc: number) => {
      const piece = this._pieces.find((x) => fc >= x.startFilePos && fc < x.endFilePos);
      return piece ? piece.startCp + (fc - piece.startFilePos) / piece.bpc : Infinity;
    };
    const listed = marked.filter((p) => lists.has(p.ilfo)).sort((a, b) => cpOf(a.start) - cpOf(b.start));
    const labels = new ListLabels();
    for (const p of listed) {
      const list = lists.get(p.ilfo)!;
      let first: [number, number] | null = null;
      let text = "";
      this.pieces(p.start, p.end, (piece, i) => {
        first ??= [piece, i];
        text += chars[piece]![i];
      });
      const label = labels.next(list.key, list.levels, Math.min(p.ilvl, MAX_LEVELS - 1), text.replace(PARAGRAPH_MARKS, ""));
      if (label !== "" && first && cpOf(p.start) < this._boundaries.ccpText) this.labels.push({ piece: first[0], at: first[1], label });
    }
  }

  /**
   * Inserts the list numbers into the body's pieces. word-extractor cuts the body out of the pieces by character
   * position, so every later piece and the body's length move on by what was inserted before them.
   */
  private insertListNumbers(): void {
    let shift = 0;
    this._pieces.forEach((piece, k) => {
      piece.startCp += shift;
      const mine = this.labels.filter((l) => l.piece === k).sort((a, b) => b.at - a.at);
      for (const { at, label } of mine) {
        piece.text = piece.text.slice(0, at) + label + piece.text.slice(at);
        shift += label.length;
        this._boundaries.ccpText += label.length;
      }
      piece.endCp = piece.startCp + piece.text.length;
      piece.length = piece.text.length;
    });
  }

  override buildDocument(): WordDocument {
    for (const piece of this._pieces) piece.text = piece.text.replaceAll("\x07", CELL_END).replaceAll("\n", ROW_END).replaceAll("\x0c", PAGE_BREAK);
    this.insertListNumbers();
    return super.buildDocument();
  }

  /** Calls `visit` with (piece index, character index) for each character inside [start, end) (file positions). */
  private pieces(start: number, end: number, visit: (piece: number, i: number) => void): void {
    this._pieces.forEach((piece, k) => {
      if (piece.endFilePos <= start || piece.startFilePos >= end) return;
      const from = Math.max(0, Math.floor((start - piece.startFilePos) / piece.bpc));
      const to = Math.min(piece.text.length, Math.ceil((end - piece.startFilePos) / piece.bpc));
      for (let i = from; i < to; i++) visit(k, i);
    });
  }
}

interface MarkedParagraph extends ParagraphFlags {
  start: number;
  end: number;
}

interface ParagraphFlags {
  /** Table depth: 0 outside tables, 1 in a table, 2 in a table nested in a cell … */
  depth: number;
  /** The paragraph that ends a table row (its mark is the row-end U+0007). */
  rowEnd: boolean;
  /** In a nested table: the paragraph that ends a cell, and the one that ends a row. */
  nestedCellEnd: boolean;
  nestedRowEnd: boolean;
  /** The list format override the paragraph is numbered by (1-based; 0: none), and its list level. */
  ilfo: number;
  ilvl: number;
}

/**
 * File-position ranges of the paragraphs that are in a table or in a list, from the PAPX pages (MS-DOC
 * PlcBtePapx, PapxFkp). word-extractor walks the same pages for row ends but misses those whose properties stand
 * in the Data stream (sprmPHugePapx: LibreOffice writes most row ends so), so row ends are found here too.
 */
function markedParagraphs(buffer: Buffer, tableBuffer: Buffer, data: Buffer | null): MarkedParagraph[] {
  const found: MarkedParagraph[] = [];
  const fcPlcfbtePapx = buffer.readUInt32LE(0x0102);
  const lcbPlcfbtePapx = buffer.readUInt32LE(0x0106);
  const count = (lcbPlcfbtePapx - 4) / 8;
  const plc = tableBuffer.subarray(fcPlcfbtePapx, fcPlcfbtePapx + lcbPlcfbtePapx);
  for (let i = 0; i < count; i++) {
    const page = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = buffer.subarray(page * 512, (page + 1) * 512);
    if (fkp.length < 512) continue;
    const crun = fkp.readUInt8(511);
    for (let j = 0; j < crun; j++) {
      const bx = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
      if (bx === 0) continue; // no properties: not in a table
      const cb = fkp.readUInt8(bx);
      const grpprl = cb !== 0 ? fkp.subarray(bx + 1, bx + 2 * cb) : fkp.subarray(bx + 2, bx + 2 + 2 * fkp.readUInt8(bx + 1));
      const flags = paragraphFlags(grpprl.subarray(2), data); // after the istd
      if (flags.depth > 0 || flags.rowEnd || flags.ilfo > 0) found.push({ start: fkp.readUInt32LE(j * 4), end: fkp.readUInt32LE((j + 1) * 4), ...flags });
    }
  }
  return found;
}

/** What a paragraph's sprms say about tables and lists. */
function paragraphFlags(grpprl: Buffer, data: Buffer | null): ParagraphFlags {
  const flags: ParagraphFlags = { depth: 0, rowEnd: false, nestedCellEnd: false, nestedRowEnd: false, ilfo: 0, ilvl: 0 };
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    if (at >= grpprl.length) break;
    const byte = grpprl.readUInt8(at);
    if (sprm === SPRM_P_F_IN_TABLE && byte === 1) flags.depth = Math.max(flags.depth, 1);
    else if (sprm === SPRM_P_ITAP && at + 4 <= grpprl.length) flags.depth = grpprl.readInt32LE(at);
    else if (sprm === SPRM_P_F_TTP) flags.rowEnd = byte === 1;
    else if (sprm === SPRM_P_F_INNER_TABLE_CELL) flags.nestedCellEnd = byte === 1;
    else if (sprm === SPRM_P_F_INNER_TTP) flags.nestedRowEnd = byte === 1;
    else if (sprm === SPRM_P_ILVL) flags.ilvl = byte;
    // A negative index (0xF801) switches off the numbering a style would give.
    else if (sprm === SPRM_P_ILFO && at + 2 <= grpprl.length) flags.ilfo = Math.max(0, grpprl.readInt16LE(at));
    else if (sprm === SPRM_P_HUGE_PAPX && data !== null && at + 4 <= grpprl.length) {
      // The rest of the properties (a row end's table definition, typically) stand in the Data stream.
      const offset = grpprl.readUInt32LE(at);
      if (offset + 2 <= data.length) {
        const more = paragraphFlags(data.subarray(offset + 2, offset + 2 + data.readUInt16LE(offset)), null);
        flags.depth = Math.max(flags.depth, more.depth);
        if (more.ilfo > 0) [flags.ilfo, flags.ilvl] = [more.ilfo, more.ilvl];
        flags.rowEnd ||= more.rowEnd;
        flags.nestedCellEnd ||= more.nestedCellEnd;
        flags.nestedRowEnd ||= more.nestedRowEnd;
      }
    }
    const spra = sprm >> 13;
    if (sprm === SPRM_T_DEF_TABLE) at += 1 + grpprl.readUInt16LE(at); // a two-byte length that counts one extra
    else at += spra === 6 ? byte + 1 : ([1, 1, 2, 4, 2, 2, 0, 3][spra] ?? 0);
  }
  return flags;
}

export async function readDoc(bytes: Uint8Array, sourceFile: string): Promise<DocumentText> {
  const fail = (found: string) => new ParseError(sourceFile, null, EXPECTED, found);
  const kind = kindOf(bytes);
  if (kind === "a zip") throw fail(`${kind} (a .docx named .doc?)`);
  if (kind !== "an OLE compound file") throw fail(kind);
  let body: string;
  try {
    const document = await new TableMarkingExtractor().extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    body = document.getBody({ filterUnicode: false });
  } catch (e) {
    if (e instanceof Encrypted) throw fail("a password-protected document");
    throw fail(`a damaged or unsupported Word file (${String((e as Error).message ?? e).replace(/\.$/, "")})`);
  }
  const text = layoutOf(body);
  return { format: "doc", text, pages: null, encoding: null, damagedLines: [] };
}

// A paragraph's own end marks, as word-extractor leaves them or as the table marking above replaced them.
const PARAGRAPH_MARKS = new RegExp(`[\r\x07\x0b${CELL_PARAGRAPH_END}${NESTED_PARAGRAPH_END}${NESTED_CELL_END}${NESTED_ROW_END}]`, "g");

const MARKS = new RegExp(`[${ROW_END}${CELL_END}${CELL_PARAGRAPH_END}${NESTED_ROW_END}${NESTED_CELL_END}${NESTED_PARAGRAPH_END}\n]`, "g");

/**
 * A paragraph's text: page breaks are nothing at its edges and a new line between two texts; a tab that
 * opens it would make it read as a table cell of its own.
 */
const paragraphText = (s: string) => (s.includes(PAGE_BREAK) ? s.replace(PAGE_BREAKS_AT_EDGES, "").replaceAll(PAGE_BREAK, "\n") : s).replace(/^\t+/, "");
const PAGE_BREAKS_AT_EDGES = new RegExp(`^${PAGE_BREAK}+|${PAGE_BREAK}+$`, "g");

/**
 * Marked body text → layout (as src/readers/docx.ts prints it). Body paragraphs end "\n"; a table cell's
 * paragraphs CELL_PARAGRAPH_END, the cell CELL_END, its row ROW_END; a nested table's the same with NESTED_.
 */
export function layoutOf(body: string): string {
  const out: string[] = [];
  let row: string[] = []; // printed cells of the open row
  let cell: string[] = []; // printed chunks of the open cell
  let nestedRow: string[] = [];
  let nestedCell: string[] = [];
  let nestedOpen = false; // a nested table is open in the cell
  let tableOpen = false; // a row has ended and no body paragraph has followed yet
  let start = 0;
  const closeNested = () => {
    if (nestedOpen) cell.push("\n");
    nestedOpen = false;
  };
  for (const m of body.matchAll(MARKS)) {
    const mark = m[0];
    const i = m.index;
    const text = paragraphText(body.slice(start, i));
    start = i + 1;
    switch (mark) {
      case "\n": {
        const closesTable = tableOpen;
        if (tableOpen) out.push("\n");
        tableOpen = false;
        if (closesTable && text === "" && start === body.length) break; // Word's required paragraph after a last table
        out.push(text, "\n");
        break;
      }
      case NESTED_PARAGRAPH_END:
        nestedOpen = true;
        nestedCell.push(text, "\n");
        break;
      case NESTED_CELL_END:
        nestedOpen = true;
        nestedCell.push(text, "\n");
        nestedRow.push(nestedCell.join(""));
        nestedCell = [];
        break;
      case NESTED_ROW_END:
        for (const c of nestedRow) cell.push("\t", c);
        cell.push("\n");
        nestedRow = [];
        break;
      case CELL_PARAGRAPH_END:
        closeNested();
        cell.push(text, "\n");
        break;
      case CELL_END: {
        const afterNested = nestedOpen;
        closeNested();
        if (!(afterNested && text === "")) cell.push(text, "\n"); // Word's required paragraph after a nested table
        row.push(cell.join(""));
        cell = [];
        break;
      }
      case ROW_END:
        for (const c of row) out.push("\t", c);
        out.push("\n");
        row = [];
        tableOpen = true;
        break;
    }
  }
  const rest = paragraphText(body.slice(start));
  if (tableOpen) out.push("\n");
  if (rest.trim() !== "") out.push(rest, "\n");
  return out.join("");
}
