/** The 一级指标 summary table of a narrative report (吉首): 一级指标 | 指标分值 | 自评得分 | 得分率, closed by 合计. */
import type { Recognizer, SumClaim, Term } from "../findings.ts";
import { findCell, rowsFrom } from "../grid.ts";
import { parseAmount } from "../numbers.ts";

export const level1ScoreTable: Recognizer = {
  part: "level1_score_table",
  recognize(ctx) {
    const at = findCell(ctx.cells, /^一级指标$/);
    if (at < 0) return null;
    const [header = [], ...rows] = rowsFrom(ctx.cells, at);
    const names = header.map((c) => c.key);
    const wAt = names.findIndex((n) => /分值/.test(n));
    const sAt = names.findIndex((n) => /得分$/.test(n));
    // The same header opens the indicator grid of a 绩效自评表; that one has a 三级指标 column.
    if (wAt < 0 || sAt < 0 || names.includes("三级指标")) return null;
    const weights: Term[] = [];
    const scores: Term[] = [];
    for (const row of rows) {
      const label = (row[0]?.key ?? "");
      const w = row[wAt];
      const s = row[sAt];
      const term = (c: typeof w): Term | null => {
        const v = c ? parseAmount(c.text) : null;
        return c && v !== null ? { label, value: v, line: c.line } : null;
      };
      const tw = term(w);
      const ts = term(s);
      if (/^(合计|总分)$/.test(label)) {
        const sums: SumClaim[] = [];
        if (ts) sums.push({ rule: "score_sum", metrics: "self_score,score", what: "一级指标得分", total: ts, parts: scores });
        if (tw) sums.push({ rule: "weight_sum", metrics: "weight", what: "一级指标分值", total: tw, parts: weights });
        return { sums, fields: ts ? [{ field: "self_score", value: ts.value, line: ts.line, source: "table" }] : [] };
      }
      if (tw) weights.push(tw);
      if (ts) scores.push(ts);
    }
    return null;
  },
};
