/** manifest.json as published next to the tables (hashes, schema version, build time), read at build time. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../publish/manifest.ts";
import { dataDir } from "./build-db.ts";

/** The published manifest, or null when the pipeline has not written one. */
export async function readManifest(dir = dataDir()): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch {
    return null;
  }
}
