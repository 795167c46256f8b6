/** What every main route starts from: its filter choices and its default view (the latest year). */
import type { Db } from "./db.ts";
import { EMPTY_FILTERS, type FilterDefaults, type Filters } from "./filters.ts";
import { filterOptions, latestYear, type FilterOptions } from "./queries.ts";

export interface RouteStart {
  options: FilterOptions;
  latest: number | null;
  defaults: FilterDefaults;
  /** The build-time view: the latest year, first page, plus the route's own defaults. */
  filters: Filters;
}

export async function routeStart(db: Db, over: Partial<Filters> = {}): Promise<RouteStart> {
  const [options, latest] = await Promise.all([filterOptions(db), latestYear(db)]);
  return { options, latest, defaults: { year: latest }, filters: { ...EMPTY_FILTERS, year: latest, ...over } };
}
