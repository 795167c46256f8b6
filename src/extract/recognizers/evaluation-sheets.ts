/**
 * 部门整体支出绩效自评表 and 项目支出绩效自评表 (附件2, 附件3): the funds row (年初预算数 / 全年预算数 / 全年执行数 /
 * 分值 / 执行率 / 得分), the funding breakdown, the indicator grid and its 总分 row. A report may hold several project sheets.
 */
import type { Basis, Metric } from "../../schema/vocab.ts";
import { rateMismatch } from "../checks/execution-rate.ts";
import type { FactCandidate, FieldCandidate, Findings, Note, ProjectCandidate, Recognizer, ReportContext, SumClaim, Term } from "../findings.ts";
import { findCell, findCells, headerPattern, rowOf, rowsFrom, valueAfter } from "../grid.ts";
import type { Cell } from "../lines.ts";
import { tableUnit, toWan, unitConvertedNote, type MoneyUnit } from "../money-unit.ts";
import { parseAmount, parsePercent, sum } from "../numbers.ts";
import { readFlowingGrid } from "./flowing-grid.ts";
import { readIndicatorGrid } from "./indicator-grid.ts";

// The funds row: 年度资金总额 in the national form, 资金总额 or 总额 in the provinces' (Sichuan's 预算执行情况 | 总额).
const FUNDS = headerPattern("年度资金总额|资金总额|总额");
const PROJECT_NAME = headerPattern("项目支?出?名称");
const INDICATOR_HEADER = headerPattern("三级指标");
const FUND_COLUMNS: { match: RegExp; key: "initial" | "final" | "executed" | "weight" | "rate" | "score" }[] = [
  { match: headerPattern("年初预算数?"), key: "initial" },
  { match: headerPattern("全年预算数|调整后?预算数"), key: "final" },
  { match: headerPattern("全年执行数|预算执行数|实际执行数"), key: "executed" },
  { match: headerPattern("分值|权重"), key: "weight" },
  { match: headerPattern("(?:预算)?执行率"), key: "rate" },
  { match: headerPattern("(?:自评)?得分"), key: "score" },
];
// "其中：一般公共预算：347.73", "项目支出：1.21", "纳入专户管理的非税收入拨款：5"
// The national template's wording too: "政府性基金：", "国有资本经营：".
const BREAKDOWN = /^(?:其中[:：])?(按收入性质分|按支出性质分|一般公共预算|政府性基金(?:拨款|预算)?|国有资本经营(?:预算)?|纳入专户管理的非税收入拨款|其他资金|基本支出|项目支出)[:：](\d+(?:\.\d+)?)$/;
const BREAKDOWN_METRIC: Record<string, Metric> = {
  按收入性质分: "income_total",
  按支出性质分: "spend_total",
  一般公共预算: "income_general_budget",
  政府性基金拨款: "income_gov_fund",
  政府性基金: "income_gov_fund",
  政府性基金预算: "income_gov_fund",
  国有资本经营预算: "income_state_capital",
  国有资本经营: "income_state_capital",
  纳入专户管理的非税收入拨款: "income_nontax",
  其他资金: "income_other",
  基本支出: "spend_basic",
  项目支出: "spend_project",
};

type FundKey = (typeof FUND_COLUMNS)[number]["key"];
const MONEY_KEYS = new Set<FundKey>(["initial", "final", "executed"]);

/** The funds row's header rows start at most this many cells before its 年度资金总额 cell. */
const FUNDS_HEADER_CELLS = 12;

const isPercent = (c: Cell) => /[%％]$/.test(c.key);

/**
 * The header keys a row printed on one line fills, where its empty cells were lost with the spaces between them
 * ("年度资金总额: 880 880 880 10 10" under six columns): the one way to leave out as many columns as are missing
 * that puts a percentage under 执行率 and nothing else there. Null when no one way does.
 */
function alignLost(keys: readonly FundKey[], values: readonly Cell[]): FundKey[] | null {
  const missing = keys.length - values.length;
  const fits: FundKey[][] = [];
  const choose = (from: number, left: number, dropped: number[]) => {
    if (left === 0) {
      const kept = keys.filter((_, i) => !dropped.includes(i));
      if (kept.every((k, i) => (k === "rate") === isPercent(values[i]!))) fits.push(kept);
      return;
    }
    for (let i = from; i < keys.length; i++) choose(i + 1, left - 1, [...dropped, i]);
  };
  choose(0, missing, []);
  return fits.length === 1 ? fits[0]! : null;
}

