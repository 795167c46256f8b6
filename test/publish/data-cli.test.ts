import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { runDataCli } from "../../src/publish/data-cli.ts";
import type { Manifest } from "../../src/publish/manifest.ts";
import { standInExtract } from "../../src/publish/stand-in-extract.ts";
import { FIXTURES, SEEDS, copyTree, tempDir } from "./helpers.ts";

const run = promisify(execFile);
const BAD = `${FIXTURES}/bad`;

/** Runs scripts/data.ts in a child Node (the one running the tests) and returns its exit code and output. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/data.ts", ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), env: {} } };
}

// Each test starts a Node process that loads the readers, the extractor and DuckDB: seconds, not milliseconds.
describe("npm run data (child process)", { timeout: 30_000 }, () => {
  test("a failed report: exit 1, messages name file and problem, nothing written", async () => {
    const outDir = join(await tempDir(), "out");
    const { code, stderr } = await cli(["--in", BAD, "--out", outDir]);
    expect(code).toBe(1);
    expect(stderr).toContain("test/fixtures/bad/binary.txt: expected UTF-8, GB18030 or UTF-16 text, found 1 of 6 characters undecodable or control characters (16.7%, more than 1%): a damaged or binary file\n");
    expect(stderr).toMatch(/^test\/fixtures\/bad\/empty\.txt(:\d+)?: /m);
    expect(stderr).toMatch(/^test\/fixtures\/bad\/unrecognisable\.txt(:\d+)?: /m);
    expect(stderr).toMatch(/failed; nothing was written to .*out \(--keep-going publishes the others\)\n$/);
    await expect(readdir(outDir)).rejects.toThrow(/ENOENT/);
  });

  test("--keep-going: exit 0, failures printed and listed in manifest.json", async () => {
    const outDir = join(await tempDir(), "out");
    const { code, stdout, stderr } = await cli(["--in", BAD, "--out", outDir, "--keep-going"], { SOURCE_DATE_EPOCH: "1751241600" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^reports +\d+ rows → /m);
    expect(stderr).toContain("test/fixtures/bad/binary.txt: expected UTF-8, GB18030 or UTF-16 text");
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest.generated_at).toBe("2025-06-30T00:00:00.000Z");
    expect(manifest.failures.map((f) => f.file)).toEqual(expect.arrayContaining(["binary.txt", "empty.txt", "unrecognisable.txt"]));
  });

  test("an unknown option: exit 2 with usage", async () => {
    const { code, stderr } = await cli(["--inn", "x"]);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: npm run data -- [--in data/reports] [--out public/data] [--keep-going]");
  });
});

describe("runDataCli", () => {
  test("a missing --in directory: exit 2, said plainly", async () => {
    const { err, io } = capture();
    expect(await runDataCli(["--in", "data/no-such-dir"], io, standInExtract)).toBe(2);
    expect(err[0]).toMatch(/^--in data\/no-such-dir: no such directory\nusage: /);
  });

  test("prints one summary line per table and exits 0 when every report published", async () => {
    const { out, err, io } = capture();
    const outDir = join(await tempDir(), "out");
    expect(await runDataCli(["--in", SEEDS, "--out", outDir], io, standInExtract)).toBe(0);
    expect(err).toEqual([]);
    expect(out.slice(0, 2)).toEqual([`5 reports in ${SEEDS}`, "5 reports extracted, 0 failed"]);
    expect(out.slice(2).map((l) => l.split(/ +/)[0])).toEqual(["reports", "facts", "indicators", "projects", "checks"]);
    expect(out[2]).toBe(`reports           5 rows → ${outDir}/reports.parquet, reports.csv`);
  });

  test("names failures with the --in path as typed, and the line when known", async () => {
    const { err, io } = capture();
    const outDir = join(await tempDir(), "out");
    expect(await runDataCli(["--in", `${BAD}/`, "--out", outDir], io, standInExtract)).toBe(1);
    expect(err).toEqual([
      "test/fixtures/bad/binary.txt: expected UTF-8, GB18030 or UTF-16 text, found 1 of 6 characters undecodable or control characters (16.7%, more than 1%): a damaged or binary file",
      "test/fixtures/bad/empty.txt: expected a report text, found an empty file",
      'test/fixtures/bad/unrecognisable.txt:1: expected a fiscal year such as "2024年度", found "红烧肉做法"',
      `3 reports failed; nothing was written to ${outDir} (--keep-going publishes the others)`,
    ]);
  });

  test("a duplicate is said once and does not fail the run, even without --keep-going", async () => {
    const { out, err, io } = capture();
    const root = await tempDir();
    await copyTree(SEEDS, join(root, "in"));
    // The same bytes under another name: the stand-in's report_id comes from the hash, so both claim one report.
    await copyTree(join(SEEDS, "2022/吉首市-科技和工业信息化局.txt"), join(root, "in", "下载", "吉首.txt"));
    expect(await runDataCli(["--in", join(root, "in"), "--out", join(root, "out")], io, standInExtract)).toBe(0);
    expect(out[1]).toBe("5 reports extracted, 0 failed, 1 duplicate left out");
    const sha256 = createHash("sha256").update(await readFile(join(SEEDS, "2022/吉首市-科技和工业信息化局.txt"))).digest("hex");
    expect(err).toEqual([
      `${join(root, "in")}/下载/吉首.txt: 与 2022/吉首市-科技和工业信息化局.txt 为同一报告（sim-2022-${sha256.slice(0, 12)}），两个文件字节完全相同；发布的是 2022/吉首市-科技和工业信息化局.txt`,
    ]);
  });
});
