import { describe, expect, it } from "vitest";
import { decodeByVotes, type RunReading } from "../../src/readers/pdf/glyph-votes.ts";

const run = (codes: string, ...words: [string, number][]): RunReading => ({ glyphs: [...codes].map((c) => `F\u0000${c}`), words: words.map(([text, conf]) => ({ text, conf })) });

describe("decodeByVotes: a glyph is what its readings elsewhere agree it is", () => {
  it("fills a glyph OCR read nothing in, and one read wrong, from the same glyph's other readings", () => {
    // "a" is 经, "b" is 费, "c" is "，": read alone, the comma was taken for a speck; 费 once misread as 贵.
    const out = decodeByVotes([run("abc", ["经费，", 95]), run("abc", ["经费，", 90]), run("c"), run("ab", ["经贵", 70]), run("ab", ["经费", 88])]);
    expect(out).toEqual([null, null, { str: "，", conf: 100 }, { str: "经费", conf: 75 }, null]);
  });

  it("keeps a run's own reading where its glyphs are undecided, and OCR's words where they cannot be aligned", () => {
    // "d" is read 二 once and 一 once: no majority. A reading with a character too many is not aligned.
    const out = decodeByVotes([run("d", ["二", 60]), run("d", ["一", 60]), run("dx", ["一一x", 50])]);
    expect(out).toEqual([null, null, null]);
  });

  it("gives blank glyphs no vote: a blank code may be any glyph", () => {
    const out = decodeByVotes([run(" a", ["中文", 90]), run(" a", ["国文", 90]), run(" ")]);
    expect(out).toEqual([null, null, null]);
  });
});
