import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/extract/errors.ts";
import { abbreviates, readIdentity } from "../../src/extract/identity.ts";
import { toLines } from "../../src/extract/lines.ts";
import { firstPlaceIn, placeAtStart } from "../../src/extract/place.ts";
import { ownName, reportId } from "../../src/extract/report.ts";

describe("places from the GB/T 2260 list", () => {
  it("finds counties and prefecture cities by name, with pinyin", () => {
    expect(placeAtStart("醴陵市教育局")).toEqual({ code: "430281", zh: "醴陵市", en: "Liling" });
    expect(placeAtStart("株洲市科学技术局")).toEqual({ code: "430200", zh: "株洲市", en: "Zhuzhou" });
    expect(placeAtStart("凤凰县农业农村局")?.code).toBe("433123");
    expect(firstPlaceIn("2024年度石门县水利局整体支出")?.code).toBe("430726");
  });

  it("takes the district or county a city's name is followed by", () => {
    expect(placeAtStart("株洲市天元区教育局")).toEqual({ code: "430211", zh: "天元区", en: "Tianyuan" });
    expect(placeAtStart("湘西土家族苗族自治州吉首市财政局")?.code).toBe("433101");
    expect(placeAtStart("长沙市长沙县水利局")?.code).toBe("430121");
    // The city's own department, and a district of another city, stay the city.
    expect(placeAtStart("岳阳市科学技术局")?.code).toBe("430600");
    expect(placeAtStart("岳阳市天元区教育局")?.code).toBe("430600");
  });

  it("tells same-named districts apart by the city the text names", () => {
    expect(placeAtStart("朝阳区教育局", "长春市朝阳区")?.code).toBe("220104");
    expect(placeAtStart("朝阳区教育局", "北京市")?.code).toBe("110105");
  });
});

describe("report identity", () => {
  it("reads department and fiscal year from a title, not the writing date", () => {
    const id = readIdentity("x.txt", toLines("2023年度醴陵市水利局部门整体支出\n绩效自评报告\n报告日期：2024年6月9日"));
    expect(id).toEqual({ county_code: "430281", county_zh: "醴陵市", county_en: "Liling", department_zh: "醴陵市水利局", fiscal_year: 2023 });
  });

  it("reads the year of a title said without 度, before the body's first …年度", () => {
    expect(readIdentity("x.txt", toLines("2024年醴陵市水利局部门整体支出绩效自评报告\n与2023年度相比，支出下降。"))).toMatchObject({ department_zh: "醴陵市水利局", fiscal_year: 2024 });
    expect(readIdentity("x.txt", toLines("醴陵市水利局\n2024年部门整体支出\n绩效自评报告\n")).fiscal_year).toBe(2024);
    // A date is not the year evaluated, and a year in the body's first lines is no title.
    expect(readIdentity("x.txt", toLines("醴陵市水利局部门整体支出绩效自评报告\n2025年3月\n2024年度本单位支出……")).fiscal_year).toBe(2024);
    expect(readIdentity("x.txt", toLines("2023年度醴陵市水利局部门整体支出\n绩效自评报告\n2022年完成……")).fiscal_year).toBe(2023);
    expect(readIdentity("x.txt", toLines("醴陵市水利局\n根据《醴陵市2021年预算绩效管理办法》\n2024年度部门整体支出情况")).fiscal_year).toBe(2024);
  });

  it("gives a district's department the district, and an id without the city", () => {
    const id = readIdentity("x.txt", toLines("株洲市天元区教育局2024年度部门整体支出绩效自评报告"));
    expect(id).toEqual({ county_code: "430211", county_zh: "天元区", county_en: "Tianyuan", department_zh: "株洲市天元区教育局", fiscal_year: 2024 });
    expect(ownName("株洲市天元区教育局", "天元区")).toBe("教育局");
    expect(ownName("天元区教育局", "天元区")).toBe("教育局");
    expect(ownName("临湘市科技和工业信息化局", "临湘市")).toBe("科技和工业信息化局");
    expect(reportId(id.county_code, id.county_zh, id.fiscal_year, id.department_zh)).toBe("430211-2024-jyj");
  });

  it("reads titles worded 关于…的报告, and a title's subject in brackets on the next line", () => {
    const dept = (text: string) => readIdentity("x.txt", toLines(text)).department_zh;
    expect(dept("关于衡阳县农业农村局2024年度部门整体支出绩效自评情况的报告")).toBe("衡阳县农业农村局");
    expect(dept("衡阳县农业农村局关于2024年度部门整体支出绩效自评的报告")).toBe("衡阳县农业农村局");
    expect(dept("2024年度部门整体支出绩效自评报告\n\n（衡阳县农业农村局）\n")).toBe("衡阳县农业农村局");
    expect(dept("2024年度部门整体支出绩效自评表\n\t主管部门\n\t衡阳县农业农村局\n")).toBe("衡阳县农业农村局");
  });

  it("recognises departments of other kinds and counties", () => {
    expect(readIdentity("x.txt", toLines("2023年度长沙县第一中学整体支出绩效自评报告")).department_zh).toBe("长沙县第一中学");
    expect(readIdentity("x.txt", toLines("部门(单位)名称  桃源县妇女联合会 \n2024年度")).county_code).toBe("430725");
    expect(readIdentity("x.txt", toLines("2022年度岳阳楼区人民政府办公室部门整体支出绩效自评报告"))).toMatchObject({ county_zh: "岳阳楼区", county_en: "Yueyanglou" });
  });

  it("prefers the full name printed once over a field's abbreviation", () => {
    expect(abbreviates("吉首市科工信局", "吉首市科技和工业信息化局")).toBe(true);
    expect(abbreviates("吉首市财政局", "吉首市科技和工业信息化局")).toBe(false);
    const id = readIdentity("x.txt", toLines("部门（单位）名称（盖章）：吉首市科工信局\n2022年度\n吉首市科技和工业信息化局\n"));
    expect(id.department_zh).toBe("吉首市科技和工业信息化局");
  });

  it("explains what is missing, with file and line", () => {
    expect(() => readIdentity("a/b.txt", toLines("会议纪要\n今天开会。"))).toThrow(ParseError);
    expect(() => readIdentity("a/b.txt", toLines("2024年度会议纪要"))).toThrow(/^a\/b\.txt:1: expected a department name/);
  });

  it("builds an ASCII report id from county code, year and the department's initials", () => {
    expect(reportId("430682", "临湘市", 2024, "临湘市科技和工业信息化局")).toBe("430682-2024-kjgyxxhj");
    expect(reportId("430600", "岳阳市", 2024, "岳阳市科学技术局")).toBe("430600-2024-kxjsj");
  });
});

