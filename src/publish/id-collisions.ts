/**
 * Ids are made of initials (430682-2024-swj), so two departments of one county can share them (商务局 and 水务局,
 * 林业局 and 旅游局). Where a corpus holds both, each of them gets a short suffix from its own name in every year,
 * so neither is taken for a duplicate of the other and each keeps one unit across years. Pure.
 */
import { createHash } from "node:crypto";
import type { ReportChunk } from "./process-file.ts";

/** 4 hex characters of the name's SHA-1: the same name gets the same suffix in every year and every run. */
export const nameSuffix = (department: string) => createHash("sha1").update(department).digest("hex").slice(0, 4);

/** Chunks whose unit_id more than one department claims, renamed apart; others are returned as they were. */
export function separateSharedIds(chunks: readonly ReportChunk[]): ReportChunk[] {
  const names = new Map<string, Set<string>>();
  for (const c of chunks) names.set(c.unitId, (names.get(c.unitId) ?? new Set()).add(c.department));
  return chunks.map((c) => ((names.get(c.unitId)?.size ?? 0) > 1 ? renamed(c, nameSuffix(c.department)) : c));
}

// Rare (a county with two such departments), so decoding and encoding again costs nothing that matters.
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function renamed(chunk: ReportChunk, suffix: string): ReportChunk {
  const reportId = `${chunk.reportId}-${suffix}`;
  const unitId = `${chunk.unitId}-${suffix}`;
  // Every table's first column is report_id (checked in process-file.ts); unit_id stands only in the reports row.
  const lead = `${chunk.reportId},`;
  const rewrite = (csv: string) =>
    csv
      .split("\r\n")
      .map((line) => (line.startsWith(lead) ? reportId + "," + line.slice(lead.length) : line))
      .join("\r\n");
  const text = Object.fromEntries(Object.entries(chunk.csv).map(([t, bytes]) => [t, rewrite(decoder.decode(bytes))])) as Record<keyof ReportChunk["csv"], string>;
  text.reports = text.reports.replace(`,${chunk.unitId},`, `,${unitId},`);
  const csv = Object.fromEntries(Object.entries(text).map(([t, s]) => [t, encoder.encode(s)])) as ReportChunk["csv"];
  return { ...chunk, reportId, unitId, csv };
}