function fundsRow(cells: readonly Cell[], anchor: number): { cells: Partial<Record<FundKey, Cell>>; misaligned: Note | null } {
  const rows = rowsFrom(cells, Math.max(0, anchor - FUNDS_HEADER_CELLS), anchor + 1);
  const headerCells = rows.slice(0, -1).flat();
  const keys = headerCells.flatMap((c) => FUND_COLUMNS.find((f) => f.match.test(c.key))?.key ?? []);
  const row = rowOf(cells, anchor);
  const values = row.slice(row.findIndex((c) => FUNDS.test(c.key)) + 1);
  const line = cells[anchor]!.line;
  // Only a row printed on one line between spaces loses its empty cells; a Word or PDF row keeps them.
  const onOneLine = row.every((c) => c.line === line) && values.every((c) => c.key !== "");
  let used = keys;
  if (onOneLine && values.length < keys.length) {
    const aligned = alignLost(keys, values);
    if (!aligned) {
      const message = `第${line}行资金行印有${values.length}个数，表头有${keys.length}列，空格分隔的行丢失了空单元格，无法确定各数所属的列，未采用。`;
      return { cells: {}, misaligned: { rule: "row_misaligned", severity: "warning", metrics: "budget_final,budget_executed", message, line } };
    }
    used = aligned;
  }
  return { cells: Object.fromEntries(used.map((k, i) => [k, values[i]]).filter(([, c]) => c !== undefined)), misaligned: null };
}

function breakdown(ctx: ReportContext, from: number, to: number, funds: { final: number | null; executed: number | null }, unit: MoneyUnit): FactCandidate[] {
  const found = ctx.cells.slice(from, to).flatMap((c) => {
    const m = BREAKDOWN.exec(c.key);
    const metric = m?.[1] ? BREAKDOWN_METRIC[m[1]] : undefined;
    return metric && m?.[2] ? [{ metric, value: toWan(Number(m[2]), unit), line: c.line }] : [];
  });
  // The breakdown does not say which column it splits: it is execution when its parts add up to 全年执行数.
  const side = (income: boolean) => found.filter((f) => f.metric.startsWith("income_") === income);
  const isTotal = (m: Metric) => m === "income_total" || m === "spend_total";
  const basisOf = (parts: typeof found): Basis =>
    funds.executed !== null && sum(parts.filter((p) => !isTotal(p.metric)).map((p) => p.value)) === funds.executed ? "actual" : "budget";
  return [true, false].flatMap((income) => {
    const parts = side(income);
    const basis = basisOf(parts);
    return parts.map((p) => ({ ...p, basis, year: ctx.fiscalYear, unit: "万元", source: "table" as const, scope: "all" as const }));
  });
}

function readSheet(ctx: ReportContext, start: number, anchor: number, end: number): Partial<Findings> {
  const nameAt = findCell(ctx.cells, PROJECT_NAME, start, anchor);
  const kind = nameAt >= 0 ? "project" : "overall";
  const project = nameAt >= 0 ? (valueAfter(ctx.cells, nameAt)?.text.trim() ?? null) : null;
  const what = kind === "project" ? `项目“${project}”绩效自评表` : "部门整体支出绩效自评表";
  const { cells, misaligned } = fundsRow(ctx.cells, anchor);
  // From the sheet's name row, or its funds header where the sheet starts earlier (a template without a name row).
  const stated = tableUnit(ctx, Math.max(start, anchor - FUNDS_HEADER_CELLS), anchor + 1);
  const unit = stated?.unit ?? "万元";
  const num = (k: FundKey) => {
    const v = cells[k] ? parseAmount(cells[k].text) : null;
    // 分值, 执行率 and 得分 are no amounts.
    return v !== null && MONEY_KEYS.has(k) ? toWan(v, unit) : v;
  };
  const facts: FactCandidate[] = [];
  const projects: ProjectCandidate[] = [];
  const fields: FieldCandidate[] = [];
  const sums: SumClaim[] = [];
  const notes: Note[] = misaligned ? [misaligned] : [];
  const fy = ctx.fiscalYear;
  const money = (metric: Metric, basis: Basis, k: FundKey, source: FactCandidate["source"] = "table") => {
    const v = num(k);
    const c = cells[k];
    if (v !== null && c) facts.push({ metric, basis, year: fy, value: v, unit: "万元", line: c.line, source, scope: "all" });
  };
  if (kind === "overall") {
    money("budget_initial", "budget", "initial");
    money("budget_final", "budget", "final");
    money("budget_executed", "actual", "executed");
    // 全年执行数 is the department's whole spending of the year; a 支出合计 that breaks it down outranks it.
    money("spend_total", "actual", "executed", "sheet");
    const rate = cells.rate ? parsePercent(cells.rate.text) : null;
    if (rate !== null && cells.rate) facts.push({ metric: "execution_rate", basis: "actual", year: fy, value: rate, unit: "%", line: cells.rate.line, source: "table", scope: "all" });
  } else if (project) {
    for (const [k, basis] of [["final", "budget"], ["executed", "actual"]] as const) {
      const v = num(k);
      const c = cells[k];
      if (v !== null && c) projects.push({ name: project, amount: v, basis, year: fy, line: c.line });
    }
    const rate = cells.rate ? parsePercent(cells.rate.text) : null;
    const final = num("final");
    const executed = num("executed");
    const note = rate !== null && cells.rate && final !== null && executed !== null ? rateMismatch(`项目“${project}”`, rate, cells.rate.line, executed, final) : null;
    if (note) notes.push(note);
  }

  if (stated && unit !== "万元" && facts.length + projects.length > 0) {
    notes.push(unitConvertedNote(stated, what, kind === "overall" ? facts.filter((f) => f.unit === "万元").map((f) => f.metric).join(",") : "project"));
  }
  const headerAt = findCell(ctx.cells, INDICATOR_HEADER, anchor + 1, end);
  if (headerAt < 0) return { facts, projects, notes };
  if (kind === "overall") facts.push(...breakdown(ctx, anchor, headerAt, { final: num("final"), executed: num("executed") }, unit));
  // A grid the text stops inside (a cut-off download) gives the rows it prints; the truncation check says it was cut.
  const headerLine = ctx.cells[headerAt]!.line;
  const inline = !ctx.lines[headerLine - 1]!.raw.startsWith("\t");
  const grid = inline
    ? readFlowingGrid(ctx.lines, headerLine, ctx.cells[end]?.line ?? ctx.lines.length + 1, kind, project)
    : readIndicatorGrid(rowsFrom(ctx.cells, headerAt, end), kind, project);
  const execution = (k: "weight" | "score"): Term[] => {
    const v = num(k);
    const c = cells[k];
    return v !== null && c ? [{ label: `预算执行率${k === "weight" ? "分值" : "得分"}`, value: v, line: c.line }] : [];
  };
  const terms = (k: "weight" | "score"): Term[] =>
    grid.indicators.flatMap((i) => (i[k] === null ? [] : [{ label: i.name, value: i[k] ?? 0, line: i[`${k}_line`] ?? i.source_line }]));
  if (grid.total?.score) {
    // A document that is one project's sheet scores itself by that sheet's 总分; in a department's report it is the project's.
    const ownScore = kind === "overall" || (ctx.kind === "project_sheet" && findCells(ctx.cells, FUNDS).length === 1);
    if (ownScore) fields.push({ field: "self_score", value: grid.total.score.value, line: grid.total.score.line, source: "table" });
    sums.push({ rule: "score_sum", metrics: kind === "overall" ? "self_score,score" : "score", what: `${what}各项得分`, total: grid.total.score, parts: [...execution("score"), ...terms("score")] });
  }
  if (grid.total?.weight) {
    sums.push({ rule: "weight_sum", metrics: "weight", what: `${what}各项分值`, total: grid.total.weight, parts: [...execution("weight"), ...terms("weight")] });
  }
  for (const a of grid.announced) {
    const parts = grid.indicators.filter((i) => i.level1 === a.level1 || (a.level1 === "满意度" && i.level2 === "满意度"));
    sums.push({
      rule: "level1_weight_sum",
      metrics: "weight",
      what: `${what}${a.level1}指标分值`,
      total: { label: `${a.level1}指标`, value: a.weight, line: a.line },
      parts: parts.flatMap((i) => (i.weight === null ? [] : [{ label: i.name, value: i.weight, line: i.weight_line ?? i.source_line }])),
    });
  }
  return { facts, projects, fields, sums, notes, indicators: grid.indicators };
}

