/**
 * Ids are made of initials (430682-2024-swj), so two departments of one county can share them (商务局 and 水务局,
 * 林业局 and 旅游局). Where a corpus holds both, each of them gets a short suffix from its own name in every year,
 * so neither is taken for a duplicate of the other and each keeps one unit across years. Pure.
 */
import { createHash } from "node:crypto";
import { abbreviates } from "../extract/identity.ts";
import type { ReportChunk } from "./process-file.ts";

/** 4 hex characters of the name's SHA-1: the same name gets the same suffix in every year and every run. */
export const nameSuffix = (department: string) => createHash("sha1").update(department).digest("hex").slice(0, 4);

/** Chunks whose unit_id more than one department claims, renamed apart; others are returned as they were. */
export function separateSharedIds(chunks: readonly ReportChunk[]): ReportChunk[] {
  const names = new Map<string, Set<string>>();
  for (const c of chunks) names.set(c.unitId, (names.get(c.unitId) ?? new Set()).add(c.department));
  return chunks.map((c) => ((names.get(c.unitId)?.size ?? 0) > 1 ? renamed(c, `${c.reportId}-${nameSuffix(c.department)}`, `${c.unitId}-${nameSuffix(c.department)}`) : c));
}

/**
 * A department one report names by its short form (吉首市科工信局) and another in full (吉首市科技和工业信息化局) is
 * one department: the short form's reports take the full name's ids (and count as that name where two departments
 * share initials), so a cut-off copy that stops before the full name is a duplicate of its report, not a unit of its own.
 */
export function joinAbbreviations(chunks: readonly ReportChunk[]): ReportChunk[] {
  const byCounty = new Map<string, Map<string, ReportChunk>>();
  for (const c of chunks) {
    const county = c.unitId.slice(0, c.unitId.indexOf("-"));
    const names = byCounty.get(county) ?? new Map<string, ReportChunk>();
    if (!names.has(c.department)) names.set(c.department, c);
    byCounty.set(county, names);
  }
  const full = new Map<string, ReportChunk>();
  for (const names of byCounty.values()) {
    for (const [name] of names) {
      const longer = [...names.entries()].filter(([other]) => abbreviates(name, other)).sort(([a], [b]) => b.length - a.length)[0];
      if (longer) full.set(name, longer[1]);
    }
  }
  if (full.size === 0) return [...chunks];
  return chunks.map((c) => {
    const target = full.get(c.department);
    if (!target || target.unitId === c.unitId) return target ? { ...c, department: target.department } : c;
    // report_id is <unit's county>-<year>-<unit's initials><kind's suffix>: the year and suffix stay.
    const initials = c.unitId.slice(c.unitId.indexOf("-"));
    const at = c.reportId.indexOf(initials, c.reportId.indexOf("-", c.reportId.indexOf("-") + 1));
    const reportId = at < 0 ? c.reportId : c.reportId.slice(0, at) + target.unitId.slice(target.unitId.indexOf("-")) + c.reportId.slice(at + initials.length);
    return { ...renamed(c, reportId, target.unitId), department: target.department };
  });
}

// Rare (a county with two such departments), so decoding and encoding again costs nothing that matters.
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function renamed(chunk: ReportChunk, reportId: string, unitId: string): ReportChunk {
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
