import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tikaTextOf } from "./document-model.ts";
import { READER_DOCUMENTS } from "./reader-documents.ts";
import { withFixedPdfDateAndId, withFixedZipTimes } from "./stable-bytes.ts";

const READERS = join(import.meta.dirname, "../fixtures/readers");

// The committed reader documents must be the ones the definitions describe (regenerate with npm run fixtures).
describe("test/fixtures/readers", () => {
  for (const r of READER_DOCUMENTS) {
    it(`${r.name}: every format is there and the expected text is the definition's`, () => {
      for (const f of r.formats) expect(existsSync(join(READERS, `${r.name}.${f}`))).toBe(true);
      expect(readFileSync(join(READERS, `${r.name}.expected.txt`), "utf8")).toBe(tikaTextOf(r.doc));
    });
  }

  it("has the documents a reader must refuse", () => {
    for (const f of ["scan-only.pdf", "encrypted.pdf", "truncated.docx", "not-word.docx"]) expect(existsSync(join(READERS, f))).toBe(true);
  });
});

describe("committed fixtures carry the script's fixed stamps", () => {
  it("merged-cells.docx and merged-cells.pdf are unchanged by the stamp fixing (so regenerating is stable)", () => {
    const docx = readFileSync(join(READERS, "merged-cells.docx"));
    const pdf = readFileSync(join(READERS, "merged-cells.pdf"));
    expect(Buffer.from(withFixedZipTimes(docx)).equals(docx)).toBe(true);
    expect(Buffer.from(withFixedPdfDateAndId(pdf)).equals(pdf)).toBe(true);
  });
});