/** The indicators of a grid whose form's head the text does not hold (project unknown), with its 总分 checked. */
function orphanGrid(ctx: ReportContext, headerAt: number, end: number): Partial<Findings> {
  const headerLine = ctx.cells[headerAt]!.line;
  const inline = !ctx.lines[headerLine - 1]!.raw.startsWith("\t");
  const grid = inline
    ? readFlowingGrid(ctx.lines, headerLine, ctx.cells[end]?.line ?? ctx.lines.length + 1, "project", null)
    : readIndicatorGrid(rowsFrom(ctx.cells, headerAt, end), "project", null);
  return { indicators: grid.indicators };
}

export const evaluationSheets: Recognizer = {
  part: "evaluation_sheets",
  recognize(ctx) {
    const anchors = findCells(ctx.cells, FUNDS);
    if (anchors.length === 0) return null;
    const starts = anchors.map((a, k) => {
      const prev = anchors[k - 1] ?? -1;
      // The sheet begins at its name cell (预算部门名称 / 项目支出名称) after the previous sheet's funds row.
      const nameAt = findCell(ctx.cells, /预算部门名称$|^项目支?出?名称$/, prev + 1, a);
      return nameAt >= 0 ? nameAt : prev + 1;
    });
    const merged: Partial<Findings>[] = anchors.map((a, k) => readSheet(ctx, starts[k] ?? 0, a, starts[k + 1] ?? ctx.cells.length));
    // A project sheet's file that begins inside a form (page 21 of a paginated article): the grid it starts with
    // belongs to a project it does not name.
    const orphan = ctx.kind === "project_sheet" ? findCell(ctx.cells, INDICATOR_HEADER, 0, starts[0] ?? 0) : -1;
    if (orphan >= 0) merged.unshift(orphanGrid(ctx, orphan, starts[0] ?? ctx.cells.length));
    return {
      facts: merged.flatMap((m) => m.facts ?? []),
      projects: merged.flatMap((m) => m.projects ?? []),
      fields: merged.flatMap((m) => m.fields ?? []),
      sums: merged.flatMap((m) => m.sums ?? []),
      indicators: merged.flatMap((m) => m.indicators ?? []),
      notes: merged.flatMap((m) => m.notes ?? []),
    };
  },
};
