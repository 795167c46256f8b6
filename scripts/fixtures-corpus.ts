/**
 * npm run fixtures:corpus: regenerates test/fixtures/corpus from the seeds with the synthetic-corpus generator:
 * 3 Hunan counties × 4 departments (科技/工信 ×2, 教育, 财政) × 2–4 of the years 2021–2024. Deterministic: the
 * same seeds give the same bytes, so the committed files only change when the generator or the seeds do
 * (test/publish/fixture-corpus.test.ts checks that they match).
 */
import { rm } from "node:fs/promises";
import { syntheticCounties } from "../src/publish/place-names.ts";
import { syntheticCorpus, type SeedReport, type SyntheticReport } from "../src/publish/synthetic-corpus.ts";
import { readSeeds, writeReports } from "./corpus-files.ts";

export const FIXTURE_CORPUS_DIR = "test/fixtures/corpus";
// Real county-level cities that no seed report comes from, so the fixture never mixes with the real reports.
const COUNTIES = ["浏阳市", "醴陵市", "宁乡市"];

/** The fixture corpus's reports, from the seeds. */
export function fixtureCorpus(seeds: readonly SeedReport[]): Generator<SyntheticReport> {
  const all = syntheticCounties();
  const counties = COUNTIES.map((zh) => {
    const c = all.find((p) => p.zh === zh);
    if (!c) throw new Error(`invalid fixture county: ${zh} is not a unique county name`);
    return c;
  });
  return syntheticCorpus(seeds, counties, Infinity, { seed: 8, unitsPerCounty: 4, unitPresence: 1 });
}

if (import.meta.main) {
  await rm(FIXTURE_CORPUS_DIR, { recursive: true, force: true });
  const count = await writeReports(FIXTURE_CORPUS_DIR, fixtureCorpus(await readSeeds("data/reports")));
  console.log(`${count} reports written to ${FIXTURE_CORPUS_DIR}`);
}
