/** Totals and their parts among a report's published facts, per basis and year: 支出合计 = 基本支出 + 项目支出 … */
import type { FactRow } from "../../schema/tables.ts";
import type { Metric } from "../../schema/vocab.ts";
import { BASES, FUNCTION_CLASSES, METRICS } from "../../schema/vocab.ts";
import type { SumClaim } from "../findings.ts";

interface Rule {
  rule: string;
  total: Metric;
  /** Each entry is one part; an array is alternatives, the first present is used. */
  parts: (Metric | Metric[])[];
  /** All parts must be printed for the rule to apply (a total need not list every optional source). */
  requireAll: boolean;
  /** A part that stands for several where none of them is printed: 财政拨款收入 for its three sources. */
  instead?: { part: Metric; of: Metric[] };
}

// prettier-ignore
const RULES: Rule[] = [
  { rule: "income_parts_sum", total: "income_total", parts: ["income_carryover", "income_general_budget", "income_gov_fund", "income_state_capital", "income_nontax", "income_superior", "income_business", "income_operating", "income_affiliated", "income_other"], requireAll: false, instead: { part: "income_fiscal", of: ["income_general_budget", "income_gov_fund", "income_state_capital"] } },
  { rule: "spend_parts_sum", total: "spend_total", parts: ["spend_basic", "spend_project"], requireAll: true },
  { rule: "basic_parts_sum", total: "spend_basic", parts: ["spend_personnel", "spend_public"], requireAll: true },
  { rule: "sangong_parts_sum", total: "sangong_total", parts: ["sangong_reception", "sangong_abroad", ["sangong_vehicle", "sangong_vehicle_operation"], ["sangong_vehicle", "sangong_vehicle_purchase"]], requireAll: false },
  { rule: "sangong_vehicle_sum", total: "sangong_vehicle", parts: ["sangong_vehicle_operation", "sangong_vehicle_purchase"], requireAll: false },
  // A 决算's 收入支出决算总表 breaks 本年支出合计 down by function class (类).
  { rule: "function_classes_sum", total: "spend_total", parts: Object.keys(FUNCTION_CLASSES).map((code) => `spend_fn_${code}` as Metric), requireAll: false },
];

/** Sum claims implied by the published facts. */
export function factSumClaims(facts: readonly FactRow[]): SumClaim[] {
  // One map of metric → fact per (basis, year) column, in the order the columns first appear.
  const columns = new Map<string, Map<Metric, FactRow>>();
  for (const f of facts) {
    const col = `${f.basis}|${f.year}`;
    let byMetric = columns.get(col);
    if (!byMetric) columns.set(col, (byMetric = new Map()));
    byMetric.set(f.metric, f);
  }
  return [...columns.values()].flatMap((byMetric) => {
    const at = (m: Metric) => byMetric.get(m);
    return RULES.flatMap((r) => {
      const total = at(r.total);
      if (!total) return [];
      const chosen = r.parts.map((p) => (Array.isArray(p) ? p.map(at).find((x) => x !== undefined) : at(p)));
      const present = [...new Set(chosen.filter((x): x is FactRow => x !== undefined))];
      const standIn = r.instead && !r.instead.of.some(at) ? at(r.instead.part) : undefined;
      if (standIn) present.push(standIn);
      if (present.length === 0 || (r.requireAll && present.length < r.parts.length)) return [];
      return [
        {
          rule: r.rule,
          metrics: [r.total, ...present.map((p) => p.metric)].join(","),
          what: `${METRICS[r.total]}（${total.year}年${BASES[total.basis]}）与${present.map((p) => METRICS[p.metric]).join("、")}`,
          total: { label: METRICS[r.total], value: total.value, line: total.source_line },
          parts: present.map((p) => ({ label: METRICS[p.metric], value: p.value, line: p.source_line })),
        },
      ];
    });
  });
}
