import { describe, expect, it } from "vitest";
import { rowsOf, toCells, toLines } from "../../src/extract/lines.ts";

describe("toLines / toCells", () => {
  it("numbers lines from 1 across \\r\\n and drops a BOM", () => {
    const lines = toLines("\ufeff标题\r\n\t48　\r\n");
    expect(lines.map((l) => [l.n, l.text])).toEqual([
      [1, "标题"],
      [2, "48"],
      [3, ""],
    ]);
  });

  it("joins a header split over lines and starts a row after a blank line", () => {
    const cells = toCells(toLines("\t一级指标\n\t经济效\n益指标\n\t7.5%\n\n\t\n\t成本控制率"));
    expect(cells.map((c) => [c.line, c.text, c.row])).toEqual([
      [1, "一级指标", 0],
      [2, "经济效益指标", 0],
      [4, "7.5%", 0],
      [6, "", 1],
      [7, "成本控制率", 1],
    ]);
    expect(rowsOf(cells).map((r) => r.length)).toEqual([3, 2]);
  });

  it("does not glue a sheet title printed right under a table to its last cell", () => {
    const cells = toCells(toLines("\t总分\n\t100\n\t100\n 项目支出绩效自评表\n（2024年度）"));
    expect(cells.at(-1)?.text).toBe("100");
  });
});
