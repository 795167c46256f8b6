/**
 * .docx reader: word/document.xml → the Tika text layout (src/readers/types.ts).
 *
 * Body paragraphs are lines; a line break (w:br, w:cr) inside one starts a new line, as Tika prints it; a page
 * or column break is layout, not text (a new line only between two texts). A table row is one "\t"-started
 * line per cell (the cell's first paragraph; its further paragraphs on untabbed lines after it), then an
 * empty line; a table ends with one more empty line. Merged cells as Tika prints them: a w:gridSpan cell
 * once, a w:vMerge continuation cell as an empty cell ("\t"), so later cells keep their column. A table
 * nested in a cell is printed inside that cell as Tika does (its cells on tab-started lines, its rows and
 * its end closed by empty lines), so a .docx reads like the Tika text of the same file. Text boxes, deleted
 * text, the fallback copy of alternate content, headers and footers (other parts of the zip) are left out;
 * content controls (w:sdt), hyperlinks, fields and insertions are read through. The empty paragraph Word
 * requires after a last table is not printed. Automatic list numbers ("一、" from word/numbering.xml, directly or
 * through a paragraph style) are printed in front of their paragraph, as Word draws them (docx/numbering.ts).
 */
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { ParseError } from "../extract/errors.ts";
import { kindOf } from "./sniff.ts";
import { damagedLinesOf } from "./text.ts";
import type { DocumentText } from "./types.ts";
import { Numbering, type ParagraphNumbering } from "./docx/numbering.ts";
import { attribute, localName } from "./docx/xml-names.ts";

const EXPECTED = "a Word .docx document (a zip with word/document.xml)";
const DOCUMENT_PART = "word/document.xml";
const NUMBERING_PART = "word/numbering.xml";
const STYLES_PART = "word/styles.xml";
const UTF8 = new TextDecoder("utf-8");

// Formatting properties are most of document.xml (four fifths of a seed's) and hold no text: removed before
// parsing, they make it five times faster. None of them nests in itself, so the first end tag closes each,
// once tracked formatting changes (w:pPrChange holding the old w:pPr …) are gone; w:tcPr stays (w:gridSpan,
// w:vMerge) without its borders, width and shading.
const FORMATTING_CHANGES = /<w:(pPrChange|rPrChange|tblPrChange|trPrChange|sectPrChange|tblGridChange|tcPrChange)\b[^>]*?(?:\/>|>[\s\S]*?<\/w:\1>)/g;
const FORMATTING = /<w:(pPr|rPr|tblPr|tblGrid|trPr|sectPr|tcBorders|tcW|shd)\b[^>]*?(?:\/>|>[\s\S]*?<\/w:\1>)/g;
// Where the document has lists, paragraph properties go last and keep w:numPr (and the paragraph's style, where
// styles number paragraphs): a second pass over w:pPr alone, so the many run properties are still dropped natively.
const RUN_FORMATTING = /<w:(rPr|tblPr|tblGrid|trPr|sectPr|tcBorders|tcW|shd)\b[^>]*?(?:\/>|>[\s\S]*?<\/w:\1>)/g;
const PARAGRAPH_PROPERTIES = /<w:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/w:pPr>)/g;
const NUMBER_PROPERTIES = /<w:numPr\b[^>]*?(?:\/>|>[\s\S]*?<\/w:numPr>)/;
const PARAGRAPH_STYLE = /<w:pStyle\b[^>]*?\/>/;
function withoutFormatting(xml: string, numbering: Numbering | null): string {
  const unchanged = xml.includes("Change") ? xml.replace(FORMATTING_CHANGES, "") : xml;
  const styled = numbering?.stylesNumber === true;
  if (numbering === null || (!styled && !unchanged.includes("numPr"))) return unchanged.replace(FORMATTING, "");
  return unchanged.replace(RUN_FORMATTING, "").replace(PARAGRAPH_PROPERTIES, (properties: string) => {
    const kept = (NUMBER_PROPERTIES.exec(properties)?.[0] ?? "") + (styled ? (PARAGRAPH_STYLE.exec(properties)?.[0] ?? "") : "");
    return kept === "" ? "" : `<w:pPr>${kept}</w:pPr>`;
  });
}

