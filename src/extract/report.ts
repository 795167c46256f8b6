import type { CheckRow, FactRow, IndicatorRow, ProjectRow, ReportRow } from "../schema/tables.ts";

export interface ReportInput {
  /** Decoded text of the report. */
  text: string;
  /** Path relative to the corpus root, used in reports.source_file and in error messages. */
  sourceFile: string;
  sha256: string;
}

export interface ExtractedReport {
  report: ReportRow;
  facts: FactRow[];
  indicators: IndicatorRow[];
  projects: ProjectRow[];
  checks: CheckRow[];
  /** Layout parts recognised in the text, and those looked for but absent. */
  parts: { found: string[]; absent: string[] };
}

/** Reads one report text into rows for every published table. Throws ParseError when the text is not a report. */
export function extractReport(input: ReportInput): ExtractedReport {
  throw new Error(`not implemented yet: ${input.sourceFile}`);
}
