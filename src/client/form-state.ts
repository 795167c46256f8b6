/** The filter form ⇄ the URL: the URL is the state; the form shows it. */
import { formParams, parseFilters, type Filters } from "../query/filters.ts";

/** The form's current choices as URL params (empty "全部" options left out). */
export function paramsOf(form: HTMLFormElement): URLSearchParams {
  return formParams(new FormData(form));
}

/** The form's current choices as Filters. */
export function filtersOf(form: HTMLFormElement): Filters {
  return parseFilters(paramsOf(form));
}

/** Sets the form from URL params; with no params, back to the page's defaults (form.reset restores the HTML). */
export function applyParams(form: HTMLFormElement, params: URLSearchParams): void {
  form.reset();
  if ([...params.keys()].length === 0) return;
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLSelectElement) {
      const v = params.get(el.name) ?? "";
      el.value = Array.from(el.options).some((o) => o.value === v) ? v : "";
    } else if (el instanceof HTMLInputElement && el.type === "checkbox" && params.has(el.name)) {
      el.checked = params.getAll(el.name).includes(el.value);
    }
  }
}

/** The page URL for params (no "?" when empty), keeping the path and the hash. */
export function urlFor(params: URLSearchParams): string {
  const q = params.toString();
  return `${location.pathname}${q ? `?${q}` : ""}${location.hash}`;
}
