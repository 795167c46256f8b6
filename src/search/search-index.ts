/**
 * The search index's shape, shared by its builder (build time) and the matcher (browser). Compact on purpose:
 * county and department names are stored once each with their pinyin, and a unit is five small fields, so
 * 10,000 reports (≈ 2,500 units) stay far below a hundred KB gzip and need no sharding.
 */

/** [GB/T 2260 code, name, pinyin syllables one per character ("lin xiang shi")]. */
export type IndexedCounty = [code: string, zh: string, syllables: string];
/** [department's own name, pinyin syllables one per character]. */
export type IndexedDepartment = [zh: string, syllables: string];
/** [department_kind, its Chinese label]. */
export type IndexedKind = [kind: string, zh: string];
/**
 * [unit_id, index into counties, index into departments, index into kinds, fiscal years with a report, and — for a
 * unit with one document, whose page is that report's (format/url.ts unitHref) — its report_id].
 */
export type IndexedUnit = [unitId: string, county: number, department: number, kind: number, years: number[], soleReportId?: string];

export interface SearchIndex {
  v: 1;
  counties: IndexedCounty[];
  departments: IndexedDepartment[];
  kinds: IndexedKind[];
  units: IndexedUnit[];
}
