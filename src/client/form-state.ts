/** The filter form ⇄ the URL: the URL is the state; the form shows it. */
import { formParams, parseFilters, type FilterDefaults, type Filters } from "../query/filters.ts";

/** The form's current choices as URL params (empty "全部" options left out). */
export function paramsOf(form: HTMLFormElement): URLSearchParams {
  return formParams(new FormData(form));
}

/** What the page shows when the URL leaves a filter out: the latest year, written on the form by Filters.astro. */
export function defaultsOf(form: HTMLFormElement): FilterDefaults {
  const y = Number(form.dataset["latestYear"]);
  return { year: Number.isInteger(y) && y > 0 ? y : null };
}

/** The form's current choices as Filters. */
export function filtersOf(form: HTMLFormElement): Filters {
  return parseFilters(paramsOf(form), defaultsOf(form));
}

/** Sets the form from URL params; with no params, back to the page's defaults (form.reset restores the HTML). */
export function applyParams(form: HTMLFormElement, params: URLSearchParams): void {
  form.reset();
  // reset() leaves hidden inputs alone (their value is their default), so the page number is set here either way.
  // (The compare page's hidden id= fields are its picked list, which src/client/compare-pick.ts rebuilds.)
  const page = form.querySelector<HTMLInputElement>('input[type="hidden"][name="page"]');
  if (page) page.value = params.get("page") ?? "";
  if ([...params.keys()].length === 0) return;
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLSelectElement) {
      const v = params.get(el.name);
      // A key the URL leaves out keeps the page's default (the latest year), as the build drew it.
      if (v === null) continue;
      el.value = Array.from(el.options).some((o) => o.value === v) ? v : "";
    }
  }
}

/** The page URL for params (no "?" when empty), keeping the path and the hash. */
export function urlFor(params: URLSearchParams): string {
  const q = params.toString();
  return `${location.pathname}${q ? `?${q}` : ""}${location.hash}`;
}
