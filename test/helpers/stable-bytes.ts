/**
 * LibreOffice stamps every export with the time of the run (zip entry times in .docx, CreationDate and /ID in
 * .pdf). These rewrite the stamps in place, at the same length, so that regenerating unchanged fixtures gives
 * unchanged bytes and nothing moves (zip offsets and the PDF cross-reference table stay valid).
 */
import { createHash } from "node:crypto";

// 2026-01-01 00:00:00 as a DOS time and date.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** A zip with every entry's modification time (central directory and local header) set to 2026-01-01 00:00. */
export function withFixedZipTimes(zip: Uint8Array): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  let end = out.length - 22; // the end-of-central-directory record, found from the back (a comment may follow it)
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip: no end of central directory");
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip central directory broken at ${at}`);
    const local = view.getUint32(at + 42, true);
    for (const timeAt of [at + 12, local + 10]) {
      view.setUint16(timeAt, DOS_TIME, true);
      view.setUint16(timeAt + 2, DOS_DATE, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/**
 * A PDF with CreationDate fixed at 2026-01-01, and its trailer's /ID and /DocChecksum derived from the rest of the
 * file instead of the clock. Not for an encrypted PDF: its key is derived from the /ID.
 */
export function withFixedPdfDateAndId(pdf: Uint8Array): Uint8Array {
  const dated = Buffer.from(pdf).toString("latin1").replace(/\/CreationDate\(D:\d{14}/g, "/CreationDate(D:20260101000000");
  const STAMPS = /(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)|(\/DocChecksum\s*\/)([0-9A-Fa-f]+)/g;
  const zeroed = dated.replace(STAMPS, (m) => m.replace(/(?<=[</])[0-9A-Fa-f]{16,}/g, (h) => "0".repeat(h.length)));
  const digest = createHash("md5").update(zeroed, "latin1").digest("hex").toUpperCase();
  const stamped = zeroed.replace(STAMPS, (m) => m.replace(/(?<=[</])0{16,}/g, (z) => digest.repeat(Math.ceil(z.length / 32)).slice(0, z.length)));
  return Buffer.from(stamped, "latin1");
}
