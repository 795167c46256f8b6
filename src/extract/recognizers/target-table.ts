/**
 * The form template's own target table (整体支出绩效定量目标及实施计划完成情况): 评价内容 | [指标] | 绩效目标 | 完成情况.
 * The header tells how many value cells an indicator has: with an indicator column (吉首) name, target, result;
 * without one (临湘) the target statement is the name, followed by the result.
 */
import type { Level1, Level2 } from "../../schema/vocab.ts";
import type { IndicatorCandidate, Recognizer } from "../findings.ts";
import { findCell, rowOf, rowsFrom } from "../grid.ts";
import { judge } from "../indicator-status.ts";
import { isLevel2Label, level1Of, level2Of } from "../levels.ts";
import type { Cell } from "../lines.ts";
import { ENUMERATOR } from "./indicator-grid.ts";

const END = /绩效自评综合得分|^评分[:：]|^评价等次|^[四五六]、/;
const LEVEL1_LABEL = /^(产出|效益)(目标|指标)|^(社会公众或)?服务对象满意度(指标)?$|^社会公众或服务对象满意度$|^满意度(指标)?$/;

export const targetTable: Recognizer = {
  part: "target_table",
  recognize(ctx) {
    const at = findCell(ctx.cells, /^评价内容$/);
    if (at < 0) return null;
    const header = rowOf(ctx.cells, at);
    const arity = header.length - header.findIndex((c) => c.key === "评价内容") - 1;
    const indicators: IndicatorCandidate[] = [];
    let level1: Level1 | null = null;
    let level2: Level2 | null = null;
    let pending: Cell[] = [];
    const emit = () => {
      const [first, second, third] = pending;
      pending = [];
      if (!first || !second || !level1) return;
      const name = first.text.trim().replace(ENUMERATOR, "");
      const targetCell = arity >= 3 ? second : first;
      const actualCell = arity >= 3 ? third : second;
      const target_text = arity >= 3 ? second.text.trim() : name;
      const actual_text = actualCell?.text.trim() ?? "";
      indicators.push({
        sheet: "overall",
        project: null,
        level1,
        level2,
        name,
        target_text,
        actual_text,
        ...judge(name, target_text, actual_text),
        weight: null,
        score: null,
        source_line: first.line,
        target_line: target_text === "" ? null : targetCell.line,
        actual_line: actual_text === "" || !actualCell ? null : actualCell.line,
        weight_line: null,
        score_line: null,
      });
    };
    outer: for (const row of rowsFrom(ctx.cells, at).slice(1)) {
      for (const cell of row) {
        const text = cell.key;
        if (text === "") continue;
        if (END.test(text)) break outer;
        if (LEVEL1_LABEL.test(text)) {
          pending = [];
          level1 = level1Of(text);
          level2 = level1 === "满意度" ? "满意度" : null;
        } else if (isLevel2Label(text)) {
          pending = [];
          level2 = level2Of(text);
        } else {
          pending.push(cell);
          if (pending.length === Math.max(arity, 2)) emit();
        }
      }
    }
    return indicators.length > 0 ? { indicators } : null;
  },
};
