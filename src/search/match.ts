/**
 * Matches a query against the search index, in the browser as you type (and in tests). A query may mix Han
 * characters and pinyin: each Han character must equal a name's character, and a run of letters must spell the
 * following characters' syllables, each in full or by its first letters ("linxiang", "lxkj", "linxkj", "临湘kj").
 * Names are matched as character runs (whitespace tokenising does not work for Chinese), so any part of a name
 * matches; a unit is also matched as county stem + department ("临湘科" in 临湘市 + 科技和工业信息化局). The index
 * holds ≈ 2,500 units at 10,000 reports, so every keystroke scans it all (well under a few milliseconds) and
 * no inverted index is needed.
 */
import type { SearchIndex } from "./search-index.ts";

export interface SearchHit {
  type: "county" | "unit";
  /** county code, or unit_id. */
  id: string;
  county_code: string;
  county_zh: string;
  /** The department's own name (units only). */
  department_zh: string | null;
  kind_zh: string | null;
  years: number[];
  /** A unit with one document: its report_id (its page is that report's); else null. */
  sole_report_id: string | null;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many entries matched, of which hits holds the best `limit`. */
  total: number;
}

interface Token {
  ch: string;
  py: string;
}

interface Entry {
  hit: Omit<SearchHit, "score">;
  /** Full name as tokens, e.g. 临湘市科技和工业信息化局; the department starts at deptAt (0 for a county). */
  full: Token[];
  deptAt: number;
  /** County stem + department (临湘科技和工业信息化局), or null when the county has no stem. */
  stemmed: Token[] | null;
  /** Pinyin initials of full and stemmed ("lxskjhgyxxhj", "lxkjhgyxxhj"), for the one-letter-off fallback. */
  initials: string[];
}

export interface Searcher {
  search(query: string, options?: { limit?: number; types?: readonly SearchHit["type"][] }): SearchResult;
}

const HAN = /\p{Script=Han}/u;

function tokens(zh: string, syllables: string): Token[] {
  const chars = [...zh];
  const py = syllables.split(" ");
  return chars.map((ch, i) => ({ ch, py: py[i] ?? ch.toLowerCase() }));
}

const stemLength = (county: Token[]) => (county.length > 2 && /[市县区旗]$/.test(county.at(-1)?.ch ?? "") ? county.length - 1 : county.length);

/** Lower case, Han characters, letters and digits only: "临湘 科" → "临湘科", "LX-KJ" → "lxkj". */
export function normalizeQuery(query: string): string[] {
  return [...query.toLowerCase().normalize("NFKC")].filter((c) => HAN.test(c) || /[a-z0-9]/.test(c));
}

/** The token after the last matched one when q matches a run of tokens starting at `from`, else -1. */
function matchFrom(q: readonly string[], seq: readonly Token[], from: number): number {
  const failed = new Set<number>();
  const go = (qi: number, ti: number): number => {
    if (qi === q.length) return ti;
    if (ti === seq.length) return -1;
    const key = qi * 64 + ti;
    if (failed.has(key)) return -1;
    const t = seq[ti]!;
    let end = -1;
    if (HAN.test(q[qi]!) || !/[a-z]/.test(t.py[0] ?? "")) {
      if (q[qi] === t.ch.toLowerCase()) end = go(qi + 1, ti + 1);
    } else {
      // Letters spell this character's syllable in full or any leading part of it; longest first.
      let k = 0;
      while (k < t.py.length && q[qi + k] === t.py[k]) k += 1;
      for (; k >= 1 && end < 0; k -= 1) end = go(qi + k, ti + 1);
    }
    if (end < 0) failed.add(key);
    return end;
  };
  return go(0, from);
}

/** Han characters of q in order inside seq, not necessarily together ("临湘信息"): the span they cover, or -1. */
function subsequenceSpan(q: readonly string[], seq: readonly Token[]): number {
  let qi = 0;
  let first = -1;
  for (let i = 0; i < seq.length && qi < q.length; i += 1) {
    if (seq[i]!.ch === q[qi]) {
      if (first < 0) first = i;
      qi += 1;
      if (qi === q.length) return i - first + 1;
    }
  }
  return -1;
}

// Initials people mix up when typing from memory or by ear: palatals, dentals, n/l, f/h and the voicing pairs.
const SOUND_ALIKE = ["jqx", "zcs", "nl", "fh", "bp", "dt", "gk"];
const alike = (a: string, b: string) => SOUND_ALIKE.some((g) => g.includes(a) && g.includes(b));

