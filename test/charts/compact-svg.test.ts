/** compactSvg on a real Plot chart drawn in linkedom: rounded coordinates, no per-chart style, marks untouched. */
import * as Plot from "@observablehq/plot";
import { expect, test } from "vitest";
import { buildDocument } from "../../src/charts/build-document.ts";
import { compactSvg, roundCoordinates } from "../../src/charts/compact-svg.ts";

test("long decimals are rounded to 0.1, short ones and units kept as written", () => {
  expect(roundCoordinates("158.33333333333331")).toBe("158.3");
  expect(roundCoordinates("translate(52,106.66666666666666)")).toBe("translate(52,106.7)");
  expect(roundCoordinates("M218,31.7438Z")).toBe("M218,31.7Z");
  expect(roundCoordinates("0.32em")).toBe("0.32em");
  expect(roundCoordinates("-9.999")).toBe("-10");
  expect(roundCoordinates("1.5")).toBe("1.5");
});

test("a Plot chart keeps its marks and text, loses its style, and takes its font size as an attribute", () => {
  const document = buildDocument();
  const chart = Plot.plot({
    document,
    width: 400,
    height: 240,
    style: { fontFamily: "serif", fontSize: "12px", overflow: "visible" },
    marks: [Plot.dot([{ x: 1 / 3, y: 2 / 3 }, { x: 0.5, y: 0.25 }], { x: "x", y: "y", title: () => "第 1 / 3" })],
  }) as unknown as Element;
  const before = chart.outerHTML;
  compactSvg(chart);
  const after = chart.outerHTML;
  expect(before).toMatch(/\d\.\d{5,}/);
  expect(after).not.toMatch(/="[^"]*\d\.\d{3,}/);
  expect(after).not.toContain("<style");
  expect(chart.getAttribute("style")).toBeNull();
  expect(chart.getAttribute("font-family")).toBeNull();
  expect(chart.getAttribute("font-size")).toBe("12");
  expect(chart.getAttribute("overflow")).toBe("visible");
  expect(chart.querySelectorAll("circle")).toHaveLength(2);
  expect(Array.from(chart.querySelectorAll("title")).map((t) => t.textContent)).toEqual(["第 1 / 3", "第 1 / 3"]);
});
