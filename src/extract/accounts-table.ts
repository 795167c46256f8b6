/**
 * The tables of a 部门决算 or 部门预算 (the national template family): each stands under its title line
 * ("收入支出决算总表", "财政拨款“三公”经费支出决算表", "部门收支总表") and a caption ("单位：万元").
 */
import type { Basis } from "../schema/vocab.ts";
import type { ReportContext } from "./findings.ts";
import { rowsOf, squash, type Cell, type Line } from "./lines.ts";

export interface AccountsTable {
  title: Line;
  /** The table's rows, header rows first. */
  rows: Cell[][];
  /** 决算 tables print actuals, 预算 tables the budget. */
  basis: Basis;
}

// What a title may say before its table's name: "表一", "公开表1", "附表3：", "1、", "2024年度".
const TITLE_PREFIX = /^(?:(?:公开|附)?表[一二三四五六七八九十\d]+[、.．:：]?|[一二三四五六七八九十\d]+[、.．])?(?:(?:19|20)\d{2}年度?)?/;
// A title names its table and nothing else: "一、收入支出决算总表" in a table of contents is followed by the next entry.
const TITLE_LENGTH = 40;

/**
 * The table under the first title line that `title` matches (squashed, without a leading "表一"/"1、") and that
 * has cells under it; null when the text has none. A title in a table of contents has no cells before the next title.
 */
export function accountsTable(ctx: Pick<ReportContext, "lines" | "cells" | "kind">, title: RegExp): AccountsTable | null {
  for (const { line, name } of titleLines(ctx.lines)) {
    if (!title.test(name)) continue;
    const cells = cellsUnder(ctx, line);
    if (cells.length === 0) continue;
    // A 部门预算's tables are its budget ("部门收支总表" says no more); a 决算's, the year's actuals.
    const budget = ctx.kind === "budget" || (/预算/.test(name) && !/决算/.test(name));
    return { title: line, rows: rowsOf(cells), basis: budget ? "budget" : "actual" };
  }
  return null;
}

// The recognisers look for five titles in the same report: its short lines ending in 表 are found once (the last lines only).
let found: { lines: readonly Line[]; titles: { line: Line; name: string }[] } | null = null;

/** Short running-text lines that end in 表, squashed and without a leading number: the titles a table may stand under. */
function titleLines(lines: readonly Line[]): { line: Line; name: string }[] {
  if (found?.lines !== lines) {
    const titles: { line: Line; name: string }[] = [];
    for (const line of lines) {
      const t = line.text;
      if (t === "" || t.length > TITLE_LENGTH || t.charCodeAt(t.length - 1) !== 0x8868 || line.raw.startsWith("\t")) continue;
      titles.push({ line, name: squash(t).replace(TITLE_PREFIX, "") });
    }
    found = { lines, titles };
  }
  return found.titles;
}

/** The cells from a title line to the next line of running text (a caption such as 单位：万元 excepted). */
function cellsUnder(ctx: Pick<ReportContext, "lines" | "cells" | "kind">, title: Line): Cell[] {
  let end = ctx.lines.length + 1;
  let started = false;
  for (const line of ctx.lines.slice(title.n)) {
    if (line.raw.startsWith("\t")) {
      started = true;
      continue;
    }
    if (line.text === "" || (!started && /^(?:金额)?单位[:：]/.test(line.text))) continue;
    // An untabbed line right after a cell continues it (a header cell's second line: "本年收入合" / "计").
    if (started && line.text.length <= 4 && !/[。：:]/.test(line.text)) continue;
    end = line.n;
    break;
  }
  const from = ctx.cells.findIndex((c) => c.line > title.n);
  if (from < 0) return [];
  const to = ctx.cells.findIndex((c) => c.line >= end);
  return ctx.cells.slice(from, to < 0 ? ctx.cells.length : to).filter((c) => c.line < end);
}
