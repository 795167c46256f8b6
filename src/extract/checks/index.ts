/** Every consistency rule run over one report's rows. A new rule is one more file and one more line here. */
import type { FactRow, IndicatorRow } from "../../schema/tables.ts";
import type { Note, ReportContext, SumClaim } from "../findings.ts";
import { executionRateChecks } from "./execution-rate.ts";
import { factSumClaims } from "./fact-sums.ts";
import { indicatorScoreChecks } from "./indicator-scores.ts";
import { repeatedBlockChecks } from "./repeated-block.ts";
import { sumClaimChecks } from "./sum-claims.ts";
import { truncationChecks } from "./truncation.ts";

export function runChecks(
  facts: readonly FactRow[],
  indicators: readonly IndicatorRow[],
  claims: readonly SumClaim[],
  text: Pick<ReportContext, "lines" | "cells">,
): Note[] {
  return [
    ...sumClaimChecks([...factSumClaims(facts), ...claims], facts),
    ...executionRateChecks(facts),
    ...indicatorScoreChecks(indicators),
    ...truncationChecks(text.lines, text.cells),
    ...repeatedBlockChecks(text.lines, text.cells),
  ];
}
