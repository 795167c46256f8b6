/** What every main route starts from: its filter choices and its default view (the default year, default-year.ts). */
import type { Db } from "./db.ts";
import { EMPTY_FILTERS, type FilterDefaults, type Filters } from "./filters.ts";
import type { YearCount } from "./default-year.ts";
import { filterOptions, mainYear, type FilterOptions } from "./queries.ts";

export interface RouteStart {
  options: FilterOptions;
  /** The default year: the newest whose coverage is comparable to the year before's. */
  latest: number | null;
  /** Newer years than the default, still partial (said on the page, one click away). */
  partial: YearCount[];
  defaults: FilterDefaults;
  /** The build-time view: the latest year, first page, plus the route's own defaults. */
  filters: Filters;
}

export async function routeStart(db: Db, over: Partial<Filters> = {}): Promise<RouteStart> {
  const [options, main] = await Promise.all([filterOptions(db), mainYear(db)]);
  const latest = main?.year ?? null;
  return { options, latest, partial: main?.partial ?? [], defaults: { year: latest }, filters: { ...EMPTY_FILTERS, year: latest, ...over } };
}