// Subtrees whose text is not body text: text boxes, deletions, moved-away text, alternate content's fallback copy.
// Drawings and pictures hold text boxes and shape text; w:object an embedded object's preview.
const SKIPPED = new Set(["drawing", "pict", "object", "txbxContent", "del", "moveFrom", "Fallback"]);

interface TableFrame {
  /** Printed text of each finished cell of the open row (its lines, each ending "\n"; no leading tab). */
  cells: string[];
  /** Printed chunks of the open cell, or null between cells. */
  cell: string[] | null;
  /** The open cell continues a vertical merge: printed empty. */
  continuesMerge: boolean;
}

export function readDocx(bytes: Uint8Array, sourceFile: string): DocumentText {
  const parts = documentParts(bytes, sourceFile);
  const text = layoutOf(parts.document, parts.numbering === null ? null : listsOf(parts.numbering, parts.document, bytes), sourceFile);
  return { format: "docx", text, pages: null, encoding: null, damagedLines: damagedLinesOf(text) };
}

/** The main document part, and the list definitions where the zip has them; ParseError saying what was found instead. */
function documentParts(bytes: Uint8Array, sourceFile: string): { document: string; numbering: string | null } {
  const fail = (found: string) => new ParseError(sourceFile, null, EXPECTED, found);
  const kind = kindOf(bytes);
  if (kind === "an OLE compound file") throw fail(`${kind} (a password-protected .docx, or a Word 97–2003 .doc named .docx)`);
  if (kind !== "a zip") throw fail(kind);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === DOCUMENT_PART || f.name === NUMBERING_PART });
  } catch (e) {
    throw fail(`a broken zip (${(e as Error).message})`);
  }
  const part = files[DOCUMENT_PART];
  if (part === undefined) throw fail(`a zip without ${DOCUMENT_PART}`);
  const numbering = files[NUMBERING_PART];
  return { document: xmlText(part), numbering: numbering ? xmlText(numbering) : null };
}

/**
 * The document's lists, or null when no paragraph can be numbered: none has a w:numPr and no style numbers its
 * paragraphs (most documents that carry a numbering part; its definitions are then not even read).
 */
function listsOf(numberingXml: string, document: string, bytes: Uint8Array): Numbering | null {
  const styles = partText(bytes, STYLES_PART);
  if (!document.includes("numPr") && !styles?.includes("numId")) return null;
  const lists = new Numbering(numberingXml, styles);
  return lists.defined ? lists : null;
}

/** A paragraph's list number; "" where the lists cannot say (numbers decorate the text, they never cost the report). */
function labelOf(numbering: Numbering, listed: ParagraphNumbering, text: string): string {
  try {
    return numbering.next(listed, text);
  } catch {
    return "";
  }
}

/** Another part of a zip already opened by documentParts, or null (absent, or damaged: it only decorates the text). */
function partText(bytes: Uint8Array, name: string): string | null {
  try {
    const part = unzipSync(bytes, { filter: (f) => f.name === name })[name];
    return part ? xmlText(part) : null;
  } catch {
    return null;
  }
}

/** An XML part's text: Word writes UTF-8; XML allows UTF-16 with a byte-order mark. */
function xmlText(part: Uint8Array): string {
  const encoding = part[0] === 0xff && part[1] === 0xfe ? "utf-16le" : part[0] === 0xfe && part[1] === 0xff ? "utf-16be" : "utf-8";
  return (encoding === "utf-8" ? UTF8 : new TextDecoder(encoding)).decode(part);
}

