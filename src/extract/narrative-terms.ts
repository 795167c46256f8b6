/** Money statements in report prose: "2024年度基本支出452.92万元", "实际“三公”经费支出11.84万元". */
import type { Basis, Metric } from "../schema/vocab.ts";

export interface MoneyTerm {
  /** Text between the previous figure (or punctuation) and this one, e.g. "2023年终决算拨款收入为". */
  label: string;
  value: number;
  unit: "万元" | "亿元" | "元";
  /** Offset of the figure in the line, and of the end of its unit. */
  at: number;
  end: number;
  /** Sentence index within the line (。；split). */
  sentence: number;
}

// Not after a dot: "1..95万元" is a misprint, not 95万元.
const MONEY = /(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|亿元|元)/g;
const QUOTES = /[“”"‘’]/g;
const ANY_QUOTE = /[“”"‘’]/;

/** Characters that end a label (walking back from a figure): 1, those that also end a sentence: 2. */
function mark(code: number): 0 | 1 | 2 {
  switch (code) {
    case 0x3002: // 。
    case 0xff1b: // ；
    case 0x3b: // ;
      return 2;
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0xff1a: // ：
    case 0x3a: // :
      return 1;
    default:
      return 0;
  }
}

/** What JavaScript's \s matches, by char code. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The words from the previous boundary (or figure) to the colon at `colon`, without a list number ("2、支出"). */
function labelBeforeColon(line: string, from: number, colon: number): string {
  let start = from;
  for (let i = from; i < colon; i++) if (mark(line.charCodeAt(i)) !== 0) start = i + 1;
  return line.slice(start, colon).trim().replace(/^(?:[\d一二三四五六七八九十]+[、.．]|[（(][\d一二三四五六七八九十]+[)）])/, "");
}

/** Every money figure in a line with the words that name it. */
export function moneyTerms(line: string): MoneyTerm[] {
  const out: MoneyTerm[] = [];
  let prevEnd = 0;
  let sentence = 0;
  MONEY.lastIndex = 0;
  // One pass over the text since the previous figure: where the label starts (after the last boundary), and how
  // many sentences ended on the way. Written with char codes: this runs for every figure of every prose line.
  for (let m = MONEY.exec(line); m !== null; m = MONEY.exec(line)) {
    const at = m.index;
    let start = prevEnd;
    for (let i = prevEnd; i < at; i++) {
      const k = mark(line.charCodeAt(i));
      if (k === 0) continue;
      start = i + 1;
      if (k === 2) sentence += 1;
    }
    // The label without leading 、 or spaces and trailing spaces, then without quotation marks.
    let end = at;
    while (start < end && (line.charCodeAt(start) === 0x3001 || isSpace(line.charCodeAt(start)))) start += 1;
    while (end > start && isSpace(line.charCodeAt(end - 1))) end -= 1;
    let trimmed = line.slice(start, end);
    // "2、支出：799.12万元": a figure right after a colon is named by the words before it.
    if (trimmed === "" && start > prevEnd && (line.charCodeAt(start - 1) === 0xff1a || line.charCodeAt(start - 1) === 0x3a)) trimmed = labelBeforeColon(line, prevEnd, start - 1);
    const label = ANY_QUOTE.test(trimmed) ? trimmed.replace(QUOTES, "") : trimmed;
    out.push({ label, value: Number(m[1]), unit: m[2] as MoneyTerm["unit"], at, end: at + m[0].length, sentence });
    prevEnd = at + m[0].length;
  }
  return out;
}

// prettier-ignore
const METRIC_LABELS: [RegExp, Metric][] = [
  [/三公经费(.{0,4}支出)?(合计)?$/, "sangong_total"],
  [/机关运行经费(支出)?$/, "operating_costs"],
  // 公车 is how many reports shorten 公务用车; 出国（境）经费 is 出国（境）费.
  [/(公务用车|公车)购置费?(及|和)运行(维护)?费(用)?(支出)?$/, "sangong_vehicle"],
  [/(公务用车|公车)运行(维护)?费(用)?(支出)?$/, "sangong_vehicle_operation"],
  [/(公务用车|公车)购置费(用)?(支出)?$/, "sangong_vehicle_purchase"],
  [/因公出国[（(]?境?[)）]?(经)?费(用)?(支出)?$/, "sangong_abroad"],
  [/公务接待(经)?费(用)?(支出)?$/, "sangong_reception"],
  [/基本支出$/, "spend_basic"],
  [/项目(支出|资金)$/, "spend_project"],
  [/人员(经费支出|经费|支出)$/, "spend_personnel"],
  [/(公用(经费|支出)|公用经费支出|商品(和)?服务支出)$/, "spend_public"],
  [/^(?!.*(一般公共预算|政府性基金|国有资本|社会保险基金)).*(?:(?:^|部门|单位|整体|年度|全年|总|决算|预算)支出(?:合计|总额)?|支出合计)$/, "spend_total"],
  // "一般公共预算财政拨款收入", "财政拨款收入" are sources of income, not the total (沅江's "决算拨款收入" is the total).
  [/^(?!.*(一般公共预算|公共财政|政府性基金|国有资本|非税|社会保险基金|财政拨款)).*(?:(?:^|部门|单位|年度|全年|总|决算|预算|拨款)收入(?:合计|总额)?$|收入合计$)/, "income_total"],
  [/一般公共(预算)?(财政)?拨款(收入)?$|公共财政拨款(收入)?$/, "income_general_budget"],
  // "其中：财政拨款收入6567.06万元，占100.00%；事业收入0.00万元": the 决算's sources of income in its 情况说明.
  [/^(?!.*(政府性基金|国有资本|非税)).*财政拨款收入$/, "income_fiscal"],
  [/上级补助收入$/, "income_superior"],
  [/事业收入$/, "income_business"],
  [/经营收入$/, "income_operating"],
  [/附属单位上缴收入$/, "income_affiliated"],
  [/政府性?基金(预算)?(财政)?拨款(收入)?$/, "income_gov_fund"],
  [/国有资本经营(预算)?(财政)?[拨拔]款(收入)?$/, "income_state_capital"],
  [/非税收入(拨款)?$/, "income_nontax"],
  [/其他收入([拨拔]款)?$/, "income_other"],
  [/上年结转(结余)?$/, "income_carryover"],
  [/政府采购(金额|数|额)?$/, "procurement"],
  [/^(?!.*在用).*固定资产(总额|合计)$/, "fixed_assets_total"],
];
const SANGONG_PARTS = new Set<Metric>(["sangong_vehicle", "sangong_vehicle_operation", "sangong_vehicle_purchase", "sangong_abroad", "sangong_reception"]);
const METRIC_WORDS = /支出|收入|经费|费|拨款|拔款|结转|采购|资产|资金/;
const FLUFF = /(为|是|达到|达|共计|共|约|总计)$/;
const BASIS_WORD = /(决算|预算)(数)?$/;
const PURE_BASIS = /^(实际|决算|执行|预算)(支出|数|金额)?$/;

/** Whether a label only says which column ("实际支出", "决算数为"): it continues the sentence's subject. */
export function isPureBasis(label: string): boolean {
  return PURE_BASIS.test(label.replace(/\s+/g, "").replace(FLUFF, ""));
}

// Labels repeat from line to line and report to report ("其中：人员经费", "基本支出"): each is read once.
const CACHE_LIMIT = 20_000;
function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}
// One cache per context: 三公 parts are only read in a 三公 sentence.
const metricCache = { sangong: new Map<string, Metric | null>(), other: new Map<string, Metric | null>() };

/** The metric a label names, trying it with trailing "为", "决算", "预算数" removed. */
export function metricOf(label: string, inSangongContext: boolean): Metric | null {
  // Every metric label ends in one of these words (after 为/决算/预算数): skip the rest without trying each pattern.
  if (!METRIC_WORDS.test(label)) return null;
  return memo(inSangongContext ? metricCache.sangong : metricCache.other, label, () => readMetric(label, inSangongContext));
}

// An annotation in brackets says how a figure is counted ("政府采购金额（以合同签订为准）为"), not what it is.
const ANNOTATION = /[（(](?:以|含|不含|包括|按)[^（）()]*[)）]/g;

function readMetric(label: string, inSangongContext: boolean): Metric | null {
  const base = label.replace(/\s+/g, "").replace(ANNOTATION, "").replace(FLUFF, "");
  // "其他项目支出7.3万元", "其他商品服务支出5.5万元": a remainder line in a list, not the total.
  if (/^其他(?!收入)/.test(base)) return null;
  for (const candidate of [base, base.replace(BASIS_WORD, ""), base.replace(/支出(决算|预算)(数)?$/, "")]) {
    if (candidate === "") continue;
    const hit = METRIC_LABELS.find(([re]) => re.test(candidate));
    if (hit && (!SANGONG_PARTS.has(hit[1]) || inSangongContext)) return hit[1];
  }
  return null;
}

// Fund names contain 预算 but say nothing of budget versus actual.
const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算执行率|预算单位|预算部门/g;

const basisCache = new Map<string, Basis | null>();

/** The basis a stretch of text announces, if any: the last of 预算/安排 (budget) or 决算/实际/执行 (actual). */
export function basisMarker(text: string): Basis | null {
  return memo(basisCache, text, () => readBasis(text));
}

function readBasis(text: string): Basis | null {
  const t = text.replace(FUND_NAMES, "");
  let best: { at: number; basis: Basis } | null = null;
  for (const m of t.matchAll(/决算|实际|执行|完成|预算|安排|计划/g)) {
    const basis: Basis = /决算|实际|执行|完成/.test(m[0]) ? "actual" : "budget";
    if (!best || m.index >= best.at) best = { at: m.index, basis };
  }
  return best?.basis ?? null;
}

const YEAR = /((?:19|20)\d{2})\s*年/g;
// A comparison names the year compared with, not the figures' ("比上年减少1.2万元，其中：公务接待费2.3万元");
// 上年结转 is the fiscal year's income carried over from the year before.
const NOT_THE_YEAR = /(?:比|较|与|同比)\s*(?:上年|上一年|去年|(?:19|20)\d{2}\s*年度?)(?:同期)?|上年结[转余]/g;
const ANY_NOT_THE_YEAR = new RegExp(NOT_THE_YEAR.source);

/** A year named in a label ("2023年终决算…", "上年…"), if it is the fiscal year or the one before. */
export function yearIn(label: string, fiscalYear: number): number | null {
  // Both a year ("2023年") and 上年 contain 年: most stretches of prose have none.
  if (!label.includes("年")) return null;
  const text = ANY_NOT_THE_YEAR.test(label) ? label.replace(NOT_THE_YEAR, "") : label;
  let last: string | undefined;
  for (const m of text.matchAll(YEAR)) last = m[1];
  const y = last !== undefined ? Number(last) : /上年|上一年/.test(text) ? fiscalYear - 1 : null;
  return y !== null && (y === fiscalYear || y === fiscalYear - 1) ? y : null;
}
