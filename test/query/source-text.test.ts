import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { toLines } from "../../src/extract/lines.ts";
import { reportsDir, sourceText, splitLines } from "../../src/query/source-text.ts";

test("the report page numbers lines exactly as the pipeline does", () => {
  const text = "\ufeff第一行\r\n第二行\r第三行\n\n\t532.95";
  expect(splitLines(text)).toEqual(toLines(text).map((l) => l.raw));
});

test("every seed report's text is found and numbered", async () => {
  const years = await readdir(reportsDir());
  const files = (await Promise.all(years.map(async (y) => (await readdir(`${reportsDir()}/${y}`)).map((f) => `${y}/${f}`)))).flat();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const source = await sourceText(file);
    expect(source?.lines?.length).toBeGreaterThan(10);
    expect(source).toMatchObject({ format: "txt", pages: null, error: null });
  }
});

test("an original that no longer reads still has its format and size, and says why", async () => {
  const dir = await mkdtemp(join(tmpdir(), "source-text-"));
  try {
    await writeFile(join(dir, "x.txt"), Buffer.from([0x00, 0xff, 0x13, 0x9c]));
    expect(await sourceText("x.txt", dir)).toEqual({ format: "txt", bytes: 4, lines: null, pages: null, error: expect.stringMatching(/^x\.txt: expected /) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a missing source file gives null, not a crash", async () => {
  expect(await sourceText("no/such.txt")).toBeNull();
});

test("a damaged text is shown as read: its marks kept, its numbers unmasked, lines where the pipeline counts them", async () => {
  const dir = await mkdtemp(join(tmpdir(), "source-text-"));
  try {
    // One damaged byte in 120 characters: under the 1% a text reader still reads.
    const bytes = Buffer.concat([Buffer.from(`${"部门整体支出".repeat(16)}\n支出合计94`), Buffer.from([0xff]), Buffer.from(".17万元\n")]);
    await writeFile(join(dir, "x.txt"), bytes);
    expect(await sourceText("x.txt", dir)).toEqual({ format: "txt", bytes: bytes.length, lines: ["部门整体支出".repeat(16), "支出合计94\uFFFD.17万元", ""], pages: null, error: null });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
