import { describe, expect, it } from "vitest";
import { judge } from "../../src/extract/indicator-status.ts";
import { isLevel2Label, level1Of, level2Of } from "../../src/extract/levels.ts";

describe("indicator judgement", () => {
  it("higher is better unless a ceiling", () => {
    expect(judge("新增规模企业", "4家", "完成8家")).toMatchObject({ target_value: 4, actual_value: 8, unit: "家", direction: "higher", status: "met" });
    expect(judge("重点工作完成及时率", "100%", "98%")).toMatchObject({ status: "missed" });
    expect(judge("公用经费控制率", "28.8万元", "21.8万元")).toMatchObject({ direction: "lower", status: "met" });
    expect(judge("成本控制率", "≤100%", "105%")).toMatchObject({ direction: "lower", status: "missed" });
  });

  it("is unknown when either side has no number or units differ", () => {
    expect(judge("助企纾困", "效果明显", "成效明显")).toMatchObject({ status: "unknown", target_value: null, direction: null });
    expect(judge("完成时间", "2024.12.31前", "2024.12.31前").status).toBe("unknown");
    expect(judge("投资", "2亿元", "3家").status).toBe("unknown");
  });

  it("maps level labels to the vocabulary", () => {
    expect(level1Of("产出指标(50分)")).toBe("产出");
    expect(level1Of("效益目标（预期实现的效益）")).toBe("效益");
    expect(level1Of("社会公众或服务对象满意度")).toBe("满意度");
    expect(level2Of("经济效益指标")).toBe("经济效益");
    expect(level2Of("服务对象满意度指标")).toBe("满意度");
    expect(level2Of("数量、质量、时效、成本指标")).toBeNull();
    // A stop left in the label (a typist's, or an OCR engine's) is no part of it.
    expect(level2Of("数量。指标。")).toBe("数量");
    expect(level2Of("社会效益；")).toBe("社会效益");
    // OCR misreads one of 效益's characters; no other label is one character away.
    expect(level2Of("经济效蔓指标")).toBe("经济效益");
    expect(level2Of("社会效荔指标")).toBe("社会效益");
    expect(level2Of("生态致益指标")).toBe("生态效益");
    expect(isLevel2Label("社会效荔指标")).toBe(true);
    // Two characters off, or without 指标, it is not the label.
    expect(level2Of("社会成本指标")).toBe("成本");
    expect(level2Of("经济蔓荔指标")).toBeNull();
    expect(level2Of("社会效能")).toBeNull();
  });
});
