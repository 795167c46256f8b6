/**
 * What every reader's text goes through before a recogniser sees it: characters that look like the report's but are
 * other code points are folded to the ones it prints, and each kind folded is counted, so the report says so.
 * - Radicals: PDF fonts that map glyphs to the Kangxi Radicals (U+2F00–U+2FD5) or the CJK Radicals Supplement
 *   (U+2E80–U+2EF3) give "⼯" for 工 and "⻔" for 门. NFKC folds the Kangxi block and the CJK Compatibility Ideographs
 *   (U+F900–U+FAFF); the Supplement has no NFKC mapping, and is folded by Unicode's EquivalentUnifiedIdeograph.txt
 *   (14.0.0: its 114 mappings of U+2E81–U+2EF3, below as code point pairs). A Simplified-Chinese font also draws a few
 *   other code points with one glyph, and a print's ToUnicode names the lower one: 戶 for 户 and ― for — (measured on
 *   chromium's prints with Noto Sans CJK SC); those are folded with the radicals.
 * - Pinyin a mirror site inserts after characters ("內(nèi)部"): removed.
 * - Traditional characters: converted to simplified with OpenCC (opencc-js, Taiwan/Hong Kong variants to mainland).
 * Only characters are replaced, never lines: line numbers stay those of the text as read.
 */
import { Converter } from "opencc-js";

export interface Folded {
  text: string;
  /** Radical (and shared-glyph) code points folded to unified ideographs. */
  radicals: number;
  /** Characters converted from traditional to simplified. */
  traditional: number;
  /** Pinyin insertions removed ("(nèi)"). */
  pinyin: number;
}

// prettier-ignore
const SUPPLEMENT_PAIRS = "2E81:5382 2E82:4E5B 2E83:4E5A 2E84:4E59 2E85:4EBB 2E86:5182 2E87:20628 2E88:5200 2E89:5202 2E8A:535C 2E8B:353E 2E8C:5C0F 2E8D:5C0F 2E8E:5140 2E8F:5C23 2E90:5C22 2E91:21BC2 2E92:5DF3 2E93:5E7A 2E94:5F51 2E95:5F50 2E96:5FC4 2E97:5FC3 2E98:624C 2E99:6535 2E9B:65E1 2E9C:65E5 2E9D:6708 2E9E:6B7A 2E9F:6BCD 2EA0:6C11 2EA1:6C35 2EA2:6C3A 2EA3:706C 2EA4:722B 2EA5:722B 2EA6:4E2C 2EA7:725B 2EA8:72AD 2EA9:738B 2EAA:24D14 2EAB:76EE 2EAC:793A 2EAD:793B 2EAE:25AD7 2EAF:7CF9 2EB0:7E9F 2EB1:7F53 2EB2:7F52 2EB3:34C1 2EB4:5197 2EB5:2626B 2EB6:7F8A 2EB7:2634C 2EB8:2634B 2EB9:8002 2EBA:8080 2EBB:807F 2EBC:8089 2EBD:26951 2EBE:8279 2EBF:8279 2EC0:8279 2EC1:864E 2EC2:8864 2EC3:8980 2EC4:897F 2EC5:89C1 2EC6:89D2 2EC7:278B2 2EC8:8BA0 2EC9:8D1D 2ECA:27FB7 2ECB:8F66 2ECC:8FB6 2ECD:8FB6 2ECE:8FB6 2ECF:9091 2ED0:9485 2ED1:9577 2ED2:9578 2ED3:957F 2ED4:95E8 2ED5:28E0F 2ED6:961D 2ED7:96E8 2ED8:9752 2ED9:97E6 2EDA:9875 2EDB:98CE 2EDC:98DE 2EDD:98DF 2EDE:2967F 2EDF:98E0 2EE0:9963 2EE1:29810 2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C 2EE6:9E1F 2EE7:5364 2EE8:9EA6 2EE9:9EC4 2EEA:9EFE 2EEB:6589 2EEC:9F50 2EED:6B6F 2EEE:9F7F 2EEF:7ADC 2EF0:9F99 2EF1:9F9C 2EF2:4E80 2EF3:9F9F";
const SUPPLEMENT = new Map<number, string>(
  SUPPLEMENT_PAIRS.split(" ").map((p) => {
    const [from, to] = p.split(":");
    return [parseInt(from!, 16), String.fromCodePoint(parseInt(to!, 16))];
  }),
);
const SHARED_GLYPH = new Map([
  [0x6236, "户"],
  [0x2015, "—"],
]);
const RADICAL_OR_COMPAT_G = /[\u2e80-\u2fdf\uf900-\ufaff\u6236\u2015]/gu;

