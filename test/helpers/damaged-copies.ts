/**
 * The damaged-copies experiment of issue 7: what a real download folder holds beside the good reports. Pure and
 * deterministic (seeded PRNG): the same seeds and seed number give the same bytes.
 */
import { prng } from "../../src/publish/synthetic-corpus.ts";

export interface SeedFile {
  sourceFile: string;
  bytes: Uint8Array;
}

export interface DamagedCopy extends SeedFile {
  /** What was done, for test messages. */
  kind: string;
  /** The seed it was made from, or null (binary, empty). */
  from: string | null;
}

const stem = (sourceFile: string) => sourceFile.replace(/^.*\//, "").replace(/\.[^.]+$/, "");

/** Cut at a share of the bytes; aligned to a UTF-8 character start unless midChar (then one byte into a CJK character). */
function truncate(bytes: Uint8Array, share: number, midChar: boolean): Uint8Array {
  let at = Math.floor(bytes.length * share);
  while (at < bytes.length && ((bytes[at] ?? 0) & 0xc0) === 0x80) at += 1;
  if (midChar) {
    while (at < bytes.length && (bytes[at] ?? 0) < 0xe0) at += 1;
    at += 1;
  }
  return bytes.slice(0, at);
}

/**
 * Each flipped byte is XORed with 0x80 | r, so each leaves an undecodable sequence. (A flip that turns one digit
 * into another is valid text, and no reader can see it; this experiment is about damage a reader can see.)
 */
function flip(bytes: Uint8Array, count: number, random: () => number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * out.length);
    out[at] = (out[at] ?? 0) ^ (0x80 | Math.floor(random() * 0x80));
  }
  return out;
}

function shuffleLines(text: string, random: () => number): string {
  const lines = text.split("\n");
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines.join("\n");
}

function utf16leWithBom(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
}

const encode = (s: string) => new TextEncoder().encode(s);

/** Lines 3–14 printed twice, NUL bytes in the second copy: a download that repeated a block. */
function repeatBlock(text: string): string {
  const lines = text.split("\n");
  const block = lines.slice(2, 14).map((l, i) => (i % 4 === 1 ? `${l}\u0000` : l));
  return [...lines.slice(0, 14), ...block, ...lines.slice(14)].join("\n");
}

/** A line of 400 digits after the title: no report prints such a number. */
const withLongNumber = (text: string) => text.replace("\n", `\n编号：${"7".repeat(400)}\n`);

/**
 * 14 damaged or re-saved copies of each seed and 6 files that are no report at all (76 for the five seeds).
 * Copies go into folders that sort before the seeds' own ("0-下载/", "2024/… (1).txt") and after them ("下载/"),
 * so no outcome can come from path order.
 */
export function damagedCopies(seeds: readonly SeedFile[], seed = 7): DamagedCopy[] {
  const random = prng(seed);
  const copies: DamagedCopy[] = [];
  for (const s of seeds) {
    const name = stem(s.sourceFile);
    const text = new TextDecoder().decode(s.bytes);
    const add = (sourceFile: string, kind: string, bytes: Uint8Array) => copies.push({ sourceFile, kind, bytes, from: s.sourceFile });
    for (const share of [0.05, 0.25, 0.5, 0.75, 0.95]) add(`0-下载/${name}-截断${share * 100}.txt`, `truncated at ${share * 100}%`, truncate(s.bytes, share, false));
    add(`${s.sourceFile.replace(/\.txt$/, "")} (1).txt`, "truncated inside a character at 60%", truncate(s.bytes, 0.6, true));
    add(`0-下载/${name}-坏字节少.txt`, "3 bytes flipped", flip(s.bytes, 3, random));
    add(`0-下载/${name}-坏字节多.txt`, "5% of bytes flipped", flip(s.bytes, Math.ceil(s.bytes.length * 0.05), random));
    add(`0-下载/${name}-乱序.txt`, "lines shuffled", encode(shuffleLines(text, random)));
    add(`0-下载/${name}-utf16.txt`, "UTF-16LE with BOM", utf16leWithBom(text));
    add(`0-下载/${name}-半篇.txt`, "every third line dropped", encode(text.split("\n").filter((_, i) => i % 3 !== 2).join("\n")));
    add(`下载/${name}-副本.txt`, "the same bytes under another name", s.bytes.slice());
    // Longer than the seed with the same tables (no randomness, so the copies above stay as they were).
    add(`0-下载/${name}-重复段.txt`, "a block of 12 lines repeated, 3 NUL bytes inserted", encode(repeatBlock(text)));
    add(`0-下载/${name}-长数字.txt`, "a line with a 400-digit number added", encode(withLongNumber(text)));
  }
  const binary = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const other = (sourceFile: string, kind: string, bytes: Uint8Array) => copies.push({ sourceFile, kind, bytes, from: null });
  other("0-下载/随机1.txt", "random binary, 64 bytes", binary(64));
  other("0-下载/随机2.txt", "random binary, 4 KiB", binary(4096));
  other("0-下载/随机3.txt", "random binary, 64 KiB", binary(65536));
  other("0-下载/空白.txt", "blank lines only", encode("\n\n  \n"));
  other("0-下载/零字节.txt", "zero-length", new Uint8Array());
  other("0-下载/仅BOM.txt", "a UTF-8 BOM and nothing else", new Uint8Array([0xef, 0xbb, 0xbf]));
  return copies;
}
