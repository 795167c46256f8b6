/** 执行率 as printed against 全年执行数 ÷ 全年预算数. */
import type { FactRow } from "../../schema/tables.ts";
import type { Note } from "../findings.ts";
import { show } from "../numbers.ts";

export function executionRateChecks(facts: readonly FactRow[]): Note[] {
  const get = (metric: string) => facts.find((f) => f.metric === metric);
  const rate = get("execution_rate");
  const final = get("budget_final");
  const executed = get("budget_executed");
  if (!rate || !final || !executed || final.value === 0) return [];
  const computed = (executed.value / final.value) * 100;
  // The printed rate has two decimals at most; allow for its rounding.
  if (Math.abs(computed - rate.value) <= 0.006) return [];
  return [
    {
      rule: "execution_rate",
      severity: Math.abs(computed - rate.value) < 0.1 ? "info" : "error",
      metrics: "execution_rate,budget_executed,budget_final",
      message: `预算执行率印为${show(rate.value)}%（第${rate.source_line}行），按全年执行数${show(executed.value)}万元÷全年预算数${show(final.value)}万元计算为${computed.toFixed(2)}%。`,
      line: rate.source_line,
    },
  ];
}
