/**
 * The rows of a spreadsheet of published data, the same for the pipeline's XLSX files and a chart's download:
 * the Chinese column names, the machine names (those of the CSV, so the two files line up), then the records with
 * numbers as numbers and a missing value as an empty cell. Pure; the cell objects are write-excel-file's.
 */

export interface SheetColumn {
  key: string;
  /** Chinese name, with its unit where it has one: 自评得分（分）. */
  label: string;
  /** Cells hold numbers: a CSV's text is converted, an empty cell stays empty. */
  numeric: boolean;
}

export type SheetCell = { value: string | number; fontWeight?: "bold"; color?: string } | string | number | null;

/** A cell of a record: numbers as numbers (text from a CSV converted), everything else as text. */
function cell(value: unknown, numeric: boolean): string | number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return value;
  if (numeric && typeof value === "string" && Number.isFinite(Number(value))) return Number(value);
  return String(value);
}

/** Header rows and one row per record. */
export function sheetRows(columns: readonly SheetColumn[], records: readonly object[]): SheetCell[][] {
  const header = columns.map((c): SheetCell => ({ value: c.label, fontWeight: "bold" }));
  const keys = columns.map((c): SheetCell => ({ value: c.key, color: "#555555" }));
  const body = records.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c.key], c.numeric)));
  return [header, keys, ...body];
}

/** Lines above a sheet's header (title, units, source), each a bold first line then plain ones, and a blank row. */
export function captioned(lines: readonly string[], rows: readonly SheetCell[][]): SheetCell[][] {
  return [...lines.map((line, i): SheetCell[] => [i === 0 ? { value: line, fontWeight: "bold" } : line]), [], ...rows];
}
