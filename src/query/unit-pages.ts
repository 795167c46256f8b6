/**
 * The data of every unit page and county page, from four bulk queries run once per build (memoised per Db)
 * and grouped here: a page's props are slices of these arrays, so no page runs a query of its own.
 */
import type { Failure, Manifest } from "../publish/manifest.ts";
import type { ReportRow } from "../schema/tables.ts";
import { briefChecks, briefIndicators, peerStructures, type BriefCheck, type BriefIndicator, type PeerStructure } from "./brief.ts";
import type { Db } from "./db.ts";
import { peerBins, peerStats, unitSangong, unitYears, type PeerBin, type PeerMeasure, type PeerStat, type UnitSangongRow, type UnitYear } from "./units.ts";

export interface UnitPage extends Pick<ReportRow, "unit_id" | "county_code" | "county_zh" | "department_zh" | "department_kind"> {
  /** One report per year, oldest first. */
  years: UnitYear[];
  /** 三公 by report and category, oldest first. */
  sangong: UnitSangongRow[];
  /** Its place among peers, every year × measure it has. */
  peers: PeerStat[];
  /** The year its peer distributions are drawn for: its latest report's. */
  peerYear: number;
  /** The peer groups' histograms in peerYear. */
  bins: PeerBin[];
  /** Every document of the unit (自评报告, 决算, project sheets …), oldest year first: where its figures came from. */
  documents: UnitDocument[];
  /** Its one document's report_id when it has just one (its page is then that report's: format/url.ts unitHref), else null. */
  sole_report_id: string | null;
  /** What its one-page brief adds, for its latest report (peerYear). */
  brief: UnitBrief;
}

export interface UnitBrief {
  /** The first BRIEF_LIST missed indicators; `total` on each says how many there are. */
  missed: BriefIndicator[];
  /** The first BRIEF_LIST errors and warnings, errors first. */
  checks: BriefCheck[];
  /** Its peer group's median spending structure in peerYear. */
  structure: PeerStructure | null;
}

/** The bulk rows a brief is made of, one array per query. */
export interface BriefRows {
  missed: readonly BriefIndicator[];
  checks: readonly BriefCheck[];
  structures: readonly PeerStructure[];
}

const NO_BRIEF: BriefRows = { missed: [], checks: [], structures: [] };

export type UnitDocument = Pick<ReportRow, "report_id" | "unit_id" | "fiscal_year" | "report_kind">;

/** Every unit's documents, in unit → year → id order. */
function unitDocuments(db: Db): Promise<UnitDocument[]> {
  return db.query<UnitDocument>("SELECT report_id, unit_id, fiscal_year, report_kind FROM reports ORDER BY unit_id, fiscal_year, report_id");
}

