/**
 * Candidates → published rows. Where the report states one quantity in several places, the table that breaks it
 * down wins (failing that, the first statement), one-funding-source figures are not published, and every
 * disagreement becomes a value_conflict note naming both values and lines. Nothing is averaged or corrected.
 */
import type { FactRow, ProjectRow, ReportRow } from "../schema/tables.ts";
import { BASES, METRICS } from "../schema/vocab.ts";
import type { FactCandidate, FieldCandidate, FieldName, Note, ProjectCandidate } from "./findings.ts";
import { show } from "./numbers.ts";

const FIELD_ZH: Record<FieldName, string> = { staff_authorized: "编制数", staff_actual: "实有人数", self_score: "自评得分", grade: "评价等次" };
const RANK = { table: 0, sheet: 1, narrative: 2 } as const;
const bySource = <T extends { source: keyof typeof RANK; line: number }>(a: T, b: T) => RANK[a.source] - RANK[b.source] || a.line - b.line;
const unitOf = (c: { unit?: string }) => (c.unit === "%" ? "%" : c.unit === undefined ? "" : "万元");

function conflicts<T extends { value: number | string; line: number; source: string }>(chosen: T, pool: T[], what: string, metrics: string, unit: string): Note[] {
  if (pool.length === 0) return [];
  const seen = new Set<string>([String(chosen.value)]);
  return pool.flatMap((c) => {
    if (seen.has(String(c.value))) return [];
    seen.add(String(c.value));
    const fmt = (v: number | string) => (typeof v === "number" ? `${show(v)}${unit}` : `“${v}”`);
    const why = chosen.source === "narrative" ? "先出现的表述" : chosen.source === c.source ? "先出现的表格" : chosen.source === "table" ? "分项表格" : "自评表";
    return [
      {
        rule: "value_conflict",
        severity: "warning" as const,
        metrics,
        message: `${what}在第${chosen.line}行为${fmt(chosen.value)}，在第${c.line}行为${fmt(c.value)}；发布采用第${chosen.line}行（${why}）。`,
        line: c.line,
      },
    ];
  });
}

/** One fact per (metric, basis, year), plus a note for every other value printed for it. */
export function selectFacts(reportId: string, candidates: readonly FactCandidate[]): { rows: FactRow[]; notes: Note[] } {
  const groups = new Map<string, FactCandidate[]>();
  for (const c of candidates) {
    const key = `${c.metric}|${c.basis}|${c.year}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const rows: FactRow[] = [];
  const notes: Note[] = [];
  for (const group of groups.values()) {
    // One-funding-source statements ("财政拨款基本支出") never stand in for the department's all-funds figure.
    const pool = group.filter((c) => c.scope === "all").sort(bySource);
    const [chosen, ...rest] = pool;
    if (!chosen) {
      // Said, so a report whose only figures are one source's (a 镇's "一般公共预算支出") does not look empty for no reason.
      const fund = [...group].sort(bySource)[0]!;
      const what = `${METRICS[fund.metric]}（${fund.year}年${BASES[fund.basis]}）`;
      notes.push({ rule: "fund_scope_only", severity: "info", metrics: fund.metric, message: `第${fund.line}行印有单项资金来源（财政拨款或一般公共预算）的${what}${show(fund.value)}${unitOf(fund)}，不是部门全部资金的数字，未作为${METRICS[fund.metric]}发布。`, line: fund.line });
      continue;
    }
    rows.push({ report_id: reportId, metric: chosen.metric, basis: chosen.basis, year: chosen.year, value: chosen.value, unit: chosen.unit, source_line: chosen.line });
    const what = `${METRICS[chosen.metric]}（${chosen.year}年${BASES[chosen.basis]}）`;
    notes.push(...conflicts(chosen, rest, what, chosen.metric, unitOf(chosen)));
  }
  return { rows, notes };
}

export type ReportFields = Pick<ReportRow, "staff_authorized" | "staff_actual" | "self_score" | "grade">;

/** One value per report field, tables first; a note for every other value printed. */
export function selectFields(candidates: readonly FieldCandidate[]): { fields: ReportFields; notes: Note[] } {
  const fields: ReportFields = { staff_authorized: null, staff_actual: null, self_score: null, grade: null };
  const notes: Note[] = [];
  for (const name of Object.keys(FIELD_ZH) as FieldName[]) {
    const [chosen, ...rest] = candidates.filter((c) => c.field === name).sort(bySource);
    if (!chosen) continue;
    if (name === "grade") fields.grade = String(chosen.value);
    else fields[name] = Number(chosen.value);
    notes.push(...conflicts(chosen, rest, FIELD_ZH[name], name, name === "self_score" ? "分" : name === "grade" ? "" : "人"));
  }
  return { fields, notes };
}

/**
 * Projects: a name listed twice in one line is two items (吉首 lists 智慧城市项目经费 more than once); the same
 * name and column in another table is the same project, kept once, and a differing amount is noted.
 */
export function selectProjects(reportId: string, candidates: readonly ProjectCandidate[]): { rows: ProjectRow[]; notes: Note[] } {
  const rows: ProjectRow[] = [];
  const notes: Note[] = [];
  const firstLine = new Map<string, ProjectCandidate>();
  for (const c of candidates) {
    const key = `${c.name}|${c.basis}|${c.year}`;
    const first = firstLine.get(key);
    if (first && first.line !== c.line) {
      if (first.amount !== c.amount) {
        notes.push({
          rule: "project_amount_conflict",
          severity: "warning",
          metrics: "project",
          message: `项目“${c.name}”${c.year}年${BASES[c.basis]}在第${first.line}行为${show(first.amount)}万元，在第${c.line}行为${show(c.amount)}万元；发布采用第${first.line}行。`,
          line: c.line,
        });
      }
      continue;
    }
    if (!first) firstLine.set(key, c);
    rows.push({ report_id: reportId, name: c.name, amount: c.amount, basis: c.basis, year: c.year, source_line: c.line });
  }
  return { rows, notes };
}
