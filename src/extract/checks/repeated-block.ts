/**
 * A block of three or more lines printed twice, verbatim, is a damaged download (a part written twice), not the
 * report: each block is a check, and a copy with one loses to a copy without (src/publish/duplicates.ts).
 */
import type { Note } from "../findings.ts";
import type { Cell, Line } from "../lines.ts";

/** Lines of running text this long at least: short lines (a cell's 0, "无", a heading) repeat in any report. */
const MIN_LENGTH = 8;
const MIN_BLOCK = 3;

export function repeatedBlockChecks(lines: readonly Line[], cells: readonly Cell[]): Note[] {
  // Only running text: a form's cell may hold what its prose says again (吉首's 年度主要工作内容).
  const inCell = new Uint8Array(lines.length + 2);
  for (const c of cells) inCell.fill(1, c.line, c.end + 1);
  // Three consecutive long lines, as one key, where they first stand.
  const long = lines.filter((l) => l.text.length >= MIN_LENGTH && inCell[l.n] === 0);
  const first = new Map<string, number>();
  const notes: Note[] = [];
  let i = 0;
  while (i + MIN_BLOCK <= long.length) {
    const key = long.slice(i, i + MIN_BLOCK).map((l) => l.text).join("\n");
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, i);
      i += 1;
      continue;
    }
    let n = MIN_BLOCK;
    while (i + n < long.length && long[at + n]?.text === long[i + n]!.text && at + n < i) n += 1;
    const start = long[i]!;
    notes.push({
      rule: "repeated_block",
      severity: "warning",
      metrics: "text",
      message: `第${start.n}–${long[i + n - 1]!.n}行的 ${n} 行与第${long[at]!.n}行起的内容逐字相同：疑似下载时重复写入的段落`,
      line: start.n,
    });
    i += n;
  }
  return notes;
}
