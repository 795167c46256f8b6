/** Loads a seed report from data/reports and extracts it, once per file. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExtractedReport } from "../../src/extract/report.ts";
import { extractReport } from "../../src/extract/report.ts";
import type { FactRow } from "../../src/schema/tables.ts";

export const REPORTS_DIR = join(import.meta.dirname, "../../data/reports");

const cache = new Map<string, ExtractedReport>();

export function seed(relative: string): ExtractedReport {
  const hit = cache.get(relative);
  if (hit) return hit;
  const bytes = readFileSync(join(REPORTS_DIR, relative));
  const out = extractReport({ text: bytes.toString("utf8"), sourceFile: relative, sha256: createHash("sha256").update(bytes).digest("hex") });
  cache.set(relative, out);
  return out;
}

/** The published fact for (metric, basis, year) as [value, source_line], or undefined. */
export function fact(r: ExtractedReport, metric: string, basis: string, year: number): [number, number] | undefined {
  const f: FactRow | undefined = r.facts.find((x) => x.metric === metric && x.basis === basis && x.year === year);
  return f ? [f.value, f.source_line] : undefined;
}

/** Check rows of one rule, as [severity, metrics, source_line]. */
export function checksOf(r: ExtractedReport, rule: string): [string, string, number | null][] {
  return r.checks.filter((c) => c.rule === rule).map((c) => [c.severity, c.metrics, c.source_line]);
}

/** The source text line, to assert that a value really stands where source_line says. */
export function lineText(relative: string, n: number): string {
  return readFileSync(join(REPORTS_DIR, relative), "utf8").split(/\r?\n/)[n - 1] ?? "";
}
