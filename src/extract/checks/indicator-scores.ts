/** Scores that contradict their indicator: more points than the weight, or full points for a missed target. */
import type { IndicatorRow } from "../../schema/tables.ts";
import type { Note } from "../findings.ts";
import { show } from "../numbers.ts";

export function indicatorScoreChecks(indicators: readonly IndicatorRow[]): Note[] {
  return indicators.flatMap((i): Note[] => {
    const where = i.project ? `项目“${i.project}”指标“${i.name}”` : `指标“${i.name}”`;
    if (i.weight !== null && i.score !== null && i.score > i.weight) {
      return [{ rule: "score_over_weight", severity: "error", metrics: "score,weight", message: `${where}得分${show(i.score)}超过分值${show(i.weight)}。`, line: i.source_line }];
    }
    if (i.status === "missed" && i.weight !== null && i.score !== null && i.score >= i.weight) {
      return [
        {
          rule: "missed_full_score",
          severity: "warning",
          metrics: "score,status",
          message: `${where}目标“${i.target_text}”未达成（实际“${i.actual_text}”），却得满分${show(i.score)}分。`,
          line: i.source_line,
        },
      ];
    }
    return [];
  });
}
