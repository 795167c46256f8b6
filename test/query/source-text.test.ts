import { readdir } from "node:fs/promises";
import { expect, test } from "vitest";
import { toLines } from "../../src/extract/lines.ts";
import { reportsDir, sourceLines, splitLines } from "../../src/query/source-text.ts";

test("the report page numbers lines exactly as the pipeline does", () => {
  const text = "\ufeff第一行\r\n第二行\r第三行\n\n\t532.95";
  expect(splitLines(text)).toEqual(toLines(text).map((l) => l.raw));
});

test("every seed report's text is found and numbered", async () => {
  const years = await readdir(reportsDir());
  const files = (await Promise.all(years.map(async (y) => (await readdir(`${reportsDir()}/${y}`)).map((f) => `${y}/${f}`)))).flat();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect((await sourceLines(file))?.length).toBeGreaterThan(10);
});

test("a missing source file gives null, not a crash", async () => {
  expect(await sourceLines("no/such.txt")).toBeNull();
});
