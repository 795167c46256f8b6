/**
 * A chart's data as XLSX, made on click from the CSV the chart links (a data: URL the page already holds), so it is
 * exactly the drawn rows: title, units and the source (site, page URL, data release) above the header, as
 * Our World in Data's downloads carry them. Loaded only when a reader asks for it.
 */
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/browser";
import { sheetColumnsOf } from "../charts/table.ts";
import { captioned, sheetRows, type SheetColumn } from "../format/sheet-rows.ts";
import { chartCaption, chartFileName } from "./chart-caption.ts";
import { saveBlob } from "./save-file.ts";

/** The header and rows of a CSV data: URL (base64 of UTF-8 with a BOM, src/format/csv.ts). */
function csvRecords(href: string): { keys: string[]; records: Record<string, string>[] } {
  const base64 = href.slice(href.indexOf(",") + 1);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return { keys: parsed.meta.fields ?? [], records: parsed.data };
}

/** The sheet of rows under the chart's caption lines (title, units, source), as XLSX, handed to the browser. */
export async function saveSheetXlsx(figure: HTMLElement, columns: readonly SheetColumn[], records: readonly object[], name: string, extra: readonly string[] = []): Promise<void> {
  const { title, note, source } = chartCaption(figure);
  const rows = captioned([title, note, ...extra, ...source].filter(Boolean), sheetRows(columns, records));
  saveBlob(await writeXlsxFile(rows, { sheet: "数据" }).toBlob(), name);
}

/** Writes figure.chart's XLSX of the drawn rows, named like its CSV. */
export async function downloadChartXlsx(figure: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const csv = figure.querySelector<HTMLAnchorElement>("a.download-csv");
  if (!csv) return;
  const { keys, records } = csvRecords(csv.href);
  await saveSheetXlsx(figure, sheetColumnsOf(keys, button.dataset["labels"] ?? "", button.dataset["numeric"] ?? ""), records, chartFileName(figure, "xlsx"));
}
