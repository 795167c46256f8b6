/**
 * table.sortable: a button in each header sorts the body by that column (numbers by td[data-sort], text in
 * Chinese order); a second click reverses. Without JS the buttons are hidden (site.css, scripting: none) and the
 * build's order stands.
 */
import { compareKeys } from "./sort-keys.ts";

function cellKey(row: HTMLTableRowElement, col: number): number | string | null {
  const cell = row.cells[col];
  if (!cell) return null;
  const raw = cell.dataset["sort"];
  if (raw === undefined) return (cell.textContent ?? "").trim();
  return raw === "" ? null : Number(raw);
}

function sortBy(table: HTMLTableElement, th: HTMLTableCellElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  // Numbers start largest first (who spends most), names start 甲→乙.
  const numeric = th.dataset["type"] === "number";
  const current = th.getAttribute("aria-sort");
  const dir: 1 | -1 = current === "descending" ? 1 : current === "ascending" ? -1 : numeric ? -1 : 1;
  for (const other of Array.from(table.tHead?.rows[0]?.cells ?? [])) other.removeAttribute("aria-sort");
  th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
  const col = th.cellIndex;
  const rows = Array.from(body.rows).sort((a, b) => compareKeys(cellKey(a, col), cellKey(b, col), dir));
  body.append(...rows);
}

for (const table of Array.from(document.querySelectorAll<HTMLTableElement>("table.sortable"))) {
  for (const th of Array.from(table.tHead?.rows[0]?.cells ?? [])) th.querySelector("button.sort")?.addEventListener("click", () => sortBy(table, th));
}
