import { describe, expect, test } from "vitest";
import { buildSearchIndex, syllablesOf, type UnitRow } from "../../src/search/build-index.ts";
import { normalizeQuery, searcher } from "../../src/search/match.ts";

const unit = (unit_id: string, county_code: string, county_zh: string, department_zh: string, department_kind: string, kind_zh: string, years: number[], sole_report_id: string | null = null): UnitRow => ({
  unit_id, county_code, county_zh, department_zh, department_kind, kind_zh, years, sole_report_id,
});

// The five seeds' units, plus peers of the same names elsewhere, so ranking has something to choose between.
const ROWS: UnitRow[] = [
  unit("430682-kjgyxxhj", "430682", "临湘市", "科技和工业信息化局", "tech_industry", "科技/工信", [2024]),
  unit("433101-kgxj", "433101", "吉首市", "科工信局", "tech_industry", "科技/工信", [2022]),
  unit("430981-kxjshgyxxhj", "430981", "沅江市", "科学技术和工业信息化局", "tech_industry", "科技/工信", [2023]),
  unit("430600-kxjsj", "430600", "岳阳市", "科学技术局", "tech_industry", "科技/工信", [2024]),
  unit("431281-gyhxxhj", "431281", "洪江市", "工业和信息化局", "tech_industry", "科技/工信", [2024]),
  unit("430682-jyj", "430682", "临湘市", "教育局", "education", "教育", [2022, 2023, 2024]),
  unit("430181-kjj", "430181", "浏阳市", "科技局", "tech_industry", "科技/工信", [2021, 2022]),
  unit("430181-czj", "430181", "浏阳市", "财政局", "finance", "财政", [2023]),
];
const index = buildSearchIndex(ROWS);
const find = (q: string, limit = 5) => searcher(index).search(q, { limit }).hits.map((h) => (h.type === "county" ? h.county_zh : `${h.county_zh}${h.department_zh}`));

describe("search index", () => {
  test("stores each county and department once, with one pinyin syllable per character", () => {
    expect(index.counties).toEqual([
      ["430181", "浏阳市", "liu yang shi"],
      ["430600", "岳阳市", "yue yang shi"],
      ["430682", "临湘市", "lin xiang shi"],
      ["430981", "沅江市", "yuan jiang shi"],
      ["431281", "洪江市", "hong jiang shi"],
      ["433101", "吉首市", "ji shou shi"],
    ]);
    expect(index.departments[0]).toEqual(["财政局", "cai zheng ju"]);
    expect(index.units[0]).toEqual(["430181-czj", 0, 0, 0, [2023]]);
    expect(index.units.length).toBe(8);
    expect(syllablesOf("绿色")).toBe("lv se");
  });

  test("normalises a query to lower-case Han characters, letters and digits", () => {
    expect(normalizeQuery(" 临湘 科 ")).toEqual(["临", "湘", "科"]);
    expect(normalizeQuery("LX-KJ")).toEqual(["l", "x", "k", "j"]);
  });
});

describe("search", () => {
  test("临湘科: county stem and department start, across the 市", () => {
    expect(find("临湘科")).toEqual(["临湘市科技和工业信息化局"]);
  });

  test("linxiang: full pinyin finds the county first, then its units", () => {
    expect(find("linxiang")).toEqual(["临湘市", "临湘市教育局", "临湘市科技和工业信息化局"]);
  });

  test("lxkj: initials of county stem and department", () => {
    expect(find("lxkj")).toEqual(["临湘市科技和工业信息化局"]);
  });

  test("ljkj: initials one sound-alike letter off (临湘 is lx) when nothing matches exactly", () => {
    expect(find("ljkj")).toEqual(["临湘市科技和工业信息化局"]);
  });

  test("科技: department names starting with it, shorter first, before names holding 科…技 apart", () => {
    expect(find("科技", 10)).toEqual(["浏阳市科技局", "临湘市科技和工业信息化局", "岳阳市科学技术局", "沅江市科学技术和工业信息化局"]);
  });

  test("mixed Han and pinyin, and a part of a department name", () => {
    expect(find("临湘kj")).toEqual(["临湘市科技和工业信息化局"]);
    expect(find("信息化", 10)).toEqual(["洪江市工业和信息化局", "临湘市科技和工业信息化局", "沅江市科学技术和工业信息化局"]);
    expect(find("jiaoyu")).toEqual(["临湘市教育局"]);
  });

  test("limit and types: total counts every match, types keeps units only", () => {
    const s = searcher(index);
    expect(s.search("市", { limit: 2 }).total).toBe(14);
    expect(s.search("liuyang", { types: ["unit"] }).hits.map((h) => h.id)).toEqual(["430181-kjj", "430181-czj"]);
    expect(s.search("  ").hits).toEqual([]);
  });
});

describe("a unit with one document", () => {
  test("carries its report's id through the index to the hit (its page is that report's); others carry null", () => {
    const rows = [unit("430682-kjgyxxhj", "430682", "临湘市", "科技和工业信息化局", "tech_industry", "科技/工信", [2024], "430682-2024-kjgyxxhj"), unit("430181-kjj", "430181", "浏阳市", "科技局", "tech_industry", "科技/工信", [2023, 2024])];
    const built = buildSearchIndex(rows);
    expect(built.units.map((u) => u.length)).toEqual([5, 6]);
    const hits = searcher(built).search("科技", { types: ["unit"] }).hits;
    expect(Object.fromEntries(hits.map((h) => [h.id, h.sole_report_id]))).toEqual({ "430682-kjgyxxhj": "430682-2024-kjgyxxhj", "430181-kjj": null });
  });
});
