/** Evaluates "these parts add up to that total" claims; a claim that does not hold becomes a check. */
import type { FactRow } from "../../schema/tables.ts";
import type { FactRef, Note, SumClaim, Term } from "../findings.ts";
import { show, sum } from "../numbers.ts";

// Differences this small come from rounding each item to two decimals.
const ROUNDING = 0.1;

const isTerm = (t: Term | FactRef): t is Term => "value" in t;

/** The published fact a claim refers to, as a term. */
function resolve(total: Term | FactRef, facts: readonly FactRow[]): Term | null {
  if (isTerm(total)) return total;
  const f = facts.find((x) => x.metric === total.metric && x.basis === total.basis && x.year === total.year);
  return f ? { label: "", value: f.value, line: f.source_line } : null;
}

/** One check per claim whose parts do not add up to its total. */
export function sumClaimChecks(claims: readonly SumClaim[], facts: readonly FactRow[]): Note[] {
  return claims.flatMap((claim) => {
    const total = resolve(claim.total, facts);
    if (!total || claim.parts.length === 0) return [];
    const added = sum(claim.parts.map((p) => p.value));
    const diff = Math.abs(added - total.value);
    if (diff < 1e-9) return [];
    const lines = [...new Set(claim.parts.map((p) => p.line))];
    const where = lines.length === 1 ? `第${lines[0]}行` : `第${Math.min(...lines)}–${Math.max(...lines)}行`;
    const crossTable = !isTerm(claim.total);
    const unit = /score|weight/.test(claim.rule) ? "分" : "万元";
    return [
      {
        rule: claim.rule,
        severity: diff < ROUNDING ? "info" : crossTable ? "warning" : "error",
        metrics: claim.metrics,
        message: `${claim.what}：合计为${show(total.value)}${unit}（第${total.line}行），${claim.parts.length}项（${where}）相加为${show(added)}${unit}，相差${show(diff)}${unit}${diff < ROUNDING ? "，可能是四舍五入所致" : ""}。`,
        line: total.line,
      },
    ];
  });
}
