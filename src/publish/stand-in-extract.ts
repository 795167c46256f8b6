/**
 * A stand-in for extractReport with the same contract, for tests of the I/O side and for the benchmark
 * while the real extractor is being written. Rows are plausible in shape and volume, not in meaning.
 */
import { ParseError } from "../extract/errors.ts";
import type { ExtractedReport, ReportInput } from "../extract/report.ts";
import { BASIS_NAMES, LEVEL1, METRIC_NAMES } from "../schema/vocab.ts";
import type { FactRow, IndicatorRow, ProjectRow } from "../schema/tables.ts";

const YEAR = /((?:19|20)\d{2})\s*年度/;
const MONEY = /(\d+(?:\.\d+)?)\s*万元/g;

/** Extracts rows by surface patterns: one fact per 万元 figure (up to one per metric and basis), one indicator per line naming 指标. */
export function standInExtract({ text, sourceFile, sha256 }: ReportInput): ExtractedReport {
  const lines = text.split(/\r?\n/);
  const yearAt = lines.findIndex((l) => YEAR.test(l));
  if (text.trim() === "") throw new ParseError(sourceFile, null, "a report text", "an empty file");
  if (yearAt < 0) throw new ParseError(sourceFile, 1, 'a fiscal year such as "2024年度"', `"${(lines[0] ?? "").slice(0, 40)}"`);
  const year = Number(YEAR.exec(lines[yearAt] ?? "")?.[1]);
  const report_id = `sim-${year}-${sha256.slice(0, 12)}`;

  const facts: FactRow[] = [];
  const projects: ProjectRow[] = [];
  const indicators: IndicatorRow[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(MONEY)) {
      const k = facts.length;
      if (k >= METRIC_NAMES.length * BASIS_NAMES.length) break;
      facts.push({
        report_id, metric: METRIC_NAMES[k % METRIC_NAMES.length]!, basis: BASIS_NAMES[Math.floor(k / METRIC_NAMES.length)]!,
        year, value: Number(m[1]), unit: "万元", source_line: i + 1,
      });
    }
    const project = line.includes("万元") ? /([\u4e00-\u9fa5]{4,20}?)(?:资金|经费)(\d+(?:\.\d+)?)万元/.exec(line) : null;
    if (project?.[1] && project[2]) {
      projects.push({ report_id, name: project[1], amount: Number(project[2]), basis: "actual", year, source_line: i + 1 });
    }
    if (/指标/.test(line)) {
      indicators.push({
        report_id, sheet: "overall", project: null, level1: LEVEL1[i % LEVEL1.length]!, level2: null,
        name: line.trim().slice(0, 40), target_text: "≥95%", actual_text: "100%", target_value: 95, actual_value: 100,
        unit: "%", direction: "higher", weight: 10, score: i % 7 === 0 ? null : 9.5, status: "met", source_line: i + 1,
        target_line: i + 1, actual_line: i + 1, weight_line: i + 1, score_line: i % 7 === 0 ? null : i + 1,
      });
    }
  });
  return {
    report: {
      report_id, county_code: "430682", county_zh: "临湘市", county_en: "Linxiang", department_zh: "（模拟）",
      unit_id: "430682-mn", department_kind: "other", report_kind: "overall", fiscal_year: year, self_score: null, grade: null, staff_authorized: null, staff_actual: null,
      source_file: sourceFile, source_sha256: sha256,
    },
    facts,
    indicators,
    projects,
    checks: [{ report_id, rule: "stand_in", severity: "info", metrics: "spend_total", message: "模拟数据", source_line: null }],
    parts: { found: ["stand-in"], absent: [] },
  };
}
