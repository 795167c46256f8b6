/**
 * An indicator grid copied out of a web page: each row on one line, its cells between pipes (empty cells kept,
 * merged cells left out: "产出指标 | 经济成本指标 | 成本控制数 | ≤ | 30 | 万元 | 完成 | 90 | 90") or between spaces
 * (empty cells lost: "数量指标 指标1:完成中型灌区节水改造项目数量 1 1 10 10"), with a merged label cell's text on
 * lines of its own ("经济效益" / "指标", "(50分)"). Read line by line, levels carried down as in the Word grid.
 */
import type { Level1, Level2 } from "../../schema/vocab.ts";
import type { Term } from "../findings.ts";
import { announcedWeight, isLevel2Label, level1For, level1Of, level2Of } from "../levels.ts";
import type { Cell, Line } from "../lines.ts";
import { inlineCells, squash } from "../lines.ts";
import { gridColumns, indicatorOf, points, type GridColumns, type GridResult, type IndicatorCells } from "./indicator-grid.ts";

const TOTAL = /^(总分|合计)$/;
const LEVEL1_LABEL = /^(产出|效益|满意度)(指标|目标)?([（(]\s*\d+(?:\.\d+)?\s*分\s*[)）])?$/;
const ONLY_POINTS = /^[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/;
/** A label split over lines ("可持续影" / "响指标") is at most this long when whole. */
const LABEL_LENGTH = 14;

const cellsOn = (line: Line): Cell[] =>
  (inlineCells(line) ?? (line.text === "" ? [] : [line.text])).map((text) => ({ line: line.n, text, key: squash(text), row: line.n, end: line.n }));

/** A row between spaces lost its empty cells: its values are read from the right (得分, 分值), then target and result. */
function spacedCells(name: Cell, values: readonly Cell[]): IndicatorCells {
  if (values.length >= 4) return { name, target: values[0], actual: values[1], weight: values[2], score: values[3] };
  if (values.length === 3) return { name, target: values[0], weight: values[1], score: values[2] };
  if (values.length === 2 && points(values[0]) !== null && points(values[1]) !== null) return { name, weight: values[0], score: values[1] };
  return { name };
}

/** Where a pipe row's first cell stands in the header: rows under a merged label cell start further right. */
function startColumn(first: string, at: GridColumns): number {
  if (level1Of(first) !== null && LEVEL1_LABEL.test(first) && at.level1 >= 0) return at.level1;
  if (isLevel2Label(first) && at.level2 >= 0) return at.level2;
  return at.name;
}

/** Reads the grid whose header is on line `from` (1-based), up to its 总分 row or line `to`. */
export function readFlowingGrid(lines: readonly Line[], from: number, to: number, sheet: "overall" | "project", project: string | null): GridResult {
  const header = cellsOn(lines[from - 1]!);
  const at = gridColumns(header);
  const out: GridResult = { indicators: [], announced: [], total: null };
  let level1: Level1 | null = null;
  let level2: Level2 | null = null;
  let pending = "";
  let points_: { weight: number; line: number } | null = null;
  const announce = (l1: Level1) => {
    if (points_) out.announced.push({ level1: l1, ...points_ });
    points_ = null;
  };
  for (const line of lines.slice(from, to)) {
    const cells = cellsOn(line);
    if (cells.length === 0) continue;
    const first = cells[0]!.key;
    if (TOTAL.test(first)) {
      const numbers = cells.slice(1).filter((c) => points(c) !== null);
      const term = (c: Cell | undefined): Term | null => (c ? { label: "总分", value: points(c)!, line: c.line } : null);
      out.total = { weight: term(numbers[0]), score: term(numbers[1]) };
      break;
    }
    if (cells.some((c) => /^三级指标/.test(c.key))) continue;
    if (cells.length === 1) {
      // A merged label cell's text, a line at a time.
      if (ONLY_POINTS.test(first)) {
        points_ = { weight: announcedWeight(first)!, line: line.n };
        continue;
      }
      // A template's empty row ("指标2:", "……") is no part of a label.
      if (/^指标\s*\d+\s*[:：]?$|^[…．.]+$/.test(first)) {
        pending = "";
        continue;
      }
      pending = (pending + first).length > LABEL_LENGTH || isLevel2Label(first) || LEVEL1_LABEL.test(first) ? first : pending + first;
      if (isLevel2Label(pending)) {
        level2 = level2Of(pending);
        if (level2) level1 = level1For(level2);
        if (level1) announce(level1);
        pending = "";
      } else if (LEVEL1_LABEL.test(pending)) {
        level1 = level1Of(pending);
        const w = announcedWeight(pending);
        if (w !== null) points_ = { weight: w, line: line.n };
        pending = "";
      }
      continue;
    }
    pending = "";
    let rest = cells;
    let printed: IndicatorCells;
    if (line.text.includes("|")) {
      const start = startColumn(first, at);
      const cell = (k: number) => (k < 0 || k < start ? undefined : cells[k - start]);
      const l1 = cell(at.level1)?.key ?? "";
      const l2 = cell(at.level2)?.key ?? "";
      if (l1 && level1Of(l1)) {
        level1 = level1Of(l1);
        const w = announcedWeight(l1);
        if (level1 && w !== null) out.announced.push({ level1, weight: w, line: line.n });
      }
      if (l2 && isLevel2Label(l2)) level2 = level2Of(l2);
      const name = cell(at.name);
      if (!name) continue;
      printed = { name, nature: cell(at.nature), target: cell(at.target), unit: cell(at.unit), actual: cell(at.actual), weight: cell(at.weight), score: cell(at.score) };
    } else {
      // Leading label cells, then the indicator's name and its values.
      while (rest.length > 1 && (isLevel2Label(rest[0]!.key) || LEVEL1_LABEL.test(rest[0]!.key))) {
        const label = rest[0]!.key;
        if (isLevel2Label(label)) {
          level2 = level2Of(label);
          if (level2) level1 = level1For(level2);
        } else level1 = level1Of(label);
        rest = rest.slice(1);
      }
      if (level1) announce(level1);
      printed = spacedCells(rest[0]!, rest.slice(1));
    }
    if (!level1 && level2) level1 = level1For(level2);
    if (!level1) continue;
    const indicator = indicatorOf(printed, sheet, project, level1, level2);
    if (indicator) out.indicators.push(indicator);
  }
  return out;
}
