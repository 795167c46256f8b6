/**
 * A department's 自评报告 and its 部门决算 of the same year print some of the same figures (支出合计, 基本支出, 三公 …):
 * where they disagree, both reports get a check naming the other document, its line and both values. Pure.
 */
import { type ReportKind, METRICS, BASES, type Metric } from "../schema/vocab.ts";
import type { TableRows } from "../schema/tables.ts";
import { show } from "../extract/numbers.ts";
import type { ReportChunk } from "./process-file.ts";
import { readCsvBody } from "./write-csv.ts";

/** The figures both kinds of document print for the whole department. */
const COMPARED = new Set<Metric>([
  "income_total", "spend_total", "spend_basic", "spend_project", "spend_personnel", "spend_public",
  "sangong_total", "sangong_abroad", "sangong_vehicle", "sangong_vehicle_purchase", "sangong_vehicle_operation", "sangong_reception", "procurement",
]);
const COMPARED_KINDS: readonly ReportKind[] = ["overall", "final_accounts"];
const KIND_ZH: Partial<Record<ReportKind, string>> = { overall: "部门整体支出绩效自评报告", final_accounts: "部门决算" };

type Fact = TableRows["facts"];

/** Check rows to add, by report_id: each disagreement once in each of the two reports. */
export function crossDocumentChecks(chunks: readonly ReportChunk[]): Map<string, TableRows["checks"][]> {
  const groups = new Map<string, ReportChunk[]>();
  for (const c of chunks) {
    if (!COMPARED_KINDS.includes(c.kind)) continue;
    const key = `${c.unitId}|${c.fiscalYear}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out = new Map<string, TableRows["checks"][]>();
  const add = (reportId: string, row: TableRows["checks"]) => out.set(reportId, [...(out.get(reportId) ?? []), row]);
  const decoder = new TextDecoder();
  for (const group of groups.values()) {
    const overall = group.find((c) => c.kind === "overall");
    const accounts = group.find((c) => c.kind === "final_accounts");
    if (!overall || !accounts) continue;
    const factsOf = (c: ReportChunk) => new Map(readCsvBody("facts", decoder.decode(c.csv.facts)).filter((f) => COMPARED.has(f.metric)).map((f) => [`${f.metric}|${f.basis}|${f.year}`, f] as const));
    const theirs = factsOf(accounts);
    for (const [key, mine] of factsOf(overall)) {
      const other = theirs.get(key);
      if (!other || Math.abs(other.value - mine.value) < 0.005) continue;
      const what = `${METRICS[mine.metric]}（${mine.year}年${BASES[mine.basis]}）`;
      const row = (self: Fact, peer: Fact, peerKind: ReportKind): TableRows["checks"] => ({
        report_id: self.report_id,
        rule: "cross_document_conflict",
        severity: "warning",
        metrics: self.metric,
        message: `${what}本文件第${self.source_line}行为${show(self.value)}万元，同单位同年度的${KIND_ZH[peerKind]}（${peer.report_id}）第${peer.source_line}行为${show(peer.value)}万元。`,
        source_line: self.source_line,
        source_page: self.source_page,
      });
      add(overall.reportId, row(mine, other, "final_accounts"));
      add(accounts.reportId, row(other, mine, "overall"));
    }
  }
  return out;
}
