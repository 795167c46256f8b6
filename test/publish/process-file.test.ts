import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ExtractedReport } from "../../src/extract/report.ts";
import { processAll, processFile, withReaderColumns } from "../../src/publish/process-file.ts";
import { standInExtract } from "../../src/publish/stand-in-extract.ts";
import { tempDir } from "./helpers.ts";

const ID = "430682-2024-kjgyxxhj";
const extracted = {
  facts: [{ report_id: ID, metric: "spend_total", basis: "actual", year: 2024, value: 946.17, unit: "万元", source_line: 3 }],
  indicators: [],
  projects: [{ report_id: ID, name: "专项", amount: 100, basis: "actual", year: 2024, source_line: 5 }],
  checks: [
    { report_id: ID, rule: "r", severity: "info", metrics: "m", message: "x", source_line: null },
    { report_id: ID, rule: "r", severity: "info", metrics: "m", message: "y", source_line: 1 },
  ],
} as unknown as ExtractedReport;

describe("withReaderColumns", () => {
  test("each row's source_page is the page of its source_line; null for a check without a line", () => {
    const paged = withReaderColumns(extracted, { pages: [1, 1, 2, 2, 3] });
    expect(paged.facts.map((r) => r.source_page)).toEqual([2]);
    expect(paged.projects.map((r) => r.source_page)).toEqual([3]);
    expect(paged.checks.map((r) => r.source_page)).toEqual([null, 1]);
  });

  test("unpaged input (text, Word): every source_page is null", () => {
    const paged = withReaderColumns(extracted, { pages: null });
    expect([...paged.facts, ...paged.projects, ...paged.checks].map((r) => r.source_page)).toEqual([null, null, null, null]);
  });

  test("ocr_confidence: a scan's lowest confidence over the row's lines (a figure's own words where it has them), to one decimal; null for text", () => {
    const lines = { words: [90, null, 71.26, 88, 60], figures: [null, null, null, null, 95.04] };
    const read = withReaderColumns(extracted, { pages: [1, 1, 2, 2, 3], ocr: { pages: 3, confidence: 88, engine: "tesseract 5.3.0", lines, unmappedText: false, runs: 0 } });
    expect(read.facts.map((r) => r.ocr_confidence)).toEqual([71.3]);
    expect(read.projects.map((r) => r.ocr_confidence)).toEqual([95]);
    expect(read.checks.every((c) => !("ocr_confidence" in c))).toBe(true);
    expect(withReaderColumns(extracted, { pages: null }).facts.map((r) => r.ocr_confidence)).toEqual([null]);
  });
});

describe("processFile", () => {
  test("a file its reader cannot read fails that file with the reader's message, never a stack trace", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "2024"));
    await writeFile(join(dir, "2024", "报告.DOCX"), "not a zip at all");
    const outcome = await processFile(dir, "2024/报告.DOCX", standInExtract);
    expect(outcome.chunk).toBeNull();
    expect(outcome.input).toMatchObject({ source_file: "2024/报告.DOCX", format: "docx", bytes: 16, status: "failed", report_id: null });
    expect(outcome.failure?.file).toBe("2024/报告.DOCX");
    expect(outcome.failure?.message).toMatch(/^2024\/报告\.DOCX(:\d+)?: \S/);
    expect(outcome.failure?.message).not.toMatch(/\n\s+at /);
  });
});

describe("processAll", () => {
  test("reads a scan after every other file, its outcome still in its place", { timeout: 60_000 }, async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "2024"));
    const files = ["2024/a-scan.pdf", "2024/b.txt", "2024/c.txt"];
    await writeFile(join(dir, files[0]!), await readFile("test/fixtures/readers/scan-only.pdf"));
    for (const f of files.slice(1)) await writeFile(join(dir, f), "2024年度临湘市科技和工业信息化局部门整体支出绩效自评报告\n");
    const seen: string[] = [];
    const outcomes = await processAll(dir, files, (input) => {
      seen.push(input.sourceFile);
      return standInExtract(input);
    });
    expect(seen).toEqual(["2024/b.txt", "2024/c.txt", "2024/a-scan.pdf"]);
    expect(outcomes.map((o) => o.input.source_file)).toEqual(files);
  });
});
