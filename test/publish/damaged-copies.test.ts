/**
 * Issue 7's experiment (with issue 15's longer copies): 76 damaged copies of the five seeds beside the seeds in one --in folder. The seeds
 * are published, exactly as on their own, and every other file is named with a reason.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Manifest } from "../../src/publish/manifest.ts";
import { publish } from "../../src/publish/publish.ts";
import { listCorpus } from "../../src/publish/read-corpus.ts";
import { TABLE_NAMES } from "../../src/schema/tables.ts";
import { damagedCopies } from "../helpers/damaged-copies.ts";
import { SEEDS, copyTree, tempDir } from "./helpers.ts";

const csvLines = async (dir: string, table: string) => (await readFile(join(dir, `${table}.csv`), "utf8")).split("\r\n");

describe("the damaged-copies experiment", () => {
  test("publishes the five seeds exactly as on their own and names every other file with a reason", { timeout: 120_000 }, async () => {
    const root = await tempDir();
    const seeds = await Promise.all((await listCorpus(SEEDS)).map(async (f) => ({ sourceFile: f, bytes: new Uint8Array(await readFile(join(SEEDS, f))) })));
    const copies = damagedCopies(seeds);
    expect(copies).toHaveLength(76);
    const inDir = join(root, "in");
    await copyTree(SEEDS, inDir);
    for (const c of copies) {
      await mkdir(dirname(join(inDir, c.sourceFile)), { recursive: true });
      await writeFile(join(inDir, c.sourceFile), c.bytes);
    }

    await publish({ inDir: SEEDS, outDir: join(root, "alone") });
    const mixed = await publish({ inDir, outDir: join(root, "mixed"), keepGoing: true });
    expect(mixed.published).toBe(true);
    const manifest = JSON.parse(await readFile(join(root, "mixed", "manifest.json"), "utf8")) as Manifest;

    // The seeds' own files are the published ones.
    expect(manifest.inputs.filter((i) => i.status === "published").map((i) => i.source_file)).toEqual(seeds.map((s) => s.sourceFile));
    // Every table is the same as from the seeds alone, but for the winners' duplicate_input checks.
    for (const t of TABLE_NAMES) {
      const lines = (await csvLines(join(root, "mixed"), t)).filter((l) => !l.includes(",duplicate_input,"));
      expect(lines, t).toEqual(await csvLines(join(root, "alone"), t));
    }
    // Every copy is named, with a reason, and none with a stack trace.
    const failureOf = new Map(manifest.failures.map((f) => [f.file, f]));
    for (const c of copies) {
      const input = manifest.inputs.find((i) => i.source_file === c.sourceFile);
      expect(input?.status, `${c.sourceFile} (${c.kind})`).toMatch(/^(failed|duplicate)$/);
      expect(failureOf.get(c.sourceFile)?.message, `${c.sourceFile} (${c.kind})`).toMatch(new RegExp(`^${c.sourceFile.replace(/[.()]/g, "\\$&")}(:\\d+)?: .{10,}`));
    }
    expect(manifest.failures).toHaveLength(copies.length);
    for (const f of manifest.failures) expect(f.message).not.toMatch(/\n\s+at |Error:/);
    // The losing duplicates name their winner: a seed.
    const seedFiles = new Set(seeds.map((s) => s.sourceFile));
    for (const d of mixed.duplicates) expect([...seedFiles].some((s) => d.message.includes(`；发布的是 ${s}`)), d.message).toBe(true);

    // What the readers and the duplicates rule decide, whatever the extractor makes of the rest.
    const reasons = (kind: string) => copies.filter((c) => c.kind === kind).map((c) => failureOf.get(c.sourceFile)?.message.replace(/^.*?），|^.*?: /g, ""));
    expect(reasons("UTF-16LE with BOM").every((r) => r?.startsWith("内容相当，UTF-8 编码优先于 UTF-16LE；"))).toBe(true);
    expect(reasons("the same bytes under another name").every((r) => r?.startsWith("两个文件字节完全相同；"))).toBe(true);
    expect(reasons("3 bytes flipped").every((r) => /^(含损坏字节的行|识别版式部分|数据行) /.test(r ?? ""))).toBe(true);
    for (const kind of ["5% of bytes flipped", "random binary, 64 bytes", "random binary, 4 KiB", "random binary, 64 KiB"]) {
      expect(reasons(kind).every((r) => / characters undecodable or control characters \(\d+\.\d%, more than 1%\): a damaged or binary file$/.test(r ?? "")), kind).toBe(true);
    }
    for (const kind of ["blank lines only", "zero-length", "a UTF-8 BOM and nothing else"]) expect(reasons(kind), kind).toEqual(["expected a report text, found an empty file"]);

    // What became of each kind of copy, for the record (printed in the test log): "failed 5× truncated at 5%".
    const tally = new Map<string, number>();
    for (const c of copies) {
      const key = `${manifest.inputs.find((i) => i.source_file === c.sourceFile)?.status} ${c.kind}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    console.log(`${mixed.duplicates.length} duplicates, ${mixed.failures.length} failed: ${[...tally].map(([k, n]) => `${n}× ${k}`).join("; ")}`);
  });
});
