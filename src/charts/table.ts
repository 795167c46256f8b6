/** The data table beside each chart (screen readers, JS off) and the CSV of the same rows. */
import { csvDataUrl, toCsvText } from "../format/csv.ts";
import type { SheetColumn } from "../format/sheet-rows.ts";
import { reportHref, withBase } from "../format/url.ts";
import type { StaticChartSpec, TableColumn } from "./chart.ts";

type Row = object;
const field = (row: Row, key: string): unknown => (row as Record<string, unknown>)[key];

function cellText<R extends Row>(col: TableColumn<R>, row: R): string {
  const v = field(row, col.key);
  if (col.format) return col.format(v, row);
  return v === null || v === undefined ? "—" : String(v);
}

function tableColumns<R extends Row>(spec: StaticChartSpec<R>): TableColumn<R>[] {
  return spec.columns.filter((c) => !c.csvOnly);
}

/**
 * Where a group row (a county or a department kind, report_id null) drills down to: the same route filtered to
 * the group and the row's year (year=all when the row spans every year).
 */
export function drillHref(base: string, route: string, row: Row): string | null {
  const by = field(row, "group_by");
  const key = field(row, "group_key");
  if ((by !== "county" && by !== "kind") || typeof key !== "string") return null;
  const year = field(row, "fiscal_year");
  const params = new URLSearchParams({ [by]: key, year: typeof year === "number" ? String(year) : "all" });
  return `${withBase(base, route)}?${params.toString()}`;
}

/** <thead> with one <th scope="col"> per column. */
export function renderTableHead<R extends Row>(document: Document, spec: StaticChartSpec<R>): HTMLTableSectionElement {
  const thead = document.createElement("thead");
  const tr = document.createElement("tr");
  for (const col of tableColumns(spec)) {
    const th = document.createElement("th");
    th.setAttribute("scope", "col");
    th.textContent = col.label;
    tr.append(th);
  }
  thead.append(tr);
  return thead;
}

/**
 * <tbody> with one <tr> per drawn row (data-report-id for a report, data-group for a group); a value with a
 * source line links there (a.src).
 */
export function renderTableBody<R extends Row>(document: Document, spec: StaticChartSpec<R>, rows: readonly R[], base: string): HTMLTableSectionElement {
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    const id = field(row, "report_id");
    const reportId = typeof id === "string" ? id : null;
    if (reportId) tr.setAttribute("data-report-id", reportId);
    else if (typeof field(row, "group_key") === "string") tr.setAttribute("data-group", String(field(row, "group_key")));
    for (const col of tableColumns(spec)) {
      const td = document.createElement("td");
      const text = cellText(col, row);
      if (typeof field(row, col.key) === "number") td.className = "num";
      const line = col.line ? field(row, col.line) : null;
      const drill = col.report && !reportId && col.drill ? drillHref(base, col.drill, row) : null;
      if (col.report && (reportId || drill)) {
        const a = document.createElement("a");
        a.setAttribute("href", reportId ? reportHref(base, reportId) : (drill as string));
        a.textContent = text;
        td.append(a);
      } else if (reportId && typeof line === "number" && text !== "—") {
        const a = document.createElement("a");
        a.className = "src";
        a.setAttribute("href", reportHref(base, reportId, line));
        a.setAttribute("title", `原文第${line}行`);
        a.textContent = text;
        td.append(a);
      } else {
        td.textContent = text;
      }
      tr.append(td);
    }
    tbody.append(tr);
  }
  return tbody;
}

/**
 * The download's columns: every data column (the report id first, where rows have one) and each value's source
 * line, with the Chinese name a spreadsheet heads them with.
 */
function downloadColumns<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): { key: string; label: string }[] {
  // Rows of one report (a unit's years) carry report_id without showing it as a column: it still cites the row.
  const hasReport = spec.columns.some((c) => c.key === "report_id") || rows.some((r) => typeof field(r, "report_id") === "string");
  const columns = [
    ...(hasReport ? [{ key: "report_id", label: "报告编号" }] : []),
    ...spec.columns
      .filter((c) => !c.tableOnly)
      .flatMap((c) => [{ key: c.key, label: c.label }, ...(c.line && !spec.columns.some((o) => o.key === c.line) ? [{ key: c.line, label: `${c.label}·原文行号` }] : [])]),
  ];
  return columns.filter((c, i) => columns.findIndex((o) => o.key === c.key) === i);
}

/** CSV of exactly the drawn rows, in downloadColumns' order. */
export function chartCsv<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): string {
  return toCsvText(downloadColumns(spec, rows).map((c) => c.key), rows);
}

/**
 * What the chart's XLSX (client/chart-xlsx.ts) needs beyond its CSV, as button.download-xlsx's attributes: the
 * Chinese names in the CSV's column order, tab-separated, and a 1 for each column the drawn rows hold numbers in.
 * Kept this terse because every chart of every unit page carries it (JSON of the columns added 8 KB to a unit page).
 */
export function chartSheetAttributes<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): { "data-labels": string; "data-numeric": string } {
  const columns = chartSheetColumns(spec, rows);
  return { "data-labels": columns.map((c) => c.label).join("\t"), "data-numeric": columns.map((c) => (c.numeric ? "1" : "0")).join("") };
}

/** The download's columns as a sheet's: numeric where the rows hold numbers. */
export function chartSheetColumns<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): SheetColumn[] {
  return downloadColumns(spec, rows).map((c) => ({ ...c, numeric: rows.some((r) => typeof field(r, c.key) === "number") }));
}

/** The sheet's columns back from those attributes and the CSV's header (its keys, in the same order). */
export function sheetColumnsOf(keys: readonly string[], labels: string, numeric: string): SheetColumn[] {
  const names = labels.split("\t");
  return keys.map((key, i) => ({ key, label: names[i] ?? key, numeric: numeric[i] === "1" }));
}

/** The download link's href for the drawn rows. */
export function chartCsvHref<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): string {
  return csvDataUrl(chartCsv(spec, rows));
}
