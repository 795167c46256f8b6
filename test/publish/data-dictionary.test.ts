import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { renderDataDictionary } from "../../src/publish/data-dictionary.ts";
import { TABLE_NAMES, TABLES } from "../../src/schema/tables.ts";
import { METRICS } from "../../src/schema/vocab.ts";

test("docs/data-dictionary.md is what the schema generates (run `npm run dictionary` after a schema change)", async () => {
  expect(await readFile("docs/data-dictionary.md", "utf8")).toBe(renderDataDictionary());
});

test("names every table, column and metric", () => {
  const md = renderDataDictionary();
  for (const t of TABLE_NAMES) {
    expect(md).toContain(`## ${t} · ${TABLES[t].zh}`);
    for (const [c, col] of Object.entries(TABLES[t].columns)) expect(md).toContain(`| \`${c}\` | ${col.zh} | ${col.type} |`);
  }
  for (const [m, zh] of Object.entries(METRICS)) expect(md).toContain(`| \`${m}\` | ${zh} |`);
});
