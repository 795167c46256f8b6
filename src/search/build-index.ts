/** Builds the search index from unit rows. Pure: rows in, index out (pinyin-pro is a pure function of the text). */
import { pinyin } from "pinyin-pro";
import type { IndexedCounty, IndexedDepartment, IndexedKind, IndexedUnit, SearchIndex } from "./search-index.ts";

/** One unit as the build reads it from `reports` (its latest name; every year it has a report). */
export interface UnitRow {
  unit_id: string;
  county_code: string;
  county_zh: string;
  /** The department's own name, without its county: "科技和工业信息化局". */
  department_zh: string;
  department_kind: string;
  kind_zh: string;
  years: readonly number[];
  /** Its one document's report_id when it has just one (its page is that report's), else null. */
  sole_report_id: string | null;
}

/** "临湘市" → "lin xiang shi": one lower-case syllable per character (a non-Han character stands for itself). */
export function syllablesOf(zh: string): string {
  const chars = [...zh];
  const syllables = pinyin(zh, { toneType: "none", type: "array", v: true }) as string[];
  // pinyin-pro keeps a run of non-Han characters as one item; spell such names character by character instead.
  const perChar = syllables.length === chars.length ? syllables : chars.map((c) => (pinyin(c, { toneType: "none", type: "array", v: true }) as string[])[0] ?? c);
  return perChar.map((s) => s.toLowerCase().replace(/\s+/g, "")).join(" ");
}

/** Interns values in first-seen order; returns each value's position. */
function interner<T>(key: (row: UnitRow) => string, make: (row: UnitRow) => T): { list: T[]; at: (row: UnitRow) => number } {
  const list: T[] = [];
  const seen = new Map<string, number>();
  return {
    list,
    at(row) {
      const k = key(row);
      let i = seen.get(k);
      if (i === undefined) {
        i = list.length;
        seen.set(k, i);
        list.push(make(row));
      }
      return i;
    },
  };
}

/** The index of every unit, ordered by county code then unit id, so the output does not depend on row order. */
export function buildSearchIndex(rows: readonly UnitRow[]): SearchIndex {
  const sorted = [...rows].sort((a, b) => (a.county_code + a.unit_id < b.county_code + b.unit_id ? -1 : a.county_code + a.unit_id > b.county_code + b.unit_id ? 1 : 0));
  const counties = interner<IndexedCounty>((r) => r.county_code, (r) => [r.county_code, r.county_zh, syllablesOf(r.county_zh)]);
  const departments = interner<IndexedDepartment>((r) => r.department_zh, (r) => [r.department_zh, syllablesOf(r.department_zh)]);
  const kinds = interner<IndexedKind>((r) => r.department_kind, (r) => [r.department_kind, r.kind_zh]);
  const units = sorted.map((r): IndexedUnit => {
    const unit: IndexedUnit = [r.unit_id, counties.at(r), departments.at(r), kinds.at(r), [...r.years].sort((a, b) => a - b)];
    if (r.sole_report_id !== null) unit.push(r.sole_report_id);
    return unit;
  });
  return { v: 1, counties: counties.list, departments: departments.list, kinds: kinds.list, units };
}
