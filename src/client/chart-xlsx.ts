/**
 * A chart's data as XLSX, made on click from the CSV the chart links (a data: URL the page already holds), so it is
 * exactly the drawn rows: title, units and the source (site, page URL, data release) above the header, as
 * Our World in Data's downloads carry them. Loaded only when a reader asks for it.
 */
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/browser";
import { sheetColumnsOf } from "../charts/table.ts";
import { captioned, sheetRows } from "../format/sheet-rows.ts";

/** The header and rows of a CSV data: URL (base64 of UTF-8 with a BOM, src/format/csv.ts). */
function csvRecords(href: string): { keys: string[]; records: Record<string, string>[] } {
  const base64 = href.slice(href.indexOf(",") + 1);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return { keys: parsed.meta.fields ?? [], records: parsed.data };
}

/** Writes figure.chart's XLSX and hands it to the browser as a download named like its CSV. */
export async function downloadChartXlsx(figure: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const csv = figure.querySelector<HTMLAnchorElement>("a.download-csv");
  if (!csv) return;
  const { keys, records } = csvRecords(csv.href);
  const columns = sheetColumnsOf(keys, button.dataset["labels"] ?? "", button.dataset["numeric"] ?? "");
  const title = figure.querySelector("figcaption h2")?.textContent?.trim() ?? "";
  const note = figure.querySelector("figcaption .note")?.textContent?.trim() ?? "";
  const release = document.querySelector("footer a.release-id")?.textContent?.trim();
  const source = `来源：财政绩效看板 ${location.href}${release ? `，数据版本 ${release}` : ""}`;
  const rows = captioned([title, note, source].filter(Boolean), sheetRows(columns, records));
  const name = (csv.getAttribute("download") ?? "chart.csv").replace(/\.csv$/, "") + ".xlsx";
  await writeXlsxFile(rows, { sheet: "数据" }).toFile(name);
}
