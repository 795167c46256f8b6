/**
 * /data/xlsx/<table>-<year>.xlsx: each published table's rows of one evaluation year as an Excel sheet (Chinese
 * and CSV column names, numbers as numbers), written by the site build from the release's tables, so the
 * pipeline's throughput does not pay for them. A year of a table past XLSX_MAX_ROWS gets none (its CSV holds it).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { xlsxBytes, XLSX_MAX_ROWS } from "../../../publish/write-xlsx.ts";
import { buildDb } from "../../../query/build-db.ts";
import { yearSheetRows, yearSheets, type YearSheet } from "../../../query/year-sheets.ts";

export const getStaticPaths: GetStaticPaths = async () =>
  (await yearSheets(await buildDb())).filter((s) => s.rows <= XLSX_MAX_ROWS).map((sheet) => ({ params: { file: sheet.file }, props: { sheet } }));

export const GET: APIRoute<{ sheet: YearSheet }> = async ({ props }) => {
  const { table, fiscal_year } = props.sheet;
  const bytes = await xlsxBytes(table, await yearSheetRows(await buildDb(), table, fiscal_year));
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
};
