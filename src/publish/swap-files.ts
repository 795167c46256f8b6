/** Publishes a set of files all at once: written into a temp dir beside the target, then renamed into it. */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Size and SHA-256 of a file, for the manifest. */
export async function fileRecord(dir: string, file: string): Promise<{ file: string; bytes: number; sha256: string }> {
  const bytes = await readFile(join(dir, file));
  return { file, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * Lets fill write every published file into a fresh temp dir beside outDir (same file system, so rename is
 * atomic), then renames each of files (a list, or a function called once fill is done) into outDir in the order given (manifest.json last). If fill throws, outDir is untouched.
 * outDir is shared with other files (site assets), so it is never replaced as a whole: each file is swapped
 * on its own, and a reader who sees the new manifest also sees the new tables.
 */
export async function writeAtomically(outDir: string, files: readonly string[] | (() => readonly string[]), fill: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(outDir), { recursive: true });
  const tmp = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}.tmp-`));
  try {
    await fill(tmp);
    await mkdir(outDir, { recursive: true });
    // A function: the list is known only once fill has written them (an optional file it may leave out).
    for (const file of typeof files === "function" ? files() : files) await rename(join(tmp, file), join(outDir, file));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
