/**
 * Which year a main route shows first. A year still arriving must not hide the last complete one: the default is
 * the newest year whose reports number at least half the year before's (a year after a gap counts as complete);
 * the newer years are partial, said on the page with one click to them. Pure.
 */

export interface YearCount {
  year: number;
  /** Unit-years reported (each unit once a year, whatever documents it published). */
  n: number;
}

/** A year comparable to the one before holds at least this share of its reports. */
export const COMPARABLE_SHARE = 0.5;

export interface DefaultYear {
  year: number;
  /** Newer years than the default, newest first: each still partial. */
  partial: YearCount[];
  /** The default year's count. */
  n: number;
}

export function defaultYear(counts: readonly YearCount[]): DefaultYear | null {
  const byYear = new Map(counts.map((c) => [c.year, c.n]));
  const newestFirst = [...counts].sort((a, b) => b.year - a.year);
  for (const [i, c] of newestFirst.entries()) {
    const before = byYear.get(c.year - 1);
    if (before === undefined || c.n >= before * COMPARABLE_SHARE) return { year: c.year, n: c.n, partial: newestFirst.slice(0, i) };
  }
  const oldest = newestFirst.at(-1);
  return oldest ? { year: oldest.year, n: oldest.n, partial: newestFirst.slice(0, -1) } : null;
}
