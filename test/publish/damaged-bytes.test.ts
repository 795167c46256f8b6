import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { damagedBytesCheck, maskDamagedNumbers } from "../../src/publish/damaged-bytes.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import { publish } from "../../src/publish/publish.ts";
import { SEEDS, tempDir } from "./helpers.ts";

describe("maskDamagedNumbers", () => {
  test("a number touching a mark is masked whole, length kept; other numbers stay", () => {
    expect(maskDamagedNumbers("支出合计94\uFFFD.17万元，基本支出532.95万元")).toBe("支出合计\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD万元，基本支出532.95万元");
    expect(maskDamagedNumbers("\t\uFFFD946.17\n\t456.79")).toBe("\t\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\n\t456.79");
    expect(maskDamagedNumbers("合计1,234\uFFFD\uFFFD5万元")).toBe(`合计${"\uFFFD".repeat(8)}万元`);
    expect(maskDamagedNumbers("２０２４\uFFFD年")).toBe("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD年");
  });

  test("a mark away from digits changes nothing else; text without marks is returned as it is", () => {
    expect(maskDamagedNumbers("项目\uFFFD支出456.79万元")).toBe("项目\uFFFD支出456.79万元");
    expect(maskDamagedNumbers("支出合计946.17万元")).toBe("支出合计946.17万元");
  });
});

describe("damagedBytesCheck", () => {
  test("a warning naming the lines, at the first", () => {
    expect(damagedBytesCheck("r", [17, 40])).toEqual({
      report_id: "r", rule: "damaged_bytes", severity: "warning", metrics: "source_text",
      message: "原文第 17、40 行有无法解码的字节或字形（显示为 �），紧挨损坏字节的数字未发布", source_line: 17,
    });
  });

  test("names the first 20 lines and says how many there are", () => {
    const lines = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(damagedBytesCheck("r", lines).message).toBe(`原文第 ${lines.slice(0, 20).join("、")} 行等 25 行有无法解码的字节或字形（显示为 �），紧挨损坏字节的数字未发布`);
  });
});

const YUANJIANG = "2023/沅江市-科学技术和工业信息化局.txt";

async function csvRows(outDir: string, table: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(outDir, `${table}.csv`), "utf8");
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
}

describe("a report with a damaged byte, through publish and extractReport", () => {
  test("is published with a damaged_bytes check; the number the byte touched is not", async () => {
    const root = await tempDir();
    const seed = await readFile(join(SEEDS, YUANJIANG));
    // Line 17: "2023年终决算支出为11658.78万元。" Its "5" (one byte in UTF-8) becomes an undecodable 0xFF.
    const at = seed.indexOf(Buffer.from("支出为11658.78万元")) + Buffer.byteLength("支出为");
    const damaged = Buffer.from(seed);
    damaged[at + 3] = 0xff;
    await mkdir(join(root, "in", "2023"), { recursive: true });
    await writeFile(join(root, "in", YUANJIANG), damaged);
    await mkdir(join(root, "seed", "2023"), { recursive: true });
    await writeFile(join(root, "seed", YUANJIANG), seed);

    await publish({ inDir: join(root, "seed"), outDir: join(root, "clean") });
    const result = await publish({ inDir: join(root, "in"), outDir: join(root, "out") });
    expect(result.failures).toEqual([]);
    const before = await csvRows(join(root, "clean"), "facts");
    const after = await csvRows(join(root, "out"), "facts");
    expect(before.find((f) => f["metric"] === "spend_total" && f["basis"] === "actual")).toMatchObject({ value: "11658.78", source_line: "17" });
    // Nothing is read from the damaged figure: no 116, no 8.78, no spend_total from line 17.
    expect(after.filter((f) => f["source_line"] === "17" && f["metric"] === "spend_total")).toEqual([]);
    expect(after.filter((f) => ["116", "8.78", "11658.78"].includes(f["value"]!) && f["source_line"] === "17")).toEqual([]);
    // Every other figure on other lines is as before.
    const elsewhere = (rows: Record<string, string>[]) => rows.filter((f) => f["source_line"] !== "17").map((f) => ({ ...f, report_id: "" }));
    expect(elsewhere(after)).toEqual(elsewhere(before));

    const checks = await csvRows(join(root, "out"), "checks");
    expect(checks.filter((c) => c["rule"] === "damaged_bytes")).toEqual([
      expect.objectContaining({ severity: "warning", source_line: "17", message: "原文第 17 行有无法解码的字节或字形（显示为 �），紧挨损坏字节的数字未发布" }),
    ]);
    const manifest = JSON.parse(await readFile(join(root, "out", "manifest.json"), "utf8")) as Manifest;
    expect(manifest.inputs[0]).toMatchObject({ source_file: YUANJIANG, format: "txt", encoding: "utf-8", status: "published", damaged_lines: [17] });
  });
});
