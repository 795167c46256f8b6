/** The build is deployable on common static hosts: no file in dist/ over 25 MiB (duckdb-eh.wasm is 34 MB raw). */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { siteInfo } from "./site.ts";

const LIMIT = 25 * 1024 * 1024;

test("every file in the build is at most 25 MiB", async () => {
  const dist = siteInfo().dist;
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  expect(files.length).toBeGreaterThan(0);
  const sizes = await Promise.all(files.map(async (f) => ({ file: f.slice(dist.length + 1), mib: (await stat(f)).size / 2 ** 20 })));
  expect(sizes.filter((s) => s.mib * 2 ** 20 > LIMIT).map((s) => `${s.file}: ${s.mib.toFixed(1)} MiB`)).toEqual([]);
});
