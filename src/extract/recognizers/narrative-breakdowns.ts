/**
 * Breakdowns in prose: "工资福利支出337.20万元，主要用于工资…225.42万元，…职业年金缴费支出27.03万元；" or
 * "整体支出5394.86万元，其中，一般公共预算支出3173.85万元，…". The items up to the end of the clause should add
 * up to the figure they break down.
 */
import type { Recognizer, SumClaim } from "../findings.ts";
import { metricOf } from "../narrative-terms.ts";

// Sticky: tried at the end of a figure without copying the rest of the line.
const OPENS = /\s*[，,。]?\s*(?:其中[:：，,]?|主要用于|主要包括)/y;
const opensAt = (text: string, at: number) => {
  OPENS.lastIndex = at;
  return OPENS.test(text);
};
// "基本支出中人员经费781.88万元" opens a nested breakdown: the outer one ends there.
const NESTED = /(支出|经费|收入)中/;

export const narrativeBreakdowns: Recognizer = {
  part: "narrative_breakdowns",
  recognize(ctx) {
    const sums: SumClaim[] = [];
    for (const { line, terms: all } of ctx.prose) {
      const terms = all.filter((t) => t.unit === "万元");
      terms.forEach((head, i) => {
        if (!opensAt(line.text, head.end)) return;
        const items = [];
        for (const t of terms.slice(i + 1)) {
          const between = line.text.slice(items.at(-1)?.end ?? head.end, t.at);
          if (/[。；;]/.test(between.replace(/^\s*。\s*其中/, "")) || NESTED.test(t.label) || opensAt(line.text, t.end)) break;
          items.push(t);
        }
        if (items.length < 2) return;
        sums.push({
          rule: "prose_items_sum",
          metrics: metricOf(head.label, true) ?? "breakdown",
          what: `第${line.n}行“${head.label.replace(/\s+/g, "").replace(/(为|是)$/, "")}”及其分项`,
          total: { label: head.label, value: head.value, line: line.n },
          parts: items.map((t) => ({ label: t.label, value: t.value, line: line.n })),
        });
      });
    }
    return sums.length > 0 ? { sums } : null;
  },
};
