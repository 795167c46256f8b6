/**
 * A 部门决算's 收入支出决算总表 (or a 部门预算's 收支总表): income by source on the left, spending by function
 * class (支出功能分类, 类) on the right, each row "label | amount | label | amount"; 本年收入合计 / 本年支出合计,
 * 年初 / 年末结转和结余 and 总计. A blank cell is a figure the table does not print.
 */
import { FUNCTION_CLASSES, type FunctionClass, type Metric } from "../../schema/vocab.ts";
import { accountsTable } from "../accounts-table.ts";
import type { FactCandidate, Recognizer } from "../findings.ts";
import { parseAmount } from "../numbers.ts";

// The whole department's table, not 财政拨款收入支出决算总表 (one source of funds); a title may name the department first.
const TITLE = /^(?!.*财政拨款).*(?:收入支出(?:决算|预算)总表|收支(?:决算|预算)?总表)$/;
const ENUMERATOR = /^[一二三四五六七八九十]+[、.．]/;

// Labels as the template prints them, matched from their start: a PDF may run two rows' labels together
// ("本年收入合计使用非财政拨款结余（含专用结余）").
// prettier-ignore
const LABELS: [RegExp, Metric][] = [
  [/^一般公共预算(?:财政)?拨款(?:收入)?/, "income_general_budget"],
  [/^政府性基金预算(?:财政)?拨款(?:收入)?/, "income_gov_fund"],
  [/^国有资本经营预算(?:财政)?拨款(?:收入)?/, "income_state_capital"],
  [/^上级补助收入/, "income_superior"],
  [/^事业收入/, "income_business"],
  [/^经营收入/, "income_operating"],
  [/^附属单位上缴收入/, "income_affiliated"],
  [/^其他收入/, "income_other"],
  [/^本年收入合计|^收入合计|^收入总计/, "income_total"],
  [/^本年支出合计|^支出合计|^支出总计/, "spend_total"],
  [/^年初结转和结余|^上年结转(?:结余)?/, "carryover_begin"],
  [/^年末结转和结余/, "carryover_end"],
  [/^总计$/, "grand_total"],
];
const CLASS_BY_NAME = new Map<string, FunctionClass>(
  (Object.entries(FUNCTION_CLASSES) as [FunctionClass, readonly string[]][]).flatMap(([code, names]) => names.map((n) => [n, code] as [string, FunctionClass])),
);

/** The metric a row label names: a source of income, a total, or a function class of spending. */
export function summaryMetric(label: string): Metric | null {
  const name = label.replace(ENUMERATOR, "").replace(/[（(]类[)）]$/, "");
  const code = CLASS_BY_NAME.get(name);
  if (code) return `spend_fn_${code}`;
  return LABELS.find(([re]) => re.test(name))?.[1] ?? null;
}

export const accountsSummary: Recognizer = {
  part: "accounts_summary",
  recognize(ctx) {
    const table = accountsTable(ctx, TITLE);
    if (!table) return null;
    const facts: FactCandidate[] = [];
    for (const row of table.rows) {
      // Each label is followed by its amount: "一、一般公共预算财政拨款收入 | 2,940.05 | 一、一般公共服务支出 | 2,106.66".
      row.forEach((cell, i) => {
        const metric = cell.key === "" || parseAmount(cell.key) !== null ? null : summaryMetric(cell.key);
        const value = metric ? parseAmount(row[i + 1]?.key ?? "") : null;
        if (!metric || value === null) return;
        facts.push({ metric, basis: table.basis, year: ctx.fiscalYear, value, unit: "万元", line: row[i + 1]!.line, source: "table", scope: "all" });
      });
    }
    return facts.length > 0 ? { facts } : { notes: [] };
  },
};
