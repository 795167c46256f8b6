/**
 * publish() with the real extractReport: the contract between the extractor and the published files.
 * These fail while extractReport is still a stub ("not implemented yet"); they are written against the contract.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { publish } from "../../src/publish/publish.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import { listCorpus } from "../../src/publish/read-corpus.ts";
import { syntheticCorpus } from "../../src/publish/synthetic-corpus.ts";
import { syntheticCounties } from "../../src/publish/place-names.ts";
import { TABLE_NAMES } from "../../src/schema/tables.ts";
import { FIXTURES, SEEDS, copyTree, snapshot, tempDir } from "./helpers.ts";

async function csvRows(outDir: string, table: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(outDir, `${table}.csv`), "utf8");
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
}

describe("publish with extractReport", () => {
  test("every seed publishes, and a rerun gives the same bytes", async () => {
    const root = await tempDir();
    const a = await publish({ inDir: SEEDS, outDir: join(root, "a") });
    expect(a.failures).toEqual([]);
    expect(a.counts.reports).toBe(5);
    await publish({ inDir: SEEDS, outDir: join(root, "b") });
    expect(await snapshot(join(root, "b"))).toEqual(await snapshot(join(root, "a")));
  });

  test("a GB18030 report yields the same rows as its UTF-8 twin (only source_sha256 differs)", async () => {
    const root = await tempDir();
    const twin = "2023/沅江市-科学技术和工业信息化局.txt";
    await copyTree(join(SEEDS, twin), join(root, "utf8", twin));
    const utf8 = await publish({ inDir: join(root, "utf8"), outDir: join(root, "out-utf8") });
    const gb = await publish({ inDir: join(FIXTURES, "gb18030"), outDir: join(root, "out-gb") });
    expect(gb.failures).toEqual([]);
    expect(gb.counts).toEqual(utf8.counts);
    for (const t of TABLE_NAMES) {
      const strip = (rows: Record<string, string>[]) => rows.map(({ source_sha256: _, ...rest }) => rest);
      expect(strip(await csvRows(join(root, "out-gb"), t)), t).toEqual(strip(await csvRows(join(root, "out-utf8"), t)));
    }
    const manifest = JSON.parse(await readFile(join(root, "out-gb", "manifest.json"), "utf8")) as Manifest;
    expect(manifest.inputs[0]?.encoding).toBe("gb18030");
  });

  test("bad inputs fail with a ParseError naming what was expected; truncation shows as a failure or absent parts", async () => {
    const outDir = join(await tempDir(), "out");
    const result = await publish({ inDir: join(FIXTURES, "bad"), outDir, keepGoing: true });
    const byFile = new Map(result.failures.map((f) => [f.file, f]));
    for (const file of ["empty.txt", "unrecognisable.txt"]) {
      const f = byFile.get(file);
      expect(f?.expected, file).toEqual(expect.any(String));
      expect(f?.found, file).toEqual(expect.any(String));
      expect(f?.message, file).not.toMatch(/not implemented/);
    }
    expect(byFile.get("binary.txt")?.expected).toBe("UTF-8, GB18030 or UTF-16 text");
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    const truncated = manifest.inputs.find((i) => i.source_file === "truncated.txt");
    expect(truncated?.status === "failed" || (truncated?.parts.absent.length ?? 0) > 0).toBe(true);
  });
});

describe("publish on worker threads", () => {
  test("gives the same bytes as extraction in-process, a scan first in the corpus read by OCR after the rest", { timeout: 180_000 }, async () => {
    const root = await tempDir();
    const inDir = join(root, "in");
    const seeds = await Promise.all(
      (await listCorpus(SEEDS)).map(async (f) => ({ sourceFile: f, text: await readFile(join(SEEDS, f), "utf8") })),
    );
    for (const r of syntheticCorpus(seeds, syntheticCounties(), 200, { seed: 3 })) {
      await mkdir(dirname(join(inDir, r.sourceFile)), { recursive: true });
      await writeFile(join(inDir, r.sourceFile), r.text);
    }
    // Named to sort first, so it is in the first batch: the first pass leaves it, a later one reads it by OCR.
    await mkdir(join(inDir, "2024"), { recursive: true });
    await writeFile(join(inDir, "2024", "0-洪江市-工业和信息化局.pdf"), await readFile("test/fixtures/scans/2024/洪江市-工业和信息化局.pdf"));
    const one = await publish({ inDir, outDir: join(root, "one"), keepGoing: true, workers: 1 });
    // The workers' spool files (extract-pool.ts) go under the system temp folder: here an empty one of the test's own.
    const spoolRoot = join(root, "tmp");
    await mkdir(spoolRoot);
    const systemTmp = process.env.TMPDIR;
    process.env.TMPDIR = spoolRoot;
    const two = await publish({ inDir, outDir: join(root, "two"), keepGoing: true, workers: 2 }).finally(() => {
      if (systemTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTmp;
    });
    expect(one.counts.reports).toBeGreaterThan(100);
    expect(two.failures).toEqual(one.failures);
    for (const out of ["one", "two"]) expect((await csvRows(join(root, out), "reports")).find((r) => r.source_file === "2024/0-洪江市-工业和信息化局.pdf")?.report_id).toBe("431281-2024-gyxxhj");
    expect(await snapshot(join(root, "two"))).toEqual(await snapshot(join(root, "one")));
    expect(await readdir(spoolRoot)).toEqual([]);
  });
});
