/**
 * The lists of a .doc (Word 97–2003): the numbers Word draws in front of list paragraphs ("一、", "（二）", "3.")
 * are not in the text stream but defined in the table stream (MS-DOC PlfLst: each list's levels; PlfLfo: list
 * format overrides, which paragraphs name by index with sprmPIlfo). Read here into the levels list-labels.ts
 * counts with. A damaged or absent definition gives no lists: numbers decorate the text, they never cost a report.
 * Not read: numbering a paragraph has only through its style (the style sheet's sprmPIlfo).
 */
import { emptyLevel, MAX_LEVELS, type Level } from "../list-labels.ts";

/** One list format override: the counter it counts on and its levels (overrides applied). */
export interface DocList {
  key: string;
  levels: Level[];
}

// FibRgFcLcb97 pairs 73 and 74 (fcPlfLst/lcbPlfLst, fcPlfLfo/lcbPlfLfo), at 154 + 8 × index in the FIB.
const FC_PLF_LST = 0x2e2;
const FC_PLF_LFO = 0x2ea;
const LSTF_SIZE = 28;
const LVLF_SIZE = 28;
const LFO_SIZE = 16;

// MS-DOC nfc codes (the number formats of [MS-OSHARED]) → OOXML w:numFmt names, which list-labels.ts draws.
const NFC: Record<number, string> = {
  0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 5: "ordinal", 10: "ideographDigital",
  11: "japaneseCounting", 14: "decimalFullWidth", 16: "japaneseLegal", 17: "japaneseDigitalTenThousand", 18: "decimalEnclosedCircle",
  19: "decimalFullWidth2", 22: "decimalZero", 23: "bullet", 26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen",
  28: "decimalEnclosedCircleChinese", 29: "ideographEnclosedCircle", 30: "ideographTraditional", 31: "ideographZodiac",
  33: "taiwaneseCounting", 35: "taiwaneseCountingThousand", 36: "taiwaneseDigital", 37: "chineseCounting",
  38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none",
};

/** One LVL (LVLF, its paragraph and character properties, its number text) at `at`; and where the next begins. */
function readLevel(table: Buffer, at: number): [Level, number] {
  const flags = table.readUInt8(at + 5);
  const placeholders = new Set([...table.subarray(at + 6, at + 15)].filter((p) => p > 0));
  const follow = table.readUInt8(at + 15);
  const cbChpx = table.readUInt8(at + 24);
  const cbPapx = table.readUInt8(at + 25);
  const restartLimit = table.readUInt8(at + 26);
  let next = at + LVLF_SIZE + cbPapx + cbChpx;
  const cch = table.readUInt16LE(next);
  const xst = table.toString("utf16le", next + 2, next + 2 + 2 * cch);
  next += 2 + 2 * cch;
  // A placeholder is a character whose code is a level index (0–8), at a 1-based position rgbxchNums lists.
  const text = [...xst].map((ch, i) => (placeholders.has(i + 1) && ch.charCodeAt(0) < MAX_LEVELS ? `%${ch.charCodeAt(0) + 1}` : ch)).join("");
  const level: Level = {
    ...emptyLevel(),
    start: table.readInt32LE(at),
    format: NFC[table.readUInt8(at + 4)] ?? "decimal",
    text,
    legal: (flags & 0x04) !== 0,
    // fNoRestart: the level restarts only after levels above ilvlRestartLim (0: never); otherwise after any above.
    restart: (flags & 0x08) !== 0 ? restartLimit : null,
    suffix: follow === 1 ? "space" : follow === 2 ? "nothing" : "tab",
  };
  if (next > table.length) throw new RangeError("LVL past the end of the table stream");
  return [level, next];
}

/** The lists of a document by list format override index (1-based, as sprmPIlfo names them); empty when it has none. */
export function readDocLists(fib: Buffer, table: Buffer): Map<number, DocList> {
  const lists = new Map<number, DocList>();
  if (fib.length < FC_PLF_LFO + 8) return lists;
  const [fcLst, lcbLst, fcLfo, lcbLfo] = [fib.readUInt32LE(FC_PLF_LST), fib.readUInt32LE(FC_PLF_LST + 4), fib.readUInt32LE(FC_PLF_LFO), fib.readUInt32LE(FC_PLF_LFO + 4)];
  if (lcbLst === 0 || lcbLfo === 0) return lists;
  try {
    const byId = new Map<number, Level[]>();
    const count = table.readInt16LE(fcLst);
    const lstfs = Array.from({ length: count }, (_, i) => {
      const at = fcLst + 2 + i * LSTF_SIZE;
      return { lsid: table.readInt32LE(at), simple: (table.readUInt8(at + 26) & 0x01) !== 0 };
    });
    // The LVLs of every list follow the LSTFs, list after list: one level for a simple list, nine otherwise.
    let at = fcLst + 2 + count * LSTF_SIZE;
    for (const { lsid, simple } of lstfs) {
      const levels: Level[] = [];
      for (let k = 0; k < (simple ? 1 : MAX_LEVELS); k++) [levels[k], at] = readLevel(table, at);
      byId.set(lsid, levels);
    }
    const lfoCount = table.readInt32LE(fcLfo);
    const lfos = Array.from({ length: lfoCount }, (_, i) => ({ lsid: table.readInt32LE(fcLfo + 4 + i * LFO_SIZE), overrides: table.readUInt8(fcLfo + 4 + i * LFO_SIZE + 12) }));
    // Each LFO's level overrides (LFOData: a cp, then its LFOLVLs) follow the LFO array, in order.
    at = fcLfo + 4 + lfoCount * LFO_SIZE;
    lfos.forEach(({ lsid, overrides }, i) => {
      const levels = [...(byId.get(lsid) ?? [])];
      at += 4;
      for (let k = 0; k < overrides; k++) {
        const start = table.readInt32LE(at);
        const flags = table.readUInt32LE(at + 4);
        at += 8;
        const ilvl = flags & 0x0f;
        if ((flags & 0x20) !== 0) [levels[ilvl], at] = readLevel(table, at); // fFormatting: a whole LVL follows
        else if ((flags & 0x10) !== 0 && ilvl < MAX_LEVELS) levels[ilvl] = { ...(levels[ilvl] ?? emptyLevel()), start }; // fStartAt
      }
      if (byId.has(lsid)) lists.set(i + 1, { key: overrides > 0 ? `lfo:${i + 1}` : `lst:${lsid}`, levels });
    });
  } catch {
    lists.clear(); // a definition past the end of the stream: no lists rather than wrong numbers
  }
  return lists;
}
