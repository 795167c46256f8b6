/** The pipeline's input side: find report texts under --in, hash their bytes, decode them. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export type Encoding = "utf-8" | "gb18030";

export interface CorpusFile {
  /** Path relative to the corpus root, with forward slashes on every platform. */
  sourceFile: string;
  /** SHA-256 (hex) of the bytes as stored, before decoding. */
  sha256: string;
  bytes: Uint8Array;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
const gb18030 = new TextDecoder("gb18030", { fatal: true });

/** Decodes report bytes: UTF-8 (BOM stripped) when valid, else GB18030; null when neither. */
export function decodeReport(bytes: Uint8Array): { encoding: Encoding; text: string } | null {
  try {
    return { encoding: "utf-8", text: utf8.decode(bytes) };
  } catch {
    // A UTF-8 file cut off inside its last character (e.g. a truncated download) is still UTF-8:
    // decoding it as GB18030 would turn the whole text into mojibake. Keep U+FFFD so the cut stays visible.
    if (isUtf8WithCutTail(bytes)) return { encoding: "utf-8", text: utf8Lenient.decode(bytes) };
  }
  try {
    return { encoding: "gb18030", text: gb18030.decode(bytes) };
  } catch {
    return null;
  }
}

/** True when only the final, incomplete multi-byte sequence (1–3 bytes) keeps the bytes from being UTF-8. */
function isUtf8WithCutTail(bytes: Uint8Array): boolean {
  let start = bytes.length - 1;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last sequence.
  while (start > 0 && bytes.length - start < 4 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start -= 1;
  const lead = bytes[start] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (need === 1 || bytes.length - start >= need) return false;
  try {
    utf8.decode(bytes.subarray(0, start));
    return true;
  } catch {
    return false;
  }
}

/** Lists every *.txt under root, relative with forward slashes, in a stable code-unit order. */
export async function listCorpus(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".txt"))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"));
  // Plain code-unit order, not localeCompare: the same on every machine and locale.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads one corpus file's bytes and their SHA-256; decoding is left to decodeReport. */
export function readCorpusFile(root: string, sourceFile: string): CorpusFile {
  // Synchronous on purpose: for many small local files, fs.promises.readFile's thread-pool round trips
  // left the process idle most of the time (measured: 10,000 reports, about half the wall time).
  const bytes = readFileSync(join(root, ...sourceFile.split("/")));
  return { sourceFile, sha256: createHash("sha256").update(bytes).digest("hex"), bytes };
}
