/** Judges an indicator from its printed target and result: values, unit, direction and met / missed. */
import type { Direction, Status } from "../schema/vocab.ts";
import { parseMeasure } from "./numbers.ts";

export interface Judgement {
  target_value: number | null;
  actual_value: number | null;
  unit: string | null;
  direction: Direction | null;
  status: Status;
}

// A ceiling: spending controls, 三公, costs, and the like ("成本控制率 ≤100%", "公用经费控制率 28.8万元").
const CEILING_NAME = /控制|三公|成本|投诉|事故|能耗|超支|差错|失误|违纪/;

/** Reads target and result; status is met/missed only where both are numbers in the same unit. */
export function judge(name: string, targetText: string, actualText: string): Judgement {
  const target = parseMeasure(targetText);
  const actual = parseMeasure(actualText);
  const unit = target.unit ?? actual.unit;
  const direction: Direction | null =
    target.comparator === "<=" || CEILING_NAME.test(name)
      ? "lower"
      : target.comparator === "="
        ? "equal"
        : target.value !== null || target.comparator === ">="
          ? "higher"
          : null;
  const comparable =
    target.value !== null && actual.value !== null && (actual.unit === null || target.unit === null || actual.unit === target.unit);
  let status: Status = "unknown";
  if (comparable && target.value !== null && actual.value !== null) {
    if (direction === "lower") status = actual.value <= target.value ? "met" : "missed";
    else if (direction === "equal") status = actual.value === target.value ? "met" : "missed";
    else status = actual.value >= target.value ? "met" : "missed";
  }
  return { target_value: target.value, actual_value: actual.value, unit, direction, status };
}
