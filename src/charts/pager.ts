/**
 * Pager of a paged chart: links that change the URL's page= (so every page is a shareable view), the same
 * element at build time and after a redraw. With JavaScript on a click redraws in place (src/client/boot.ts).
 */
import { PAGE_SIZE, type FilterDefaults, type Filters, toSearchParams } from "../query/filters.ts";
import { formatNumber } from "../format/zh.ts";

/** The page's own URL (query only) for filters at another page. */
export function pageHref(f: Filters, page: number, defaults: FilterDefaults): string {
  const q = toSearchParams({ ...f, page: page > 1 ? page : null }, defaults).toString();
  return q ? `?${q}` : "?";
}

/** "第 21–40 行，共 487 行" and 上一页 / 下一页 links; nothing to page through gives an empty <nav>. */
export function renderPager(document: Document, f: Filters, total: number, defaults: FilterDefaults): HTMLElement {
  const nav = document.createElement("nav");
  nav.className = "pager";
  nav.setAttribute("aria-label", "翻页");
  const page = f.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const link = (to: number, text: string, rel: string) => {
    const a = document.createElement("a");
    a.setAttribute("href", pageHref(f, to, defaults));
    a.setAttribute("data-page", String(to));
    a.setAttribute("rel", rel);
    a.textContent = text;
    return a;
  };
  const status = document.createElement("span");
  status.className = "pager-status";
  status.textContent = total === 0 ? "没有符合条件的数据" : `第 ${formatNumber(first)}–${formatNumber(last)} 行，共 ${formatNumber(total)} 行（第 ${page}/${pages} 页）`;
  if (page > 1) nav.append(link(page - 1, "← 上一页", "prev"));
  nav.append(status);
  if (page < pages) nav.append(link(page + 1, "下一页 →", "next"));
  return nav;
}