export interface SiteUnits {
  units: UnitPage[];
  byUnit: Map<string, UnitPage>;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const binKey = (kind: string, year: number) => `${kind}|${year}`;

/** Groups the bulk query results into one UnitPage per unit_id, in unit_id order. */
export function assembleUnits(years: readonly UnitYear[], sangong: readonly UnitSangongRow[], peers: readonly PeerStat[], bins: readonly PeerBin[], documents: readonly UnitDocument[] = [], brief: BriefRows = NO_BRIEF): SiteUnits {
  const documentsBy = groupBy(documents, (r) => r.unit_id);
  const missedBy = groupBy(brief.missed, (r) => r.unit_id);
  const checksBy = groupBy(brief.checks, (r) => r.unit_id);
  const structureBy = new Map(brief.structures.map((s) => [binKey(s.department_kind, s.fiscal_year), s]));
  const sangongBy = groupBy(sangong, (r) => r.unit_id);
  const peersBy = groupBy(peers, (r) => r.unit_id);
  const binsBy = groupBy(bins, (b) => binKey(b.department_kind, b.fiscal_year));
  const units: UnitPage[] = [];
  for (const [unitId, rows] of groupBy(years, (r) => r.unit_id)) {
    const latest = rows[rows.length - 1]!;
    const docs = documentsBy.get(unitId) ?? [];
    units.push({
      unit_id: unitId,
      county_code: latest.county_code,
      county_zh: latest.county_zh,
      // A unit keeps one name by construction (unit_id comes from it); the latest spelling heads the page.
      department_zh: latest.department_zh,
      department_kind: latest.department_kind,
      years: rows,
      sangong: sangongBy.get(unitId) ?? [],
      peers: peersBy.get(unitId) ?? [],
      peerYear: latest.fiscal_year,
      bins: binsBy.get(binKey(latest.department_kind, latest.fiscal_year)) ?? [],
      documents: docs,
      sole_report_id: docs.length === 1 ? docs[0]!.report_id : null,
      brief: {
        missed: missedBy.get(unitId) ?? [],
        checks: checksBy.get(unitId) ?? [],
        structure: structureBy.get(binKey(latest.department_kind, latest.fiscal_year)) ?? null,
      },
    });
  }
  units.sort((a, b) => (a.unit_id < b.unit_id ? -1 : a.unit_id > b.unit_id ? 1 : 0));
  return { units, byUnit: new Map(units.map((u) => [u.unit_id, u])) };
}

const memo = new WeakMap<Db, Promise<SiteUnits>>();

/** Every unit's page data; the eight queries run once per Db however many pages ask. */
export function siteUnits(db: Db): Promise<SiteUnits> {
  let pending = memo.get(db);
  if (!pending) {
    pending = Promise.all([unitYears(db), unitSangong(db), peerStats(db), peerBins(db), unitDocuments(db), briefIndicators(db), briefChecks(db), peerStructures(db)]).then(
      ([y, s, p, b, d, missed, checks, structures]) => assembleUnits(y, s, p, b, d, { missed, checks, structures }),
    );
    memo.set(db, pending);
  }
  return pending;
}

/** A unit's rank on one measure in one year, or undefined when it does not have the measure. */
export function peerRank(unit: UnitPage, year: number, measure: PeerMeasure): PeerStat | undefined {
  return unit.peers.find((p) => p.fiscal_year === year && p.measure === measure);
}

/** One county: its units, the years any of them reported, and the inputs that failed. */
export interface County extends Pick<ReportRow, "county_code" | "county_zh"> {
  units: UnitPage[];
  /** Newest first. */
  years: number[];
  reports: number;
  failures: Failure[];
}

/**
 * Which county a failed input belongs to: the county code of its report id when the pipeline got that far,
 * else the county name its file name starts with (files are named <year>/<county>-<department>.txt).
 */
export function failureCounty(failure: Failure, manifest: Manifest, counties: readonly Pick<County, "county_code" | "county_zh">[]): string | null {
  const input = manifest.inputs.find((i) => i.source_file === failure.file);
  const code = input?.report_id?.slice(0, 6);
  if (code && counties.some((c) => c.county_code === code)) return code;
  const name = failure.file.split("/").pop() ?? failure.file;
  // Longest name first, so 长沙县 is not taken for a file of 长沙市.
  const byLength = [...counties].sort((a, b) => b.county_zh.length - a.county_zh.length);
  return byLength.find((c) => name.startsWith(c.county_zh))?.county_code ?? null;
}

/** Every county with its units, years and failures, in county code order; failures no county claims apart. */
export function assembleCounties(units: readonly UnitPage[], manifest: Manifest | null): { counties: County[]; unplaced: Failure[] } {
  const counties: County[] = [...groupBy(units, (u) => u.county_code)].map(([code, list]) => ({
    county_code: code,
    county_zh: list[0]!.county_zh,
    units: list,
    years: [...new Set(list.flatMap((u) => u.years.map((y) => y.fiscal_year)))].sort((a, b) => b - a),
    reports: list.reduce((n, u) => n + u.years.length, 0),
    failures: [],
  }));
  counties.sort((a, b) => (a.county_code < b.county_code ? -1 : 1));
  const unplaced: Failure[] = [];
  for (const f of manifest?.failures ?? []) {
    const code = failureCounty(f, manifest!, counties);
    const county = counties.find((c) => c.county_code === code);
    if (county) county.failures.push(f);
    else unplaced.push(f);
  }
  return { counties, unplaced };
}

/** The county's reports of one year, one per unit, in the table's default order (department name). */
export function countyYear(county: County, year: number): { unit: UnitPage; report: UnitYear }[] {
  return county.units
    .flatMap((unit) => {
      const report = unit.years.find((y) => y.fiscal_year === year);
      return report ? [{ unit, report }] : [];
    })
    .sort((a, b) => a.report.department_zh.localeCompare(b.report.department_zh, "zh-CN"));
}
