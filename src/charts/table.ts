/** The data table beside each chart (screen readers, JS off) and the CSV of the same rows. */
import { csvDataUrl, toCsvText } from "../format/csv.ts";
import { reportHref } from "../format/url.ts";
import type { StaticChartSpec, TableColumn } from "./chart.ts";

type Row = { report_id: string };

function cellText<R extends Row>(col: TableColumn<R>, row: R): string {
  const v = (row as Record<string, unknown>)[col.key];
  if (col.format) return col.format(v, row);
  return v === null || v === undefined ? "—" : String(v);
}

function tableColumns<R extends Row>(spec: StaticChartSpec<R>): TableColumn<R>[] {
  return spec.columns.filter((c) => !c.csvOnly);
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

/** <tbody> with one <tr data-report-id> per drawn row; a value with a source line links there (a.src). */
export function renderTableBody<R extends Row>(document: Document, spec: StaticChartSpec<R>, rows: readonly R[], base: string): HTMLTableSectionElement {
  const tbody = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    tr.setAttribute("data-report-id", row.report_id);
    for (const col of tableColumns(spec)) {
      const td = document.createElement("td");
      const text = cellText(col, row);
      if (typeof (row as Record<string, unknown>)[col.key] === "number") td.className = "num";
      const line = col.line ? (row as Record<string, unknown>)[col.line] : null;
      if (col.report) {
        const a = document.createElement("a");
        a.setAttribute("href", reportHref(base, row.report_id));
        a.textContent = text;
        td.append(a);
      } else if (typeof line === "number" && text !== "—") {
        const a = document.createElement("a");
        a.className = "src";
        a.setAttribute("href", reportHref(base, row.report_id, line));
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

/** CSV of exactly the drawn rows: every data column (the report id first) and each value's source line. */
export function chartCsv<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): string {
  const keys = ["report_id", ...spec.columns.filter((c) => !c.tableOnly).flatMap((c) => (c.line && !spec.columns.some((o) => o.key === c.line) ? [c.key, c.line] : [c.key]))];
  return toCsvText([...new Set(keys)], rows);
}

/** The download link's href for the drawn rows. */
export function chartCsvHref<R extends Row>(spec: StaticChartSpec<R>, rows: readonly R[]): string {
  return csvDataUrl(chartCsv(spec, rows));
}
