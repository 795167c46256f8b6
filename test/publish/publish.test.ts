import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ParseError } from "../../src/extract/errors.ts";
import type { ReportInput } from "../../src/extract/report.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import { publish, writeTableTexts, type TableTexts } from "../../src/publish/publish.ts";
import { standInExtract } from "../../src/publish/stand-in-extract.ts";
import { listCorpus } from "../../src/publish/read-corpus.ts";
import { sortByKey } from "../../src/publish/sort-rows.ts";
import { toCsv } from "../../src/publish/write-csv.ts";
import { TABLE_NAMES, type TableRows } from "../../src/schema/tables.ts";
import { FIXTURES, SEEDS, copyTree, snapshot, tempDir } from "./helpers.ts";

// These tests are about I/O, so they use the stand-in extractor: they pass whatever state extractReport is in.
const extract = standInExtract;

/** What a corpus too small to split publishes: each table whole, as Parquet and CSV, and the manifest. */
const WHOLE_FILES = [...TABLE_NAMES.flatMap((t) => [`${t}.parquet`, `${t}.csv`]), "manifest.json"].sort();

async function readManifest(outDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
}

describe("publish", () => {
  test("two runs on the same input give byte-identical files", async () => {
    const root = await tempDir();
    const a = await publish({ inDir: SEEDS, outDir: join(root, "a"), extract });
    const b = await publish({ inDir: SEEDS, outDir: join(root, "b"), extract });
    expect(a.failures).toEqual([]);
    expect(b.counts).toEqual(a.counts);
    const [sa, sb] = [await snapshot(join(root, "a")), await snapshot(join(root, "b"))];
    expect([...sa.keys()]).toEqual(WHOLE_FILES);
    for (const [name, bytes] of sa) expect(bytes.equals(sb.get(name)!), name).toBe(true);
  });

  test("each table's CSV is every report's rows sorted by the table's key, as one sort over the table would give", async () => {
    const outDir = join(await tempDir(), "out");
    await publish({ inDir: SEEDS, outDir, extract });
    const files = await listCorpus(SEEDS);
    const extracted = await Promise.all(
      files.map(async (f) => {
        const bytes = await readFile(join(SEEDS, f));
        return extract({ text: bytes.toString("utf8"), sourceFile: f, sha256: createHash("sha256").update(bytes).digest("hex") });
      }),
    );
    for (const t of TABLE_NAMES) {
      const rows = extracted.flatMap((r): unknown[] => (t === "reports" ? [r.report] : r[t])) as TableRows[typeof t][];
      expect(await readFile(join(outDir, `${t}.csv`), "utf8"), t).toBe(toCsv(t, sortByKey(t, rows)));
    }
  });

  test("the manifest lists every table's rows and file hashes, every input, and the schema version", async () => {
    const outDir = join(await tempDir(), "out");
    const result = await publish({ inDir: SEEDS, outDir, extract, generatedAt: "2025-06-30T00:00:00.000Z" });
    const manifest = await readManifest(outDir);
    expect(manifest.schema_version).toBe("1.4.0");
    expect(manifest.release_id).toMatch(/^2025-06-30-[0-9a-f]{10}$/);
    expect(manifest.changes).toBeNull();
    expect(manifest.generated_at).toBe("2025-06-30T00:00:00.000Z");
    expect(Object.keys(manifest.tables)).toEqual(TABLE_NAMES);
    for (const t of TABLE_NAMES) {
      expect(manifest.tables[t].rows).toBe(result.counts[t]);
      const { parquet, csv } = manifest.tables[t];
      expect(csv.map((f) => [f.file, f.fiscal_year, f.rows])).toEqual([[`${t}.csv`, null, result.counts[t]]]);
      for (const f of [parquet, ...csv]) {
        const bytes = await readFile(join(outDir, f.file));
        expect(f).toMatchObject({ file: f.file, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
      }
    }
    expect(manifest.tables.reports.rows).toBe(5);
    expect(manifest.inputs.map((i) => [i.source_file, i.status, i.encoding])).toEqual([
      ["2022/吉首市-科技和工业信息化局.txt", "published", "utf-8"],
      ["2023/沅江市-科学技术和工业信息化局.txt", "published", "utf-8"],
      ["2024/临湘市-科技和工业信息化局.txt", "published", "utf-8"],
      ["2024/岳阳市-科学技术局.txt", "published", "utf-8"],
      ["2024/洪江市-工业和信息化局.txt", "published", "utf-8"],
    ]);
    expect(manifest.inputs[0]?.sha256).toBe(createHash("sha256").update(await readFile(join(SEEDS, "2022/吉首市-科技和工业信息化局.txt"))).digest("hex"));
    expect(manifest.failures).toEqual([]);
  });

  test("other files in outDir survive, ours are replaced, and no temp dir is left beside it", async () => {
    const root = await tempDir();
    const outDir = join(root, "data");
    await mkdir(join(outDir, "assets"), { recursive: true });
    await writeFile(join(outDir, "assets", "site.js"), "keep me");
    await writeFile(join(outDir, "reports.csv"), "stale");
    await publish({ inDir: SEEDS, outDir, extract });
    expect(await readFile(join(outDir, "assets", "site.js"), "utf8")).toBe("keep me");
    expect((await readFile(join(outDir, "reports.csv"), "utf8")).startsWith("\uFEFFreport_id,")).toBe(true);
    expect(await readdir(root)).toEqual(["data"]);
  });

  test("a write that fails half-way leaves the previous output untouched", async () => {
    const root = await tempDir();
    const outDir = join(root, "out");
    await publish({ inDir: SEEDS, outDir, extract });
    const before = await snapshot(outDir);
    const failing = async (dir: string, texts: TableTexts) => {
      await writeTableTexts(dir, { ...texts, reports: { whole: { parts: [], bytes: 0 }, files: [{ file: "reports.csv", fiscalYear: null, parts: [], bytes: 0, rows: 0 }] } });
      throw new Error("disk full");
    };
    await expect(publish({ inDir: SEEDS, outDir, extract, writeTables: failing })).rejects.toThrow("disk full");
    expect(await snapshot(outDir)).toEqual(before);
    expect(await readdir(root)).toEqual(["out"]);
  });

  test("without keepGoing a failed report stops publication; with it the others are published", async () => {
    const inDir = join(await tempDir(), "in");
    await copyTree(SEEDS, inDir);
    await copyTree(join(FIXTURES, "bad"), join(inDir, "bad"));
    const outDir = join(await tempDir(), "out");

    const strict = await publish({ inDir, outDir, extract });
    expect(strict.published).toBe(false);
    expect(strict.failures.map((f) => f.file)).toEqual(["bad/binary.txt", "bad/empty.txt", "bad/unrecognisable.txt"]);
    await expect(readdir(outDir)).rejects.toThrow(/ENOENT/);

    const lenient = await publish({ inDir, outDir, extract, keepGoing: true });
    expect(lenient.published).toBe(true);
    expect(lenient.counts.reports).toBe(6); // the five seeds and the truncated file (the stand-in accepts it)
    const manifest = await readManifest(outDir);
    expect(manifest.failures).toEqual(lenient.failures);
    expect(manifest.failures[0]).toEqual({
      file: "bad/binary.txt", line: null, expected: "UTF-8, GB18030 or UTF-16 text", found: "1 of 6 characters undecodable or control characters (16.7%, more than 1%): a damaged or binary file",
      message: "bad/binary.txt: expected UTF-8, GB18030 or UTF-16 text, found 1 of 6 characters undecodable or control characters (16.7%, more than 1%): a damaged or binary file",
    });
    expect(manifest.inputs.filter((i) => i.status === "failed").map((i) => i.source_file)).toEqual(strict.failures.map((f) => f.file));
  });

  test("any error from the extractor fails that file only, and keeps its message", async () => {
    const outDir = join(await tempDir(), "out");
    const flaky = (input: ReportInput) => {
      if (input.sourceFile.includes("岳阳")) throw new TypeError("Cannot read properties of undefined (reading 'n')");
      if (input.sourceFile.includes("洪江")) throw new ParseError(input.sourceFile, 12, "a 支出合计 figure", '"合计"');
      return extract(input);
    };
    const result = await publish({ inDir: SEEDS, outDir, extract: flaky, keepGoing: true });
    expect(result.counts.reports).toBe(3);
    expect(result.failures).toEqual([
      { file: "2024/岳阳市-科学技术局.txt", line: null, expected: null, found: null, message: "2024/岳阳市-科学技术局.txt: Cannot read properties of undefined (reading 'n')" },
      { file: "2024/洪江市-工业和信息化局.txt", line: 12, expected: "a 支出合计 figure", found: '"合计"', message: '2024/洪江市-工业和信息化局.txt:12: expected a 支出合计 figure, found "合计"' },
    ]);
  });

  test("files claiming one report_id: the sounder is published whatever its path, the others are duplicates naming it", async () => {
    const outDir = join(await tempDir(), "out");
    const sameId = (input: ReportInput) => {
      const r = extract(input);
      const report_id = input.sourceFile.startsWith("2024/") ? "430682-2024-kjgyxxhj" : r.report.report_id;
      const withId = <T extends { report_id: string }>(rows: T[]) => rows.map((x) => ({ ...x, report_id }));
      return { ...r, report: { ...r.report, report_id }, facts: withId(r.facts), indicators: withId(r.indicators), projects: withId(r.projects), checks: withId(r.checks) };
    };
    // Without --keep-going too: a duplicate is decided, not a failure that stops the run.
    const result = await publish({ inDir: SEEDS, outDir, extract: sameId });
    expect(result.published).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.counts.reports).toBe(3);
    // The stand-in recognises one part in each, so the most rows decide: 洪江's, though its path sorts last.
    expect(result.duplicates.map((f) => f.message)).toEqual([
      "2024/临湘市-科技和工业信息化局.txt: 与 2024/洪江市-工业和信息化局.txt 为同一报告（430682-2024-kjgyxxhj），数据行 29 行对 81 行；发布的是 2024/洪江市-工业和信息化局.txt",
      "2024/岳阳市-科学技术局.txt: 与 2024/洪江市-工业和信息化局.txt 为同一报告（430682-2024-kjgyxxhj），数据行 43 行对 81 行；发布的是 2024/洪江市-工业和信息化局.txt",
    ]);
    const manifest = await readManifest(outDir);
    expect(manifest.failures).toEqual(result.duplicates);
    expect(manifest.inputs.map((i) => i.status)).toEqual(["published", "published", "duplicate", "duplicate", "published"]);
    const reports = await readFile(join(outDir, "reports.csv"), "utf8");
    expect(reports).toContain(",2024/洪江市-工业和信息化局.txt,");
    const checks = (await readFile(join(outDir, "checks.csv"), "utf8")).split("\r\n").filter((l) => l.includes("duplicate_input"));
    expect(checks).toEqual([
      "430682-2024-kjgyxxhj,duplicate_input,info,source_file,另一文件 2024/临湘市-科技和工业信息化局.txt 也是本报告，未采用（数据行 29 行对 81 行）,,",
      "430682-2024-kjgyxxhj,duplicate_input,info,source_file,另一文件 2024/岳阳市-科学技术局.txt 也是本报告，未采用（数据行 43 行对 81 行）,,",
    ]);
  });

  test("rows that break the schema fail their report with the table, row, line and column", async () => {
    const outDir = join(await tempDir(), "out");
    const broken = (input: ReportInput) => {
      const r = extract(input);
      if (!input.sourceFile.includes("临湘")) return r;
      const facts = r.facts.map((f, i) => (i === 1 ? { ...f, metric: "spend_misc" as "spend_total", value: Number.NaN } : f));
      return { ...r, facts };
    };
    const result = await publish({ inDir: SEEDS, outDir, extract: broken, keepGoing: true });
    expect(result.failures).toHaveLength(1);
    const [f] = result.failures;
    expect(f?.file).toBe("2024/临湘市-科技和工业信息化局.txt");
    expect(f?.line).toEqual(expect.any(Number));
    expect(f?.message).toMatch(/^2024\/临湘市-科技和工业信息化局\.txt:\d+: facts row 2 breaks the schema: metric: .*; value: /);
  });

  test("a report whose rows repeat a key fails", async () => {
    const outDir = join(await tempDir(), "out");
    const twice = (input: ReportInput) => {
      const r = extract(input);
      return input.sourceFile.includes("临湘") ? { ...r, checks: [...r.checks, ...r.checks] } : r;
    };
    const result = await publish({ inDir: SEEDS, outDir, extract: twice, keepGoing: true });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.message).toMatch(
      /^2024\/临湘市-科技和工业信息化局\.txt: checks row 2 has the same key as row 1 \(report_id=sim-2024-\w+, rule=stand_in, source_line=null, metrics=spend_total, message=.+\); a key must be unique$/,
    );
  });

  test("a table whose key need not be unique (projects) keeps repeated rows", async () => {
    const outDir = join(await tempDir(), "out");
    const twice = (input: ReportInput) => {
      const r = extract(input);
      return { ...r, projects: [...r.projects, ...r.projects] };
    };
    const once = await publish({ inDir: SEEDS, outDir: join(await tempDir(), "once"), extract });
    const result = await publish({ inDir: SEEDS, outDir, extract: twice });
    expect(result.failures).toEqual([]);
    expect(result.counts.projects).toBe(2 * once.counts.projects);
  });

  test("a table past the CSV limits is published as one file per fiscal year; a later run within them makes it whole again", async () => {
    const root = await tempDir();
    const whole = await publish({ inDir: SEEDS, outDir: join(root, "whole"), extract });
    const outDir = join(root, "out");
    // The largest CSV alone passes a byte limit just under its size.
    const bytes = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, (await readFile(join(root, "whole", `${t}.csv`))).length] as const)));
    const big = TABLE_NAMES.reduce((a, b) => (bytes[b]! > bytes[a]! ? b : a));
    const limit = bytes[big]! - 1;
    for (const t of TABLE_NAMES) if (t !== big) expect(bytes[t], t).toBeLessThanOrEqual(limit);
    await publish({ inDir: SEEDS, outDir, extract, csvLimits: { bytes: limit, rows: 1e6 } });
    const split = [...(await snapshot(outDir)).keys()];
    expect(split).toEqual([...WHOLE_FILES.filter((f) => f !== `${big}.csv`), `${big}-2022.csv`, `${big}-2023.csv`, `${big}-2024.csv`].sort());

    // Each year's file: the header and that year's rows of the whole file, in the same order.
    const lines = (text: string) => text.split("\r\n").filter((l) => l !== "");
    const [header, ...all] = lines(await readFile(join(root, "whole", `${big}.csv`), "utf8"));
    const manifest = await readManifest(outDir);
    for (const year of [2022, 2023, 2024]) {
      const file = `${big}-${year}.csv`;
      const ids = new Set(manifest.inputs.filter((i) => i.source_file.startsWith(`${year}/`)).map((i) => i.report_id));
      const text = await readFile(join(outDir, file), "utf8");
      expect(lines(text)).toEqual([header, ...all.filter((l) => ids.has(l.split(",")[0]!))]);
      const record = manifest.tables[big].csv.find((f) => f.file === file);
      expect(record).toEqual({ file, bytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex"), fiscal_year: year, rows: lines(text).length - 1 });
    }
    expect(manifest.tables[big].csv.reduce((n, f) => n + f.rows, 0)).toBe(whole.counts[big]);
    // The Parquet file is still the whole table, byte for byte.
    expect((await readFile(join(outDir, `${big}.parquet`))).equals(await readFile(join(root, "whole", `${big}.parquet`)))).toBe(true);

    await publish({ inDir: SEEDS, outDir, extract });
    expect([...(await snapshot(outDir)).keys()]).toEqual(WHOLE_FILES);
  });

  test("an empty corpus publishes empty, typed tables", async () => {
    const root = await tempDir();
    await mkdir(join(root, "in"));
    const result = await publish({ inDir: join(root, "in"), outDir: join(root, "out"), extract });
    expect(result).toEqual({
      failures: [],
      duplicates: [],
      counts: { reports: 0, facts: 0, indicators: 0, projects: 0, checks: 0 },
      csvFiles: Object.fromEntries(TABLE_NAMES.map((t) => [t, [`${t}.csv`]])),
      published: true,
      changes: null,
      provinces: null,
    });
    expect([...(await snapshot(join(root, "out"))).keys()]).toEqual(WHOLE_FILES);
  });
});
