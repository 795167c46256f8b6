/**
 * A release's change log (--previous): the seeds published, then published again with one report removed, one
 * added, a figure and an indicator's result edited in the text. Every expected row is read from the seed texts'
 * lines named here; the ids and source lines are those the seeds' own tables publish.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runDataCli } from "../../src/publish/data-cli.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import { publish } from "../../src/publish/publish.ts";
import { releaseId } from "../../src/publish/release.ts";
import { changes, columnNames } from "../../src/schema/tables.ts";
import { SEEDS, copyTree } from "./helpers.ts";

const LINXIANG = "2024/临湘市-科技和工业信息化局.txt";
const HONGJIANG = "2024/洪江市-工业和信息化局.txt";
const JISHOU = "2022/吉首市-科技和工业信息化局.txt";
const VARIANT = "test/fixtures/variants/2024/株洲市天元区-教育局.txt";

/** Replaces line n (1-based) of a text file, after checking it holds what the test expects there. */
async function editLine(path: string, n: number, expected: string, replacement: string): Promise<void> {
  const lines = (await readFile(path, "utf8")).split("\n");
  expect(lines[n - 1], `${path}:${n}`).toBe(expected);
  lines[n - 1] = replacement;
  await writeFile(path, lines.join("\n"), "utf8");
}

async function manifestOf(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
}

async function csvRows(path: string): Promise<Record<string, string>[]> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), env: {} } };
};

