/** Short labels for a report in charts: "临湘市 · 科技和工业信息化局 · 2024年"; a group row by its own label. */

interface Head {
  county_zh: string;
  department_zh: string;
  fiscal_year: number;
}

/** The department without its county prefix (临湘市科技和工业信息化局 → 科技和工业信息化局). */
export function shortDepartment(r: Head): string {
  return r.department_zh.startsWith(r.county_zh) ? r.department_zh.slice(r.county_zh.length) : r.department_zh;
}

/** One line naming the report. */
export function reportLabel(r: Head): string {
  return `${r.county_zh} · ${shortDepartment(r)} · ${r.fiscal_year}年`;
}

/** A row that is a report, or a group of reports (a county, a department kind) with report_id null. */
export interface MaybeGroup {
  report_id: string | null;
  county_zh?: string | null;
  department_zh?: string | null;
  fiscal_year?: number | null;
  group_key?: string | null;
  group_label?: string | null;
  reports?: number;
}

/** The row's identity on a chart axis: the report id, or "g:<group key>". */
export function rowKey(r: MaybeGroup): string {
  return r.report_id ?? `g:${r.group_key ?? ""}`;
}

/** The row's label: the report's, or the group's with how many reports it sums. */
export function rowLabel(r: MaybeGroup): string {
  if (r.report_id !== null && r.county_zh && r.department_zh && r.fiscal_year) return reportLabel(r as Head);
  return `${r.group_label ?? "—"}（${r.reports ?? 0} 份报告${r.fiscal_year ? `，${r.fiscal_year}年` : ""}）`;
}

/** The first row of each report, in first-seen order (the queries order by county, then year). */
export function distinctReports<T extends { report_id: string }>(rows: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(r.report_id)) seen.set(r.report_id, r);
  return [...seen.values()];
}
