/**
 * A 部门决算's 财政拨款“三公”经费支出决算表 (a 部门预算's 三公 table alike): one row of 预算数 / 决算数 pairs, in the
 * order its header prints the categories: 合计, 因公出国（境）费, 公务用车购置及运行（维护）费 (小计, 购置费, 运行费),
 * 公务接待费. The template leaves a zero blank: a blank cell in a row that prints a figure is 0, and a table with no
 * figures under a note that the department had no 三公 spending ("无“三公”经费…支出") is 0 in every cell.
 */
import type { Basis, Metric } from "../../schema/vocab.ts";
import { accountsTable } from "../accounts-table.ts";
import type { FactCandidate, Findings, Note, Recognizer } from "../findings.ts";
import type { Cell } from "../lines.ts";
import { parseAmount } from "../numbers.ts";

const TITLE = /“?三公”?经费(?:财政拨款)?支出(?:决算|预算)(?:情况)?表$|^(?:部门)?“三公”经费(?:预算|决算)?表$/;
// prettier-ignore
const CATEGORIES: [RegExp, Metric][] = [
  [/^合计$/, "sangong_total"],
  [/^因公出国[（(]境[)）]费(?:用)?$/, "sangong_abroad"],
  [/^公务用车购置及运行(?:维护)?费$/, "sangong_vehicle"],
  [/^小计$/, "sangong_vehicle"],
  [/^公务用车购置费?$/, "sangong_vehicle_purchase"],
  [/^公务用车运行(?:维护)?费$/, "sangong_vehicle_operation"],
  [/^公务接待费$/, "sangong_reception"],
];
const PAIR = /^(预算数|决算数|预算|决算|执行数)$/;
const NONE = /无[“"]?三公[”"]?经费|没有[^。]{0,12}[“"]?三公[”"]?经费/;

/** The categories in the order of their pairs: a 小计 stands for its parent 公务用车 column. */
function leaves(header: readonly Cell[]): Metric[] {
  const found = header.flatMap((c) => CATEGORIES.find(([re]) => re.test(c.key))?.[1] ?? []);
  const split = found.includes("sangong_vehicle_purchase") || found.includes("sangong_vehicle_operation");
  const out: Metric[] = [];
  // The parent's label comes in the first header row, its children (小计, 购置费, 运行费) in the next.
  for (const m of found.filter((m, i) => found.indexOf(m) === i)) {
    if (m === "sangong_vehicle" && split) out.push("sangong_vehicle", ...found.filter((x) => x === "sangong_vehicle_purchase" || x === "sangong_vehicle_operation"));
    else if (m !== "sangong_vehicle_purchase" && m !== "sangong_vehicle_operation") out.push(m);
  }
  return out;
}

/** The budget row of a 部门预算's 三公 table: its figures in the order of the categories (blanks are 0, as in a 决算). */
function budgetOnly(cells: readonly Cell[], year: number, titleLine: number): Partial<Findings> {
  const first = cells.findIndex((c) => parseAmount(c.key) !== null);
  if (first < 0) return { notes: [] };
  const cats = leaves(cells.slice(0, first));
  const values = cells.slice(first, first + cats.length);
  if (cats.length === 0 || values.length !== cats.length) {
    const message = `三公经费表（第${titleLine}行）表头有${cats.length}类、${values.length}个预算数，对不上，未采用。`;
    return { notes: [{ rule: "row_misaligned", severity: "warning", metrics: "sangong_total", message, line: titleLine }] };
  }
  const facts: FactCandidate[] = values.map((c, i) => ({ metric: cats[i]!, basis: "budget", year, value: parseAmount(c.key) ?? 0, unit: "万元", line: c.line, source: "table", scope: "all" }));
  return { facts };
}

export const accountsSangong: Recognizer = {
  part: "accounts_sangong",
  recognize(ctx) {
    const table = accountsTable(ctx, TITLE);
    if (!table) return null;
    const cells = table.rows.flat();
    const pairsAt = cells.findIndex((c) => PAIR.test(c.key));
    // A 部门预算's table prints the budget only: one figure a category, no 预算数/决算数 row.
    if (pairsAt < 0) return table.basis === "budget" ? budgetOnly(cells, ctx.fiscalYear, table.title.n) : { notes: [] };
    const pairsEnd = cells.findIndex((c, i) => i > pairsAt && !PAIR.test(c.key));
    const pairCells = cells.slice(pairsAt, pairsEnd < 0 ? cells.length : pairsEnd);
    const cats = leaves(cells.slice(0, pairsAt));
    const basisOf = (c: Cell): Basis => (/预算/.test(c.key) ? "budget" : "actual");
    const valueRow = cells.slice(pairsAt + pairCells.length, pairsAt + 2 * pairCells.length);
    const printed = valueRow.some((c) => parseAmount(c.key) !== null);
    const noteLine = ctx.lines.slice(table.title.n, table.title.n + 80).find((l) => NONE.test(l.text));
    if (cats.length * 2 !== pairCells.length) {
      const message = `三公经费表（第${table.title.n}行）表头有${cats.length}类、${pairCells.length}列预算数/决算数，对不上，未采用。`;
      const note: Note = { rule: "row_misaligned", severity: "warning", metrics: "sangong_total", message, line: table.title.n };
      return { notes: [note] };
    }
    if (!printed && !noteLine) return { notes: [] };
    const facts: FactCandidate[] = pairCells.map((p, i) => {
      const cell = valueRow[i];
      const value = printed ? (parseAmount(cell?.key ?? "") ?? 0) : 0;
      const line = printed && cell ? cell.line : noteLine!.n;
      return { metric: cats[Math.floor(i / 2)]!, basis: basisOf(p), year: ctx.fiscalYear, value, unit: "万元", line, source: "table", scope: "all" };
    });
    return { facts };
  },
};
