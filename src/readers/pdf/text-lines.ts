/** Text items → lines (by baseline) → paragraphs (by whether a line wrapped). Pure geometry, no pdf.js. */
import { isCjk } from "../cjk.ts";
import type { TextItem } from "./load.ts";

export interface TextLine {
  text: string;
  /** Left and right edge, baseline, font size (the largest on the line). */
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Width of the line's first word: one Han character, or a run of Latin letters and digits. */
  firstWord: number;
  /** The line's parts between gaps wider than GAP font sizes (columns of a table without rulings), if any. */
  chunks?: TextLine[];
  /** Read from a page image: its words' lowest OCR confidence (0–100), and that of its words that print figures. */
  conf?: number | undefined;
  figureConf?: number | undefined;
}

/** A gap this many font sizes wide inside a line separates two columns, not two words. */
const GAP = 1.5;


/** Drops spaces next to a CJK character: layout spacing between Han text and digits is not in the text. */
export function tidySpaces(s: string): string {
  return s.replace(/\s+/g, (space, at: number, whole: string) => (isCjk(whole[at - 1]) || isCjk(whole[at + space.length]) ? "" : " "));
}

/**
 * Splits an item at its inner spaces. pdf.js joins the runs of one font on one baseline into one item, even
 * across a table's column ruling ("职务/职称 单"); the pieces, placed by estimated advance (a Han character is
 * one font size wide, other characters share the rest), fall into their own cells.
 */
export function splitAtSpaces(item: TextItem): TextItem[] {
  if (!/\S\s+\S/.test(item.str)) return [item];
  const chars = [...item.str];
  const han = chars.filter((ch) => isCjk(ch)).length;
  const other = chars.length - han;
  const otherWidth = other > 0 ? Math.max(0, item.w - han * item.size) / other : 0;
  const advance = (ch: string) => (isCjk(ch) ? item.size : otherWidth);
  const pieces: TextItem[] = [];
  let x = item.x;
  for (const part of item.str.split(/(\s+)/)) {
    const w = [...part].reduce((sum, ch) => sum + advance(ch), 0);
    if (part.trim() !== "") pieces.push({ ...item, str: part, x, w });
    x += w;
  }
  return pieces;
}

/** Items (any order) → lines, top to bottom; items on one baseline (within a third of the font size) form a line. */
export function toTextLines(items: readonly TextItem[]): TextLine[] {
  const visible = items.filter((i) => i.str.trim() !== "").flatMap(splitAtSpaces);
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    const ref = last?.[0];
    if (ref && Math.abs(ref.y - item.y) <= Math.max(ref.size, item.size) / 3) last.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => lineOf(g)).filter((l) => l.text !== "");
}

function lineOf(items: TextItem[], split = true): TextLine {
  const row = [...items].sort((a, b) => a.x - b.x);
  const size = Math.max(...row.map((i) => i.size));
  const parts: TextItem[][] = [[row[0]!]];
  for (let k = 1; k < row.length; k++) {
    const prev = row[k - 1]!;
    if (row[k]!.x - (prev.x + prev.w) > GAP * size) parts.push([]);
    parts.at(-1)!.push(row[k]!);
  }
  let text = "";
  let right = -Infinity;
  for (const item of row) {
    // A gap wider than a quarter of the font size between two items is a space (a Latin word break).
    if (text !== "" && item.x - right > size / 4 && !text.endsWith(" ")) text += " ";
    text += item.str;
    right = Math.max(right, item.x + item.w);
  }
  const first = row[0]!;
  const clean = tidySpaces(text).trim();
  const line: TextLine = { text: clean, x0: first.x, x1: right, y: first.y, size, firstWord: firstWordWidth(clean, first) };
  Object.assign(line, confidenceOf(row.map((i) => ({ conf: i.conf, figureConf: /\d/.test(i.str) ? i.conf : undefined }))));
  if (split && parts.length > 1) line.chunks = parts.map((p) => lineOf(p, false));
  return line;
}

// What a line break cannot separate: opening brackets, a Latin word or figure (or one Han character), closing
// punctuation (kinsoku: "，" never starts a line, so "次，" moves down together).
// A figure keeps its unit with it ("161.62万元": layout engines do not break between them).
const FIRST_WORD = /^[（(《“‘「『【〔]*(?:[A-Za-z0-9.,%+\-/]+(?:万元|亿元|元)?|.)[，。、；：？！”’）)》」』】〕,.;:?!%]*/u;

