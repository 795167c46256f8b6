/** Colours and order of indicator statuses, the same in every indicator chart and legend. */
import { STATUSES, type Status } from "../schema/vocab.ts";
import type { LegendItem } from "./chart.ts";
import { OKABE_ITO } from "./palette.ts";

export const STATUS_COLOR: Record<Status, string> = { met: OKABE_ITO.green, missed: OKABE_ITO.vermillion, unknown: OKABE_ITO.grey };
/** Met first, then missed, then unknown: counts read from the left edge. */
export const STATUS_ORDER: Status[] = ["met", "missed", "unknown"];

/** Legend entries for the statuses present in rows. */
export function statusLegend(rows: readonly { status: Status }[], shape?: LegendItem["shape"]): LegendItem[] {
  const used = new Set(rows.map((r) => r.status));
  return STATUS_ORDER.filter((s) => used.has(s)).map((s) => ({ label: STATUSES[s], color: STATUS_COLOR[s], ...(shape ? { shape } : {}) }));
}
