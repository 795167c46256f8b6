/** The order of the county table's sortable columns: pure, so it is tested without a DOM. */

/** Missing values last in either direction; equal keys keep their order (Array.prototype.sort is stable). */
export function compareKeys(a: number | string | null, b: number | string | null, dir: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return (a - b) * dir;
  return String(a).localeCompare(String(b), "zh-CN") * dir;
}
