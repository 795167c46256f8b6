import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { listCorpus } from "../../src/publish/read-corpus.ts";
import { FIXTURE_CORPUS_DIR, fixtureCorpus } from "../../scripts/fixtures-corpus.ts";
import { readSeeds } from "../../scripts/corpus-files.ts";
import { SEEDS } from "./helpers.ts";

const ROOT = join(import.meta.dirname, "../..");

test("test/fixtures/corpus is exactly what npm run fixtures:corpus generates from the seeds", async () => {
  const generated = [...fixtureCorpus(await readSeeds(SEEDS))];
  const committed = await listCorpus(join(ROOT, FIXTURE_CORPUS_DIR));
  expect(committed.length).toBe(39);
  expect(generated.map((r) => r.sourceFile).sort()).toEqual(committed);
  for (const r of generated) expect(await readFile(join(ROOT, FIXTURE_CORPUS_DIR, r.sourceFile), "utf8"), r.sourceFile).toBe(r.text);
});
