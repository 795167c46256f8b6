/** Shared helpers for the publish tests: temp dirs that clean up, seed copies, file snapshots. */
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A fresh temp dir, removed after the current test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "publish-test-"));
  made.push(dir);
  return dir;
}

export const SEEDS = "data/reports";
export const FIXTURES = "test/fixtures";

/** Copies a directory tree (e.g. the seeds, or a fixture dir) into dest. */
export async function copyTree(from: string, dest: string): Promise<void> {
  await cp(from, dest, { recursive: true });
}

/** Every file directly in dir, name → bytes. */
export async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)));
}
