import { describe, expect, it } from "vitest";
import { defaultYear } from "../../src/query/default-year.ts";

describe("the year a main route shows first", () => {
  it("is the newest year with at least half the reports of the year before; the newer ones are partial", () => {
    expect(defaultYear([{ year: 2022, n: 2400 }, { year: 2023, n: 2500 }, { year: 2024, n: 5 }])).toEqual({ year: 2023, n: 2500, partial: [{ year: 2024, n: 5 }] });
    expect(defaultYear([{ year: 2022, n: 1 }, { year: 2023, n: 1 }, { year: 2024, n: 3 }])).toEqual({ year: 2024, n: 3, partial: [] });
    // Half is enough; a year after a gap has nothing to compare with.
    expect(defaultYear([{ year: 2023, n: 100 }, { year: 2024, n: 50 }])?.year).toBe(2024);
    expect(defaultYear([{ year: 2021, n: 100 }, { year: 2023, n: 3 }])?.year).toBe(2023);
    expect(defaultYear([])).toBeNull();
  });
});
