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
  // Header and body apart: papaparse ends a header-only file with a newline but not one with rows.
  const lines = (cells: string[][]) => Papa.unparse(cells, { newline: NEWLINE }) + NEWLINE;
  return BOM + lines([[...columns]]) + (data.length > 0 ? lines(data) : "");
}

/**
 * The CSV as a data: URL, so the link works on a static page with JavaScript off. Base64 of the UTF-8 bytes:
 * 4 characters per 3 bytes, where percent-encoding would spend 9 on every Chinese character.
 */
export function csvDataUrl(csv: string): string {
  const bytes = new TextEncoder().encode(csv);
  let binary = "";
  // Chunked: String.fromCharCode with a very long argument list overflows the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:text/csv;charset=utf-8;base64,${btoa(binary)}`;
}
