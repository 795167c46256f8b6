import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentOfTikaText, tikaTextOf, type Table } from "./document-model.ts";
import { REPORTS_DIR } from "./seeds.ts";

const cellTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => tikaTextOf(c).trimEnd()));

describe("documentOfTikaText (the fixture script's reading of a seed text)", () => {
  it("reads one blank line as the next row and two before text as the table's end", () => {
    const doc = documentOfTikaText("标题\n\t联系人\n\t李玟颐\n\n\t人员编制\n\n\n说明\n", null);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const table = doc.blocks[1] as Table;
    expect(cellTexts(table)).toEqual([["联系人", "李玟颐"], ["人员编制"]]);
    expect(table.rows[1]?.cells[0]?.colSpan).toBe(2);
  });

  it("keeps a cell's paragraphs, with single empty lines between them, in the cell", () => {
    const table = documentOfTikaText("\t三公经费\n\n合计\n\t其中：\n", null).blocks[0] as Table;
    expect(table.rows[0]?.cells[0]?.blocks).toHaveLength(3);
    expect(table.rows[0]?.cells).toHaveLength(2);
  });

  it("turns Tika's bookmark mark back into a bookmark", () => {
    const doc = documentOfTikaText("[bookmark: _GoBack]2023年\n", null);
    expect(doc.blocks[0]).toEqual({ kind: "paragraph", spans: [{ bookmark: "_GoBack" }, { text: "2023年" }] });
  });

  // The seeds end without the newlines Tika prints after a final table row; everything else must come back.
  for (const year of readdirSync(REPORTS_DIR)) {
    for (const file of readdirSync(join(REPORTS_DIR, year))) {
      it(`prints ${year}/${file} back as its text`, () => {
        const text = readFileSync(join(REPORTS_DIR, year, file), "utf8");
        expect(tikaTextOf(documentOfTikaText(text, null)).trimEnd()).toBe(text.trimEnd());
      });
    }
  }
});
