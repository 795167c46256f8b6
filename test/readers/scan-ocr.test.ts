/**
 * Scans of the seeds (test/fixtures/scans: their LibreOffice PDFs as 150 dpi gray images, no text layer) read by
 * OCR: what each publishes against its .txt. Measured 2026-12-07, Tesseract 5.3.0 chi_sim: facts 107 of 116 equal
 * and none that the .txt lacks; indicators mostly differ in their texts (OCR'd punctuation), which is why every
 * such report carries the ocr_text warning.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { ocrChecks } from "../../src/publish/folding-checks.ts";
import { readDocument } from "../../src/readers/index.ts";
import { extractText, tablesView } from "../helpers/same-tables.ts";

const SCANS = [
  "2022/吉首市-科技和工业信息化局",
  "2023/沅江市-科学技术和工业信息化局",
  "2024/临湘市-科技和工业信息化局",
  "2024/岳阳市-科学技术局",
  "2024/洪江市-工业和信息化局",
];

describe("scanned seeds read by OCR", { timeout: 240_000 }, () => {
  test("every scan names its report, publishes ≥ 90% of the .txt's facts and no fact the .txt lacks", async () => {
    let equal = 0;
    let expected = 0;
    for (const name of SCANS) {
      const file = `${name}.pdf`;
      const doc = await readDocument(new Uint8Array(await readFile(`test/fixtures/scans/${file}`)), file);
      expect(doc.ocr?.engine).toMatch(/^tesseract 5\./);
      expect(doc.ocr!.confidence).toBeGreaterThanOrEqual(85);
      const got = tablesView(extractText(doc.text, `${name}.txt`));
      const want = tablesView(extractText(await readFile(`data/reports/${name}.txt`, "utf8"), `${name}.txt`));
      for (const k of ["report_id", "county_zh", "department_zh", "fiscal_year"]) expect([name, k, got.report[k]]).toEqual([name, k, want.report[k]]);
      const known = new Set(want.facts);
      expect([name, got.facts.filter((f) => !known.has(f))]).toEqual([name, []]);
      equal += got.facts.length;
      expected += want.facts.length;
      expect(ocrChecks(String(got.report["report_id"]), doc.ocr).map((c) => [c.rule, c.severity])).toEqual([["ocr_text", "warning"]]);
    }
    expect(equal / expected).toBeGreaterThanOrEqual(0.9);
  });
});