function firstWordWidth(text: string, first: TextItem): number {
  const word = FIRST_WORD.exec(text)?.[0] ?? "";
  const chars = [...first.str];
  const han = chars.filter((ch) => isCjk(ch)).length;
  const otherWidth = chars.length > han ? Math.max(0, first.w - han * first.size) / (chars.length - han) : first.size / 2;
  return [...word].reduce((sum, ch) => sum + (isCjk(ch) ? first.size : otherWidth), 0);
}

/** The box text is set in: where a line that wrapped reaches, and where a paragraph's lines start. */
export interface TextBox {
  left: number;
  right: number;
}

// A numbered item or heading starts its own paragraph: "（2）", "2、", "二、", "（一）", "指标1：".
const ENUMERATOR = /^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9]+[、.．](?!\d)|[一二三四五六七八九十]+、|第[一二三四五六七八九十0-9]+[章节部分条]|[\u4e00-\u9fff]{2}[0-9]+[：:])/;
/** The kind of numbering a line opens with ("目标#：", "（#）"), or null. */
const enumeratorKind = (text: string) => ENUMERATOR.exec(text)?.[0].replace(/[0-9一二三四五六七八九十]+/g, "#") ?? null;
/** Whether two lines open with the same kind of numbering (指标1： and 指标2：, （一） and （二）). */
export const sameEnumerator = (a: string, b: string) => {
  const kind = enumeratorKind(a);
  return kind !== null && kind === enumeratorKind(b);
};
const ENDS_SENTENCE = /[。；;：:！!？?）)]$/;

/**
 * Whether `next` continues the paragraph of `prev`: `prev` is full (the next line's first word would not
 * have fitted after it) and `next` does not start with a first-line indent or a numbered item after a
 * finished sentence. Unsure cases join: the recognisers read a paragraph as one line, and a number broken
 * over two lines would be lost.
 */
export function continues(prev: TextLine, next: TextLine, box: TextBox, opener?: TextLine): boolean {
  const room = box.right - prev.x1;
  const sentenceDone = ENDS_SENTENCE.test(prev.text);
  // After a finished sentence the next word must really not have fitted; otherwise allow for ragged ends.
  const full = room < next.firstWord + (sentenceDone ? 0 : prev.size * 0.6);
  if (!full) return false;
  // A sheet title and its bracketed subtitle ("…自评表" / "（2024年度）", "…情况表" / "（万元）") are two paragraphs.
  if (/表$/.test(prev.text) && /^[（(]/.test(next.text)) return false;
  const kind = enumeratorKind(next.text);
  // The next item of a numbered list ("目标2：…" then "目标3：…") is a paragraph even after an unfinished one.
  if (kind !== null && (sentenceDone || (opener !== undefined && enumeratorKind(opener.text) === kind))) return false;
  const indent = next.x0 - box.left;
  // Chinese paragraphs open with a two-character indent; a wrapped line starts at the left edge.
  return !(indent > next.size * 1.5 && indent < next.size * 4.5);
}

/** Lines of one text box → paragraphs; a vertical gap of more than two lines' height also ends a paragraph. */
export function toParagraphs(lines: readonly TextLine[], box: TextBox): TextLine[][] {
  const paragraphs: TextLine[][] = [];
  for (const line of lines) {
    const current = paragraphs.at(-1);
    const prev = current?.at(-1);
    if (current && prev && prev.y - line.y < 2.2 * line.size && continues(prev, line, box, current[0])) current.push(line);
    else paragraphs.push([line]);
  }
  return paragraphs;
}

/** OCR confidences of a piece of text: of all its words, and of its words that print figures. */
export interface Confidence {
  conf?: number | undefined;
  figureConf?: number | undefined;
}

/** The lowest confidences among parts (lines of a paragraph, a cell); a key absent when no part has it. */
export function confidenceOf(parts: readonly Confidence[]): Confidence {
  const out: Confidence = {};
  for (const key of ["conf", "figureConf"] as const) {
    for (const p of parts) {
      const c = p[key];
      if (c !== undefined && (out[key] === undefined || c < out[key])) out[key] = c;
    }
  }
  return out;
}

/** A paragraph's lines as one line of text; a space only between two Latin words. */
export function joinLines(lines: readonly TextLine[]): string {
  let text = "";
  for (const line of lines) {
    // A figure never breaks with a space ("1,234." + "56"); Latin words at a line break do.
    const glue = text === "" || (/[\d.,%]$/.test(text) && /^[\d.,%]/.test(line.text)) ? "" : " ";
    text += glue + line.text;
  }
  return tidySpaces(text).trim();
}
