/**
 * A layout none of the seeds shows, as text and as the .docx, .pdf and .doc LibreOffice makes of it
 * (test/fixtures/variants, written by hand; see test/fixtures/README.md): a district's department
 * (株洲市天元区教育局) with the national 部门整体支出绩效自评表 and 项目支出绩效自评表 (主管部门, 项目资金（万元）,
 * 其中：当年财政拨款 rows). The text gives exactly the figures it prints; every format gives the same rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/readers/index.ts";
import { extractText, sourceLineMisses, tablesView } from "../helpers/same-tables.ts";

const VARIANTS = join(import.meta.dirname, "../fixtures/variants");
const RELATIVE = "2024/株洲市天元区-教育局.txt";
const TEXT = readFileSync(join(VARIANTS, RELATIVE), "utf8");
const fromText = extractText(TEXT, RELATIVE);

describe("the national template, from its text", () => {
  it("is the district's department", () => {
    expect(fromText.report).toMatchObject({ report_id: "430211-2024-jyj", county_zh: "天元区", department_zh: "株洲市天元区教育局", fiscal_year: 2024, self_score: 97.56, staff_actual: 45 });
  });

  it("reads the funds row and the prose, not the 其中：当年财政拨款 row", () => {
    const facts = Object.fromEntries(fromText.facts.map((f) => [`${f.metric}/${f.basis}`, f.value]));
    expect(facts).toEqual({
      "budget_initial/budget": 3000,
      "budget_final/budget": 3400.5,
      "budget_executed/actual": 3250.62,
      "spend_total/actual": 3250.62,
      "execution_rate/actual": 95.59,
      "spend_basic/actual": 2150.4,
      "spend_project/actual": 1100.22,
      "sangong_total/actual": 12.35,
      "sangong_reception/actual": 3.2,
      "sangong_vehicle_operation/actual": 9.15,
    });
  });

  it("reads the project sheet and both indicator grids", () => {
    expect(fromText.projects.map((p) => [p.name, p.basis, p.amount])).toEqual([
      ["天元区学前教育发展专项", "budget", 520],
      ["天元区学前教育发展专项", "actual", 480],
    ]);
    expect(fromText.indicators.map((i) => [i.sheet, i.level1, i.name, i.weight, i.score, i.status])).toEqual([
      ["overall", "产出", "保障学校数", 20, 20, "met"],
      ["overall", "产出", "教师培训合格率", 20, 20, "met"],
      ["overall", "效益", "适龄儿童入学率", 20, 20, "met"],
      ["overall", "满意度", "家长满意度", 30, 28, "met"],
      ["project", "产出", "改造幼儿园数", 40, 35, "missed"],
      ["project", "效益", "入园率", 30, 30, "met"],
      ["project", "满意度", "家长满意度", 20, 20, "met"],
    ]);
    // Both 总分 rows add up (9.56 + 88 = 97.56, 9.23 + 85 = 94.23): no check.
    expect(fromText.checks).toEqual([]);
    expect(sourceLineMisses(fromText, TEXT)).toEqual([]);
  });
});

describe.each(["docx", "pdf", "doc"])("the national template as .%s", async (ext) => {
  const file = RELATIVE.replace(/\.txt$/, `.${ext}`);
  const document = await readDocument(new Uint8Array(readFileSync(join(VARIANTS, file))), file);
  const fromDocument = extractText(document.text, RELATIVE);

  it("gives the text's rows", () => {
    expect(document.format).toBe(ext);
    expect(tablesView(fromDocument)).toEqual(tablesView(fromText));
  });
  it("cites lines that print each value", () => {
    expect(sourceLineMisses(fromDocument, document.text)).toEqual([]);
  });
});
