/**
 * The static JSON of a county's units (/data/units/<county code>.json): each unit's reports and headline figures,
 * every figure with the line of its report it was read from. One schema for the writer (src/query/units-json.ts),
 * the tests and the data dictionary (its descriptions are the dictionary's text). One file per county, not per
 * unit: a file per unit would take the thin national corpus of 10,000 reports past the site's 20,000-file budget.
 */
import { z } from "zod";
import { DEPARTMENT_KINDS, REPORT_KINDS } from "./vocab.ts";

/** Bumped on any change of the shape below: major when a field goes or changes meaning, minor when one is added. */
export const UNITS_JSON_VERSION = "1.0.0";

const kinds = <T extends Record<string, unknown>>(vocab: T) => z.enum(Object.keys(vocab) as [keyof T & string, ...(keyof T & string)[]]);

/** A figure and its source line; the data dictionary names it once rather than at every use. */
export const figureSchema = z
  .object({
    value: z.number().describe("the figure as the report prints it"),
    line: z.number().int().positive().nullable().describe("1-based line of the report it stands on; its source is the report's `page` + `#L` + line"),
  })
  .strict();
const figure = figureSchema;
const money = (what: string) => figure.nullable().describe(`${what}, 万元 (null: the report does not print it)`);

const sangongCategory = z
  .object({
    category: z.string().describe("the category as its facts.metric: `sangong_total`, `sangong_reception`, `sangong_vehicle_operation` … (metric vocabulary)"),
    category_zh: z.string().describe("its Chinese name"),
    last_actual: money("last year's actual"),
    budget: money("this year's budget"),
    actual: money("this year's actual"),
  })
  .strict();

/** A document of the unit: a report of any kind, and its page on this site. */
const document = z
  .object({
    report_id: z.string().describe("reports.report_id"),
    fiscal_year: z.number().int().describe("the year the report evaluates"),
    report_kind: kinds(REPORT_KINDS).describe("reports.report_kind"),
    page: z.string().describe("the report page on this site (its whole text, numbered lines)"),
  })
  .strict();

/** The document a year's figures come from, with those figures. */
const report = document
  .extend({
    spend_total: money("支出合计"),
    spend_basic: money("基本支出"),
    spend_project: money("项目支出"),
    spend_personnel: money("人员经费"),
    spend_public: money("公用经费"),
    sangong_total: money("三公经费合计, this year's actual"),
    execution_rate: figure.nullable().describe("预算执行率 in % (null: not printed)"),
    staff_actual: z.number().nullable().describe("实有人数"),
    self_score: z.number().nullable().describe("自评得分"),
    grade: z.string().nullable().describe("自评等级 (优, 良 …)"),
    indicators: z
      .object({ met: z.number().int().describe("indicators met"), missed: z.number().int().describe("missed"), unknown: z.number().int().describe("whose completion cannot be judged") })
      .strict()
      .describe("its performance indicators by status"),
    checks: z
      .object({ error: z.number().int().describe("errors"), warning: z.number().int().describe("warnings"), info: z.number().int().describe("notes") })
      .strict()
      .describe("its data-quality checks by severity (the checks table)"),
    sangong: z.array(sangongCategory).describe("三公 by category, the total included: last year's actual → budget → actual"),
  })
  .strict();

const unit = z
  .object({
    unit_id: z.string().describe("reports.unit_id: the department in every year"),
    department_zh: z.string().describe("its name in its latest report"),
    department_kind: kinds(DEPARTMENT_KINDS).describe("reports.department_kind"),
    page: z.string().describe("the unit's page on this site: /units/<unit_id>/, or for a unit with one document that report's page"),
    reports: z.array(report).describe("one a year, oldest first: the document each year's figures come from"),
    documents: z.array(document).describe("every document of the unit (自评报告, 决算, project sheets …), oldest year first"),
  })
  .strict();

export const countyUnitsSchema = z
  .object({
    version: z.literal(UNITS_JSON_VERSION).describe("the version of this format"),
    release_id: z.string().nullable().describe("the data release the figures are from (manifest.json)"),
    county_code: z.string().regex(/^\d{6}$/).describe("the county's administrative code"),
    county_zh: z.string().describe("its name"),
    page: z.string().describe("the county page on this site"),
    units: z.array(unit).describe("every unit of the county with a published report, in unit_id order"),
  })
  .strict();

export type CountyUnits = z.infer<typeof countyUnitsSchema>;
export type UnitJson = CountyUnits["units"][number];
export type Figure = z.infer<typeof figure>;