/** Whether s contains a window of q's length that differs from q in exactly one sound-alike letter ("ljkj" in "lxkj"). */
function oneLetterOff(q: string, s: string): boolean {
  for (let i = 0; i + q.length <= s.length; i += 1) {
    let diff = 0;
    for (let j = 0; j < q.length && diff < 2; j += 1) if (s[i + j] !== q[j]) diff += alike(s[i + j]!, q[j]!) ? 1 : 2;
    if (diff === 1) return true;
  }
  return false;
}

/**
 * Score of the best match of q in an entry, or 0. Whole name > name or department starts with q > q inside the
 * name > Han characters in order but apart; shorter names first. With `fuzzy` (asked only when nothing matched):
 * letters only, at least 4, initials one sound-alike letter off.
 */
function score(q: readonly string[], e: Entry, fuzzy: boolean): number {
  let best = 0;
  for (const seq of e.stemmed ? [e.full, e.stemmed] : [e.full]) {
    const deptAt = seq === e.full ? e.deptAt : seq.length - (e.full.length - e.deptAt);
    for (let from = 0; from < seq.length; from += 1) {
      // Cheap first-character test before the full match: most start positions fail here.
      const t = seq[from]!;
      if (q[0] !== t.ch && q[0] !== t.py[0]) continue;
      const end = matchFrom(q, seq, from);
      if (end < 0) continue;
      const s = from === 0 && end === seq.length ? 1000 : from === 0 ? 700 : from === deptAt && e.deptAt > 0 ? 650 : 400;
      best = Math.max(best, s - seq.length);
    }
  }
  if (best > 0) return best;
  if (q.length >= 2 && q.every((c) => HAN.test(c))) {
    const span = subsequenceSpan(q, e.full);
    if (span > 0) return 200 - span - e.full.length;
  }
  const letters = q.join("");
  if (fuzzy && q.length >= 4 && /^[a-z]+$/.test(letters) && e.initials.some((s) => oneLetterOff(letters, s))) return 100 - e.full.length;
  return 0;
}

/** Prepares the index's names as character tokens once; search() then only scans. */
export function searcher(index: SearchIndex): Searcher {
  const countyTokens = index.counties.map(([, zh, py]) => tokens(zh, py));
  const deptTokens = index.departments.map(([zh, py]) => tokens(zh, py));
  const initialsOf = (seq: Token[]) => seq.map((t) => t.py[0] ?? "").join("");
  const entries: Entry[] = [];
  index.counties.forEach(([code, zh], i) => {
    const full = countyTokens[i]!;
    entries.push({
      hit: { type: "county", id: code, county_code: code, county_zh: zh, department_zh: null, kind_zh: null, years: [], sole_report_id: null },
      full,
      deptAt: 0,
      stemmed: null,
      initials: [initialsOf(full)],
    });
  });
  const countyYears = new Map<number, Set<number>>();
  for (const [unitId, c, d, k, years, soleReportId] of index.units) {
    const [code, countyZh] = index.counties[c]!;
    const county = countyTokens[c]!;
    const dept = deptTokens[d]!;
    const full = [...county, ...dept];
    const stem = stemLength(county);
    const stemmed = stem < county.length ? [...county.slice(0, stem), ...dept] : null;
    entries.push({
      hit: { type: "unit", id: unitId, county_code: code, county_zh: countyZh, department_zh: index.departments[d]![0], kind_zh: index.kinds[k]?.[1] ?? null, years, sole_report_id: soleReportId ?? null },
      full,
      deptAt: county.length,
      stemmed,
      initials: stemmed ? [initialsOf(full), initialsOf(stemmed)] : [initialsOf(full)],
    });
    const ys = countyYears.get(c) ?? new Set<number>();
    for (const y of years) ys.add(y);
    countyYears.set(c, ys);
  }
  index.counties.forEach((_, i) => (entries[i]!.hit.years = [...(countyYears.get(i) ?? [])].sort((a, b) => a - b)));

  return {
    search(query, { limit = 10, types } = {}) {
      const q = normalizeQuery(query);
      if (q.length === 0) return { hits: [], total: 0 };
      const hits: SearchHit[] = [];
      for (const fuzzy of [false, true]) {
        for (const e of entries) {
          if (types && !types.includes(e.hit.type)) continue;
          const s = score(q, e, fuzzy);
          if (s > 0) hits.push({ ...e.hit, score: s });
        }
        if (hits.length > 0) break;
      }
      hits.sort((a, b) => b.score - a.score || b.years.length - a.years.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { hits: hits.slice(0, limit), total: hits.length };
    },
  };
}
