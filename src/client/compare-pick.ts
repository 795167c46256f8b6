/**
 * STOP-GAP until the SearchBox "pick" mode lands (src/components/SearchBox.astro, scaledata): typing in
 * input#compare-search lists up to SEARCH_LIMIT matching reports as checkboxes, queried from report_summary in
 * the browser; ticked reports stay listed. Replace this module and its input with <SearchBox mode="pick">.
 */
import { reportLabel } from "../charts/row-label.ts";
import type { Db } from "../query/db.ts";
import { searchReports } from "../query/queries.ts";

let latest = 0;

/** Shows the matches for the input's text below the ticked reports. */
export async function showMatches(db: Db, input: HTMLInputElement): Promise<void> {
  const mine = ++latest;
  const box = input.closest("fieldset")?.querySelector<HTMLElement>(".choices");
  const status = document.getElementById("compare-search-status");
  if (!box) return;
  const text = input.value.trim();
  const rows = text === "" ? [] : await searchReports(db, text);
  if (mine !== latest) return;
  const checked = new Set(Array.from(box.querySelectorAll<HTMLInputElement>('input[name="id"]:checked')).map((i) => i.value));
  for (const label of Array.from(box.querySelectorAll("label"))) if (!label.querySelector("input:checked")) label.remove();
  for (const r of rows) {
    if (checked.has(r.report_id)) continue;
    const label = document.createElement("label");
    const tick = document.createElement("input");
    tick.type = "checkbox";
    tick.name = "id";
    tick.value = r.report_id;
    label.append(tick, document.createTextNode(reportLabel(r)));
    box.append(label);
  }
  if (status) status.textContent = text === "" ? "" : `找到 ${rows.length} 份${rows.length >= 20 ? "（只列前 20 份，请输入更多字）" : ""}`;
}
