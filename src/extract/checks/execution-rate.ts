/** 执行率 as printed against 全年执行数 ÷ 全年预算数. */
import type { FactRow } from "../../schema/tables.ts";
import type { Note } from "../findings.ts";
import { show } from "../numbers.ts";

/** A printed 执行率 that is not 全年执行数 ÷ 全年预算数 (allowing for two-decimal rounding). */
export function rateMismatch(what: string, rate: number, line: number, executed: number, final: number): Note | null {
  if (final === 0) return null;
  const computed = (executed / final) * 100;
  const diff = Math.abs(computed - rate);
  if (diff <= 0.006) return null;
  return {
    rule: "execution_rate",
    severity: diff < 0.1 ? "info" : "error",
    metrics: "execution_rate,budget_executed,budget_final",
    message: `${what}执行率印为${show(rate)}%（第${line}行），按全年执行数${show(executed)}万元÷全年预算数${show(final)}万元计算为${computed.toFixed(2)}%。`,
    line,
  };
}

/** The department's 预算执行率 against its funds facts. */
export function executionRateChecks(facts: readonly FactRow[]): Note[] {
  const get = (metric: string) => facts.find((f) => f.metric === metric);
  const rate = get("execution_rate");
  const final = get("budget_final");
  const executed = get("budget_executed");
  if (!rate || !final || !executed) return [];
  const note = rateMismatch("部门整体预算", rate.value, rate.source_line, executed.value, final.value);
  return note ? [note] : [];
}
