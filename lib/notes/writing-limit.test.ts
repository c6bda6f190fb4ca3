import { describe, expect, it } from "vitest";

import { hitRate, hitRateAllowance, writingLimit, type WritingLimitInputs } from "./writing-limit";

/** A settled writer whose volume never binds, so the hit-rate bands decide. */
const settled: WritingLimitInputs = { NH_5: 0, NH_10: 0, HR_R: 0, HR_100: 0, HR_14d: 0, DN_30: 1_000, T: 500 };

const limitAt = (HR_L: number, HR_R = 0) => writingLimit({ ...settled, HR_100: HR_L, HR_14d: HR_L, HR_R }).limit;

describe("the rules before the hit rate", () => {
  it("allows 2 from NH_10 = 8 on, whatever else holds", () => {
    expect(writingLimit({ ...settled, NH_10: 8, NH_5: 5, HR_100: 0.5 })).toMatchObject({ limit: 2, rule: "many_recent_not_helpful" });
    expect(writingLimit({ ...settled, NH_10: 10, NH_5: 5 }).limit).toBe(2);
  });

  it("allows 5 at NH_10 = 7 with NH_5 = 3", () => {
    expect(writingLimit({ ...settled, NH_10: 7, NH_5: 3 })).toMatchObject({ limit: 5, rule: "some_recent_not_helpful" });
  });

  it("goes on to T at NH_5 = 2", () => {
    expect(writingLimit({ ...settled, NH_10: 7, NH_5: 2, T: 19 })).toMatchObject({ limit: 10, rule: "new_writer" });
  });

  it("gives a writer with 19 notes 10 and one with 20 the hit-rate limit", () => {
    expect(writingLimit({ ...settled, T: 19, HR_100: 0.3, HR_14d: 0.3 }).limit).toBe(10);
    expect(writingLimit({ ...settled, T: 20, HR_100: 0.3, HR_14d: 0.3 })).toMatchObject({ limit: 500, rule: "hit_rate" });
  });

  it("gives a brand-new writer 10", () => {
    expect(writingLimit({ NH_5: 0, NH_10: 0, HR_R: 0, HR_100: 0, HR_14d: 0, DN_30: 0, T: 0 }).limit).toBe(10);
  });
});

describe("the hit-rate bands (WL_L), at and either side of each edge", () => {
  it.each([
    // below 0.05: 300 · max(HR_R, HR_L)
    [0.0499, 0, 14], // 300 · 0.0499 = 14.97
    [0.02, 0.3, 90], // HR_R counts only in this band: 300 · 0.3
    // [0.05, 0.10): 15 + 700 · (HR_L − 0.05)
    [0.05, 0, 15],
    [0.05, 0.9, 15],
    [0.06, 0, 22], // 15 + 7: 21.999999999999996 in doubles, floored to 22
    [0.0999, 0, 49], // 15 + 34.93
    // [0.10, 0.15): 50 + 3000 · (HR_L − 0.10)
    [0.1, 0, 50],
    [0.12, 0, 110],
    [0.1499, 0, 199], // 50 + 149.7
    // [0.15, 0.20): 200 + 6000 · (HR_L − 0.15)
    [0.15, 0, 200],
    [0.17, 0, 320],
    [0.1999, 0, 499], // 200 + 299.4
    // 0.20 and up: 500
    [0.2, 0, 500],
    [0.9, 0, 500],
  ])("HR_L %f, HR_R %f → %i", (HR_L, HR_R, expected) => {
    expect(limitAt(HR_L, HR_R)).toBe(expected);
  });

  it("meets itself at every edge", () => {
    for (const edge of [0.1, 0.15, 0.2]) expect(hitRateAllowance(0, edge - 1e-12)).toBeCloseTo(hitRateAllowance(0, edge), 6);
    expect(hitRateAllowance(0, 0.05 - 1e-12)).toBeCloseTo(15, 6);
  });

  it("takes HR_L as the larger of HR_100 and HR_14d", () => {
    expect(writingLimit({ ...settled, HR_100: 0.03, HR_14d: 0.12 })).toMatchObject({ HR_L: 0.12, limit: 110 });
    expect(writingLimit({ ...settled, HR_100: 0.12, HR_14d: -0.4 })).toMatchObject({ HR_L: 0.12, limit: 110 });
  });
});

describe("max(5, floor(min(5 · DN_30, WL_L)))", () => {
  it("is held to 5 · DN_30 when volume is lower than the allowance", () => {
    expect(writingLimit({ ...settled, HR_100: 0.3, DN_30: 2 }).limit).toBe(10);
    expect(writingLimit({ ...settled, HR_100: 0.3, DN_30: 100 / 30 }).limit).toBe(16); // 16.67
  });

  it("is held to WL_L when the allowance is lower than volume", () => {
    expect(writingLimit({ ...settled, HR_100: 0.1, DN_30: 20 }).limit).toBe(50);
  });

  it("never goes below 5", () => {
    expect(writingLimit({ ...settled, HR_100: 0.3, DN_30: 0.5 }).limit).toBe(5); // 2.5
    expect(writingLimit({ ...settled, HR_100: 0, HR_R: 0.01 }).limit).toBe(5); // WL_L = 3
    expect(writingLimit({ ...settled, HR_100: -0.5, HR_14d: -0.2, HR_R: -0.6 }).limit).toBe(5); // negative allowance
  });

  it("lands exactly on 5 at the floor's edge", () => {
    expect(writingLimit({ ...settled, HR_100: 0.3, DN_30: 1 }).limit).toBe(5);
    expect(writingLimit({ ...settled, HR_100: 0.3, DN_30: 0.999 }).limit).toBe(5);
    expect(writingLimit({ ...settled, HR_100: 0.3, DN_30: 1.2 }).limit).toBe(6);
  });
});

describe("hitRate", () => {
  it("is (CRH − CRNH) / notes, and 0 without notes", () => {
    expect(hitRate({ helpful: 6, notHelpful: 2, notes: 20 })).toBe(0.2);
    expect(hitRate({ helpful: 1, notHelpful: 4, notes: 10 })).toBe(-0.3);
    expect(hitRate({ helpful: 0, notHelpful: 0, notes: 0 })).toBe(0);
  });
});
