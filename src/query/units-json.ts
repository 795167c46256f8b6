/** A county's units as the static JSON of src/schema/units-json.ts, from the data its pages are built of. Pure. */
import { reportHref, unitHref, withBase } from "../format/url.ts";
import { UNITS_JSON_VERSION, type CountyUnits, type Figure, type UnitJson } from "../schema/units-json.ts";
import type { County, UnitDocument, UnitPage } from "./unit-pages.ts";

/** Where a county's file is served, under the site's base: data/units/<code>.json. */
export const unitsJsonPath = (countyCode: string) => `data/units/${countyCode}.json`;

const documentJson = (d: Pick<UnitDocument, "report_id" | "fiscal_year" | "report_kind">, base: string) => ({
  report_id: d.report_id,
  fiscal_year: d.fiscal_year,
  report_kind: d.report_kind,
  page: reportHref(base, d.report_id),
});

const fig = (value: number | null, line: number | null): Figure | null => (value === null ? null : { value, line });

function unitJson(unit: UnitPage, base: string): UnitJson {
  return {
    unit_id: unit.unit_id,
    department_zh: unit.department_zh,
    department_kind: unit.department_kind,
    page: unitHref(base, unit),
    reports: unit.years.map((r) => ({
      ...documentJson(r, base),
      spend_total: fig(r.spend_total, r.spend_total_line),
      spend_basic: fig(r.spend_basic, r.spend_basic_line),
      spend_project: fig(r.spend_project, r.spend_project_line),
      spend_personnel: fig(r.spend_personnel, r.spend_personnel_line),
      spend_public: fig(r.spend_public, r.spend_public_line),
      sangong_total: fig(r.sangong_total, r.sangong_total_line),
      execution_rate: fig(r.execution_rate, r.execution_rate_line),
      staff_actual: r.staff_actual,
      self_score: r.self_score,
      grade: r.grade,
      indicators: { met: r.met, missed: r.missed, unknown: r.unknown },
      checks: { error: r.checks_error, warning: r.checks_warning, info: r.checks_info },
      sangong: unit.sangong
        .filter((s) => s.report_id === r.report_id)
        .map((s) => ({
          category: s.category,
          category_zh: s.category_zh,
          last_actual: fig(s.last_actual, s.last_actual_line),
          budget: fig(s.budget, s.budget_line),
          actual: fig(s.actual, s.actual_line),
        })),
    })),
    documents: unit.documents.map((d) => documentJson(d, base)),
  };
}

/** The county's file: its units in unit_id order (as County holds them). */
export function countyUnitsJson(county: County, base: string, releaseId: string | null): CountyUnits {
  return {
    version: UNITS_JSON_VERSION,
    release_id: releaseId,
    county_code: county.county_code,
    county_zh: county.county_zh,
    page: withBase(base, `counties/${county.county_code}/`),
    units: county.units.map((u) => unitJson(u, base)),
  };
}
