/** One report text → rows for every published table: identity, recognisers, normalisation, checks. */
import { createHash } from "node:crypto";
import { pinyin } from "pinyin-pro";
import type { CheckRow, FactRow, IndicatorRow, ProjectRow, ReportRow } from "../schema/tables.ts";
import { runChecks } from "./checks/index.ts";
import { CUT_MARK } from "./checks/truncation.ts";
import { departmentKind } from "./department-kind.ts";
import { ParseError } from "./errors.ts";
import { emptyFindings } from "./findings.ts";
import type { Findings, Note, ReportContext } from "./findings.ts";
import { readIdentity } from "./identity.ts";
import { LEADING_HOLDER } from "./org-names.ts";
import { isPlaceName, placePrefix } from "./place.ts";
import { inlineCells, toCells, toLines, type Cell, type Line } from "./lines.ts";
import { reportKind } from "./report-kind.ts";
import { REPORT_KINDS, type ReportKind } from "../schema/vocab.ts";
import { moneyTerms } from "./narrative-terms.ts";
import { selectFacts, selectFields, selectProjects } from "./normalize.ts";
import { RECOGNIZERS } from "./recognizers/index.ts";

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


/**
 * The department's own name, without its county (and the county's city): "临湘市科技和工业信息化局", "株洲市天元区教育局"
 * → "科技和工业信息化局", "教育局"; "红河州数据发展中心" → "数据发展中心"; "政协平凉市委员会办公室" → "政协委员会办公室".
 */
export function ownName(department: string, countyZh: string): string {
  // Bodies whose names hold their place inside: 政协平凉市委员会办公室, 中共上海市普陀区委社会工作部.
  const lead = LEADING_HOLDER.exec(department)?.[0] ?? "";
  const prefixed = placePrefix(department, "", lead.length);
  if (prefixed && prefixed.place.zh === countyZh && lead.length + prefixed.length < department.length) {
    return lead + department.slice(lead.length + prefixed.length);
  }
  const at = department.indexOf(countyZh);
  const end = at + countyZh.length;
  if (at < 0 || end >= department.length) return department;
  return at === 0 || isPlaceName(department.slice(0, at)) ? department.slice(end) : department;
}

/** "临湘市科技和工业信息化局" → "430682-kjgyxxhj": the department of one county across years. */
export function unitId(countyCode: string, countyZh: string, department: string): string {
  return `${countyCode}-${initialsOf(ownName(department, countyZh))}`;
}

// A department publishes one overall report, one 决算 and one 预算 a year, and a sheet or report per project.
const KIND_SUFFIX: Record<ReportKind, string> = { overall: "", final_accounts: "-js", budget: "-ys", project_sheet: "-xm", project_report: "-xm" };

/**
 * "临湘市科技和工业信息化局", 2024 → "430682-2024-kjgyxxhj": county code, year, initials of the department's own name;
 * other kinds than the overall report add theirs ("-js" for a 决算), a project's the hash of its projects' names.
 */
export function reportId(countyCode: string, countyZh: string, fiscalYear: number, department: string, kind: ReportKind = "overall", projects: readonly string[] = []): string {
  const base = `${countyCode}-${fiscalYear}-${initialsOf(ownName(department, countyZh))}${KIND_SUFFIX[kind]}`;
  if (KIND_SUFFIX[kind] !== "-xm" || projects.length === 0) return base;
  return `${base}-${createHash("sha1").update([...new Set(projects)].sort().join("\n")).digest("hex").slice(0, 4)}`;
}

// Departments repeat across counties and years; pinyin segmentation is the slow part of an id.
const initialsCache = new Map<string, string>();
function initialsOf(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    const letters = pinyin(name.replace(/[和与及的（）()、\s]/g, ""), { pattern: "first", toneType: "none", type: "array" }) as string[];
    initials = letters.join("").toLowerCase().replace(/[^a-z0-9]/g, "") || "dept";
    initialsCache.set(name, initials);
  }
  return initials;
}

// Header cells of a form's tables: printed one a line, they say the form lost its rows.
const FORM_HEADER = /^(?:年初预算数|全年预算数|调整(?:后)?预算数|全年执行数|执行率|三级指标|年度指标值|实际完成值|收入合计|支出合计)$/;

/** A form without rows: its header labels each alone on a line, and no cell among them. */
function cellsOneALine(lines: readonly Line[], cells: readonly Cell[]): Note | null {
  const labels = lines.filter((l) => !l.raw.startsWith("\t") && FORM_HEADER.test(l.text));
  if (labels.length < 3) return null;
  const first = labels[0]!;
  const last = labels.at(-1)!;
  if (cells.some((c) => c.line >= first.n && c.line <= last.n)) return null;
  return {
    rule: "row_misaligned",
    severity: "warning",
    metrics: "text",
    message: `第${first.n}行起表格的单元格一格一行（${labels.slice(0, 3).map((l) => l.text).join("、")}…），行已丢失，数字无法对应到列`,
    line: first.n,
  };
}

