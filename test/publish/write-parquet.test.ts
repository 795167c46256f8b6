import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { SCHEMA_VERSION, TABLE_NAMES, TABLES, type TableName, type TableRows } from "../../src/schema/tables.ts";
import { withDuckDb, writeParquet } from "../../src/publish/write-parquet.ts";
import { writeCsv } from "../../src/publish/write-csv.ts";
import { tempDir } from "./helpers.ts";

const row: TableRows["indicators"] = {
  report_id: "430682-2024-kjgyxxhj", sheet: "overall", project: null, level1: "效益", level2: "社会效益",
  name: "群众满意度", target_text: "≥95％", actual_text: "", target_value: 95, actual_value: null, unit: null,
  direction: null, weight: 532.953, score: null, status: "unknown", source_line: 271, source_page: null, ocr_confidence: null,
  target_line: 272, actual_line: null, weight_line: 274, score_line: null,
};

async function publishOne<T extends TableName>(dir: string, name: T, rows: Parameters<typeof writeCsv<T>>[2]) {
  const csv = join(dir, `${name}.csv`);
  const parquet = join(dir, `${name}.parquet`);
  await writeCsv(csv, name, rows);
  await withDuckDb((db) => writeParquet(db, name, csv, parquet));
  return parquet;
}

describe("writeParquet", () => {
  test.each(TABLE_NAMES)("an empty %s table still has every column with its declared type", async (name) => {
    const parquet = await publishOne(await tempDir(), name, []);
    await withDuckDb(async (db) => {
      const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${parquet}'`)).getRowObjects();
      expect(described.map((d) => [d["column_name"], d["column_type"]])).toEqual(
        Object.entries(TABLES[name].columns).map(([c, col]) => [c, col.type]),
      );
      const count = (await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM '${parquet}'`)).getRowObjects();
      expect(count).toEqual([{ n: 0 }]);
    });
  });

  test("all-null columns keep their declared type, values survive exactly, null and empty text stay apart", async () => {
    const rows = [
      row,
      { ...row, source_line: 272, actual_text: "100%", actual_value: 100 },
      { ...row, source_line: 273, name: ' 两行\r\n"引号", 逗号 ', target_text: "\uFEFF", weight: 1e-7, target_value: -0.1 },
    ];
    const parquet = await publishOne(await tempDir(), "indicators", rows);
    await withDuckDb(async (db) => {
      const types = (await db.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${parquet}')`)).getRows();
      expect(Object.fromEntries(types)).toMatchObject({ project: "VARCHAR", unit: "VARCHAR", score: "DOUBLE", source_line: "INTEGER" });
      // @duckdb/node-api drops a leading U+FEFF when it turns a VARCHAR into a JS string, so that one is checked in SQL.
      const back = (await db.runAndReadAll(`SELECT * REPLACE (replace(target_text, chr(65279), '<BOM>') AS target_text) FROM '${parquet}'`)).getRowObjectsJS();
      expect(back).toEqual(rows.map((r) => ({ ...r, target_text: r.target_text.replace("\uFEFF", "<BOM>") })));
    });
  });

  test("records the schema version in the file's key-value metadata", async () => {
    const parquet = await publishOne(await tempDir(), "checks", []);
    await withDuckDb(async (db) => {
      const kv = (await db.runAndReadAll(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${parquet}')`)).getRowObjects();
      expect(kv).toEqual([{ k: "schema_version", v: SCHEMA_VERSION }]);
    });
  });
});