describe("change log against a previous release", { timeout: 60_000 }, () => {
  let root: string;
  let previous: string;
  let next: string;
  let nextIn: string;

  // One directory for the whole describe (helpers' tempDir is removed after each test): the releases build on each other.
  afterAll(() => rm(root, { recursive: true, force: true }));
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "changes-test-"));
    previous = join(root, "previous");
    next = join(root, "next");
    nextIn = join(root, "in");
    expect((await publish({ inDir: SEEDS, outDir: previous })).failures).toEqual([]);
    await copyTree(SEEDS, nextIn);
    await rm(join(nextIn, JISHOU));
    await copyTree(VARIANT, join(nextIn, "2024/株洲市天元区-教育局.txt"));
    // 局机关及二级机构汇总's 支出合计 (the seed's line 116) and 信息化建设（5G基站）'s result (line 307), re-published.
    await editLine(join(nextIn, LINXIANG), 116, "\t946.17", "\t964.17");
    await editLine(join(nextIn, HONGJIANG), 307, "\t168个", "\t158个");
  });

  test("lists the report removed, the report added and each edited number with both values and source lines", async () => {
    const { code, out } = await (async () => {
      const c = capture();
      return { code: await runDataCli(["--in", nextIn, "--out", next, "--previous", previous], c.io), out: c.out };
    })();
    expect(code).toBe(0);
    const rows = await csvRows(join(next, "changes.csv"));
    expect(Object.keys(rows[0]!)).toEqual(columnNames("changes"));
    const pick = (r: Record<string, string>) => [r["change"], r["report_id"], r["table"], r["item"], r["field"], r["old_value"], r["new_value"], r["old_source_line"], r["new_source_line"]];
    expect(rows.map(pick)).toEqual([
      ["report_added", "430211-2024-jyj", "reports", "", "", "", "", "", ""],
      ["value_changed", "430682-2024-kjgyxxhj", "facts", "spend_total actual 2024", "value", "946.17", "964.17", "116", "116"],
      ["value_changed", "431281-2024-gyxxhj", "indicators", "overall - 信息化建设（5G基站）", "actual_value", "168", "158", "307", "307"],
      ["report_removed", "433101-2022-kjgyxxhj", "reports", "", "", "", "", "", ""],
    ]);
    expect(rows[0]).toMatchObject({ county_zh: "天元区", department_zh: "株洲市天元区教育局", fiscal_year: "2024", old_source_file: "", new_source_file: "2024/株洲市天元区-教育局.txt" });
    expect(rows[1]).toMatchObject({ county_zh: "临湘市", department_zh: "临湘市科技和工业信息化局", old_source_file: LINXIANG, new_source_file: LINXIANG });
    expect(rows[3]).toMatchObject({ county_zh: "吉首市", fiscal_year: "2022", old_source_file: JISHOU, new_source_file: "" });
    const manifest = await manifestOf(next);
    expect(manifest.changes).toMatchObject({
      previous_release_id: (await manifestOf(previous)).release_id,
      counts: { report_added: 1, report_removed: 1, value_changed: 2, value_added: 0, value_removed: 0 },
      rows: 4,
      csv: { file: "changes.csv" },
      parquet: { file: "changes.parquet" },
    });
    expect(out.at(-1)).toBe(`changes    since ${previous}: 1 reports added, 1 removed; 2 numbers changed, 0 added, 0 removed → ${next}/changes.csv, changes.parquet, changes.xlsx`);
  });

  test("its XLSX opens with another library: Chinese names, then the CSV's, then the CSV's rows with numbers as numbers", async () => {
    const [sheet, ...others] = await readXlsxFile(join(next, "changes.xlsx"));
    expect(others).toEqual([]);
    expect(sheet!.sheet).toBe("版本变更");
    const [zh, keys, ...rows] = sheet!.data;
    expect(zh).toEqual(Object.values(changes.columns).map((c) => c.zh));
    expect(keys).toEqual(columnNames("changes"));
    const numeric = new Set(Object.entries(changes.columns).filter(([, c]) => c.type !== "VARCHAR").map(([k]) => k));
    const fromCsv = (await csvRows(join(next, "changes.csv"))).map((r) => columnNames("changes").map((k) => (r[k] === "" ? null : numeric.has(k) ? Number(r[k]) : r[k])));
    expect(rows).toEqual(fromCsv);
    expect(rows[1]!.slice(8, 10)).toEqual([946.17, 964.17]);
    expect((await manifestOf(next)).changes?.xlsx?.file).toBe("changes.xlsx");
  });

  test("the new release has its own id, and a rerun gives the same change log byte for byte", async () => {
    const again = join(root, "again");
    await publish({ inDir: nextIn, outDir: again, previous });
    for (const f of ["changes.csv", "changes.parquet", "changes.xlsx", "manifest.json"]) expect((await readFile(join(again, f))).equals(await readFile(join(next, f))), f).toBe(true);
    expect((await manifestOf(next)).release_id).not.toBe((await manifestOf(previous)).release_id);
  });

  test("against itself a release changes nothing, and --previous may be the output directory, read before it is replaced", async () => {
    const same = join(root, "same");
    await copyTree(previous, same);
    await publish({ inDir: SEEDS, outDir: same, previous: same });
    expect(await csvRows(join(same, "changes.csv"))).toEqual([]);
    const manifest = await manifestOf(same);
    expect(manifest.changes?.previous_release_id).toBe(manifest.release_id);
    expect(manifest.release_id).toBe((await manifestOf(previous)).release_id);
  });

  test("a run without --previous removes an earlier run's change log, which would describe other tables", async () => {
    const dir = join(root, "stale");
    await copyTree(next, dir);
    await publish({ inDir: nextIn, outDir: dir });
    expect((await readdir(dir)).filter((f) => f.startsWith("changes"))).toEqual([]);
    expect((await manifestOf(dir)).changes).toBeNull();
  });

  test("a --previous that is not a release is a bad argument: exit 2, the directory and what was expected named, nothing written", async () => {
    const out = join(root, "never");
    const c = capture();
    expect(await runDataCli(["--in", nextIn, "--out", out, "--previous", nextIn], c.io)).toBe(2);
    expect(c.err[0]).toMatch(new RegExp(`^--previous ${nextIn}: no readable manifest\\.json \\(.*\\); expected a directory \`npm run data\` wrote`));
    await expect(readdir(out)).rejects.toThrow();
  });
});

describe("release id", () => {
  const tables = { reports: { csv: [{ file: "reports.csv", sha256: "a".repeat(64) }] }, facts: { csv: [{ file: "facts.csv", sha256: "b".repeat(64) }] } };

  test("is the data's date and ten hex digits of the tables' hashes; the hash alone when the data is undated", () => {
    expect(releaseId("2026-12-06T08:00:00.000Z", tables)).toMatch(/^2026-12-06-[0-9a-f]{10}$/);
    expect(releaseId(null, tables)).toMatch(/^[0-9a-f]{10}$/);
    expect(releaseId("2026-12-06T08:00:00.000Z", tables).slice(11)).toBe(releaseId(null, tables));
  });

  test("changes with any table's contents, and reads a manifest of before 1.1 that lists one CSV record per table", () => {
    const edited = { ...tables, facts: { csv: [{ file: "facts.csv", sha256: "c".repeat(64) }] } };
    expect(releaseId(null, edited)).not.toBe(releaseId(null, tables));
    const old = { reports: { csv: tables.reports.csv[0]! }, facts: { csv: tables.facts.csv[0]! } };
    expect(releaseId(null, old)).toBe(releaseId(null, tables));
  });
});