/** Walks document.xml once, in reading order, writing the layout. */
function layoutOf(xml: string, numbering: Numbering | null, sourceFile: string): string {
  const out: string[] = [];
  const tables: TableFrame[] = [];
  let skipDepth = 0; // > 0 inside a skipped subtree
  let para: string | null = null; // text of the open paragraph
  let inRun = 0;
  let inText = false;
  // The open paragraph's style and w:numPr, read from its w:pPr (kept by withoutFormatting only where lists exist).
  let inProperties = false;
  let listed: ParagraphNumbering = { style: null, numId: null, ilvl: null };

  /** Where a row or table is printed: the document, or the cell that holds the (nested) table. */
  const sink = () => tables.at(-2)?.cell ?? out;
  // Word requires a paragraph after a table that ends a cell or the document; when empty it is not printed.
  let tableEndedIn: string[] | null = null; // the chunks a table end was just printed into
  let requiredEmpty: { chunks: string[]; at: number } | null = null;
  const dropRequiredEmpty = (chunks: string[]) => {
    if (requiredEmpty?.chunks === chunks && chunks.length === requiredEmpty.at + 2) chunks.length = requiredEmpty.at;
    requiredEmpty = null;
  };

  const endParagraph = (raw: string) => {
    let text = raw.includes("\f") ? raw.replace(/^\f+|\f+$/g, "").replaceAll("\f", "\n") : raw;
    // A tab that opens a paragraph would make it read as a table cell of its own.
    if (text.startsWith("\t")) text = text.replace(/^\t+/, "");
    const chunks = tables.at(-1)?.cell ?? out;
    if (text === "" && tableEndedIn === chunks) requiredEmpty = { chunks, at: chunks.length };
    tableEndedIn = null;
    chunks.push(text, "\n");
  };

  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    if (skipDepth > 0 || SKIPPED.has(name)) {
      if (!tag.isSelfClosing) skipDepth += 1;
      return;
    }
    switch (name) {
      case "p":
        para = "";
        listed = { style: null, numId: null, ilvl: null };
        break;
      case "pPr":
        inProperties = !tag.isSelfClosing;
        break;
      case "pStyle":
        if (inProperties) listed.style = attribute(tag.attributes, "val") ?? null;
        break;
      case "numId":
        if (inProperties) listed.numId = attribute(tag.attributes, "val") ?? null;
        break;
      case "ilvl":
        if (inProperties) listed.ilvl = Number.parseInt(attribute(tag.attributes, "val") ?? "", 10) || 0;
        break;
      case "r":
        inRun += 1;
        break;
      case "t":
        inText = inRun > 0;
        break;
      case "tab":
      case "ptab":
        if (inRun > 0 && para !== null) para += "\t"; // w:tab in w:tabs (tab stops) is not in a run
        break;
      case "br":
      case "cr": {
        const type = attribute(tag.attributes, "type");
        // "\f" marks a page or column break until the paragraph ends (a new line only between two texts).
        if (inRun > 0 && para !== null) para += type === "page" || type === "column" ? "\f" : "\n";
        break;
      }
      case "noBreakHyphen":
        if (inRun > 0 && para !== null) para += "-";
        break;
      case "tbl":
        tables.push({ cells: [], cell: null, continuesMerge: false });
        break;
      case "tc": {
        const table = tables.at(-1);
        if (table) {
          table.cell = [];
          table.continuesMerge = false;
        }
        break;
      }
      case "vMerge": {
        const table = tables.at(-1);
        const val = attribute(tag.attributes, "val");
        if (table?.cell && (val === undefined || val === "continue")) table.continuesMerge = true;
        break;
      }
    }
  });
  parser.on("text", (t) => {
    if (inText && skipDepth === 0 && para !== null) para += t;
  });
  parser.on("closetag", (tag) => {
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth -= 1;
      return;
    }
    switch (localName(tag.name)) {
      case "t":
        inText = false;
        break;
      case "r":
        inRun -= 1;
        break;
      case "pPr":
        inProperties = false;
        break;
      case "p":
        if (para !== null) {
          const label = numbering && (listed.numId !== null || listed.style !== null) ? labelOf(numbering, listed, para) : "";
          endParagraph(label === "" ? para : label + para.replace(/^[\t\f]+/, ""));
        }
        para = null;
        break;
      case "tc": {
        const table = tables.at(-1);
        if (table?.cell) {
          dropRequiredEmpty(table.cell);
          table.cells.push(table.continuesMerge || table.cell.length === 0 ? "\n" : table.cell.join(""));
          table.cell = null;
        }
        break;
      }
      case "tr": {
        const table = tables.at(-1);
        if (!table) break;
        const into = sink();
        for (const cell of table.cells) into.push("\t", cell);
        into.push("\n");
        table.cells = [];
        break;
      }
      case "tbl":
        tableEndedIn = sink();
        tableEndedIn.push("\n");
        tables.pop();
        break;
    }
  });
  try {
    parser.write(withoutFormatting(xml, numbering)).close();
  } catch (e) {
    throw new ParseError(sourceFile, null, EXPECTED, `a damaged ${DOCUMENT_PART} (${(e as Error).message.replace(/\.$/, "")})`);
  }
  dropRequiredEmpty(out);
  return out.join("");
}

