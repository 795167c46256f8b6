/** Every file under a directory with its size, for the scripts that report what a build wrote (bench:site, build:provinces). */
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";

export interface FileSize {
  path: string;
  bytes: number;
}

/** Files under dir, paths relative to root (dir by default). */
export async function walk(dir: string, root = dir, out: FileSize[] = []): Promise<FileSize[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, root, out);
    else out.push({ path: relative(root, path), bytes: (await stat(path)).size });
  }
  return out;
}
