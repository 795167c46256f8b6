/** A change log row's item and kind in Chinese, from the schema's own labels and vocabularies. Pure. */
import { TABLES, type ChangeRow } from "../schema/tables.ts";
import { BASES, METRICS, SHEETS } from "../schema/vocab.ts";

export const CHANGE_KIND_ZH: Record<ChangeRow["change"], string> = {
  report_added: "新增报告",
  report_removed: "移除报告",
  value_changed: "数值变更",
  value_added: "新增数值",
  value_removed: "删除数值",
};

const lookup = <T extends object>(vocab: T, key: string): string => (key in vocab ? String(vocab[key as keyof T]) : key);

/** "支出合计（决算/执行，2024年）", "部门整体：新增规模工业企业 · 实际数值", "自评得分"; null for a whole report. */
export function changeItemLabel(row: Pick<ChangeRow, "table" | "item" | "field">): string | null {
  if (row.field === null) return null;
  const columns = TABLES[row.table].columns as Record<string, { zh: string }>;
  const field = columns[row.field]?.zh ?? row.field;
  if (row.item === null) return field;
  const words = row.item.split(" ");
  if (row.table === "facts" && words.length === 3) return `${lookup(METRICS, words[0]!)}（${lookup(BASES, words[1]!)}，${words[2]}年）`;
  if (row.table === "projects" && words.length >= 3) return `${words.slice(0, -2).join(" ")}（${lookup(BASES, words.at(-2)!)}，${words.at(-1)}年）`;
  if (row.table === "indicators") {
    const [sheet, ...rest] = words;
    const name = rest.join(" ").replace(/^- /, "");
    return `${lookup(SHEETS, sheet!)}：${name} · ${field}`;
  }
  return `${row.item} · ${field}`;
}
