/**
 * A synthetic report corpus for benchmarks: each report is one of the seed texts with its county,
 * department, fiscal year, money figures and indicator rows varied. Pure: seeds and place names come in.
 */

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
  years?: readonly number[];
}

// Distinct pinyin initials, so report ids (county, year, department initials) stay distinct.
const DEPARTMENTS = [
  "财政局", "教育局", "民政局", "人力资源和社会保障局", "自然资源局", "住房和城乡建设局", "交通运输局",
  "水利局", "农业农村局", "商务局", "文化旅游广电体育局", "卫生健康局", "应急管理局", "审计局", "统计局",
  "林业局", "市场监督管理局", "医疗保障局", "司法局", "生态环境局", "科学技术局", "工业和信息化局",
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

const stem = (name: string) => (name.length > 2 ? name.replace(/[市县区]$/, "") : name);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Renames county (full name and stem: 吉首市, 吉首) and department in one pass, so a new name is never renamed again. */
export function renamePlaces(text: string, from: { county: string; department: string }, to: { county: string; department: string }): string {
  const map = new Map([
    [from.county, to.county],
    [stem(from.county), stem(to.county)],
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

/** Generates n reports cycling through the seeds; (county, department) pairs never repeat. */
export function* syntheticCorpus(
  seeds: readonly SeedReport[],
  counties: readonly PlaceName[],
  n: number,
  options: SyntheticOptions = {},
): Generator<SyntheticReport> {
  const years = options.years ?? [2021, 2022, 2023, 2024];
  const random = prng(options.seed ?? 1);
  if (seeds.length === 0 || counties.length === 0) throw new Error("invalid corpus inputs: no seeds or no counties");
  if (n > counties.length * DEPARTMENTS.length) throw new Error(`invalid n: ${n} (at most ${counties.length * DEPARTMENTS.length})`);
  const parsed = seeds.map((s) => ({ ...s, ...seedIdentity(s.sourceFile) }));
  for (let i = 0; i < n; i += 1) {
    const seed = parsed[i % parsed.length]!;
    const county = counties[i % counties.length]!.zh;
    const department = DEPARTMENTS[Math.floor(i / counties.length) % DEPARTMENTS.length]!;
    const year = years[Math.floor(random() * years.length)]!;
    let text = renamePlaces(seed.text, seed, { county, department });
    text = shiftYears(text, year - seed.year);
    text = scaleMoney(text, 0.5 + random() * 1.5);
    text = varyIndicatorRows(text, random);
    yield { sourceFile: `${year}/${county}-${department}.txt`, text };
  }
}
