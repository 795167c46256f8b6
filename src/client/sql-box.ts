/** The /data/ SQL box: runs the query on DuckDB-WASM, shows the rows, offers them as CSV; errors verbatim. */
import { csvDataUrl, toCsvText } from "../format/csv.ts";
import { QueryError } from "../query/query-error.ts";
import type { WasmDb } from "../query/wasm-db.ts";

/** Rows shown in the page; the CSV always has all of them. */
const SHOW = 500;

function renderResult(table: HTMLTableElement, columns: string[], rows: Record<string, unknown>[]): void {
  const head = document.createElement("thead");
  const hr = head.insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    hr.append(th);
  }
  const body = document.createElement("tbody");
  for (const row of rows.slice(0, SHOW)) {
    const tr = body.insertRow();
    for (const c of columns) tr.insertCell().textContent = row[c] === null || row[c] === undefined ? "" : String(row[c]);
  }
  const caption = document.createElement("caption");
  caption.className = "visually-hidden";
  caption.textContent = "查询结果";
  table.replaceChildren(caption, head, body);
}

/** Runs the SQL in textarea#sql and fills table#sql-result, a#sql-download and #sql-error. */
export async function runSqlBox(db: WasmDb): Promise<void> {
  const sql = document.querySelector<HTMLTextAreaElement>("#sql")?.value ?? "";
  const table = document.querySelector<HTMLTableElement>("#sql-result");
  const error = document.querySelector<HTMLElement>("#sql-error");
  const download = document.querySelector<HTMLAnchorElement>("#sql-download");
  const status = document.querySelector<HTMLElement>("#sql-status");
  if (!table || !error || !download) return;
  if (status) status.textContent = "运行中…";
  try {
    const { columns, rows } = await db.run(sql);
    renderResult(table, columns, rows);
    download.href = csvDataUrl(toCsvText(columns, rows));
    download.hidden = false;
    error.hidden = true;
    error.textContent = "";
    if (status) status.textContent = `${rows.length} 行${rows.length > SHOW ? `（页面显示前 ${SHOW} 行，CSV 含全部）` : ""}`;
  } catch (err) {
    // DuckDB's own words: they name the column or the syntax error, which is what the user needs.
    error.textContent = err instanceof QueryError ? err.engineMessage : String(err);
    error.hidden = false;
    download.hidden = true;
    table.replaceChildren();
    if (status) status.textContent = "查询出错";
  }
}
