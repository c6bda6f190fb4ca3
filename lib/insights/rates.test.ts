import { describe, expect, it } from "vitest";

import { compareRates, MIN_N, rateOf, wilson } from "./rates";

describe("wilson", () => {
  it("is the 95% Wilson score interval", () => {
    // p = 0.5, n = 10: centre 0.5, half-width 1.96·√(0.025 + 0.009604) / 1.38416 = 0.26341.
    const interval = wilson(5, 10)!;
    expect(interval.low).toBeCloseTo(0.2366, 4);
    expect(interval.high).toBeCloseTo(0.7634, 4);
  });

  it("stays inside 0–1 and is not a point at 0% or 100%", () => {
    const none = wilson(0, 20)!;
    expect(none.low).toBeCloseTo(0, 10);
    expect(none.high).toBeCloseTo(0.1611, 4); // 3.8416 / 23.8416
    const all = wilson(20, 20)!;
    expect(all.high).toBeCloseTo(1, 10);
    expect(all.low).toBeCloseTo(0.8389, 4);
  });

  it("has nothing to say about nothing", () => {
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("rateOf", () => {
  it("gives no share below the minimum count, only the counts", () => {
    expect(rateOf(3, MIN_N - 1)).toEqual({ k: 3, n: MIN_N - 1, share: null, low: null, high: null });
    expect(rateOf(3, MIN_N)).toMatchObject({ k: 3, n: MIN_N, share: 0.3 });
  });
});

describe("compareRates", () => {
  it("calls a difference only when the intervals do not overlap", () => {
    expect(compareRates(rateOf(18, 20), rateOf(4, 20))).toBe("higher");
    expect(compareRates(rateOf(4, 20), rateOf(18, 20))).toBe("lower");
    expect(compareRates(rateOf(12, 20), rateOf(9, 20))).toBe("no_clear_difference");
    expect(compareRates(rateOf(9, 9), rateOf(0, 40))).toBe("too_few");
  });
});
