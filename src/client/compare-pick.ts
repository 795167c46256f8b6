/**
 * The compare page's picked units (markup: ul.picked in src/pages/compare/index.astro), loaded on first use. The
 * list holds one hidden id= field per report, so the filter form, and with it the URL and the chart, carry them:
 * a unit picked in the search box (its `search-pick` event) brings its report of the year filter, or its newest;
 * the list is rebuilt from the URL's ids for a shared link and on back/forward.
 */
import { reportLabel } from "../charts/row-label.ts";
import type { Db } from "../query/db.ts";
import { EMPTY_FILTERS, MAX_COMPARE } from "../query/filters.ts";
import { reportSummaries, unitReport, type ReportSummary } from "../query/queries.ts";
import type { SearchPick } from "./search.ts";

/** One picked report: its hidden id= field, its label and a remove button (the same markup as the build's). */
function item(r: Pick<ReportSummary, "report_id" | "county_zh" | "department_zh" | "fiscal_year">): HTMLLIElement {
  const li = document.createElement("li");
  const field = document.createElement("input");
  field.type = "hidden";
  field.name = "id";
  field.value = r.report_id;
  const name = document.createElement("span");
  name.textContent = reportLabel(r);
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "pick-remove";
  remove.setAttribute("aria-label", `移除 ${reportLabel(r)}`);
  remove.textContent = "移除";
  li.append(field, name, " ", remove);
  return li;
}

const ids = (list: HTMLElement) => Array.from(list.querySelectorAll<HTMLInputElement>('input[name="id"]')).map((i) => i.value);

const say = (list: HTMLElement, text: string) => {
  const status = list.parentElement?.querySelector(".pick-status");
  if (status) status.textContent = text;
};

/**
 * Adds the picked unit's report to the list; true if the list changed. A sixth unit, a unit already compared
 * or one without a report of the year is refused, and the status line says why.
 */
export async function addPick(db: Db, list: HTMLElement, pick: SearchPick, year: number | null): Promise<boolean> {
  if (ids(list).length >= MAX_COMPARE) {
    say(list, `最多对比 ${MAX_COMPARE} 个单位，请先移除一个再添加 ${pick.label}`);
    return false;
  }
  const r = await unitReport(db, pick.id, year);
  if (!r) {
    say(list, `${pick.label} 没有${year === null ? "" : ` ${year} 年的`}报告`);
    return false;
  }
  if (ids(list).includes(r.report_id)) {
    say(list, `${reportLabel(r)} 已在对比中`);
    return false;
  }
  list.append(item(r));
  say(list, `已加入 ${reportLabel(r)}`);
  return true;
}

/** Rebuilds the list from these report ids (the URL's), in their order; unknown ids are left out. */
export async function showPicks(db: Db, list: HTMLElement, wanted: readonly string[]): Promise<void> {
  const rows = wanted.length === 0 ? [] : await reportSummaries(db, { ...EMPTY_FILTERS, id: [...wanted] });
  const byId = new Map(rows.map((r) => [r.report_id, r]));
  list.replaceChildren(...wanted.flatMap((id) => (byId.has(id) ? [item(byId.get(id)!)] : [])));
}
