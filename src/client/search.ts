/**
 * The search box's behaviour (markup: src/components/SearchBox.astro), loaded on first focus or input: fetches
 * the index once per page, matches as you type (src/search/match.ts) and follows the WAI-ARIA combobox pattern:
 * ArrowDown/ArrowUp move through the options (aria-activedescendant), Enter opens the active option or the first,
 * Escape closes the list, then clears the box.
 */
import { unitHref, withBase } from "../format/url.ts";
import { searcher, type SearchHit, type Searcher } from "../search/match.ts";
import type { SearchIndex } from "../search/search-index.ts";

/** detail of the `search-pick` event a box in mode "pick" dispatches. */
export interface SearchPick {
  type: SearchHit["type"];
  /** unit_id or county code. */
  id: string;
  county_code: string;
  county_zh: string;
  department_zh: string | null;
  /** "临湘市 科技和工业信息化局" */
  label: string;
  href: string;
}

/** Options shown at once; the status line says how many matched in all. */
const LIMIT = 10;

const loaded = new Map<string, Promise<Searcher>>();
function load(url: string): Promise<Searcher> {
  let s = loaded.get(url);
  if (!s) {
    s = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return searcher((await r.json()) as SearchIndex);
    });
    loaded.set(url, s);
  }
  return s;
}

const yearsLabel = (ys: readonly number[]) =>
  ys.length === 0 ? "" : ys.length === 1 ? `${ys[0]}年` : `${ys[0]}–${ys.at(-1)}年（${ys.length}份）`;

function pickOf(hit: SearchHit, base: string): SearchPick {
  const href = hit.type === "unit" ? unitHref(base, { unit_id: hit.id, sole_report_id: hit.sole_report_id }) : withBase(base, `counties/${encodeURIComponent(hit.id)}/`);
  const label = hit.type === "unit" ? `${hit.county_zh} ${hit.department_zh ?? ""}` : hit.county_zh;
  return { type: hit.type, id: hit.id, county_code: hit.county_code, county_zh: hit.county_zh, department_zh: hit.department_zh, label, href };
}

const attached = new WeakSet<HTMLFormElement>();

/** Wires one SearchBox form; a second call for the same form does nothing. */
export function attach(form: HTMLFormElement): void {
  if (attached.has(form)) return;
  attached.add(form);
  const input = form.querySelector<HTMLInputElement>("input[role=combobox]");
  const list = form.querySelector<HTMLUListElement>("[role=listbox]");
  const status = form.querySelector<HTMLElement>(".search-status");
  if (!input || !list) return;
  const base = form.dataset["searchBase"] ?? "/";
  const mode = form.dataset["searchMode"] === "pick" ? "pick" : "go";
  const typesAttr = form.dataset["searchTypes"];
  const types: SearchHit["type"][] | undefined = typesAttr === "unit" || typesAttr === "county" ? [typesAttr] : undefined;
  let picks: SearchPick[] = [];
  let active = -1;
  let ready: Searcher | null = null;

  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll<HTMLElement>("[role=option]").forEach((el, k) => el.setAttribute("aria-selected", String(k === i)));
    const el = i >= 0 ? list.children[i] : null;
    if (el) {
      input.setAttribute("aria-activedescendant", el.id);
      el.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };
  const render = () => {
    if (!ready) return;
    const { hits, total } = ready.search(input.value, { limit: LIMIT, ...(types ? { types } : {}) });
    picks = hits.map((h) => pickOf(h, base));
    list.replaceChildren(
      ...hits.map((h, i) => {
        const li = document.createElement("li");
        li.id = `${input.id}-opt-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset["href"] = picks[i]!.href;
        const name = document.createElement("span");
        name.className = "search-name";
        name.textContent = picks[i]!.label;
        const meta = document.createElement("span");
        meta.className = "search-meta";
        meta.textContent = h.type === "county" ? `县市 · ${yearsLabel(h.years)}` : `${h.kind_zh ?? ""} · ${yearsLabel(h.years)}`;
        li.append(name, " ", meta);
        return li;
      }),
    );
    const open = hits.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (status) status.textContent = input.value.trim() === "" ? "" : total === 0 ? "没有匹配的单位或县市" : total > hits.length ? `共 ${total} 个结果，显示前 ${hits.length} 个` : `${total} 个结果`;
  };
  const choose = (i: number) => {
    const pick = picks[i];
    if (!pick) return;
    if (mode === "go") {
      location.href = pick.href;
      return;
    }
    form.dispatchEvent(new CustomEvent<SearchPick>("search-pick", { detail: pick, bubbles: true }));
    input.value = "";
    close();
    if (status) status.textContent = `已选择 ${pick.label}`;
  };

  input.addEventListener("input", render);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden) render();
      const n = picks.length;
      if (n > 0) setActive(e.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === "Enter") {
      // The active option, else the first; with no result at all, the form goes to /search/ as without JS.
      if (picks.length === 0) return;
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      if (!list.hidden) close();
      else input.value = "";
    }
  });
  // mousedown, not click: keeps focus in the input so the list is not closed by the blur first.
  list.addEventListener("mousedown", (e) => {
    const li = (e.target as Element).closest("[role=option]");
    if (!li) return;
    e.preventDefault();
    choose(Array.prototype.indexOf.call(list.children, li));
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
  form.addEventListener("submit", (e) => {
    if (picks.length === 0) return;
    e.preventDefault();
    choose(0);
  });

  if (form.dataset["searchFromUrl"] !== undefined) {
    const q = new URLSearchParams(location.search).get("q");
    if (q && input.value === "") input.value = q;
  }
  load(form.dataset["searchIndex"] ?? `${base}search-index.json`).then(
    (s) => {
      ready = s;
      form.dataset["searchReady"] = "";
      if (input.value.trim() !== "") render();
    },
    (err: unknown) => {
      if (status) status.textContent = "搜索暂不可用，请使用查找按钮";
      console.error(err);
    },
  );
}
