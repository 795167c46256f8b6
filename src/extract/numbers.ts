/** Numbers as printed in reports: money cells, "≥95％" targets, "2亿", "11家". */

// Most texts hold none of these: one test spares them both replacements.
const WIDE = /[\uff10-\uff19\uff05\uff0e\uff1c\uff1d\uff1e\u3000\u00a0]/;

/** Folds full-width digits, signs and spaces to ASCII so one pattern reads both. */
export function foldWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s
    .replace(/[\uff10-\uff19\uff05\uff0e\uff1c\uff1d\uff1e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, " ");
}

const AMOUNT = /^[-+]?\d+(?:\.\d+)?$/;
const ANY_DIGIT = /[0-9\uff10-\uff19]/;

/** A cell holding only a number ("946.17", " 48　", "5394.86  ") → the number; blanks, "——" and text → null. */
export function parseAmount(cell: string): number | null {
  // Most cells are a plain number or hold no digit at all: neither needs folding.
  if (AMOUNT.test(cell)) return Number(cell);
  if (!ANY_DIGIT.test(cell)) return null;
  const s = foldWidth(cell).replace(/[\s,，]/g, "");
  return AMOUNT.test(s) ? Number(s) : null;
}

/** "92%" / "91.31%" → 92 / 91.31; a bare number is taken as already in percent. */
export function parsePercent(cell: string): number | null {
  return parseAmount(foldWidth(cell).replace(/%\s*$/, ""));
}

export type Comparator = ">=" | "<=" | "=" | null;

export interface Measure {
  value: number | null;
  unit: string | null;
  comparator: Comparator;
}

// prettier-ignore
const UNITS = ["亿元", "万元", "个月", "千瓦", "平方米", "公里", "%", "亿", "万", "元", "家", "个", "次", "人", "项", "件", "户", "场", "条", "台", "套", "天", "日", "篇", "批", "所", "座", "处", "名", "期", "份", "张", "km", "㎡", "分"];
const UNIT_ALIASES: Record<string, string> = { 亿: "亿元", 万: "万元" };
const NUMBER_WITH_UNIT = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS.join("|")})?`);
// A date or deadline such as "2024.12.31前" or "2024年12月" is not a quantity.
const DATE_LIKE = /(?:19|20)\d{2}\s*[.\-/年]\s*\d{1,2}/;
const AT_LEAST = /≥|>=|>|＞|以上|不低于|不少于|至少|超过/;
const AT_MOST = /≤|<=|<|＜|以内|以下|不超过|不高于|控制在/;

/** Reads the first quantity in an indicator cell: "≥95％" → {95, "%", ">="}, "2亿" → {2, "亿元", null}. */
export function parseMeasure(text: string): Measure {
  const s = foldWidth(text);
  if (DATE_LIKE.test(s)) return { value: null, unit: null, comparator: null };
  const m = NUMBER_WITH_UNIT.exec(s);
  if (!m?.[1]) return { value: null, unit: null, comparator: null };
  const raw = m[2] ?? null;
  const unit = raw === null ? null : (UNIT_ALIASES[raw] ?? raw);
  const comparator: Comparator = AT_MOST.test(s) ? "<=" : AT_LEAST.test(s) ? ">=" : s.includes("=") ? "=" : null;
  return { value: Number(m[1]), unit, comparator };
}

/** Sum rounded to the printed precision, so 0.1 + 0.2 compares equal to 0.3. */
export function sum(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

/** Formats a number for a Chinese check message without float noise. */
export function show(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
