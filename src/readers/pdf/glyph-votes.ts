/**
 * A font without a map still gives each of its glyphs one code, the same wherever the glyph stands: so what OCR
 * reads for a glyph in one run tells what it is in every other. Pure: the runs' glyph codes and what OCR read in
 * each run in, a reading of each run out, where the glyphs' votes decide it.
 *
 * A run whose reading has as many characters as it has glyphs lends each glyph its character as a vote. A glyph
 * read the same at least twice and in at least three readings of five is that character everywhere: a comma OCR
 * reads nothing in when it stands alone (a lone mark is taken for a speck), or 二 read as 一一 in one run, takes what
 * the same glyph read in its other runs. A glyph without such a vote keeps the run's own reading, or, where that
 * reading has a character too many or too few to be aligned, the run keeps what OCR read as it was.
 */

/** A glyph read the same this many times at least, and in this share of its aligned readings, is decided. */
const MIN_VOTES = 2;
const MIN_SHARE = 0.6;

export interface RunReading {
  /** Each glyph's code: its font and the text layer's character for it (the same glyph, the same code). */
  glyphs: readonly string[];
  /** What OCR read in the run, in order, with each word's confidence (0–100); empty if nothing. */
  words: readonly { text: string; conf: number }[];
}

export interface Decoded {
  str: string;
  /** The lowest over its glyphs: a decided glyph's share of agreeing readings, else the OCR word's confidence. */
  conf: number;
}

interface Tally {
  votes: Map<string, number>;
  total: number;
}

/** Each run's reading after the votes, or null where the run keeps OCR's words as read. */
export function decodeByVotes(runs: readonly RunReading[]): (Decoded | null)[] {
  const tallies = new Map<string, Tally>();
  const aligned = runs.map(alignedChars);
  runs.forEach((run, k) => {
    const chars = aligned[k];
    if (!chars) return;
    run.glyphs.forEach((code, i) => {
      if (isBlank(code)) return;
      const t = tallies.get(code) ?? { votes: new Map(), total: 0 };
      tallies.set(code, t);
      t.votes.set(chars[i]!.char, (t.votes.get(chars[i]!.char) ?? 0) + 1);
      t.total += 1;
    });
  });
  const decided = new Map<string, { char: string; share: number }>();
  for (const [code, t] of tallies) {
    const [char, n] = [...t.votes].sort((a, b) => b[1] - a[1])[0]!;
    if (n >= MIN_VOTES && n / t.total >= MIN_SHARE) decided.set(code, { char, share: n / t.total });
  }
  return runs.map((run, k) => {
    const chars = aligned[k];
    const out: { char: string; conf: number }[] = [];
    for (let i = 0; i < run.glyphs.length; i++) {
      const d = isBlank(run.glyphs[i]!) ? undefined : decided.get(run.glyphs[i]!);
      if (d) out.push({ char: d.char, conf: Math.round(100 * d.share) });
      else if (chars) out.push(chars[i]!);
      else return null;
    }
    const str = out.map((c) => c.char).join("");
    if (str === run.words.map((w) => w.text).join("")) return null;
    return { str, conf: Math.min(...out.map((c) => c.conf)) };
  });
}

/** A glyph whose code is a blank (its number read as a space or control character) may be any glyph: no vote. */
const isBlank = (code: string) => /^\s$/u.test(code.slice(code.lastIndexOf("\u0000") + 1));

/** The run's reading, one character per glyph with its word's confidence, or null if the counts differ. */
function alignedChars(run: RunReading): { char: string; conf: number }[] | null {
  const chars = run.words.flatMap((w) => [...w.text].map((char) => ({ char, conf: w.conf })));
  return chars.length === run.glyphs.length && chars.length > 0 ? chars : null;
}
