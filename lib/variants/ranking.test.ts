import { describe, expect, it } from "vitest";

import { bradleyTerry, eloScale, quantile, rankVariants, type Judgement } from "./ranking";

/** `count` judgements where `winner` beat `loser`. */
const beats = (winner: string, loser: string, count = 1): Judgement[] => Array.from({ length: count }, () => ({ first: winner, second: loser, winner: "first" }));
const ties = (a: string, b: string, count = 1): Judgement[] => Array.from({ length: count }, () => ({ first: a, second: b, winner: "tie" }));

const mle = { prior: 0 };

describe("bradleyTerry (maximum likelihood, prior 0)", () => {
  it("two variants, 3 wins to 1: the strengths are 3 to 1", () => {
    const p = bradleyTerry(["a", "b"], [...beats("a", "b", 3), ...beats("b", "a")], mle);
    expect(p.get("a")! / p.get("b")!).toBeCloseTo(3, 9);
    // Scaled to a geometric mean of 1: √3 and 1/√3.
    expect(p.get("a")).toBeCloseTo(Math.sqrt(3), 9);
    expect(p.get("b")).toBeCloseTo(1 / Math.sqrt(3), 9);
  });

  it("three variants built on strengths 4 : 2 : 1 recover them exactly (worked by hand in the test's comment)", () => {
    // With p = (4, 2, 1): a–b over 3 games a expects 3·4/6 = 2 wins, b–c over 3 games b expects 2,
    // a–c over 5 games a expects 5·4/5 = 4. Those counts satisfy the likelihood equations
    // W_i = Σ_j n_ij p_i / (p_i + p_j), so (4, 2, 1) is the estimate.
    const judgements = [...beats("a", "b", 2), ...beats("b", "a", 1), ...beats("b", "c", 2), ...beats("c", "b", 1), ...beats("a", "c", 4), ...beats("c", "a", 1)];
    const p = bradleyTerry(["a", "b", "c"], judgements, mle);
    expect(p.get("a")! / p.get("b")!).toBeCloseTo(2, 8);
    expect(p.get("b")! / p.get("c")!).toBeCloseTo(2, 8);
    expect(eloScale(p.get("a")!) - eloScale(p.get("b")!)).toBeCloseTo(400 * Math.log10(2), 6); // 120.41 points
  });

  it("a cycle (a > b > c > a) ranks everyone equal", () => {
    const p = bradleyTerry(["a", "b", "c"], [...beats("a", "b"), ...beats("b", "c"), ...beats("c", "a")], mle);
    for (const id of ["a", "b", "c"]) expect(p.get(id)).toBeCloseTo(1, 9);
  });

  it("counts a tie as half a win to each side", () => {
    // a: 1 win + 2 half-wins = 2; b: 2 half-wins = 1, over 3 games: ratio 2.
    const p = bradleyTerry(["a", "b"], [...beats("a", "b"), ...ties("a", "b", 2)], mle);
    expect(p.get("a")! / p.get("b")!).toBeCloseTo(2, 9);
    const evenByTies = bradleyTerry(["a", "b"], [...beats("a", "b"), ...beats("b", "a"), ...ties("b", "a", 3)], mle);
    expect(evenByTies.get("a")).toBeCloseTo(evenByTies.get("b")!, 9);
  });

  it("is symmetric: renaming the variants or swapping sides of a judgement changes nothing but the names", () => {
    const judgements = [...beats("a", "b", 5), ...beats("b", "a", 2), ...ties("a", "b"), ...beats("c", "a", 2), ...beats("a", "c", 3)];
    const p = bradleyTerry(["a", "b", "c"], judgements, mle);
    const rename = { a: "x", b: "y", c: "z" } as const;
    const renamed = judgements.map((j) => ({ ...j, first: rename[j.first as keyof typeof rename], second: rename[j.second as keyof typeof rename] }));
    const q = bradleyTerry(["z", "y", "x"], renamed, mle);
    const flipped = judgements.map((j): Judgement => ({ first: j.second, second: j.first, winner: j.winner === "tie" ? "tie" : j.winner === "first" ? "second" : "first" }));
    const r = bradleyTerry(["a", "b", "c"], flipped, mle);
    for (const id of ["a", "b", "c"] as const) {
      expect(q.get(rename[id])).toBeCloseTo(p.get(id)!, 9);
      expect(r.get(id)).toBeCloseTo(p.get(id)!, 9);
    }
  });
});

describe("bradleyTerry with the default prior", () => {
  it("keeps an undefeated variant finite and ahead, and leaves a variant with no comparisons at the average", () => {
    const p = bradleyTerry(["a", "b", "idle"], beats("a", "b", 4));
    expect(Number.isFinite(p.get("a"))).toBe(true);
    expect(p.get("a")!).toBeGreaterThan(p.get("b")!);
    // a and b are symmetric around the reference, which the idle variant sits on.
    expect(p.get("a")! * p.get("b")!).toBeCloseTo(p.get("idle")! ** 2, 6);
  });

  it("shrinks towards even: 3–1 gives less than the 3-to-1 of the plain estimate", () => {
    const p = bradleyTerry(["a", "b"], [...beats("a", "b", 3), ...beats("b", "a")]);
    const ratio = p.get("a")! / p.get("b")!;
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(3);
  });
});

describe("rankVariants", () => {
  const judgements = [...beats("good", "plain", 14), ...beats("plain", "good", 4), ...ties("good", "plain", 2)];

  it("orders by rating, with counts and an interval that contains the rating", () => {
    const [first, second] = rankVariants(["plain", "good"], judgements);
    expect(first).toMatchObject({ id: "good", comparisons: 20, wins: 14, losses: 4, ties: 2 });
    expect(second).toMatchObject({ id: "plain", comparisons: 20, wins: 4, losses: 14, ties: 2 });
    for (const ranked of [first!, second!]) {
      expect(ranked.interval.low).toBeLessThanOrEqual(ranked.rating);
      expect(ranked.interval.high).toBeGreaterThanOrEqual(ranked.rating);
    }
    expect(first!.rating + second!.rating).toBeCloseTo(3000, 6); // two variants sit symmetrically around 1500
  });

  it("gives wider intervals for fewer comparisons, and the same figures for the same comparisons", () => {
    const few = rankVariants(["plain", "good"], [...beats("good", "plain", 3), ...beats("plain", "good", 1)]);
    const many = rankVariants(["plain", "good"], [...judgements, ...judgements, ...judgements, ...judgements]);
    const width = (r: typeof few) => r[0]!.interval.high - r[0]!.interval.low;
    expect(width(few)).toBeGreaterThan(width(many));
    expect(rankVariants(["plain", "good"], judgements)).toEqual(rankVariants(["plain", "good"], judgements));
  });

  it("with no comparisons, everyone is 1500 with no spread", () => {
    expect(rankVariants(["a", "b"], [])).toEqual([
      { id: "a", rating: 1500, interval: { low: 1500, high: 1500 }, comparisons: 0, wins: 0, losses: 0, ties: 0 },
      { id: "b", rating: 1500, interval: { low: 1500, high: 1500 }, comparisons: 0, wins: 0, losses: 0, ties: 0 },
    ]);
  });
});

describe("quantile", () => {
  it("interpolates between ranks", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20], 0.975)).toBeCloseTo(19.75, 9);
  });
});
