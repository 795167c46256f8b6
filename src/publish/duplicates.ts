/**
 * Two files that claim the same report (same report_id: department and fiscal year) are decided by content,
 * never by name or path order: the sounder one is published, the other listed as a duplicate. Pure.
 */
import type { Format } from "../readers/types.ts";
import type { CheckRow } from "../schema/tables.ts";
import type { Failure } from "./manifest.ts";
import type { Soundness } from "./process-file.ts";
import { compareText } from "./sort-rows.ts";

/** One file's claim to a report, with what decides between claims. */
export interface Claim {
  sourceFile: string;
  reportId: string;
  format: Format | null;
  encoding: string | null;
  sha256: string;
  soundness: Soundness;
}

export interface DuplicateLoss {
  reportId: string;
  loser: string;
  winner: string;
  /** Why the loser lost, loser's figure first: "识别版式部分 5 个对 7 个". */
  reason: string;
}

// The original Word file, then its PDF export, then its web page, then a converted text: with equal tables, the richer original.
const FORMAT_ORDER: readonly (Format | null)[] = ["docx", "doc", "pdf", "html", "txt", null];
// UTF-8 first: a re-encoded copy (GB18030, UTF-16) is the later one of two equal texts.
const ENCODING_ORDER: readonly (string | null)[] = [null, "utf-8", "gb18030", "utf-16le", "utf-16be"];
const rank = <T>(order: readonly T[], value: T) => (order.includes(value) ? order.indexOf(value) : order.length);
const upper = (s: string | null) => (s === null ? "—" : s.toUpperCase());

interface Criterion {
  /** Negative when a is sounder than b. */
  compare(a: Claim, b: Claim): number;
  reason(loser: Claim, winner: Claim): string;
}

/** In order: the first that tells two claims apart decides. */
const CRITERIA: readonly Criterion[] = [
  { compare: (a, b) => b.soundness.partsFound - a.soundness.partsFound, reason: (l, w) => `识别版式部分 ${l.soundness.partsFound} 个对 ${w.soundness.partsFound} 个` },
  { compare: (a, b) => a.soundness.damagedLines - b.soundness.damagedLines, reason: (l, w) => `含损坏字节的行 ${l.soundness.damagedLines} 行对 ${w.soundness.damagedLines} 行` },
  // A block printed twice adds rows that are no more data: it counts before rows do.
  { compare: (a, b) => a.soundness.repeatedBlocks - b.soundness.repeatedBlocks, reason: (l, w) => `重复印出的段落 ${l.soundness.repeatedBlocks} 处对 ${w.soundness.repeatedBlocks} 处` },
  // Rows before error checks: a copy with lines lost often loses the very figures that disagreed, so it has
  // fewer errors because it has less data (tried: the damaged-copies experiment, test/publish/damaged-copies.test.ts).
  { compare: (a, b) => b.soundness.rows - a.soundness.rows, reason: (l, w) => `数据行 ${l.soundness.rows} 行对 ${w.soundness.rows} 行` },
  { compare: (a, b) => a.soundness.errorChecks - b.soundness.errorChecks, reason: (l, w) => `错误级检查 ${l.soundness.errorChecks} 条对 ${w.soundness.errorChecks} 条` },
  { compare: (a, b) => rank(FORMAT_ORDER, a.format) - rank(FORMAT_ORDER, b.format), reason: (l, w) => `内容相当，.${w.format} 优先于 .${l.format}` },
  { compare: (a, b) => rank(ENCODING_ORDER, a.encoding) - rank(ENCODING_ORDER, b.encoding), reason: (l, w) => `内容相当，${upper(w.encoding)} 编码优先于 ${upper(l.encoding)}` },
  // A longer text beats only a copy flagged as cut off (more text is no merit in itself: a repeated block, a junk line).
  { compare: (a, b) => Number(a.soundness.truncated) - Number(b.soundness.truncated), reason: () => "表格相同，此文件疑似不完整（possibly_truncated），另一文件完整" },
  {
    compare: (a, b) => (a.soundness.truncated && b.soundness.truncated ? b.soundness.chars - a.soundness.chars : 0),
    reason: (l, w) => `表格相同，两者均疑似不完整，文本 ${l.soundness.chars} 字符对 ${w.soundness.chars} 字符`,
  },
  { compare: (a, b) => compareText(a.sha256, b.sha256), reason: () => "内容相当，按 SHA-256 取其一" },
  // Only byte-identical files get here: either choice publishes the same tables, so the path merely makes it repeatable.
  { compare: (a, b) => compareText(a.sourceFile, b.sourceFile), reason: () => "两个文件字节完全相同" },
];

function compareClaims(a: Claim, b: Claim): number {
  for (const c of CRITERIA) {
    const d = c.compare(a, b);
    if (d !== 0) return d;
  }
  return 0;
}

function reasonFor(loser: Claim, winner: Claim): string {
  return CRITERIA.find((c) => c.compare(loser, winner) !== 0)!.reason(loser, winner);
}

/** The published file of each report_id, and every other claim as a loss; losses ordered by loser file. */
export function chooseDuplicates(claims: readonly Claim[]): { winners: Map<string, string>; losses: DuplicateLoss[] } {
  const groups = new Map<string, Claim[]>();
  for (const c of claims) groups.set(c.reportId, [...(groups.get(c.reportId) ?? []), c]);
  const winners = new Map<string, string>();
  const losses: DuplicateLoss[] = [];
  for (const [reportId, group] of groups) {
    const [winner, ...rest] = [...group].sort(compareClaims);
    winners.set(reportId, winner!.sourceFile);
    for (const loser of rest) losses.push({ reportId, loser: loser.sourceFile, winner: winner!.sourceFile, reason: reasonFor(loser, winner!) });
  }
  losses.sort((a, b) => compareText(a.loser, b.loser));
  return { winners, losses };
}

/** The manifest failure of a losing file. */
export function duplicateFailure(loss: DuplicateLoss): Failure {
  return {
    file: loss.loser,
    line: null,
    expected: "a report that no other input also holds",
    found: `the same report (${loss.reportId}) as ${loss.winner}, which was published`,
    message: `${loss.loser}: 与 ${loss.winner} 为同一报告（${loss.reportId}），${loss.reason}；发布的是 ${loss.winner}`,
  };
}

/** The info check the published report carries for each file that lost to it. */
export function duplicateCheck(loss: DuplicateLoss): CheckRow {
  return {
    report_id: loss.reportId,
    rule: "duplicate_input",
    severity: "info",
    metrics: "source_file",
    message: `另一文件 ${loss.loser} 也是本报告，未采用（${loss.reason}）`,
    source_line: null,
  };
}
