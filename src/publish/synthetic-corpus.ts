/**
 * A synthetic report corpus for benchmarks, the demo and the fixture corpus: units (one department of one county)
 * across years, each report one of the seed texts with its county, department, fiscal year, money figures and
 * indicator rows varied. Pure: seeds and place names come in.
 */
import { abbreviates } from "../extract/identity.ts";

export interface SeedReport {
  /** "<year>/<county>-<department>.txt", as in data/reports (see data/README.md). */
  sourceFile: string;
  text: string;
}

export interface PlaceName {
  code: string;
  zh: string;
}

export interface SyntheticReport {
  sourceFile: string;
  text: string;
}

export interface SyntheticOptions {
  /** PRNG seed: the same seed gives the same corpus. */
  seed?: number;
  /** Fiscal years a unit may report for, ascending. */
  years?: readonly number[];
  /** Departments per county, the first of DEPARTMENTS (default all of them). */
  unitsPerCounty?: number;
  /** Chance that a county has each of its departments (default 0.9; 1 for a fixed set). */
  unitPresence?: number;
}

// Distinct pinyin initials, so report and unit ids stay distinct. The first four (two 科技/工信, 教育, 财政) are
// what a small corpus such as the fixture corpus takes: two kinds at least, and peers within one county.
const DEPARTMENTS = [
  "科学技术局", "教育局", "工业和信息化局", "财政局", "民政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局",
  "交通运输局", "水利局", "农业农村局", "商务局", "文化旅游广电体育局", "卫生健康局", "应急管理局", "审计局", "统计局",
  "林业局", "市场监督管理局", "医疗保障局", "司法局", "生态环境局",
] as const;

/** mulberry32: a small, fast, seedable PRNG (the corpus must not depend on Math.random). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Year, county and department of a seed, from its path "2024/临湘市-科技和工业信息化局.txt". */
export function seedIdentity(sourceFile: string): { year: number; county: string; department: string } {
  const m = /^(\d{4})\/([^/-]+)-([^/]+)\.txt$/.exec(sourceFile);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`invalid seed path: ${sourceFile}`);
  return { year: Number(m[1]), county: m[2], department: m[3] };
}

/** County and county-level city names that name one place only (no 鼓楼区 ambiguity), from GB/T 2260 rows. */
export function uniqueCountyNames(rows: readonly PlaceName[]): PlaceName[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.zh, (count.get(r.zh) ?? 0) + 1);
  return rows.filter((r) => count.get(r.zh) === 1 && /^.{2,4}[市县]$/.test(r.zh));
}

/**
 * Counties for a demo-like corpus, none a seed comes from: Hunan's (code 43…) first, as the bundled reports are,
 * county-level ones (code not ending in 00) before prefecture-level cities; otherwise in the given order.
 */
export function demoCounties(counties: readonly PlaceName[], seeds: readonly SeedReport[]): PlaceName[] {
  const seedCounties = new Set(seeds.map((s) => seedIdentity(s.sourceFile).county));
  const rank = (c: PlaceName) => (c.code.startsWith("43") ? 0 : 2) + (c.code.endsWith("00") ? 1 : 0);
  return counties.filter((c) => !seedCounties.has(c.zh)).sort((a, b) => rank(a) - rank(b));
}

const stem = (name: string) => (name.length > 2 ? name.replace(/[市县区]$/, "") : name);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Short forms of the department the text prints after its county ("吉首市科工信局" for 科技和工业信息化局). */
export function departmentShortForms(text: string, county: string, department: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(`${escape(county)}([\\u4e00-\\u9fff]{2,12}?局)`, "g"))) {
    if (m[1] && abbreviates(m[1], department)) found.add(m[1]);
  }
  return [...found];
}

/**
 * Renames county (full name and stem: 吉首市, 吉首) and department (its full name and the short forms the text uses,
 * else 吉首's 科工信局 would survive as another department) in one pass, so a new name is never renamed again.
 */
export function renamePlaces(text: string, from: { county: string; department: string }, to: { county: string; department: string }): string {
  const map = new Map([
    [from.county, to.county],
    [stem(from.county), stem(to.county)],
    ...departmentShortForms(text, from.county, from.department).map((short): [string, string] => [short, to.department]),
    [from.department, to.department],
  ]);
  const pattern = new RegExp([...map.keys()].sort((a, b) => b.length - a.length).map(escape).join("|"), "g");
  return text.replace(pattern, (m) => map.get(m) ?? m);
}

/** Shifts every standalone year 2010–2035 by delta ("2024年度" → "2025年度", "2025年6月9日" → "2026年6月9日"), not money ("2019.5万元"). */
export function shiftYears(text: string, delta: number): string {
  if (delta === 0) return text;
  return text.replace(/(?<![\d.])(20[1-3]\d)(?!\d|\.\d+\s*[万亿]元)/g, (m) => {
    const y = Number(m);
    return y >= 2010 && y <= 2035 ? String(y + delta) : m;
  });
}

