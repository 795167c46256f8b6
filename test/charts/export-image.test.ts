import { describe, expect, test } from "vitest";
import { chartImageSvg, textEms, wrapText } from "../../src/charts/export-image.ts";

describe("chart image", () => {
  const parts = {
    chart: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="10" height="10"/></svg>',
    width: 400,
    height: 200,
    title: "三公经费：上年实际 → 本年预算 → 本年实际",
    note: "单位：万元",
    legend: [{ label: "本年预算", color: "#0072B2" }],
    source: ["来源：财政绩效看板，数据版本 2026-12-06-3f9a2c1b7d", "http://127.0.0.1/sangong/?year=2024&county=430682"],
  };

  test("holds the title, note, legend and source as text around the chart's own SVG, escaped, on white", () => {
    const { svg, width, height } = chartImageSvg(parts);
    expect(width).toBe(400);
    expect(height).toBeGreaterThan(200 + 18 + 13 + 12 * 2);
    expect(svg).toContain(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="${height}"`);
    expect(svg).toContain(">三公经费：上年实际 → 本年预算 → 本年实际</text>");
    expect(svg).toContain(">单位：万元</text>");
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).toContain(">本年预算</text>");
    expect(svg).toContain(">来源：财政绩效看板，数据版本 2026-12-06-3f9a2c1b7d</text>");
    expect(svg).toContain("county=430682</text>");
    expect(svg).toContain("&amp;county");
    expect(svg).toContain(parts.chart);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
  });

  test("wraps a title wider than the image onto lines that each fit", () => {
    expect(textEms("三公ab")).toBeCloseTo(3.1);
    const lines = wrapText("一二三四五六七八九十", 4);
    expect(lines).toEqual(["一二三四", "五六七八", "九十"]);
    expect(wrapText("一二三四、五六", 4)).toEqual(["一二三四、", "五六"]);
    const { svg } = chartImageSvg({ ...parts, width: 320, title: "很长的标题".repeat(10) });
    expect(svg.match(/font-weight="bold"/g)!.length).toBeGreaterThan(1);
  });
});