describe("real titles and bodies (issue 18)", () => {
  const id = (text: string) => readIdentity("x.txt", toLines(text));
  const who = (text: string) => {
    const r = id(text);
    return [r.department_zh, r.county_code, r.fiscal_year];
  };

  it("bodies that are no 局: 政协, 人大, 中共…部, 镇, 人民政府, with the place in front or inside", () => {
    expect(who("南县政协2024年部门整体支出绩效评价报告")).toEqual(["南县政协", "430921", 2024]);
    expect(who("政协平凉市委员会办公室2024年度预算绩效部门评价报告")).toEqual(["政协平凉市委员会办公室", "620800", 2024]);
    expect(who("中共上海市普陀区委社会工作部\n2024年度部门决算")).toEqual(["中共上海市普陀区委社会工作部", "310107", 2024]);
    expect(who("桃源县人大常委会办公室2023年度部门整体支出绩效自评报告")).toEqual(["桃源县人大常委会办公室", "430725", 2023]);
    expect(who("东湖区扬子洲镇2017年度项目支出绩效自评报告")).toEqual(["东湖区扬子洲镇", "360102", 2017]);
    expect(who("南县财政局2020年度 机关整体支出绩效评价报告")).toEqual(["南县财政局", "430921", 2020]);
  });

  it("a province-level city's district, and a prefecture by its short name, derived from the gazetteer", () => {
    expect(placeAtStart("上海市普陀区财政局")).toEqual({ code: "310107", zh: "普陀区", en: "Putuo" });
    expect(who("红河州数据发展中心2024年度部门整体支出绩效自评报告")).toEqual(["红河州数据发展中心", "532500", 2024]);
    expect(placeAtStart("湘西州财政局")?.code).toBe("433100");
    expect(placeAtStart("城步县教育局")?.code).toBe("430529");
    expect(ownName("红河州数据发展中心", "红河哈尼族彝族自治州")).toBe("数据发展中心");
    expect(ownName("政协平凉市委员会办公室", "平凉市")).toBe("政协委员会办公室");
  });

  it("the department on another line, in a page header or only in the body", () => {
    expect(who("2019年部门整体支出绩效评价报告\n醴陵市水利局\n一、基本情况")).toEqual(["醴陵市水利局", "430281", 2019]);
    expect(who("南县财政局 政府信息公开\n2019年部门整体支出绩效评价报告\n一、基本情况")).toEqual(["南县财政局", "430921", 2019]);
    expect(who("2020年度部门整体支出绩效评价报告\n一、自评得分情况\n根据文件精神，对南县财政局2020年度机关整体支出开展了绩效评价，综合评分为97分。")).toEqual(["南县财政局", "430921", 2020]);
    expect(who("欢迎来到南县政协网站!\n部门整体支出绩效评价报告\n2021年部门决算收支完成情况。")).toEqual(["南县政协", "430921", 2021]);
  });

  it("the year without 年度 or without 年; a publishing date is never the year evaluated", () => {
    expect(id("岳阳市城市管理监督指挥中心2018绩效评价自评报告").fiscal_year).toBe(2018);
    expect(id("醴陵市水利局部门整体支出绩效评价报告\n发布时间：2022年4月15日\n2021年部门决算收支完成情况。").fiscal_year).toBe(2021);
    expect(id("醴陵市水利局绩效评价报告\n发文日期：2023年度\n对2022年专项工作经费开展绩效评价。").fiscal_year).toBe(2022);
  });

  it("a text that names no county, or masks it, fails with that cause", () => {
    expect(() => id("部门评价报告根据县财政局要求，我办对2021年专项工作经费开展绩效自评。")).toThrow(/found the body named only as "我办": the text never names its county$/);
    expect(() => id("**河县财政局2021年度部门整体支出绩效自评报告")).toThrow(/expected the name of the department's county, found it masked as "\*\*河县"$/);
  });
});
