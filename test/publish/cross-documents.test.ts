/**
 * A department's 自评报告 and its 部门决算 of the same year: the 决算 (test/fixtures/kinds, written by hand in the
 * national template, its 项目支出 and 公务接待费 unlike the 临湘 seed's) is published beside the report, under its
 * own id and the same unit, and each disagreement is a check in both, naming the other document and its line.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { publish } from "../../src/publish/publish.ts";
import { readCsvBody } from "../../src/publish/write-csv.ts";
import { copyTree, tempDir } from "./helpers.ts";

const reportsOf = async (dir: string) => Papa.parse<Record<string, string>>((await readFile(join(dir, "reports.csv"), "utf8")).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
const checksOf = async (dir: string) => readCsvBody("checks", (await readFile(join(dir, "checks.csv"), "utf8")).replace(/^\uFEFF[^\n]*\n/, ""));

describe("a 自评报告 and a 部门决算 of one unit and year", () => {
  it("are two reports of one unit, and where they disagree both say so", async () => {
    const root = await tempDir();
    await copyTree("test/fixtures/kinds", join(root, "in"));
    await copyTree("data/reports/2024/临湘市-科技和工业信息化局.txt", join(root, "in/2024/临湘市-科技和工业信息化局.txt"));
    const result = await publish({ inDir: join(root, "in"), outDir: join(root, "out") });
    expect(result.failures).toEqual([]);
    const reports = await reportsOf(join(root, "out"));
    expect(reports.map((r) => [r.report_id, r.unit_id, r.report_kind])).toEqual([
      ["430682-2024-kjgyxxhj", "430682-kjgyxxhj", "overall"],
      ["430682-2024-kjgyxxhj-js", "430682-kjgyxxhj", "final_accounts"],
    ]);
    const conflicts = (await checksOf(join(root, "out"))).filter((c) => c.rule === "cross_document_conflict").map((c) => [c.report_id, c.metrics, c.source_line, c.message]);
    expect(conflicts).toEqual([
      ["430682-2024-kjgyxxhj", "spend_project", 120, "项目支出（2024年决算/执行）本文件第120行为456.79万元，同单位同年度的部门决算（430682-2024-kjgyxxhj-js）第86行为413.22万元。"],
      ["430682-2024-kjgyxxhj", "sangong_total", 165, "三公经费合计（2024年决算/执行）本文件第165行为4.85万元，同单位同年度的部门决算（430682-2024-kjgyxxhj-js）第139行为4.58万元。"],
      ["430682-2024-kjgyxxhj", "sangong_reception", 166, "公务接待费（2024年决算/执行）本文件第166行为4.85万元，同单位同年度的部门决算（430682-2024-kjgyxxhj-js）第149行为4.58万元。"],
      ["430682-2024-kjgyxxhj-js", "spend_project", 86, "项目支出（2024年决算/执行）本文件第86行为413.22万元，同单位同年度的部门整体支出绩效自评报告（430682-2024-kjgyxxhj）第120行为456.79万元。"],
      ["430682-2024-kjgyxxhj-js", "sangong_total", 139, "三公经费合计（2024年决算/执行）本文件第139行为4.58万元，同单位同年度的部门整体支出绩效自评报告（430682-2024-kjgyxxhj）第165行为4.85万元。"],
      ["430682-2024-kjgyxxhj-js", "sangong_reception", 149, "公务接待费（2024年决算/执行）本文件第149行为4.58万元，同单位同年度的部门整体支出绩效自评报告（430682-2024-kjgyxxhj）第166行为4.85万元。"],
    ]);
  });
});
