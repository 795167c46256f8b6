/** The layout parts a report may contain, in the order they are read. A new layout is one more file and one more line here. */
import type { Recognizer } from "../findings.ts";
import { accountsProse } from "./accounts-prose.ts";
import { accountsSangong } from "./accounts-sangong.ts";
import { accountsSummary } from "./accounts-summary.ts";
import { accountsTotals } from "./accounts-totals.ts";
import { baseDataTable } from "./base-data-table.ts";
import { evaluationSheets } from "./evaluation-sheets.ts";
import { formTables } from "./form-tables.ts";
import { level1ScoreTable } from "./level1-score-table.ts";
import { narrativeBreakdowns } from "./narrative-breakdowns.ts";
import { narrativeMoney } from "./narrative-money.ts";
import { narrativeProjects } from "./narrative-projects.ts";
import { projectProse } from "./project-prose.ts";
import { reportFields } from "./report-fields.ts";
import { targetTable } from "./target-table.ts";

export const RECOGNIZERS: readonly Recognizer[] = [
  reportFields,
  ...formTables,
  targetTable,
  baseDataTable,
  evaluationSheets,
  level1ScoreTable,
  accountsSummary,
  accountsTotals,
  accountsSangong,
  accountsProse,
  narrativeMoney,
  narrativeProjects,
  projectProse,
  narrativeBreakdowns,
];
