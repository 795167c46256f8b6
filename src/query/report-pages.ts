/**
 * The data of every report page, from one bulk query per table run once per build (memoised per Db) and grouped
 * by report_id: a page takes its own slice, so rendering 10,000 report pages runs four queries, not 40,000.
 */
import type { CheckRow, FactRow, IndicatorRow, ProjectRow, TableName } from "../schema/tables.ts";
import { TABLES } from "../schema/tables.ts";
import type { Db } from "./db.ts";

type ChildTable = Exclude<TableName, "reports">;
type RowOf<T extends ChildTable> = T extends "facts" ? FactRow : T extends "indicators" ? IndicatorRow : T extends "projects" ? ProjectRow : CheckRow;

/** One report's rows of each table, each in that table's key order (as reportRows gives them one report at a time). */
export interface ReportPageRows {
  facts: FactRow[];
  indicators: IndicatorRow[];
  projects: ProjectRow[];
  checks: CheckRow[];
}

/** Every row of one table in key order (report_id first), grouped by report_id. */
export async function rowsByReport<T extends ChildTable>(db: Db, table: T): Promise<Map<string, RowOf<T>[]>> {
  const order = TABLES[table].key.join(", ");
  const rows = await db.query<RowOf<T>>(`SELECT * FROM ${table} ORDER BY ${order}`);
  const out = new Map<string, RowOf<T>[]>();
  for (const r of rows) {
    const list = out.get(r.report_id);
    if (list) list.push(r);
    else out.set(r.report_id, [r]);
  }
  return out;
}

export interface SiteReportRows {
  /** A report's rows; empty arrays for a report with none in a table. */
  get(reportId: string): ReportPageRows;
}

const memo = new WeakMap<Db, Promise<SiteReportRows>>();

/** Every report's facts, indicators, projects and checks; the four queries run once per Db however many pages ask. */
export function siteReportRows(db: Db): Promise<SiteReportRows> {
  let pending = memo.get(db);
  if (!pending) {
    pending = Promise.all([rowsByReport(db, "facts"), rowsByReport(db, "indicators"), rowsByReport(db, "projects"), rowsByReport(db, "checks")]).then(
      ([facts, indicators, projects, checks]) => ({
        get: (id: string) => ({ facts: facts.get(id) ?? [], indicators: indicators.get(id) ?? [], projects: projects.get(id) ?? [], checks: checks.get(id) ?? [] }),
      }),
    );
    memo.set(db, pending);
  }
  return pending;
}
