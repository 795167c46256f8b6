/** The 三公 categories the site compares, in display order, with short labels for axes. */
import { METRICS, type Metric } from "../schema/vocab.ts";

export interface SangongCategory {
  metric: Metric;
  /** Short axis label. */
  short: string;
  /** Full name from the vocabulary. */
  zh: string;
}

const short: [Metric, string][] = [
  ["sangong_reception", "公务接待"],
  ["sangong_vehicle_operation", "公车运行"],
  ["sangong_vehicle_purchase", "公车购置"],
  // Some reports print one figure for 购置及运行 together; it is shown as its own category, never split.
  ["sangong_vehicle", "公车购置及运行"],
  ["sangong_abroad", "因公出国"],
  ["sangong_total", "三公合计"],
];

export const SANGONG_CATEGORIES: SangongCategory[] = short.map(([metric, s]) => ({ metric, short: s, zh: METRICS[metric] }));
