import { describe, expect, it } from "vitest";

import { RateLimiter } from "./rate-limits";

const limits = { requestsPerWindow: 3, windowMs: 60_000, notesPerDay: 2, dayMs: 86_400_000 };

describe("RateLimiter", () => {
  it("counts a fixed window per writer and reports it in X's headers", () => {
    const limiter = new RateLimiter(limits);
    const t0 = 1_000_000;
    expect(limiter.admit("w", false, t0)).toEqual({
      allowed: true,
      headers: { "x-rate-limit-limit": "3", "x-rate-limit-remaining": "2", "x-rate-limit-reset": String((t0 + 60_000) / 1000) },
    });
    limiter.admit("w", false, t0 + 1);
    limiter.admit("w", false, t0 + 2);
    expect(limiter.admit("w", false, t0 + 3)).toMatchObject({ allowed: false, headers: { "x-rate-limit-remaining": "0" } });
    expect(limiter.admit("other", false, t0 + 3).allowed).toBe(true);
    expect(limiter.admit("w", false, t0 + 60_000).allowed).toBe(true);
  });

  it("limits note creation per day, with the 24-hour headers", () => {
    const limiter = new RateLimiter({ ...limits, requestsPerWindow: 100 });
    const t0 = 2_000_000;
    limiter.admit("w", true, t0);
    const second = limiter.admit("w", true, t0 + 1);
    expect(second.headers).toMatchObject({ "x-user-limit-24hour-limit": "2", "x-user-limit-24hour-remaining": "0", "x-user-limit-24hour-reset": String((t0 + 86_400_000) / 1000) });
    expect(limiter.admit("w", true, t0 + 2).allowed).toBe(false);
    expect(limiter.admit("w", false, t0 + 3).allowed).toBe(true);
    expect(limiter.admit("w", true, t0 + 86_400_000).allowed).toBe(true);
  });

  it("does not count refused requests", () => {
    const limiter = new RateLimiter({ ...limits, requestsPerWindow: 1 });
    limiter.admit("w", false, 0);
    limiter.admit("w", false, 1);
    expect(limiter.peek("w", 2)).toMatchObject({ "x-rate-limit-remaining": "0" });
  });
});
