/** Every chart by id: the pages and the browser look charts up here, so both use the same spec. */
import type { ChartSpec } from "./chart.ts";
import { checkRulesChart, checksChart } from "./checks.ts";
import { compareChart } from "./compare.ts";
import { executionRateDistribution, personnelShareDistribution, selfScoreDistribution } from "./distribution.ts";
import { indicatorCompletionChart } from "./indicator-completion.ts";
import { indicatorScoreChart } from "./indicator-score.ts";
import { indicatorsChart } from "./indicators.ts";
import { sangongChart } from "./sangong.ts";
import { spendingChart } from "./spending.ts";

// Each spec is typed on its own row type; the registry only hands rows from a spec's query back to that spec.
export const CHARTS = {
  spending: spendingChart,
  sangong: sangongChart,
  indicators: indicatorsChart,
  "indicator-completion": indicatorCompletionChart,
  "indicator-score": indicatorScoreChart,
  compare: compareChart,
  checks: checksChart,
  "check-rules": checkRulesChart,
  [personnelShareDistribution.id]: personnelShareDistribution,
  [executionRateDistribution.id]: executionRateDistribution,
  [selfScoreDistribution.id]: selfScoreDistribution,
} as unknown as Record<string, ChartSpec<object>>;

/** The spec for a chart id, or an error naming the id. */
export function chartSpec(id: string): ChartSpec<object> {
  const spec = CHARTS[id];
  if (!spec) throw new Error(`invalid chart: ${id}`);
  return spec;
}
