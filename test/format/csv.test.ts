import Papa from "papaparse";
import { expect, test } from "vitest";
import { csvDataUrl, toCsvText } from "../../src/format/csv.ts";

test("CSV starts with a BOM, uses CRLF, and parses back to the same rows", () => {
  const rows = [
    { report_id: "a", county_zh: "临湘市", value: 532.95, note: 'say "hi", ok', missing: null, over: true },
    { report_id: "b", county_zh: "吉首市", value: 0, note: "", missing: null, over: false },
  ];
  const cols = ["report_id", "county_zh", "value", "note", "missing", "over"];
  const csv = toCsvText(cols, rows);
  expect(csv.startsWith("\uFEFFreport_id,county_zh,value,note,missing,over\r\n")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.data).toEqual([
    { report_id: "a", county_zh: "临湘市", value: "532.95", note: 'say "hi", ok', missing: "", over: "true" },
    { report_id: "b", county_zh: "吉首市", value: "0", note: "", missing: "", over: "false" },
  ]);
});

test("data: URL carries the exact UTF-8 bytes, BOM first", async () => {
  const csv = toCsvText(["县市"], [{ 县市: "临湘市" }]);
  const url = csvDataUrl(csv);
  expect(url.startsWith("data:text/csv;charset=utf-8;base64,")).toBe(true);
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(csv);
});
