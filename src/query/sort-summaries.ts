/** Orders report summaries by a chosen figure, largest first; reports without it go last, in county → year order. */
import type { ReportSummary, SPENDING_SORTS } from "./queries.ts";

type Sort = (typeof SPENDING_SORTS)[number];

/** A sorted copy; with no sort the query's county → year order is kept. */
export function sortSummaries(rows: readonly ReportSummary[], sort: Sort | null): ReportSummary[] {
  if (sort === null) return [...rows];
  // Array.prototype.sort is stable, so ties and missing values keep the query's order.
  return [...rows].sort((a, b) => (b[sort] ?? -Infinity) - (a[sort] ?? -Infinity));
}
