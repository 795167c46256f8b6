/**
 * Breakdowns in prose: "工资福利支出337.20万元，主要用于工资…225.42万元，…职业年金缴费支出27.03万元；" or
 * "整体支出5394.86万元，其中，一般公共预算支出3173.85万元，…". The items up to the end of the clause should add
 * up to the figure they break down; an item's own breakdown in brackets ("基本支出1123.45万元（人员经费986.12万元，
 * 公用经费137.33万元）") adds up to that item, and is not counted among the outer items.
 */
import type { MoneyTerm } from "../narrative-terms.ts";
import type { Recognizer, SumClaim } from "../findings.ts";
import type { Line } from "../lines.ts";
import { metricOf } from "../narrative-terms.ts";

// Sticky: tried at the end of a figure without copying the rest of the line.
const OPENS = /\s*[，,。]?\s*(?:其中[:：，,]?|主要用于|主要包括)/y;
const opensAt = (text: string, at: number) => {
  OPENS.lastIndex = at;
  return OPENS.test(text);
};
// "基本支出中人员经费781.88万元" opens a nested breakdown: the outer one ends there.
const NESTED = /(支出|经费|收入)中/;
// An item's own breakdown opens right after it: "1123.45万元（人员经费…".
const BRACKET_OPENS = /\s*[（(]/y;
const ENDS_CLAUSE = /[。；;]/;
// Brackets that compare ("（上年为90万元，增加10万元）") hold no breakdown.
const COMPARES = /上年|去年|同期|同比|增加|减少|增长|下降|较|比|(?:19|20)\d{2}/;

/** Each position's depth in brackets (an unmatched closing bracket counts for nothing). */
function bracketDepths(text: string): Uint8Array {
  const depths = new Uint8Array(text.length + 1);
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "（" || c === "(") depth = Math.min(depth + 1, 255);
    depths[k] = depth;
    if ((c === "）" || c === ")") && depth > 0) depth -= 1;
  }
  depths[text.length] = depth;
  return depths;
}

const claim = (line: Line, head: MoneyTerm, items: readonly MoneyTerm[]): SumClaim => ({
  rule: "prose_items_sum",
  metrics: metricOf(head.label, true) ?? "breakdown",
  what: `第${line.n}行“${head.label.replace(/\s+/g, "").replace(/^其中[:：，,]?/, "").replace(/(为|是)$/, "")}”及其分项`,
  total: { label: head.label, value: head.value, line: line.n },
  parts: items.map((t) => ({ label: t.label, value: t.value, line: line.n })),
});

/**
 * The items of the breakdown `head` opens: its list ("其中…"), or its brackets right after it. Only figures at the
 * list's own depth in brackets are its items; a clause's end at that depth ends it.
 */
function itemsOf(text: string, depths: Uint8Array, head: MoneyTerm, later: readonly MoneyTerm[], bracketAt: number | null): MoneyTerm[] {
  const level = depths[head.at]! + (bracketAt === null ? 0 : 1);
  const items: MoneyTerm[] = [];
  // "…万元。其中：…" opens the list past its full stop.
  let from = bracketAt ?? head.end + (/^\s*。\s*(?=其中)/.exec(text.slice(head.end))?.[0].length ?? 0);
  for (const t of later) {
    for (let k = from; k < t.at; k++) if (depths[k]! < level || (depths[k] === level && ENDS_CLAUSE.test(text[k]!))) return items;
    from = t.end;
    if (depths[t.at]! > level) continue;
    if (NESTED.test(t.label) || opensAt(text, t.end)) break;
    items.push(t);
  }
  return items;
}

export const narrativeBreakdowns: Recognizer = {
  part: "narrative_breakdowns",
  recognize(ctx) {
    const sums: SumClaim[] = [];
    for (const { line, terms: all } of ctx.prose) {
      const terms = all.filter((t) => t.unit === "万元");
      const depths = bracketDepths(line.text);
      terms.forEach((head, i) => {
        const later = terms.slice(i + 1);
        BRACKET_OPENS.lastIndex = head.end;
        const inBrackets = BRACKET_OPENS.test(line.text) ? itemsOf(line.text, depths, head, later, BRACKET_OPENS.lastIndex - 1) : [];
        const listed = opensAt(line.text, head.end) ? itemsOf(line.text, depths, head, later, null) : [];
        if (inBrackets.length >= 2 && !inBrackets.some((t) => COMPARES.test(t.label))) sums.push(claim(line, head, inBrackets));
        if (listed.length >= 2) sums.push(claim(line, head, listed));
      });
    }
    return sums.length > 0 ? { sums } : null;
  },
};
