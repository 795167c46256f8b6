/**
 * Automatic list numbers of a .docx ("一、", "（二）", "3."): Word keeps them out of the text, in word/numbering.xml
 * (and in paragraph styles, word/styles.xml), and draws them in front of the paragraph. Tika prints them too; a
 * report whose headings are numbered this way would otherwise lose its "一、…" markers. Pure: XML in, labels out.
 *
 * As Word counts: one counter per list (an abstract numbering, or a numbering instance that overrides its start),
 * levels below the one just used restart (unless w:lvlRestart says otherwise), every %1…%9 of the level text is
 * replaced (Tika replaces only the first). Chinese, enclosed and full-width number formats are drawn as Word
 * draws them; formats this file does not know fall back to decimal digits, and custom formats to their fallback.
 */
import { isCjk } from "../cjk.ts";

interface Level {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart: 0 never restarts; k restarts after a use of level k-1 or above; null after any level above. */
  restart: number | null;
  legal: boolean;
  /** w:suff: what Word draws between the number and the text. */
  suffix: "tab" | "space" | "nothing";
  /** The paragraph style this level belongs to (w:pStyle), if any. */
  style: string | null;
}

interface NumberingInstance {
  abstractId: string;
  /** Per level: a start override (w:startOverride) and a whole replaced level (w:lvl in w:lvlOverride). */
  overrides: Map<number, { start: number | null; level: Partial<Level> | null }>;
}

/** A paragraph style's numbering (w:numPr in its w:pPr), its parent style, inherited until set. */
interface StyleNumbering {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

/** What a paragraph says about its numbering: its style, and its own w:numPr (either part may be absent). */
export interface ParagraphNumbering {
  style: string | null;
  numId: string | null;
  ilvl: number | null;
}

const MAX_LEVELS = 9;

const intOf = (s: string | undefined): number | null => {
  const n = s === undefined ? NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : null;
};

const emptyLevel = (): Level => ({ start: 1, format: "decimal", text: "", restart: null, legal: false, suffix: "tab", style: null });

// The parts are small and regular: read with patterns (any namespace prefix), about ten times faster than a SAX
// walk, which mattered for Word's numbering parts of dozens of unused nine-level lists. A damaged part yields
// what its patterns still find: numbering decorates the text, it never costs a report.
const P = "(?:[\\w.-]+:)?";
const block = (name: string) => new RegExp(`<${P}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${name}>)`, "g");
const ABSTRACT = block("abstractNum");
const INSTANCE = block("num");
const OVERRIDE = block("lvlOverride");
const LEVEL = block("lvl");
const STYLE = block("style");
const LEVEL_CHILD = new RegExp(`<${P}(start|numFmt|lvlText|lvlRestart|isLgl|suff|pStyle)\\b([^>]*?)/?>`, "g");
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute's value by local name from a tag's attribute text (entities decoded), or undefined. */
const patterns = new Map<string, RegExp>();
const cached = (source: string) => patterns.get(source) ?? patterns.set(source, new RegExp(source)).get(source)!;

function attr(attributes: string, local: string): string | undefined {
  const m = cached(`(?:^|\\s)${P}${local}="([^"]*)"`).exec(attributes);
  return m?.[1]?.replace(ENTITY, (_, hex?: string, dec?: string, named?: string) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[named!.toLowerCase()] ?? ""),
  );
}

/** The first child element `name` of an XML fragment: its w:val, or "" when it has none; undefined when absent. */
function childVal(xml: string, name: string): string | undefined {
  const m = cached(`<${P}${name}\\b([^>]*?)/?>`).exec(xml);
  return m ? (attr(m[1] ?? "", "val") ?? "") : undefined;
}

/** A w:lvl's settings over `base` (a level override states only what it changes). */
function readLevel(inner: string, base: Partial<Level>): Partial<Level> {
  const level = { ...base };
  for (const [, name, attributes] of inner.matchAll(LEVEL_CHILD)) {
    const val = attr(attributes ?? "", "val");
    if (name === "start") level.start = intOf(val) ?? 1;
    // A custom format (w:numFmt w:val="custom", inside mc:Choice) is followed by its mc:Fallback: the last known one wins.
    else if (name === "numFmt" && val !== undefined && val !== "custom") level.format = val;
    else if (name === "lvlText") level.text = val ?? "";
    else if (name === "lvlRestart") level.restart = intOf(val);
    else if (name === "isLgl") level.legal = val !== "0" && val !== "false";
    else if (name === "suff") level.suffix = val === "space" || val === "nothing" ? val : "tab";
    else if (name === "pStyle") level.style = val ?? null;
  }
  return level;
}

export class Numbering {
  private readonly abstracts = new Map<string, Level[]>();
  private readonly instances = new Map<string, NumberingInstance>();
  private readonly styles = new Map<string, StyleNumbering>();
  /** Counters per list: one slot per level, null until the level is first used. */
  private readonly counters = new Map<string, (number | null)[]>();
  /** Styles with numbering, directly or from a parent: only then do paragraph styles matter. */
  readonly stylesNumber: boolean;

  /** `stylesXml` is read only when one of its styles numbers paragraphs. */
  constructor(numberingXml: string, stylesXml: string | null) {
    this.readNumbering(numberingXml);
    if (stylesXml !== null && stylesXml.includes("numId")) this.readStyles(stylesXml);
    this.stylesNumber = [...this.styles.values()].some((s) => s.numId !== null);
  }

