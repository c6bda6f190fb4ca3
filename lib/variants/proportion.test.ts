import { describe, expect, it } from "vitest";

import { wilsonInterval } from "./proportion";

describe("wilsonInterval", () => {
  it("matches the textbook figure: 8 of 10 → 49.0 % to 94.3 %", () => {
    const interval = wilsonInterval(8, 10)!;
    expect(interval.low).toBeCloseTo(0.4902, 3);
    expect(interval.high).toBeCloseTo(0.9433, 3);
  });

  it("never claims certainty from a few cases, and has nothing to say about none", () => {
    expect(wilsonInterval(3, 3)!.low).toBeLessThan(0.5);
    expect(wilsonInterval(0, 3)!.high).toBeGreaterThan(0.4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
