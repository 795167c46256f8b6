/**
 * The form template's 收支情况 tables (临湘, 吉首 layout): 年度收入情况, 年度支出和结余情况, 三公经费, 固定资产.
 * Header cells come first (nested headers flattened), then one row per unit: "局机关及二级机构汇总", "1、局机关" …
 */
import type { Metric } from "../../schema/vocab.ts";
import type { FactCandidate, Findings, Recognizer, ReportContext, SumClaim } from "../findings.ts";
import { bareLabel, findCells, headerPattern, rowOf, rowsFrom } from "../grid.ts";
import type { Cell } from "../lines.ts";
import { tableUnit, toWan, unitConvertedNote, type StatedUnit } from "../money-unit.ts";
import { parseAmount } from "../numbers.ts";

interface ColumnSpec {
  /** Matched against the header label without its annotation ("收入合计（万元）" → "收入合计"). */
  match: RegExp;
  metric: Metric | null;
  /** Position in the data row for nested headers; flat headers keep their printed order. */
  rank?: number;
}

interface TableSpec {
  part: string;
  /** The header cell that finds the table (give or take an annotation, see headerPattern). */
  anchor: RegExp;
  title: string;
  columns: ColumnSpec[];
  /** Header groups that only span other columns ("结余" over 当年结余/累计结余). */
  parents?: RegExp;
}

// prettier-ignore
const TABLES: TableSpec[] = [
  { part: "income_table", anchor: headerPattern("收入合计"), title: "年度收入", columns: [
    { match: /^收入合计$/, metric: "income_total" },
    { match: /上年结转/, metric: "income_carryover" },
    { match: /公共财政拨款|一般公共预算/, metric: "income_general_budget" },
    { match: /政府性?基金/, metric: "income_gov_fund" },
    { match: /国有资本/, metric: "income_state_capital" },
    { match: /非税/, metric: "income_nontax" },
    { match: /^其他(收入)?$/, metric: "income_other" },
  ] },
  { part: "spending_table", anchor: headerPattern("支出合计"), title: "年度支出", parents: /^结余$/, columns: [
    { match: /^支出合计$/, metric: "spend_total", rank: 0 },
    { match: /^基本支出$/, metric: "spend_basic", rank: 1 },
    { match: /^人员(支出|经费)$/, metric: "spend_personnel", rank: 2 },
    { match: /^(日常)?公用(支出|经费)$/, metric: "spend_public", rank: 3 },
    { match: /^项目支出$/, metric: "spend_project", rank: 4 },
    { match: /^当年结余$/, metric: null, rank: 5 },
    { match: /^累计结余$/, metric: null, rank: 6 },
  ] },
  { part: "sangong_table", anchor: headerPattern("三公经费(?:合计)?"), title: "三公经费", columns: [
    { match: /^三公经费(合计)?$/, metric: "sangong_total" },
    { match: /接待/, metric: "sangong_reception" },
    { match: /运行|运维/, metric: "sangong_vehicle_operation" },
    { match: /购置/, metric: "sangong_vehicle_purchase" },
    { match: /出国/, metric: "sangong_abroad" },
  ] },
  { part: "fixed_assets_table", anchor: headerPattern("固定资产(?:合计)?"), title: "固定资产", columns: [
    { match: /^固定资产(合计)?$/, metric: "fixed_assets_total" },
  ] },
];

// The header of the row-label column: 机构名称 in the template, 单位名称 or 部门（单位）名称 in others.
const ROW_HEADER = /^(?:机构|单位|部门|部门[（(]单位[)）]|预算单位)(?:名称)?$/;
// The department's own row ("局机关及二级机构汇总", "合计", "本部门"), and its units' ("1、局机关").
const SUMMARY_LABEL = /汇总|合计|总计|^本部门|^本单位|^全局/;
const NUMBERED = /^\d+[、.．]/;
const SKIP_HEADER = /^(其中[:：]?|)$/;
/** Header rows a table prints under its anchor row (nested headers) before its first data row, at most. */
const HEADER_ROWS = 4;

const isRowHeader = (c: Cell) => ROW_HEADER.test(bareLabel(c.key));

/** A data row: a unit's label, then at least one amount; or a label that names the department or a numbered unit. */
function isDataRow(row: readonly Cell[]): boolean {
  const label = row[0]?.key ?? "";
  if (label === "" || isRowHeader(row[0]!)) return false;
  return SUMMARY_LABEL.test(label) || NUMBERED.test(label) || row.slice(1).some((c) => parseAmount(c.text) !== null);
}

interface Column {
  label: string;
  metric: Metric | null;
}

