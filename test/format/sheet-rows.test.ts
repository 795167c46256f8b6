import { describe, expect, test } from "vitest";
import { captioned, sheetRows } from "../../src/format/sheet-rows.ts";
import { xlsxColumns } from "../../src/publish/write-xlsx.ts";

describe("sheetRows", () => {
  const columns = [
    { key: "report_id", label: "报告编号", numeric: false },
    { key: "value", label: "数值", numeric: true },
    { key: "source_line", label: "数值·原文行号", numeric: true },
  ];

  test("Chinese names, then the CSV's names, then records: CSV text converted to numbers, empty cells empty", () => {
    expect(sheetRows(columns, [{ report_id: "430682-2024-kjgyxxhj", value: "946.17", source_line: "116" }, { report_id: "433101-2022-kjgyxxhj", value: "", source_line: null }])).toEqual([
      [{ value: "报告编号", fontWeight: "bold" }, { value: "数值", fontWeight: "bold" }, { value: "数值·原文行号", fontWeight: "bold" }],
      [{ value: "report_id", color: "#555555" }, { value: "value", color: "#555555" }, { value: "source_line", color: "#555555" }],
      ["430682-2024-kjgyxxhj", 946.17, 116],
      ["433101-2022-kjgyxxhj", null, null],
    ]);
  });

  test("a text column keeps a code that looks like a number as text; a numeric column keeps text it cannot read", () => {
    const [, , row] = sheetRows([{ key: "county_code", label: "区划代码", numeric: false }, { key: "rate", label: "执行率", numeric: true }], [{ county_code: "430682", rate: "≥95%" }]);
    expect(row).toEqual(["430682", "≥95%"]);
  });

  test("captioned puts the lines above the header, the first bold, then a blank row", () => {
    expect(captioned(["三公经费", "单位：万元"], [["a"]])).toEqual([[{ value: "三公经费", fontWeight: "bold" }], ["单位：万元"], [], ["a"]]);
  });
});

describe("xlsxColumns", () => {
  test("names a published table's columns in Chinese with their units, numbers where the schema types them so", () => {
    const columns = xlsxColumns("reports");
    expect(columns.find((c) => c.key === "self_score")).toEqual({ key: "self_score", label: "自评得分（分）", numeric: true });
    expect(columns.find((c) => c.key === "county_code")).toEqual({ key: "county_code", label: "区划代码", numeric: false });
  });
});