/** A form run into one line (a document-sharing site's text of a .doc): its header labels side by side among prose. */
function formInOneLine(lines: readonly Line[]): Note | null {
  for (const l of lines) {
    if (l.text.length < 200) continue;
    const labels = l.text.split(/\s+/).filter((t) => FORM_HEADER.test(t));
    if (labels.length < 3) continue;
    return {
      rule: "row_misaligned",
      severity: "warning",
      metrics: "text",
      message: `第${l.n}行整张表格连成一行（${labels.slice(0, 3).join("、")}…），行已丢失，数字无法对应到列`,
      line: l.n,
    };
  }
  return null;
}

/** Reads one report text into rows for every published table. Throws ParseError when the text is not a report. */
export function extractReport(input: ReportInput): ExtractedReport {
  const lines = toLines(input.text);
  if (lines.every((l) => l.text === "")) throw new ParseError(input.sourceFile, null, "a report text", "an empty file");
  const cells = toCells(lines);
  const identity = readIdentity(input.sourceFile, lines, cells);
  // Running text: neither a table cell nor a row printed on one line.
  const prose = lines.filter((l) => !l.raw.startsWith("\t") && l.text.includes("元") && inlineCells(l) === null).map((line) => ({ line, terms: moneyTerms(line.text) }));
  const ctx: ReportContext = { file: input.sourceFile, lines, cells, prose, fiscalYear: identity.fiscal_year, kind: reportKind(lines, []) };

  const findings: Findings = emptyFindings();
  const found: string[] = [];
  const absent: string[] = [];
  for (const r of RECOGNIZERS) {
    const part = r.recognize(ctx);
    (part ? found : absent).push(r.part);
    if (!part) continue;
    for (const key of Object.keys(findings) as (keyof Findings)[]) (findings[key] as unknown[]).push(...(part[key] ?? []));
  }
  const kind = reportKind(lines, found);
  if (findings.facts.length + findings.fields.length + findings.projects.length + findings.indicators.length === 0) {
    const last = lines.findLast((l) => l.text !== "");
    const cut = last && CUT_MARK.test(last.text) ? `, cut off at line ${last.n}` : "";
    // A row whose figures cannot be placed under its header is the real cause where it is the only one; so is a form
    // whose cells come one a line, or all on one line, with its rows lost (a document-sharing site's preview).
    const misaligned = findings.notes.find((n) => n.rule === "row_misaligned") ?? cellsOneALine(lines, cells) ?? formInOneLine(lines);
    throw new ParseError(
      input.sourceFile,
      misaligned?.line ?? last?.n ?? null,
      "figures: an amount, a score, staff numbers or an indicator (a money table, 绩效自评表 or spending paragraph such as 基本支出…万元)",
      misaligned
        ? `none that can be read: ${identity.department_zh}'s ${identity.fiscal_year} ${REPORT_KINDS[kind]} prints a row whose figures fit no column (${misaligned.message})${cut}`
        : `none: ${identity.department_zh}'s ${identity.fiscal_year} ${REPORT_KINDS[kind]} prints no figure${cut}`,
    );
  }

  const id = reportId(identity.county_code, identity.county_zh, identity.fiscal_year, identity.department_zh, kind, findings.projects.map((p) => p.name));
  const facts = selectFacts(id, findings.facts);
  const fields = selectFields(findings.fields);
  const projects = selectProjects(id, findings.projects);
  const indicators: IndicatorRow[] = findings.indicators.map((i) => ({ report_id: id, ...i }));
  const notes = [...findings.notes, ...facts.notes, ...fields.notes, ...projects.notes, ...runChecks(facts.rows, indicators, findings.sums, ctx)];
  return {
    report: {
      report_id: id,
      ...identity,
      unit_id: unitId(identity.county_code, identity.county_zh, identity.department_zh),
      department_kind: departmentKind(ownName(identity.department_zh, identity.county_zh)),
      report_kind: kind,
      ...fields.fields,
      source_file: input.sourceFile,
      source_sha256: input.sha256,
    },
    facts: facts.rows,
    indicators,
    projects: projects.rows,
    checks: notes.map((n) => ({ report_id: id, rule: n.rule, severity: n.severity, metrics: n.metrics, message: n.message, source_line: n.line })),
    parts: { found, absent },
  };
}
