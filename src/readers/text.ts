/**
 * .txt reader: report texts as published (Tika's text of a .docx) in UTF-8, GB18030 or UTF-16. A download with
 * a few damaged bytes is still read, with each undecodable byte marked U+FFFD and its line listed; a file that
 * is mostly damage, or has no Chinese text at all, is refused.
 */
import { ParseError } from "../extract/errors.ts";
import type { DocumentText } from "./types.ts";

export type TextEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export interface DecodedText {
  encoding: TextEncoding;
  text: string;
  /** U+FFFD in text: bytes the encoding could not decode. */
  marks: number;
  /** U+FFFD and control characters other than tab, LF, FF and CR: what text never holds. */
  damage: number;
  /** Characters outside what a Chinese report prints (CJK, ASCII, punctuation, symbols, full-width forms). */
  foreign: number;
}

/** More than this share of damaged characters and the file is not read as text at all. */
export const MAX_DAMAGE_SHARE = 0.01;
/** More than this share of foreign characters and the bytes are binary that happened to decode. */
export const MAX_FOREIGN_SHARE = 0.05;

const MARK = "\uFFFD";
const DAMAGE = /[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;
const CJK = /[\u3400-\u9FFF]/;
// Anything but: line breaks and tabs, ASCII, Latin-1 symbols, pinyin's vowels with tone marks (nèi), Greek, general punctuation to misc. symbols (≥ ① ★),
// CJK radicals to CJK unified ideographs, compatibility ideographs and forms, full-width forms, surrogates, U+FFFD.
const FOREIGN =
  /[^\t\n\r\f\u0020-\u007E\u00A0-\u00BF\u00D7\u00F7àáèéìíòóùúüāēīōūǎěǐǒǔǖǘǚǜ\u0391-\u03C9\u2000-\u2BFF\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\uD800-\uDFFF\uFFFD]/g;

// Without /g, test() keeps no lastIndex between calls.
const ANY_FOREIGN = new RegExp(FOREIGN.source);

function decodeAs(encoding: TextEncoding, bytes: Uint8Array): DecodedText {
  // fatal: false marks each undecodable sequence with U+FFFD; the BOM of the encoding itself is dropped.
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
  let marks = 0;
  for (let i = text.indexOf(MARK); i >= 0; i = text.indexOf(MARK, i + 1)) marks += 1;
  // A clean text (nearly every one) is scanned once, without collecting matches: every damage character but
  // U+FFFD (counted above) is also foreign, so a text with neither has no damage either.
  const foreign = ANY_FOREIGN.test(text) ? (text.match(FOREIGN)?.length ?? 0) : 0;
  const damage = marks === 0 && foreign === 0 ? 0 : (text.match(DAMAGE)?.length ?? 0);
  return { encoding, text, marks, damage, foreign };
}

function bomOf(bytes: Uint8Array): TextEncoding | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16 without a BOM, told by its NULs: the digits, tabs and line ends of a report are ASCII, whose
 * UTF-16 code units have a zero high byte, and UTF-8 and GB18030 text has no NUL at all.
 */
function utf16ByNuls(bytes: Uint8Array): TextEncoding | null {
  // indexOf is a native scan: the common case (no NUL at all) costs no loop in JS.
  if (bytes.length < 8 || bytes.length % 2 !== 0 || bytes.indexOf(0) < 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? (even += 1) : (odd += 1));
  const pairs = bytes.length / 2;
  if (odd >= pairs * 0.05 && even * 10 <= odd) return "utf-16le";
  if (even >= pairs * 0.05 && odd * 10 <= even) return "utf-16be";
  return null;
}

/** Non-ASCII characters decoded without a mark: UTF-8's valid multi-byte sequences. */
function decodedNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd) n += 1;
  }
  return n;
}

/**
 * Decodes text bytes: a BOM decides; bytes that are mostly valid UTF-8 are UTF-8 (another encoding's bytes are
 * almost never valid UTF-8 by chance, while GB18030 turns almost any bytes into some characters); otherwise the
 * encoding that leaves the least damage, of GB18030, UTF-8 and (when the NULs say so) UTF-16. Pure; never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomOf(bytes);
  if (bom !== null) return decodeAs(bom, bytes);
  const utf16 = utf16ByNuls(bytes);
  const asUtf8 = decodeAs("utf-8", bytes);
  // One damaged byte leaves up to 3 marks; GB18030 read as UTF-8 gives far more marks than good characters.
  if (utf16 === null && (asUtf8.marks === 0 || decodedNonAscii(asUtf8.text) >= 2 * asUtf8.marks)) return asUtf8;
  let best = asUtf8;
  for (const encoding of utf16 === null ? (["gb18030"] as const) : [utf16, "gb18030" as const]) {
    const decoded = decodeAs(encoding, bytes);
    if (decoded.damage < best.damage) best = decoded;
  }
  return best;
}

/** 1-based numbers of the lines holding U+FFFD, numbered as src/extract/lines.ts toLines numbers them. */
export function damagedLinesOf(text: string): number[] {
  if (!text.includes(MARK)) return [];
  const damaged: number[] = [];
  text
    .replace(/^\ufeff/, "")
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      if (line.includes(MARK)) damaged.push(i + 1);
    });
  return damaged;
}

export function readText(bytes: Uint8Array, sourceFile: string): DocumentText {
  const decoded = decodeText(bytes);
  const expected = "UTF-8, GB18030 or UTF-16 text";
  const chars = decoded.text.length;
  // Whitespace alone is left to the extractor, which calls it an empty file.
  const visible = decoded.text.trim() !== "";
  if (visible && decoded.damage > chars * MAX_DAMAGE_SHARE) {
    const share = ((100 * decoded.damage) / chars).toFixed(1);
    throw new ParseError(sourceFile, null, expected, `${decoded.damage} of ${chars} characters undecodable or control characters (${share}%, more than 1%): a damaged or binary file`);
  }
  if (visible && decoded.foreign > chars * MAX_FOREIGN_SHARE) {
    throw new ParseError(sourceFile, null, expected, `${decoded.foreign} of ${chars} characters no report prints (letters of other scripts, private-use characters): a binary file`);
  }
  if (visible && !CJK.test(decoded.text)) {
    throw new ParseError(sourceFile, null, expected, "no Chinese characters at all: a binary file or another kind of text");
  }
  // A control character (a NUL a download inserted) is damage like an undecodable byte: marked, its line listed.
  const text = decoded.damage > decoded.marks ? decoded.text.replace(CONTROL, MARK) : decoded.text;
  return { format: "txt", text, pages: null, encoding: decoded.encoding, damagedLines: damagedLinesOf(text) };
}
