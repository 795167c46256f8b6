// 沅江市 2023: narrative only; budget and final-account figures in the same paragraphs.
import { describe, expect, it } from "vitest";
import { fact, seed } from "../helpers/seeds.ts";

const r = seed("2023/沅江市-科学技术和工业信息化局.txt");

describe("沅江市 2023 narrative paragraphs", () => {
  it("identifies the report; fields it does not print stay null", () => {
    expect(r.report).toMatchObject({ county_code: "430981", county_en: "Yuanjiang", department_zh: "沅江市科学技术和工业信息化局", fiscal_year: 2023, self_score: null, grade: null, staff_authorized: null, staff_actual: null });
    expect(r.indicators).toEqual([]);
  });

  it("carries 年初预算 and 决算 through their paragraphs", () => {
    expect(fact(r, "income_total", "budget", 2023)).toEqual([1245.61, 15]);
    expect(fact(r, "income_general_budget", "budget", 2023)).toEqual([1160.21, 15]);
    expect(fact(r, "spend_total", "budget", 2023)).toEqual([1160.21, 15]);
    expect(fact(r, "spend_basic", "budget", 2023)).toEqual([699.94, 15]);
    expect(fact(r, "spend_personnel", "budget", 2023)).toEqual([651.94, 15]);
    expect(fact(r, "spend_public", "budget", 2023)).toEqual([48, 15]);
    expect(fact(r, "income_total", "actual", 2023)).toEqual([11658.78, 16]);
    expect(fact(r, "income_state_capital", "actual", 2023)).toEqual([8, 16]);
    expect(fact(r, "income_other", "actual", 2023)).toEqual([9093.55, 16]);
    expect(fact(r, "spend_total", "actual", 2023)).toEqual([11658.78, 17]);
    expect(fact(r, "spend_project", "actual", 2023)).toEqual([10757.67, 17]);
    expect(fact(r, "spend_public", "actual", 2023)).toEqual([119.23, 17]);
  });

  it("reads 三公 budget and actual from one sentence pair", () => {
    expect(fact(r, "sangong_total", "budget", 2023)).toEqual([12, 18]);
    expect(fact(r, "sangong_reception", "budget", 2023)).toEqual([12, 18]);
    expect(fact(r, "sangong_total", "actual", 2023)).toEqual([11.84, 18]);
    expect(fact(r, "sangong_reception", "actual", 2023)).toEqual([11.84, 18]);
    expect(fact(r, "sangong_vehicle_operation", "actual", 2023)).toEqual([0, 18]);
  });

  it("publishes the first statement of the project budget and flags the other one", () => {
    expect(fact(r, "spend_project", "budget", 2023)).toEqual([460.27, 15]);
    const c = r.checks.find((x) => x.rule === "value_conflict");
    expect(c).toMatchObject({ metrics: "spend_project", source_line: 20 });
    expect(c?.message).toContain("533.67");
    expect(r.checks.find((x) => x.rule === "income_parts_sum")?.message).toContain("1160.21");
  });
});
