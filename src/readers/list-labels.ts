/**
 * Automatic list numbers as a word processor draws them ("一、", "（二）", "3."), whatever file format defined the
 * lists (src/readers/docx/numbering.ts, src/readers/doc/lists.ts): counters per list and the label of each
 * numbered paragraph. Pure.
 *
 * As Word counts: levels below the one just used restart (unless the level says otherwise), every %1…%9 of the
 * level text is replaced (Tika replaces only the first). Chinese, enclosed and full-width number formats are drawn
 * as Word draws them; formats this file does not know fall back to decimal digits.
 */
import { isCjk } from "./cjk.ts";

/** One level of a list, in Word's terms (OOXML names; the .doc reader maps its codes to them). */
export interface Level {
  start: number;
  /** w:numFmt: "decimal", "chineseCounting", "bullet", "none" … */
  format: string;
  /** The number text, "%1、", "（%2）", "%1.%2": %k is level k's number. */
  text: string;
  /** 0 never restarts; k restarts after a use of level k-1 or above; null after any level above (the default). */
  restart: number | null;
  /** Every number drawn in decimal digits (w:isLgl). */
  legal: boolean;
  /** What Word draws between the number and the text. */
  suffix: "tab" | "space" | "nothing";
  /** The paragraph style this level belongs to (w:pStyle), if any. */
  style: string | null;
}

export const MAX_LEVELS = 9;

export const emptyLevel = (): Level => ({ start: 1, format: "decimal", text: "", restart: null, legal: false, suffix: "tab", style: null });

export class ListLabels {
  /** Counters per list: one slot per level, null until the level is first used. */
  private readonly counters = new Map<string, (number | null)[]>();

  /**
   * The label drawn in front of a paragraph of `text` at level `ilvl` of the list `key` (whose levels are given),
   * with the space that follows it; "" for none. Called once per numbered paragraph, in reading order. An empty
   * paragraph is counted but not labelled (a stray number in an empty table cell would shift that cell's column).
   */
  next(key: string, levels: readonly Level[], ilvl: number, text: string): string {
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = Array.from({ length: MAX_LEVELS }, () => null)));
    const levelAt = (k: number) => levels[k] ?? emptyLevel();
    counts[ilvl] = counts[ilvl] === null ? levelAt(ilvl).start : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k < MAX_LEVELS; k++) {
      const restart = levelAt(k).restart;
      // Restarts after a use of any level above it (the default), after a use of level restart-1 or above, or never (0).
      if (restart === null || (restart > 0 && ilvl <= restart - 1)) counts[k] = null;
    }
    const level = levelAt(ilvl);
    if (text.trim() === "") return "";
    const label =
      level.format === "bullet"
        ? bulletOf(level.text)
        : level.text.replace(/%([1-9])/g, (_, d: string) => {
            const k = Number(d) - 1;
            return formatNumber(counts[k] ?? levelAt(k).start, level.legal ? "decimal" : levelAt(k).format);
          });
    if (label.trim() === "") return "";
    // Word draws a tab (or a space) after the number, Tika prints a space, and a PDF shows a gap, which the PDF
    // reader prints as a space unless Chinese text touches it: so here ("1. 2024年", "2.基本支出", "一、概况").
    const spaced = level.suffix !== "nothing" && !isCjk(label.at(-1)) && !isCjk(text.replace(/^[\t\f]+/, "")[0]);
    return spaced ? `${label} ` : label;
  }
}

// Symbol and Wingdings bullets are private-use code points of those fonts.
const BULLETS: Record<number, string> = { 0xf0b7: "•", 0xf0a7: "▪", 0xf0d8: "➢", 0xf0fc: "✓", 0xf06c: "●", 0xf06e: "■", 0xf075: "◆", 0xf076: "❖" };

function bulletOf(text: string): string {
  const code = text.codePointAt(0);
  if (code === undefined) return "";
  if (code >= 0xf000 && code <= 0xf0ff) return BULLETS[code] ?? "•";
  return text;
}

const HAN_DIGITS = "〇一二三四五六七八九";
const LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";

/** 12 → "十二", 20 → "二十", 105 → "一百零五" (legal: 12 → "壹拾贰"). Up to 99,999; beyond, decimal digits. */
function chineseNumber(n: number, legal: boolean): string {
  if (n <= 0 || n > 99_999) return String(n);
  const digits = legal ? LEGAL_DIGITS : HAN_DIGITS.replace("〇", "零");
  const units = legal ? ["", "拾", "佰", "仟", "万"] : ["", "十", "百", "千", "万"];
  const ds = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i]!;
    if (d === 0) zero = out !== "";
    else {
      if (zero) out += digits[0];
      zero = false;
      out += digits[d]! + unit;
    }
  });
  // 10–19 are read 十, 十一 … (not 一十一), except in the legal (banking) form.
  return !legal && n >= 10 && n < 20 ? out.slice(1) : out;
}

const letters = (n: number, a: number) => (n <= 0 ? String(n) : String.fromCharCode(a + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1));

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

const enclosed = (n: number, first: number, count: number) => (n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n));

/** A count drawn in a w:numFmt: 3 in "chineseCounting" → "三", in "decimalEnclosedCircle" → "③". */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseNumber(n, false);
    case "chineseLegalSimplified":
    case "japaneseLegal":
      return chineseNumber(n, true);
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return String(n).replace(/\d/g, (d) => HAN_DIGITS[Number(d)]!);
    case "ideographTraditional":
      return n >= 1 && n <= 10 ? "甲乙丙丁戊己庚辛壬癸"[n - 1]! : String(n);
    case "ideographZodiac":
      return n >= 1 && n <= 12 ? "子丑寅卯辰巳午未申酉戌亥"[n - 1]! : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
      if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
      return enclosed(n, 0x2460, 20);
    case "decimalEnclosedFullstop":
      return enclosed(n, 0x2488, 20);
    case "decimalEnclosedParen":
      return enclosed(n, 0x2474, 20);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n, 0x41);
    case "lowerLetter":
      return letters(n, 0x61);
    case "none":
      return "";
    default:
      return String(n);
  }
}