// A syllable with a tone mark in brackets right after a Han character: "內(nèi)", "部（bù）".
const PINYIN = /(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

// Traditional forms a simplified text never holds, among the commonest of a report's words (這 個 們 國 會 經 費 …):
// a text with none of them is not converted at all, so OpenCC's tables load only for a text that needs them.
const TRADITIONAL_HINT = "這個們國會內經費與說過還對發來時開實際預決報績評價據項務機關財資產員單審計劃監購買處認識職責總體實現區縣鎮鄉";
let converter: ((s: string) => string) | null = null;

// What a text holds, told in one pass over its char codes (a third of three regular expressions' time, measured):
// a radical or compatibility ideograph, a traditional character, an opening bracket (where pinyin may follow).
const RADICAL = 1;
const TRADITIONAL = 2;
const BRACKET = 4;
const KIND = new Uint8Array(0x10000);
KIND.fill(RADICAL, 0x2e80, 0x2fe0);
KIND.fill(RADICAL, 0xf900, 0xfb00);
for (const c of SHARED_GLYPH.keys()) KIND[c] = RADICAL;
for (const c of TRADITIONAL_HINT) KIND[c.charCodeAt(0)] = TRADITIONAL;
KIND[0x28] = BRACKET;
KIND[0xff08] = BRACKET;

function kindsIn(text: string): number {
  let kinds = 0;
  for (let i = 0; i < text.length; i++) kinds |= KIND[text.charCodeAt(i)]!;
  return kinds;
}

function foldRadicals(text: string): { text: string; count: number } {
  let count = 0;
  const folded = text.replace(RADICAL_OR_COMPAT_G, (ch) => {
    // A Kangxi radical's NFKC may itself be a shared-glyph code point (⼾ → 戶 → 户).
    const unified = SUPPLEMENT.get(ch.codePointAt(0)!) ?? ch.normalize("NFKC");
    const to = SHARED_GLYPH.get(unified.codePointAt(0)!) ?? unified;
    if (to !== ch) count += 1;
    return to;
  });
  return { text: folded, count };
}

function toSimplified(text: string): { text: string; count: number } {
  const convert = (converter ??= Converter({ from: "tw", to: "cn" }));
  const converted = convert(text);
  // Character for character (OpenCC's tw → cn tables map characters one to one), so every line keeps its number.
  if (converted.length !== text.length) return { text, count: 0 };
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== converted.charCodeAt(i)) count += 1;
  return { text: converted, count };
}

/** The text with look-alike code points folded, pinyin insertions removed and traditional characters simplified. */
export function foldText(input: string): Folded {
  const kinds = kindsIn(input);
  if (kinds === 0) return { text: input, radicals: 0, traditional: 0, pinyin: 0 };
  const radicals = kinds & RADICAL ? foldRadicals(input) : { text: input, count: 0 };
  let text = radicals.text;
  let pinyin = 0;
  if (kinds & BRACKET) {
    text = text.replace(PINYIN, () => {
      pinyin += 1;
      return "";
    });
  }
  const simplified = kinds & TRADITIONAL ? toSimplified(text) : { text, count: 0 };
  return { text: simplified.text, radicals: radicals.count, traditional: simplified.count, pinyin };
}
