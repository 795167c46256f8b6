/** 一级/二级指标 labels as printed → the published vocabulary. */
import type { Level1, Level2 } from "../schema/vocab.ts";
import { LEVEL2 } from "../schema/vocab.ts";

/** "产出指标(50分)" → 产出; "效益目标（预期实现的效益）" → 效益; any satisfaction label → 满意度. */
export function level1Of(label: string): Level1 | null {
  if (/满意/.test(label)) return "满意度";
  if (/^产出/.test(label)) return "产出";
  if (/^效益/.test(label)) return "效益";
  return null;
}

/** The points a level-1 label announces: "产出指标(50分)" → 50. */
export function announcedWeight(label: string): number | null {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(label);
  return m?.[1] ? Number(m[1]) : null;
}

/**
 * A label without the stops and commas a typist (or an OCR engine) left in it: "数量。指标。" is 数量指标. A 效益
 * label with one of 效益's two characters misread (OCR: 经济效蔓指标, 社会效荔指标) is that label: the template's
 * 经济/社会/生态 + 效益 + 指标 leaves no other label one character away.
 */
const bare = (label: string) =>
  label.replace(/[。，；：.,;:\s]/g, "").replace(/^(经济|社会|生态)(?:效[^益指]|[^效指]益)(?=指标$)/, "$1效益");

/** "数量指标" → 数量, "经济效益指标" → 经济效益, "服务对象满意度指标" → 满意度; a combined "数量、质量…指标" → null. */
export function level2Of(printed: string): Level2 | null {
  const label = bare(printed);
  if (/、/.test(label)) return null;
  if (/满意/.test(label)) return "满意度";
  const base = label.replace(/[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/, "").replace(/指标$/, "");
  // The 2023 national template splits 成本 in 经济成本, 社会成本 and 生态环境成本 指标.
  if (/^(?:经济|社会|生态环境|生态)成本$/.test(base)) return "成本";
  return (LEVEL2 as readonly string[]).includes(base) ? (base as Level2) : null;
}

/** The level 1 a level 2 belongs to in every template: 数量 → 产出, 社会效益 → 效益, 满意度 → 满意度. */
export function level1For(level2: Level2): Level1 {
  if (level2 === "满意度") return "满意度";
  return level2 === "数量" || level2 === "质量" || level2 === "时效" || level2 === "成本" ? "产出" : "效益";
}

/** Is this cell a level-2 label (and not an indicator name)? */
export function isLevel2Label(printed: string): boolean {
  const label = bare(printed);
  return /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本)(指标)?$|^(经济|社会|生态)效益(指标)?$|^可持续影响(指标)?$|^[^，。]*、[^，。]*(指标|效益)$/.test(label) || /^(社会公众或)?服务对象满意度指标$|^满意度指标$|^社会公众或服务对象满意度$/.test(label);
}
