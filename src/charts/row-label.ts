/** Short labels for a report in charts: "临湘市 · 科技和工业信息化局 · 2024年". */

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

/** The first row of each report, in first-seen order (the queries order by county, then year). */
export function distinctReports<T extends { report_id: string }>(rows: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(r.report_id)) seen.set(r.report_id, r);
  return [...seen.values()];
}
