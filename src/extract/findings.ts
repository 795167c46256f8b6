/** What recognisers find in a report before normalisation: candidates that still carry their provenance. */
import type { IndicatorRow, ReportRow } from "../schema/tables.ts";
import type { Basis, Metric, ReportKind, Severity } from "../schema/vocab.ts";
import type { Cell, Line } from "./lines.ts";
import type { MoneyTerm } from "./narrative-terms.ts";

/** A money figure as one place in the text states it. */
export interface FactCandidate {
  metric: Metric;
  basis: Basis;
  year: number;
  value: number;
  unit: string;
  line: number;
  /**
   * Tables break figures down and outrank narrative statements of the same figure; "sheet" is a total a
   * 自评表 carries in its funds row (全年执行数 as 支出合计): a table that breaks the total down outranks it.
   */
  source: "table" | "sheet" | "narrative";
  /** "fund" when the statement covers one funding source only (一般公共预算财政拨款…). */
  scope: "all" | "fund";
}

export type FieldName = "staff_authorized" | "staff_actual" | "self_score" | "grade";

/** A report-level field (staff, score, grade) as one place states it. */
export interface FieldCandidate {
  field: FieldName;
  value: number | string;
  line: number;
  source: "table" | "narrative";
}

export interface ProjectCandidate {
  name: string;
  amount: number;
  basis: Basis;
  year: number;
  line: number;
}

export type IndicatorCandidate = Omit<IndicatorRow, "report_id">;

export interface Term {
  label: string;
  value: number;
  line: number;
}

/** "These parts should add up to that total", as a table or list in the report claims. */
/** The report's published figure for a metric, resolved after normalisation. */
export interface FactRef {
  metric: Metric;
  basis: Basis;
  year: number;
}

export interface SumClaim {
  rule: string;
  metrics: string;
  /** What is being added up, in Chinese, for the message: "项目支出明细（2024年决算数）". */
  what: string;
  total: Term | FactRef;
  parts: Term[];
}

/** A problem noticed while reading, published as a check row as it is. */
export interface Note {
  rule: string;
  severity: Severity;
  metrics: string;
  message: string;
  line: number | null;
}

export interface Findings {
  facts: FactCandidate[];
  fields: FieldCandidate[];
  projects: ProjectCandidate[];
  indicators: IndicatorCandidate[];
  sums: SumClaim[];
  notes: Note[];
}

export function emptyFindings(): Findings {
  return { facts: [], fields: [], projects: [], indicators: [], sums: [], notes: [] };
}

/** A line of running text (not a table cell) with the money figures in it. */
export interface ProseLine {
  line: Line;
  terms: MoneyTerm[];
}

/** Everything a recogniser may read. */
export interface ReportContext {
  file: string;
  lines: readonly Line[];
  cells: readonly Cell[];
  /** Lines of running text that print an amount in 元, 万元 or 亿元. */
  prose: readonly ProseLine[];
  fiscalYear: number;
  /** The kind the text's heading names (report-kind.ts): a project's own report is no source of the department's figures. */
  kind: ReportKind;
}

/** A recogniser reads one kind of layout part; it returns null when the part is not in the text. */
export interface Recognizer {
  part: string;
  recognize(ctx: ReportContext): Partial<Findings> | null;
}

export type ReportIdentity = Pick<ReportRow, "county_code" | "county_zh" | "county_en" | "department_zh" | "fiscal_year">;
