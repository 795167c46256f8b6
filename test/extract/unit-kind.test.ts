import { describe, expect, it } from "vitest";
import { departmentKind } from "../../src/extract/department-kind.ts";
import { ownName, reportId, unitId } from "../../src/extract/report.ts";

describe("unit_id", () => {
  it("is county code and the own name's initials, the same in every year", () => {
    expect(unitId("430682", "临湘市", "临湘市科技和工业信息化局")).toBe("430682-kjgyxxhj");
    expect(reportId("430682", "临湘市", 2024, "临湘市科技和工业信息化局")).toBe("430682-2024-kjgyxxhj");
    expect(reportId("430682", "临湘市", 2023, "临湘市科技和工业信息化局").replace("-2023", "")).toBe(unitId("430682", "临湘市", "临湘市科技和工业信息化局"));
  });
  it("keeps a renamed department apart", () => {
    expect(unitId("433101", "吉首市", "吉首市科学技术局")).not.toBe(unitId("433101", "吉首市", "吉首市科技和工业信息化局"));
  });
  it("own name drops the county only where it is a prefix", () => {
    expect(ownName("岳阳市科学技术局", "岳阳市")).toBe("科学技术局");
    expect(ownName("科学技术局", "岳阳市")).toBe("科学技术局");
  });
});

describe("department_kind", () => {
  it.each([
    ["科技和工业信息化局", "tech_industry"],
    ["科学技术和工业信息化局", "tech_industry"],
    ["工业和信息化局", "tech_industry"],
    ["教育局", "education"],
    ["第一中学", "school"],
    ["人民医院", "hospital"],
    ["卫生健康局", "health"],
    ["医疗保障局", "healthcare_security"],
    ["人力资源和社会保障局", "human_resources"],
    ["文化旅游广电体育局", "culture_tourism"],
    ["市场监督管理局", "market_regulation"],
    ["城关镇人民政府", "township"],
    ["机关事务服务中心", "other"],
  ])("%s → %s", (name, kind) => {
    expect(departmentKind(name)).toBe(kind);
  });
});
