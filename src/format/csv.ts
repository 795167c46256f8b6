/** CSV text for downloads: UTF-8 with a BOM (so Excel reads the Chinese), CRLF, header from the column keys. */
import Papa from "papaparse";

const BOM = "\uFEFF";
const NEWLINE = "\r\n";

/** Rows → CSV text in the given column order; null becomes an empty cell, numbers print as JS prints them. */
export function toCsvText(columns: readonly string[], rows: readonly object[]): string {
  const data = rows.map((row) => {
    const r = row as Record<string, unknown>;
    return columns.map((c) => {
      const v = r[c];
      return v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "true" : "false") : String(v);
    });
  });
  return BOM + Papa.unparse({ fields: [...columns], data }, { newline: NEWLINE }) + NEWLINE;
}

/** The CSV as a data: URL, so the link works on a static page with JavaScript off. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
