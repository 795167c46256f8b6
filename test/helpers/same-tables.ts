/**
 * Compares what the extractor makes of one report read from two formats (a seed .txt and its .docx, .doc or
 * .pdf): the same rows in every published table, line numbers aside, and every source_line pointing at a
 * line of its own text that prints the row's value.
 */
import { squash, toLines } from "../../src/extract/lines.ts";
import { foldWidth } from "../../src/extract/numbers.ts";
import type { ExtractedReport } from "../../src/extract/report.ts";
import { extractReport } from "../../src/extract/report.ts";

/** The compared columns of every table (no source_line, source_file or hash), rows sorted so order does not count. */
export interface TablesView {
  report: Record<string, unknown>;
  facts: string[];
  indicators: string[];
  projects: string[];
  checks: string[];
}

const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

export function tablesView(r: ExtractedReport): TablesView {
  const { source_file: _file, source_sha256: _sha, ...report } = r.report;
  return {
    report,
    facts: sorted(r.facts.map((f) => [f.metric, f.basis, f.year, f.value, f.unit])),
    indicators: sorted(r.indicators.map((i) => [i.sheet, i.project, i.level1, i.level2, i.name, i.target_text, i.actual_text, i.status, i.weight, i.score])),
    projects: sorted(r.projects.map((p) => [p.name, p.basis, p.year, p.amount])),
    checks: sorted(r.checks.map((c) => [c.rule, c.severity, c.metrics])),
  };
}

/** Extracts a reader's text the way the pipeline does (sha256 is not compared). */
export function extractText(text: string, sourceFile: string): ExtractedReport {
  return extractReport({ text, sourceFile, sha256: "" });
}

/**
 * Rows whose source_line does not print their value, described for a failing assertion ([] when all do).
 * A cell's line counts with its untabbed continuation lines ("532." / "95" would still match), a prose line
 * alone; numbers are compared by value after dropping thousands separators, texts after removing spaces.
 * A figure that a derived_value check says is not printed is exempt.
 */
export function sourceLineMisses(r: ExtractedReport, text: string): string[] {
  const lines = toLines(text);
  const at = (n: number) => {
    let s = lines[n - 1]?.text ?? "";
    if (!lines[n - 1]?.raw.startsWith("\t")) return s; // a prose line stands alone
    for (let i = n; i < lines.length && lines[i]!.raw !== "" && !lines[i]!.raw.startsWith("\t"); i++) s += lines[i]!.text;
    return s;
  };
  const printsNumber = (n: number, value: number) => (foldWidth(at(n)).replace(/(\d),(?=\d{3})/g, "$1").match(/\d+(?:\.\d+)?/g) ?? []).some((s) => Number(s) === value);
  const printsText = (n: number, ...texts: string[]) => texts.some((t) => t !== "" && squash(at(n)).includes(squash(t)));
  const misses: string[] = [];
  const miss = (what: string, n: number | null) => misses.push(`${what} at line ${n}: ${n === null ? "" : JSON.stringify(lines[n - 1]?.raw ?? "(no such line)")}`);
  // A figure the report does not print (人员经费 summed from its parts) cites its parts' line; checks says so.
  const derived = new Set(r.checks.filter((c) => c.rule === "derived_value").map((c) => `${c.metrics}#${c.source_line}`));
  for (const f of r.facts) if (!derived.has(`${f.metric}#${f.source_line}`) && !printsNumber(f.source_line, f.value)) miss(`fact ${f.metric} ${f.basis} ${f.year} = ${f.value}`, f.source_line);
  for (const p of r.projects) if (!printsNumber(p.source_line, p.amount)) miss(`project ${p.name} ${p.basis} = ${p.amount}`, p.source_line);
  for (const i of r.indicators) if (!printsText(i.source_line, i.name, i.target_text, i.actual_text)) miss(`indicator ${i.name}`, i.source_line);
  for (const c of r.checks) if (c.source_line !== null && at(c.source_line) === "") miss(`check ${c.rule}`, c.source_line);
  return misses;
}

const BOOKMARK = /\[bookmark: [^\]\n]*\]/g;

/**
 * Rows whose source_line in one text reads differently from the same row's source_line in the other: for
 * readers that keep the seed's lines (docx, doc), the line a value cites must be the same printed line.
 */
export function sourceLineChanges(actual: ExtractedReport, actualText: string, expected: ExtractedReport, expectedText: string): string[] {
  // Tika printed Word's hidden bookmarks ("[bookmark: _GoBack]"); readers need not.
  const a = toLines(actualText.replace(BOOKMARK, ""));
  const e = toLines(expectedText.replace(BOOKMARK, ""));
  const changes: string[] = [];
  const compare = (what: string, x: readonly { source_line: number | null }[], y: readonly { source_line: number | null }[]) => {
    x.forEach((row, k) => {
      const was = y[k]?.source_line;
      const now = row.source_line;
      const nowText = now === null ? null : (a[now - 1]?.text ?? null);
      const wasText = was === null || was === undefined ? null : (e[was - 1]?.text ?? null);
      if (nowText !== wasText) changes.push(`${what} #${k}: line ${now} ${JSON.stringify(nowText)} ≠ seed line ${was} ${JSON.stringify(wasText)}`);
    });
  };
  compare("fact", actual.facts, expected.facts);
  compare("indicator", actual.indicators, expected.indicators);
  compare("project", actual.projects, expected.projects);
  compare("check", actual.checks, expected.checks);
  return changes;
}
