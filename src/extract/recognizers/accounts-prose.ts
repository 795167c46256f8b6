/**
 * The figures a 部门决算's 情况说明 states in the template's own sentences, beyond the money prose reads
 * (narrative-money reads 本年收入合计, 三公, 机关运行经费, 政府采购): the 预算绩效管理情况 (projects with 绩效目标,
 * self-evaluated projects, their amounts and average score) and the 国有资产 count of vehicles.
 */
import type { Metric } from "../../schema/vocab.ts";
import type { FactCandidate, Recognizer } from "../findings.ts";

interface Statement {
  re: RegExp;
  /** The metric and unit of each captured number, in order. */
  captures: [Metric, string][];
}

// prettier-ignore
const STATEMENTS: Statement[] = [
  { re: /编报绩效目标的[^，。；]{0,12}?项目\s*(\d+)\s*个[，,]\s*涉及(?:预算)?金额\s*(\d+(?:\.\d+)?)\s*万元/, captures: [["perf_target_projects", "个"], ["perf_target_amount", "万元"]] },
  { re: /绩效自评的[^，。；]{0,12}?项目\s*(\d+)\s*个[，,]\s*涉及(?:预算)?金额\s*(\d+(?:\.\d+)?)\s*万元(?:[，,]\s*平均得分\s*(\d+(?:\.\d+)?)\s*分)?/, captures: [["perf_self_eval_projects", "个"], ["perf_self_eval_amount", "万元"], ["perf_self_eval_score", "分"]] },
  { re: /共有车辆\s*(\d+)\s*辆/, captures: [["vehicles", "辆"]] },
];

export const accountsProse: Recognizer = {
  part: "accounts_prose",
  recognize(ctx) {
    if (ctx.kind !== "final_accounts" && ctx.kind !== "budget") return null;
    const facts: FactCandidate[] = [];
    for (const line of ctx.lines) {
      if (line.raw.startsWith("\t") || !/项目|车辆/.test(line.text)) continue;
      for (const { re, captures } of STATEMENTS) {
        const m = re.exec(line.text);
        if (!m) continue;
        captures.forEach(([metric, unit], i) => {
          const raw = m[i + 1];
          if (raw !== undefined) facts.push({ metric, basis: "actual", year: ctx.fiscalYear, value: Number(raw), unit, line: line.n, source: "narrative", scope: "all" });
        });
      }
    }
    return facts.length > 0 ? { facts } : null;
  },
};