function scaleNumber(s: string, factor: number): string {
  const decimals = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
  return (Number(s) * factor).toFixed(decimals);
}

/**
 * Scales money by factor, keeping each figure's decimals (532.953 stays 3 decimals): figures followed by
 * 万元/亿元, and bare decimal table cells inside a money table (from a line with 万元 to a line with 指标/得分/分值).
 */
export function scaleMoney(text: string, factor: number): string {
  const lines = text.split("\n");
  let inMoneyTable = false;
  return lines
    .map((line) => {
      if (/万元/.test(line)) inMoneyTable = true;
      else if (/指标|得分|分值/.test(line)) inMoneyTable = false;
      const withUnits = line.replace(/(\d+(?:\.\d+)?)(\s*)(万元|亿元)/g, (_, n: string, sp: string, u: string) => scaleNumber(n, factor) + sp + u);
      const cell = /^(\t\s*)(\d+\.\d+)(\s*)$/.exec(withUnits);
      return inMoneyTable && cell?.[2] ? `${cell[1]}${scaleNumber(cell[2], factor)}${cell[3]}` : withUnits;
    })
    .join("\n");
}

/**
 * Drops or repeats indicator rows of the tab-cell tables. A row is a blank-line separated block after the
 * first indicator header (三级指标 / 绩效目标) that starts with an empty merged cell ("\t"), e.g.
 * "\t\n\t\n\t\n\t指标2：…\n\t完成情况"; rows that carry a level label in their first cell are kept.
 */
export function varyIndicatorRows(text: string, random: () => number): string {
  const headerAt = text.search(/三级指标|绩效目标/);
  if (headerAt < 0) return text;
  const head = text.slice(0, headerAt);
  const blocks = text.slice(headerAt).split("\n\n");
  const out: string[] = [];
  blocks.forEach((block, i) => {
    const lines = block.split("\n");
    const isRow = i > 0 && lines.length >= 4 && /^\t\s*$/.test(lines[0] ?? "") && lines.some((l) => /\S/.test(l));
    if (!isRow) return void out.push(block);
    const r = random();
    if (r < 0.15) return; // dropped
    out.push(block);
    if (r > 0.8) out.push(block);
    if (r > 0.95) out.push(block);
  });
  return head + out.join("\n\n");
}

/**
 * The years a unit reports for: most units every year, some starting late, some missing one year after their first, never fewer
 * than two (so every unit has a time series).
 */
export function unitYears(years: readonly number[], random: () => number): number[] {
  const r = random();
  const start = years.length > 2 && r > 0.6 ? (r > 0.85 ? 2 : 1) : 0;
  const held = years.slice(Math.min(start, Math.max(0, years.length - 2)));
  if (held.length >= 3 && random() < 0.2) held.splice(1 + Math.floor(random() * (held.length - 1)), 1);
  return held;
}

/**
 * A unit's money factor per year: its own size (0.5–2× its seed, log-uniform) growing by its own annual rate
 * (−8 % to +15 %), with ±4 % noise a year; so a unit's years follow a trend and units of one kind differ in size.
 */
export function unitMoneyFactors(years: readonly number[], random: () => number): number[] {
  const size = 0.5 * 4 ** random();
  const growth = -0.08 + random() * 0.23;
  const first = years[0] ?? 0;
  return years.map((y) => size * (1 + growth) ** (y - first) * (0.96 + random() * 0.08));
}

/**
 * At most n reports of units (one department of one county) across years, county after county: each unit keeps one
 * seed layout (units take the seeds in turn) and reports for unitYears with unitMoneyFactors. Stops early when the
 * counties run out; (year, county, department) never repeats.
 */
export function* syntheticCorpus(
  seeds: readonly SeedReport[],
  counties: readonly PlaceName[],
  n: number,
  options: SyntheticOptions = {},
): Generator<SyntheticReport> {
  const years = options.years ?? [2021, 2022, 2023, 2024];
  const departments = DEPARTMENTS.slice(0, options.unitsPerCounty ?? DEPARTMENTS.length);
  const presence = options.unitPresence ?? 0.9;
  const random = prng(options.seed ?? 1);
  if (seeds.length === 0 || counties.length === 0) throw new Error("invalid corpus inputs: no seeds or no counties");
  const parsed = seeds.map((s) => ({ ...s, ...seedIdentity(s.sourceFile) }));
  let emitted = 0;
  let unit = 0;
  for (const { zh: county } of counties) {
    for (const department of departments) {
      if (emitted >= n) return;
      if (random() >= presence) continue;
      const seed = parsed[unit % parsed.length]!;
      unit += 1;
      const held = unitYears(years, random);
      const factors = unitMoneyFactors(held, random);
      for (const [k, year] of held.entries()) {
        if (emitted >= n) return;
        let text = renamePlaces(seed.text, seed, { county, department });
        text = shiftYears(text, year - seed.year);
        text = scaleMoney(text, factors[k]!);
        text = varyIndicatorRows(text, random);
        emitted += 1;
        yield { sourceFile: `${year}/${county}-${department}.txt`, text };
      }
    }
  }
}