function headerColumns(spec: TableSpec, header: Cell[]): Column[] {
  const labels = header.filter((c) => !isRowHeader(c)).map((c) => bareLabel(c.key)).filter((t) => !SKIP_HEADER.test(t));
  const cols = labels
    .filter((t) => !(spec.parents?.test(t) ?? false))
    .map((label, i) => {
      const col = spec.columns.find((c) => c.match.test(label));
      return { label, metric: col?.metric ?? null, rank: col?.rank ?? i };
    });
  return cols.sort((a, b) => a.rank - b.rank).map(({ label, metric }) => ({ label, metric }));
}

// The four recognisers read the same report one after the other: its anchors are found once (for the last cells only).
let found: { cells: readonly Cell[]; anchors: (number | undefined)[] } | null = null;

/** Each table's anchor in TABLES order (undefined where absent): a header cell in the row of 机构名称 (ROW_HEADER). */
function anchorsOf(cells: readonly Cell[]): (number | undefined)[] {
  if (found?.cells !== cells) {
    // The 三公 header also appears as a row label in 基础数据表, which has no 机构名称.
    const anchors = TABLES.map((spec) => findCells(cells, spec.anchor).find((i) => rowOf(cells, i).some(isRowHeader)));
    found = { cells, anchors };
  }
  return found.anchors;
}

/**
 * The unit table k states (tableUnit, from its header row to `to`), else the one the form's nearest table above
 * states: the template prints 万元 on the first two titles only (年度收入情况（万元）), for the whole form.
 */
function unitOf(ctx: ReportContext, k: number, to: number): StatedUnit | null {
  const anchors = anchorsOf(ctx.cells);
  const rowStart = (anchor: number) => anchor - rowOf(ctx.cells, anchor).indexOf(ctx.cells[anchor]!);
  const own = tableUnit(ctx, rowStart(anchors[k]!), to);
  if (own) return own;
  const above = anchors.flatMap((a) => (a !== undefined && a < anchors[k]! ? [a] : [])).sort((a, b) => b - a);
  for (const a of above) {
    const stated = tableUnit(ctx, rowStart(a), a + 1);
    if (stated) return stated;
  }
  return null;
}

function readTable(ctx: ReportContext, k: number, anchor: number): Partial<Findings> {
  const spec = TABLES[k]!;
  const rows = rowsFrom(ctx.cells, anchor);
  const firstData = rows.slice(1, 1 + HEADER_ROWS).findIndex(isDataRow) + 1;
  // No data row: the table prints none, or the text stops after its header (the truncation check says so).
  if (firstData === 0) return {};
  const header = rows.slice(0, firstData).flat();
  const start = header.findIndex(isRowHeader);
  const columns = headerColumns(spec, start >= 0 ? header.slice(start) : header);
  const dataRows: Cell[][] = [];
  for (const row of rows.slice(firstData)) {
    if (!isDataRow(row)) break;
    dataRows.push(row);
  }
  // The first row is the department's own when it says so, or is the only one; numbered rows without it are its
  // units, whose sum the table does not print.
  const [first, ...rest] = dataRows;
  const own = first && (SUMMARY_LABEL.test(first[0]?.key ?? "") || rest.length === 0 || !NUMBERED.test(first[0]?.key ?? ""));
  if (!first || !own) return {};
  const summary = first;
  const units = rest;
  const stated = unitOf(ctx, k, ctx.cells.indexOf(summary[0]!));
  const unit = stated?.unit ?? "万元";
  const amount = (c: Cell | undefined) => {
    const v = c ? parseAmount(c.text) : null;
    return v === null ? null : toWan(v, unit);
  };
  const facts: FactCandidate[] = [];
  const sums: SumClaim[] = [];
  columns.forEach((col, i) => {
    const cell = summary[i + 1];
    const value = amount(cell);
    if (!cell || value === null) return;
    if (col.metric) {
      facts.push({ metric: col.metric, basis: "actual", year: ctx.fiscalYear, value, unit: "万元", line: cell.line, source: "table", scope: "all" });
    }
    const parts = units.flatMap((u) => {
      const c = u[i + 1];
      const v = amount(c);
      return c && v !== null ? [{ label: (u[0]?.key ?? ""), value: v, line: c.line }] : [];
    });
    if (col.metric && parts.length > 0) {
      sums.push({
        rule: "unit_rows_sum",
        metrics: col.metric,
        what: `${spec.title}表“${col.label}”列各单位`,
        total: { label: summary[0]?.key ?? "汇总", value, line: cell.line },
        parts,
      });
    }
  });
  const notes = stated && unit !== "万元" && facts.length > 0 ? [unitConvertedNote(stated, `${spec.title}表`, facts.map((f) => f.metric).join(","))] : [];
  return { facts, sums, notes };
}

/** One recogniser per 收支情况 table kind. */
export const formTables: Recognizer[] = TABLES.map((spec, k) => ({
  part: spec.part,
  recognize(ctx) {
    const anchor = anchorsOf(ctx.cells)[k];
    return anchor === undefined ? null : readTable(ctx, k, anchor);
  },
}));
