import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { baseFromKey, PRIORITY_HALF_LIFE_HOURS, priorityAt, priorityBase, priorityFactorsOf, priorityKey, reachOf } from "./priority";
import type { PriorityFactors } from "./types";

const HOUR = 3_600_000;
const noon = new Date("2026-01-12T12:00:00Z");
const factors = (overrides: Partial<PriorityFactors> = {}): PriorityFactors => ({ noteRequests: 0, reach: 1_000, reachEstimated: false, ...overrides });
const key = (checkability: number, f: Partial<PriorityFactors> = {}, agedFrom = noon) => priorityKey(priorityBase(checkability, factors(f)), agedFrom);

describe("ranking", () => {
  it("ranks more note requests, more reach, fresher posts and more checkable posts higher", () => {
    expect(key(0.8, { noteRequests: 3 })).toBeGreaterThan(key(0.8, { noteRequests: 1 }));
    expect(key(0.8, { noteRequests: 1 })).toBeGreaterThan(key(0.8));
    expect(key(0.8, { reach: 500_000 })).toBeGreaterThan(key(0.8, { reach: 2_000 }));
    expect(key(0.8, { reach: 2_000 })).toBeGreaterThan(key(0.8, { reach: null }));
    expect(key(0.8, {}, new Date(noon.getTime() + HOUR))).toBeGreaterThan(key(0.8));
    expect(key(0.9)).toBeGreaterThan(key(0.6));
  });

  it("trades a doubling of (1 + note requests) for one half-life of age", () => {
    const older = key(0.8, { noteRequests: 1 }, new Date(noon.getTime() - PRIORITY_HALF_LIFE_HOURS * HOUR));
    expect(older).toBeCloseTo(key(0.8, { noteRequests: 0 }), 10);
  });

  it("still ranks a post of checkability 0, last", () => {
    expect(Number.isFinite(key(0))).toBe(true);
    expect(key(0)).toBeLessThan(key(0.05));
  });
});

describe("the decay key", () => {
  it("halves the priority every half-life", () => {
    const base = priorityBase(0.8, factors());
    const later = new Date(noon.getTime() + PRIORITY_HALF_LIFE_HOURS * HOUR);
    expect(priorityAt(base, noon, later)).toBeCloseTo(priorityAt(base, noon, noon) / 2, 10);
  });

  it("grows with the post's date for the same base, and orders posts as their priority does at any moment", () => {
    const post = fc.record({
      base: fc.double({ min: -10, max: 10, noNaN: true }),
      agedFrom: fc.integer({ min: 0, max: 30 * 24 }).map((h) => new Date(noon.getTime() - h * HOUR)),
    });
    fc.assert(
      fc.property(post, post, fc.integer({ min: 0, max: 60 * 24 }), (a, b, hoursAfter) => {
        const now = new Date(noon.getTime() + hoursAfter * HOUR);
        const byKey = Math.sign(priorityKey(a.base, a.agedFrom) - priorityKey(b.base, b.agedFrom));
        const byPriority = Math.sign(Math.log(priorityAt(a.base, a.agedFrom, now)) - Math.log(priorityAt(b.base, b.agedFrom, now)));
        if (Math.abs(priorityKey(a.base, a.agedFrom) - priorityKey(b.base, b.agedFrom)) > 1e-6) expect(byKey).toBe(byPriority);
        if (a.base === b.base && a.agedFrom < b.agedFrom) expect(priorityKey(a.base, a.agedFrom)).toBeLessThan(priorityKey(b.base, b.agedFrom));
      }),
    );
  });

  it("gives back the age-independent part, which is not stored, from the key and the age", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 90 * 24 }), (base, hoursAgo) => {
        const agedFrom = new Date(noon.getTime() - hoursAgo * HOUR);
        expect(baseFromKey(priorityKey(base, agedFrom), agedFrom)).toBeCloseTo(base, 5);
      }),
    );
  });
});

describe("reach", () => {
  it("uses impressions, else estimates from engagement, else has none", () => {
    expect(reachOf({ impression_count: 12_000, like_count: 5 })).toEqual({ reach: 12_000, reachEstimated: false });
    expect(reachOf({ like_count: 10, retweet_count: 5, quote_count: 1, reply_count: 4 })).toEqual({ reach: 600, reachEstimated: true });
    expect(reachOf({ bookmark_count: 3 })).toEqual({ reach: null, reachEstimated: false });
    expect(reachOf(null)).toEqual({ reach: null, reachEstimated: false });
  });

  it("reads the factors from the post's own fields: they are stored with it and change only with its content", () => {
    const request = { suggestionId: null, suggestion: "Wrong.", sourceLink: null };
    expect(priorityFactorsOf({ noteRequests: [request, request], publicMetrics: { impression_count: 900 } })).toEqual({ noteRequests: 2, reach: 900, reachEstimated: false });
  });
});
