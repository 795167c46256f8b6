/**
 * A 部门决算's 收入决算表 and 支出决算表 by their 合计 row (本年收入合计 by source; 本年支出合计 = 基本支出 + 项目支出
 * + …), and its 一般公共预算财政拨款基本支出决算表's 人员经费合计 and 公用经费合计. (A 部门预算 prints the same
 * tables as 部门收入总表 / 部门支出总表, their figures the budget.)
 */
import type { Metric } from "../../schema/vocab.ts";
import { accountsTable, type AccountsTable } from "../accounts-table.ts";
import type { FactCandidate, Recognizer, ReportContext } from "../findings.ts";
import type { Cell } from "../lines.ts";
import { parseAmount } from "../numbers.ts";

interface TotalsSpec {
  title: RegExp;
  columns: [RegExp, Metric][];
}

// prettier-ignore
const TOTALS: TotalsSpec[] = [
  { title: /^(?!.*(?:财政拨款|收支|收入支出)).*收入(?:决算|预算)?总?表$/, columns: [
    [/^本年收入合计$|^收入合计$|^合计$/, "income_total"],
    [/^财政拨款收入$/, "income_fiscal"],
    [/^上级补助收入$/, "income_superior"],
    [/^事业收入$/, "income_business"],
    [/^经营收入$/, "income_operating"],
    [/^附属单位上缴收入$/, "income_affiliated"],
    [/^其他收入$/, "income_other"],
  ] },
  { title: /^(?!.*(?:财政拨款|收支|收入|三公|基本支出|项目支出)).*支出(?:决算|预算)?总?表$/, columns: [
    [/^本年支出合计$|^支出合计$|^合计$/, "spend_total"],
    [/^基本支出$/, "spend_basic"],
    [/^项目支出$/, "spend_project"],
    [/^上缴上级支出$/, "spend_superior"],
    [/^经营支出$/, "spend_operating"],
    [/^对附属单位补助支出$/, "spend_affiliated"],
  ] },
];
const BASIC_TITLE = /一般公共预算财政拨款基本支出(?:决算|预算)(?:明细)?表$/;
const BASIC_TOTALS: [RegExp, Metric][] = [
  [/^人员经费(?:合计)?$/, "spend_personnel"],
  [/^公用经费(?:合计)?$/, "spend_public"],
];

/** The amounts after a table's 合计 cell, under its money columns in the order its header prints them. */
function totalsRow(table: AccountsTable, spec: TotalsSpec, ctx: ReportContext): FactCandidate[] {
  const cells = table.rows.flat();
  // The 合计 row's label, followed by an amount (a header may name its total column 合计 too).
  const at = cells.findIndex((c, i) => c.key === "合计" && parseAmount(cells[i + 1]?.key ?? "") !== null);
  if (at < 0) return [];
  const header = cells.slice(0, at).flatMap((c) => spec.columns.find(([re]) => re.test(c.key))?.[1] ?? []);
  const values: Cell[] = [];
  for (const c of cells.slice(at + 1)) {
    if (c.key !== "" && parseAmount(c.key) === null) break;
    values.push(c);
  }
  return header.flatMap((metric, i) => {
    const value = parseAmount(values[i]?.key ?? "");
    return value === null ? [] : [{ metric, basis: table.basis, year: ctx.fiscalYear, value, unit: "万元", line: values[i]!.line, source: "table" as const, scope: "all" as const }];
  });
}

export const accountsTotals: Recognizer = {
  part: "accounts_totals",
  recognize(ctx) {
    const facts: FactCandidate[] = [];
    let found = false;
    for (const spec of TOTALS) {
      const table = accountsTable(ctx, spec.title);
      if (!table) continue;
      found = true;
      facts.push(...totalsRow(table, spec, ctx));
    }
    // 人员经费合计 | 2,152.26 | 公用经费合计 | 184.65: each total next to its label. These are the template's only
    // split of basic spending; it is the 一般公共预算 share, all of it where the department has no other funds.
    const basic = accountsTable(ctx, BASIC_TITLE);
    if (basic) {
      found = true;
      for (const row of basic.rows) {
        row.forEach((cell, i) => {
          const metric = BASIC_TOTALS.find(([re]) => re.test(cell.key))?.[1];
          const value = metric ? parseAmount(row[i + 1]?.key ?? "") : null;
          if (metric && value !== null) facts.push({ metric, basis: basic.basis, year: ctx.fiscalYear, value, unit: "万元", line: row[i + 1]!.line, source: "table", scope: "all" });
        });
      }
    }
    return found ? { facts } : null;
  },
};
