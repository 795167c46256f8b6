/**
 * A text that stops in the middle of a table, a sentence or a part whose title it has just printed was possibly
 * cut off (a damaged download): what the last line stopped in, so that a reader knows the rows may be incomplete.
 */
import type { Note } from "../findings.ts";
import { rowOf } from "../grid.ts";
import type { Cell, Line } from "../lines.ts";
import { STARTS_PART } from "../lines.ts";

// A table's last row that closes it: the grid's 总分, a 合计 row, or the sign-off rows forms end with.
const CLOSING_ROW = /^(总分|合计|总计)$|^(备注|说明|注|填表人|填报人|联系人|联系电话|单位负责人|财务负责人)[:：]?/;
// A line ending in these closes its sentence (a closing quote or bracket after the full stop too).
const SENTENCE_END = /[。！？!?；;…”’」』）)】\]]$/;
// Clause marks inside a line that has not ended: the sentence was still running.
const CLAUSE = /[，,、：:；]/;
// Lines this short without a clause mark are complete on their own: "无", a date, a signature.
const SHORT = 20;
// Section headings of a report: "十一、其他需要说明的问题", "（二）拟公开情况", "3.项目管理情况"; a numbered
// paragraph ("（三）督促检查，跟踪问效…") has sentence marks and is running text.
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])[^。，,；;]{1,40}$/;
const ATTACHMENT_LABEL = /^附件\s*\d+$/;
// Where a copy marks that the source goes on (or began earlier) but the text is not here: "[…]", "[...]".
export const CUT_MARK = /^[[［【]\s*(?:…+|\.{3,})\s*[\]］】]$/;

const note = (message: string, line: number): Note => ({ rule: "possibly_truncated", severity: "warning", metrics: "text", message, line });

/** The table cell the text's last line belongs to, or null when that line is running text. */
function cellOf(last: Line, cells: readonly Cell[]): Cell | null {
  const cell = cells.findLast((c) => c.line <= last.n);
  if (!cell) return null;
  if (last.raw.startsWith("\t") || cell.line === last.n) return cell;
  // An untabbed line right after a cell continues it ("经济效\n益指标").
  return cell.line < last.n && cell.text.endsWith(last.text) ? cell : null;
}

/** At most one note: the text's last line stopped inside a table, a sentence, or right after a part's title. */
export function truncationChecks(lines: readonly Line[], cells: readonly Cell[]): Note[] {
  let k = lines.length - 1;
  while (k >= 0 && lines[k]?.text === "") k -= 1;
  const last = lines[k];
  if (!last) return [];
  if (CUT_MARK.test(last.text)) return [note(`文本在第${last.n}行标有“${last.text}”：原文未完，此后内容缺失`, last.n)];
  const first = lines.find((l) => l.text !== "");
  if (first && CUT_MARK.test(first.text)) return [note(`文本从第${first.n}行“${first.text}”处开始：原文此前的内容缺失`, first.n)];
  const cell = cellOf(last, cells);
  const row = cell ? rowOf(cells, cells.lastIndexOf(cell)).filter((c) => c.key !== "") : [];
  // A form may hold the report's prose in one full-width cell (临湘): its end is judged as running text.
  const textBlock = row.length === 1 && row[0]?.text.includes("。");
  if (cell && !textBlock) return CLOSING_ROW.test(row[0]?.key ?? "") ? [] : [note(`文本在表格中间结束（第${last.n}行）`, last.n)];
  if (SENTENCE_END.test(last.text)) return [];
  if (STARTS_PART.test(last.text) || HEADING.test(last.text)) {
    const before = lines.slice(0, k).findLast((l) => l.text !== "");
    const title = before && ATTACHMENT_LABEL.test(before.text) && !ATTACHMENT_LABEL.test(last.text) ? `${before.text} ${last.text}` : last.text;
    return [note(`${title} 标题之后没有内容（第${last.n}行）`, last.n)];
  }
  if (CLAUSE.test(last.text) || last.text.length > SHORT) return [note(`文本在句子中间结束（第${last.n}行）`, last.n)];
  return [];
}
