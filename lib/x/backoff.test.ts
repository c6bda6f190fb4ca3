import { describe, expect, it } from "vitest";

import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles per failed attempt, jittered within the upper half", () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(50);
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(100);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(200);
  });

  it("never exceeds the cap", () => {
    expect(backoffDelayMs(10, policy, () => 0.999)).toBe(1_000);
  });
});