  /** Whether any list is defined at all (a document without one needs no paragraph properties). */
  get defined(): boolean {
    return this.instances.size > 0;
  }

  private readNumbering(xml: string): void {
    for (const [, attributes, inner] of xml.matchAll(ABSTRACT)) {
      const levels: Level[] = [];
      for (const [, levelAttributes, levelInner] of (inner ?? "").matchAll(LEVEL)) {
        const k = intOf(attr(levelAttributes ?? "", "ilvl")) ?? 0;
        if (k >= 0 && k < MAX_LEVELS) levels[k] = readLevel(levelInner ?? "", emptyLevel()) as Level;
      }
      this.abstracts.set(attr(attributes ?? "", "abstractNumId") ?? "", levels);
    }
    for (const [, attributes, inner = ""] of xml.matchAll(INSTANCE)) {
      const overrides: NumberingInstance["overrides"] = new Map();
      for (const [, overrideAttributes, overrideInner = ""] of inner.matchAll(OVERRIDE)) {
        const level = [...overrideInner.matchAll(LEVEL)][0];
        overrides.set(intOf(attr(overrideAttributes ?? "", "ilvl")) ?? 0, {
          start: intOf(childVal(overrideInner.replace(LEVEL, ""), "startOverride")),
          level: level ? readLevel(level[2] ?? "", {}) : null,
        });
      }
      this.instances.set(attr(attributes ?? "", "numId") ?? "", { abstractId: childVal(inner, "abstractNumId") ?? "", overrides });
    }
  }

  private readStyles(xml: string): void {
    for (const [, attributes = "", inner = ""] of xml.matchAll(STYLE)) {
      if (attr(attributes, "type") !== "paragraph") continue;
      this.styles.set(attr(attributes, "styleId") ?? "", { numId: childVal(inner, "numId") ?? null, ilvl: intOf(childVal(inner, "ilvl")), basedOn: childVal(inner, "basedOn") ?? null });
    }
  }

  /** The style's numbering, inherited through w:basedOn (a cycle or a missing parent ends the chain). */
  private styleNumbering(styleId: string | null): { numId: string | null; ilvl: number | null } {
    let numId: string | null = null;
    let ilvl: number | null = null;
    const seen = new Set<string>();
    for (let id = styleId; id !== null && !seen.has(id); ) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return { numId, ilvl };
  }

  /**
   * The label Word draws in front of this paragraph of `text`, with the space that follows it ("" when it is not
   * numbered), counting it in its list. Called once per paragraph, in reading order; an empty paragraph is counted
   * but not labelled (a stray number in an empty table cell would shift that cell's column).
   */
  next(paragraph: ParagraphNumbering, text: string): string {
    const fromStyle = paragraph.style !== null && this.stylesNumber ? this.styleNumbering(paragraph.style) : { numId: null, ilvl: null };
    const numId = paragraph.numId ?? fromStyle.numId;
    // numId 0 switches numbering off, also where the style would number the paragraph.
    if (numId === null || numId === "0") return "";
    const instance = this.instances.get(numId);
    const abstract = instance ? this.abstracts.get(instance.abstractId) : undefined;
    if (!instance || !abstract) return "";
    const styledLevel = paragraph.style === null ? -1 : abstract.findIndex((l) => l?.style === paragraph.style);
    const ilvl = Math.min(MAX_LEVELS - 1, Math.max(0, paragraph.ilvl ?? fromStyle.ilvl ?? (styledLevel >= 0 ? styledLevel : 0)));
    const levels = Array.from({ length: MAX_LEVELS }, (_, k) => this.levelOf(instance, abstract, k));
    // A numbering instance that restarts a level is a list of its own; otherwise instances of one abstract share it.
    const key = instance.overrides.size > 0 ? `num:${numId}` : `abstract:${instance.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, (counts = Array.from({ length: MAX_LEVELS }, () => null)));
    counts[ilvl] = counts[ilvl] === null ? levels[ilvl]!.start : counts[ilvl]! + 1;
    for (let k = ilvl + 1; k < MAX_LEVELS; k++) {
      const restart = levels[k]!.restart;
      // Restarts after a use of any level above it (the default), after a use of level restart-1 or above, or never (0).
      if (restart === null || (restart > 0 && ilvl <= restart - 1)) counts[k] = null;
    }
    const level = levels[ilvl]!;
    if (text.trim() === "") return "";
    let label: string;
    if (level.format === "bullet") label = bulletOf(level.text);
    else {
      label = level.text.replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        const count = counts[k] ?? levels[k]!.start;
        return formatNumber(count, level.legal ? "decimal" : levels[k]!.format);
      });
    }
    if (label.trim() === "") return "";
    // Word draws a tab (or a space) after the number, Tika prints a space, and a PDF shows a gap, which the PDF
    // reader prints as a space unless Chinese text touches it: so here ("1. 2024年", "2.基本支出", "一、概况").
    const spaced = level.suffix !== "nothing" && !isCjk(label.at(-1)) && !isCjk(text.replace(/^[\t\f]+/, "")[0]);
    return spaced ? `${label} ` : label;
  }

  private levelOf(instance: NumberingInstance, abstract: Level[], k: number): Level {
    const base = abstract[k] ?? emptyLevel();
    const override = instance.overrides.get(k);
    if (!override) return base;
    const level = { ...base, ...(override.level ?? {}) };
    return override.start === null ? level : { ...level, start: override.start };
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
